//! Allowlist: cleared false positives that stay cleared until the list entry changes.
//!
//! An analyst who finds that customer `C` is not listed entity `E` records a [`Decision`]:
//! the customer key, `E`'s [`EntityId`] and `E`'s [`ContentHash`] at the time. The
//! [`Allowlist`] then suppresses `E` in `C`'s screening results, for as long as `E` hashes the
//! same. When the list changes anything in `E` (a name, an identifier, a program, a date, any
//! field), its hash changes, the decision goes stale and the match alerts again, flagged as
//! such, until someone decides again.
//!
//! ```
//! use sanctions::{Allowlist, Decision, Screener};
//!
//! let screener = Screener::demo()?;
//! let matches = screener.screen("Kazstanex");
//! let listed = screener.entity(matches[0].entity_id()).ok_or("a matched entity is loaded")?;
//!
//! let mut allowlist = Allowlist::new();
//! allowlist.allow(
//!     Decision::new("customer-42", listed)
//!         .with_note("our customer is Kazstanex GmbH, Vienna, since 2009")
//!         .with_decided_by("a.analyst")
//!         .with_decided_at("2025-06-01T10:00:00Z"),
//! );
//!
//! let filtered = allowlist.filter("customer-42", matches, &screener);
//! assert!(filtered.kept().iter().all(|m| m.entity_id() != &listed.id));
//! assert_eq!(filtered.suppressed()[0].decision().decided_by(), "a.analyst");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Decisions are saved and loaded as JSON Lines ([`Allowlist::save`], [`Allowlist::load`]),
//! one decision per line. To filter the results of many customers against one screener,
//! [`EntityHashes`] keeps the matched entities' content hashes for
//! [`Allowlist::filter_with`].

mod hashes;

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diff::ListDiff;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ContentHash, Entity, EntityId, Source};
use crate::screen::{Match, Screener};

pub use hashes::EntityHashes;

/// An analyst's decision that a customer is not a listed entity, as that entity read when
/// the decision was made.
///
/// In JSON (one line of an allowlist file):
///
/// ```json
/// {"customer":"customer-42","source":"uk","entity_id":"16678",
///  "content_hash":"<64 hex digits>","note":"...","decided_by":"a.analyst",
///  "decided_at":"2025-06-01T10:00:00Z"}
/// ```
///
/// `customer`, `source`, `entity_id` and `content_hash` are required; `note`, `decided_by`
/// and `decided_at` are free text and default to empty. `decided_at` is not interpreted
/// (RFC 3339 is a good choice). Other fields are ignored.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "DecisionRepr", into = "DecisionRepr")]
pub struct Decision {
    customer: String,
    entity: EntityId,
    content_hash: ContentHash,
    note: String,
    decided_by: String,
    decided_at: String,
}

/// The serialized form: the entity id's parts as top-level fields named for what they are
/// beside a customer key.
#[derive(Clone, Serialize, Deserialize)]
struct DecisionRepr {
    customer: String,
    source: Source,
    entity_id: String,
    content_hash: ContentHash,
    #[serde(default)]
    note: String,
    #[serde(default)]
    decided_by: String,
    #[serde(default)]
    decided_at: String,
}

impl From<DecisionRepr> for Decision {
    fn from(r: DecisionRepr) -> Decision {
        Decision {
            customer: r.customer,
            entity: EntityId::new(r.source, r.entity_id),
            content_hash: r.content_hash,
            note: r.note,
            decided_by: r.decided_by,
            decided_at: r.decided_at,
        }
    }
}

impl From<Decision> for DecisionRepr {
    fn from(d: Decision) -> DecisionRepr {
        DecisionRepr {
            customer: d.customer,
            source: d.entity.source,
            entity_id: d.entity.id,
            content_hash: d.content_hash,
            note: d.note,
            decided_by: d.decided_by,
            decided_at: d.decided_at,
        }
    }
}

impl Decision {
    /// A decision that `customer` is not `entity`, as it reads now (its content is hashed).
    ///
    /// # Performance
    ///
    /// One SHA-256 of the entity's JSON form (about a kilobyte).
    ///
    /// # Example
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// let listed = &screener.screen("KAZSTANEX LLP")[0];
    /// let entity = screener.entity(listed.entity_id()).ok_or("loaded")?;
    /// let decision = sanctions::Decision::new("customer-42", entity);
    /// assert_eq!(decision.customer(), "customer-42");
    /// assert_eq!(decision.entity_id(), &entity.id);
    /// assert_eq!(decision.content_hash(), entity.content_hash());
    /// assert_eq!(decision.note(), "");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(customer: impl Into<String>, entity: &Entity) -> Decision {
        Decision::for_hash(customer, entity.id.clone(), entity.content_hash())
    }

    /// A decision on an entity known by its id and content hash (from a stored match or a
    /// [`ListDiff`], say).
    ///
    /// ```
    /// use sanctions::{Decision, EntityId, Source};
    ///
    /// let hash = "afa679cc9961a42b470e96454ea01ae802796217fd6c95b5042f590db03e6504".parse()?;
    /// let decision = Decision::for_hash("customer-42", EntityId::new(Source::Uk, "16678"), hash);
    /// assert_eq!(decision.content_hash().to_string(), "afa679cc9961a42b470e96454ea01ae802796217fd6c95b5042f590db03e6504");
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn for_hash(customer: impl Into<String>, entity: EntityId, hash: ContentHash) -> Decision {
        Decision {
            customer: customer.into(),
            entity,
            content_hash: hash,
            note: String::new(),
            decided_by: String::new(),
            decided_at: String::new(),
        }
    }

    /// The same decision with the analyst's reason.
    ///
    /// ```
    /// use sanctions::{Decision, EntityId, Source};
    ///
    /// let hash = sanctions::SanctionsList::new(Source::Uk).content_hash();
    /// let decision = Decision::for_hash("customer-42", EntityId::new(Source::Uk, "16678"), hash)
    ///     .with_note("Kazstanex GmbH, Vienna: another company");
    /// assert_eq!(decision.note(), "Kazstanex GmbH, Vienna: another company");
    /// assert_eq!(decision.to_string(), r#""customer-42" is not uk:16678: Kazstanex GmbH, Vienna: another company"#);
    /// ```
    pub fn with_note(mut self, note: impl Into<String>) -> Decision {
        self.note = note.into();
        self
    }

    /// The same decision with who made it.
    ///
    /// ```
    /// use sanctions::{Decision, EntityId, Source};
    ///
    /// let hash = sanctions::SanctionsList::new(Source::Uk).content_hash();
    /// let decision = Decision::for_hash("customer-42", EntityId::new(Source::Uk, "16678"), hash)
    ///     .with_decided_by("a.analyst");
    /// assert_eq!(decision.decided_by(), "a.analyst");
    /// assert_eq!(decision.to_string(), r#""customer-42" is not uk:16678, decided by a.analyst"#);
    /// ```
    pub fn with_decided_by(mut self, who: impl Into<String>) -> Decision {
        self.decided_by = who.into();
        self
    }

    /// The same decision with when it was made.
    ///
    /// ```
    /// use sanctions::{Decision, EntityId, Source};
    ///
    /// let hash = sanctions::SanctionsList::new(Source::Uk).content_hash();
    /// let decision = Decision::for_hash("customer-42", EntityId::new(Source::Uk, "16678"), hash)
    ///     .with_decided_at("2025-06-01T10:00:00Z");
    /// assert_eq!(decision.decided_at(), "2025-06-01T10:00:00Z");
    /// ```
    pub fn with_decided_at(mut self, when: impl Into<String>) -> Decision {
        self.decided_at = when.into();
        self
    }

    /// The customer key.
    pub fn customer(&self) -> &str {
        &self.customer
    }

    /// The listed entity's id.
    pub fn entity_id(&self) -> &EntityId {
        &self.entity
    }

    /// The listed entity's content hash when the decision was made.
    pub fn content_hash(&self) -> ContentHash {
        self.content_hash
    }

    /// The analyst's reason.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// Who made the decision.
    pub fn decided_by(&self) -> &str {
        &self.decided_by
    }

    /// When the decision was made, as given.
    pub fn decided_at(&self) -> &str {
        &self.decided_at
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not {}", self.customer, self.entity)?;
        if !self.decided_by.is_empty() {
            write!(f, ", decided by {}", self.decided_by)?;
        }
        if !self.decided_at.is_empty() {
            write!(f, " at {}", self.decided_at)?;
        }
        if !self.note.is_empty() {
            write!(f, ": {}", self.note)?;
        }
        Ok(())
    }
}

/// Where a customer stands with a listed entity in an [`Allowlist`].
///
/// ```
/// use sanctions::allowlist::Status;
/// use sanctions::{Allowlist, Decision, Screener};
///
/// let screener = Screener::demo()?;
/// let entity = &screener.entities()[0];
/// let mut allowlist = Allowlist::new();
/// assert_eq!(allowlist.status("customer-42", &entity.id, entity.content_hash()), Status::Undecided);
/// allowlist.allow(Decision::new("customer-42", entity));
/// assert!(matches!(allowlist.status("customer-42", &entity.id, entity.content_hash()), Status::Cleared(_)));
/// // The list changed the entity: its hash moved, the decision is stale.
/// let mut changed = entity.clone();
/// changed.programs.push("RUSSIA-EO14024".into());
/// assert!(matches!(allowlist.status("customer-42", &entity.id, changed.content_hash()), Status::Stale(_)));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status<'a> {
    /// No decision for this customer and entity.
    Undecided,
    /// Cleared: a decision on the entity as it reads now.
    Cleared(&'a Decision),
    /// A decision on an earlier version of the entity: it alerts again.
    Stale(&'a Decision),
}

/// Cleared false positives, by customer key and listed entity.
///
/// One decision per (customer, entity id); the decision holds the entity's content hash, and
/// suppresses the entity for that customer only while the entity hashes the same. A new
/// decision for the same customer and entity replaces the old one (that is how a stale
/// decision is renewed after review).
///
/// # Performance
///
/// Lookups are two hash-map probes without allocation. Hashing entities is the only real
/// cost (a SHA-256 of about a kilobyte each), and [`Allowlist::filter`] hashes only the
/// matched entities that have a decision for the customer. [`Allowlist::filter_with`] takes
/// the hashes from the caller, who can cache them per screener with [`EntityHashes`].
///
/// ```
/// use sanctions::{Allowlist, Decision, Screener};
///
/// let screener = Screener::demo()?;
/// let kazstanex = &screener.screen("KAZSTANEX LLP")[0];
/// let entity = screener.entity(kazstanex.entity_id()).ok_or("loaded")?;
/// let mut allowlist = Allowlist::new();
/// allowlist.allow(Decision::new("customer-42", entity));
/// assert_eq!(allowlist.len(), 1);
/// assert!(allowlist.is_cleared("customer-42", entity));
/// assert!(!allowlist.is_cleared("customer-7", entity)); // decisions are per customer
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Allowlist {
    /// customer key -> entity id -> the decision, whose `customer` and `entity` are the keys.
    by_customer: HashMap<String, HashMap<EntityId, Decision>>,
    len: usize,
}

impl Allowlist {
    /// An empty allowlist.
    ///
    /// ```
    /// let allowlist = sanctions::Allowlist::new();
    /// assert_eq!(allowlist.len(), 0);
    /// assert!(allowlist.decisions().is_empty());
    /// ```
    pub fn new() -> Allowlist {
        Allowlist::default()
    }

    /// The number of decisions.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no decision.
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let mut allowlist = Allowlist::new();
    /// assert!(allowlist.is_empty());
    /// allowlist.allow(Decision::new("customer-42", &Screener::demo()?.entities()[0]));
    /// assert!(!allowlist.is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Records a decision, and returns the one it replaces for the same customer and entity.
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let list = Screener::demo_list()?;
    /// let entity = &list.entities[0];
    /// let mut allowlist = Allowlist::new();
    /// assert_eq!(allowlist.allow(Decision::new("customer-42", entity)), None);
    /// let renewed = Decision::new("customer-42", entity).with_note("reviewed again");
    /// let old = allowlist.allow(renewed);
    /// assert_eq!(old.map(|d| d.note().to_string()), Some(String::new()));
    /// assert_eq!(allowlist.len(), 1);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn allow(&mut self, decision: Decision) -> Option<Decision> {
        let entities = self
            .by_customer
            .entry(decision.customer.clone())
            .or_default();
        let old = entities.insert(decision.entity.clone(), decision);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Removes the decision for a customer and entity, and returns it.
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let list = Screener::demo_list()?;
    /// let entity = &list.entities[0];
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-42", entity));
    /// assert!(allowlist.remove("customer-42", &entity.id).is_some());
    /// assert!(allowlist.remove("customer-42", &entity.id).is_none());
    /// assert!(allowlist.is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn remove(&mut self, customer: &str, entity: &EntityId) -> Option<Decision> {
        let entities = self.by_customer.get_mut(customer)?;
        let old = entities.remove(entity)?;
        if entities.is_empty() {
            self.by_customer.remove(customer);
        }
        self.len -= 1;
        Some(old)
    }

    /// The decision for a customer and entity, current or stale.
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let list = Screener::demo_list()?;
    /// let entity = &list.entities[0];
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-42", entity).with_decided_by("a.analyst"));
    /// let decision = allowlist.decision("customer-42", &entity.id);
    /// assert_eq!(decision.map(|d| d.decided_by()), Some("a.analyst"));
    /// assert!(allowlist.decision("customer-7", &entity.id).is_none());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn decision(&self, customer: &str, entity: &EntityId) -> Option<&Decision> {
        self.by_customer.get(customer)?.get(entity)
    }

    /// The number of decisions for a customer: how many matches its screening may lose to
    /// the allowlist (ask for that many more, to keep a limit of shown matches).
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Query, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let mut allowlist = Allowlist::new();
    /// for entity in &screener.entities()[..2] {
    ///     allowlist.allow(Decision::new("customer-42", entity));
    /// }
    /// assert_eq!(allowlist.count_for("customer-42"), 2);
    /// assert_eq!(allowlist.count_for("customer-7"), 0);
    /// // Show 5 matches after the allowlist: screen for 5 more than it may suppress.
    /// let query = Query::new("Yevgeniy Prigozhin").limit(5 + allowlist.count_for("customer-42"));
    /// let mut filtered = allowlist.filter("customer-42", screener.screen(query), &screener);
    /// filtered.truncate(5);
    /// assert!(filtered.kept().len() <= 5);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn count_for(&self, customer: &str) -> usize {
        self.by_customer.get(customer).map_or(0, HashMap::len)
    }

    /// Every decision, ordered by customer, then entity id.
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-7", &screener.entities()[1]));
    /// allowlist.allow(Decision::new("customer-42", &screener.entities()[0]));
    /// let customers: Vec<&str> = allowlist.decisions().iter().map(|d| d.customer()).collect();
    /// assert_eq!(customers, ["customer-42", "customer-7"]);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn decisions(&self) -> Vec<&Decision> {
        let mut all: Vec<&Decision> = self.by_customer.values().flat_map(|m| m.values()).collect();
        all.sort_unstable_by(|a, b| (&a.customer, &a.entity).cmp(&(&b.customer, &b.entity)));
        all
    }

    /// Where a customer stands with an entity whose current content hash is `hash`.
    ///
    /// ```
    /// use sanctions::allowlist::Status;
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let list = Screener::demo_list()?;
    /// let entity = &list.entities[0];
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-42", entity).with_decided_by("a.analyst"));
    /// let Status::Cleared(decision) = allowlist.status("customer-42", &entity.id, entity.content_hash())
    /// else {
    ///     return Err("expected a current decision".into());
    /// };
    /// assert_eq!(decision.decided_by(), "a.analyst");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self, customer: &str, entity: &EntityId, hash: ContentHash) -> Status<'_> {
        match self.decision(customer, entity) {
            None => Status::Undecided,
            Some(d) if d.content_hash == hash => Status::Cleared(d),
            Some(d) => Status::Stale(d),
        }
    }

    /// Whether a customer is cleared of an entity as it reads now.
    ///
    /// # Performance
    ///
    /// Hashes the entity when, and only when, the customer has a decision on its id.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let list = Screener::demo_list()?;
    /// let entity = &list.entities[0];
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-42", entity));
    /// assert!(allowlist.is_cleared("customer-42", entity));
    /// let mut relisted = entity.clone();
    /// relisted.remarks = Some("new facts".into());
    /// assert!(!allowlist.is_cleared("customer-42", &relisted));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_cleared(&self, customer: &str, entity: &Entity) -> bool {
        self.decision(customer, &entity.id)
            .is_some_and(|d| d.content_hash == entity.content_hash())
    }

    /// Splits a customer's screening results into the matches kept and those a current
    /// decision suppresses; a decision on an earlier version of a matched entity is reported
    /// stale and its match kept (it alerts again). The matched entities are looked up in
    /// `screener` and hashed, only those with a decision for the customer.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, EntityId, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let matches = screener.screen("Yevgeniy Prigozhin");
    /// let [first, second] = [&matches[0], &matches[1]].map(|m| m.entity_id().clone());
    /// let mut allowlist = Allowlist::new();
    /// let entity = screener.entity(&first).ok_or("loaded")?;
    /// allowlist.allow(Decision::new("customer-42", entity));
    /// // A decision on an older version of the second entity: stale.
    /// let old = sanctions::SanctionsList::new(second.source).content_hash();
    /// allowlist.allow(Decision::for_hash("customer-42", second.clone(), old));
    ///
    /// let filtered = allowlist.filter("customer-42", matches, &screener);
    /// assert_eq!(filtered.suppressed()[0].matched().entity_id(), &first);
    /// assert_eq!(filtered.kept().len(), 4);
    /// assert!(filtered.stale_decision(&second).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn filter(&self, customer: &str, matches: Vec<Match>, screener: &Screener) -> Filtered {
        self.filter_with(customer, matches, |id| {
            screener.entity(id).map(Entity::content_hash)
        })
    }

    /// As [`Allowlist::filter`], with the current content hash of a matched entity given by
    /// `hash_of` (asked only for matched entities with a decision for the customer). A match
    /// whose entity `hash_of` does not know (`None`) is kept, and its decision reported stale.
    ///
    /// # Example
    ///
    /// Hashes computed once per entity ([`EntityHashes`]) and reused for every customer:
    ///
    /// ```
    /// use sanctions::allowlist::EntityHashes;
    /// use sanctions::{Allowlist, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let hashes = EntityHashes::new(&screener);
    /// let allowlist = Allowlist::new();
    /// let matches = screener.screen("Kazstanex");
    /// let filtered = allowlist.filter_with("customer-42", matches, |id| hashes.get(id));
    /// assert!(filtered.suppressed().is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn filter_with(
        &self,
        customer: &str,
        matches: Vec<Match>,
        mut hash_of: impl FnMut(&EntityId) -> Option<ContentHash>,
    ) -> Filtered {
        let mut out = Filtered {
            kept: Vec::with_capacity(matches.len()),
            suppressed: Vec::new(),
            stale: Vec::new(),
        };
        let Some(decided) = self.by_customer.get(customer) else {
            out.kept = matches;
            return out;
        };
        for m in matches {
            let Some(decision) = decided.get(m.entity_id()) else {
                out.kept.push(m);
                continue;
            };
            match hash_of(m.entity_id()) {
                Some(h) if h == decision.content_hash => out.suppressed.push(Suppressed {
                    matched: m,
                    decision: decision.clone(),
                }),
                current => {
                    out.stale.push(Stale {
                        decision: decision.clone(),
                        current,
                    });
                    out.kept.push(m);
                }
            }
        }
        out
    }

    /// The decisions that a list update makes stale: those on an entity the update removed,
    /// or changed so that it no longer hashes as decided (a change in value order counts:
    /// the hash moved), or on an id duplicated in either version. Ordered by customer, then
    /// entity id.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[0].programs.push("RUSSIA-EO14024".into());
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-42", &old.entities[0]));
    /// allowlist.allow(Decision::new("customer-42", &old.entities[1]));
    /// let stale = allowlist.stale_after(&ListDiff::between(&old, &new));
    /// assert_eq!(stale.len(), 1);
    /// assert_eq!(stale[0].entity_id(), &old.entities[0].id);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn stale_after(&self, diff: &ListDiff) -> Vec<&Decision> {
        let mut now: HashMap<&EntityId, Option<ContentHash>> = HashMap::new();
        for e in diff.removed() {
            now.insert(e.id(), None);
        }
        for c in diff.changed() {
            now.insert(c.id(), Some(c.new_hash()));
        }
        for d in diff.duplicates() {
            now.insert(d.id(), None);
        }
        let mut out: Vec<&Decision> = self
            .by_customer
            .values()
            .flat_map(HashMap::values)
            .filter(|d| match now.get(&d.entity) {
                None => false,
                Some(h) => *h != Some(d.content_hash),
            })
            .collect();
        out.sort_unstable_by(|a, b| (&a.customer, &a.entity).cmp(&(&b.customer, &b.entity)));
        out
    }

    /// Reads an allowlist from JSON Lines: one [`Decision`] per line, blank lines skipped.
    /// A later line for the same customer and entity replaces an earlier one, so a file can
    /// be kept as an append-only log of decisions.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Malformed`] with the line number (counting from 1) for a line that is not
    /// a JSON object or lacks a required field or has an invalid value;
    /// [`ErrorKind::Io`] when the reader fails; [`ErrorKind::Encoding`] for a line that is not
    /// UTF-8.
    ///
    /// ```
    /// use sanctions::{Allowlist, ErrorKind};
    ///
    /// let err = Allowlist::load("\n{\"customer\": \"c-1\"}\n".as_bytes()).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Malformed);
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn load(reader: impl Read) -> Result<Allowlist> {
        let mut list = Allowlist::new();
        let mut reader = BufReader::new(reader);
        let mut buf = Vec::new();
        let mut n: u64 = 0;
        loop {
            buf.clear();
            let read = reader.read_until(b'\n', &mut buf).map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot read the allowlist: {e}"))
                    .with_line(n + 1)
                    .with_source(e)
            })?;
            if read == 0 {
                return Ok(list);
            }
            n += 1;
            let text = std::str::from_utf8(&buf).map_err(|e| {
                Error::new(
                    ErrorKind::Encoding,
                    format!(
                        "expected UTF-8, found an invalid byte at column {}",
                        e.valid_up_to() + 1
                    ),
                )
                .with_line(n)
            })?;
            if text.trim().is_empty() {
                continue;
            }
            list.allow(parse_decision(text).map_err(|e| e.with_line(n))?);
        }
    }

    /// Reads an allowlist file (see [`Allowlist::load`]).
    ///
    /// # Errors
    ///
    /// As [`Allowlist::load`], each naming the file; [`ErrorKind::Io`] when it cannot be
    /// opened.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{Allowlist, ErrorKind};
    ///
    /// let err = Allowlist::load_path("no-such-allowlist.jsonl").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Io);
    /// assert_eq!(err.file(), Some(std::path::Path::new("no-such-allowlist.jsonl")));
    /// ```
    pub fn load_path(path: impl AsRef<Path>) -> Result<Allowlist> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot open the allowlist: {e}"))
                .with_file(path)
                .with_source(e)
        })?;
        Allowlist::load(file).map_err(|e| e.with_file(path))
    }

    /// Writes the allowlist as JSON Lines, one decision per line, ordered by customer then
    /// entity id (so the same allowlist always writes the same bytes).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when the writer fails.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, Screener};
    ///
    /// let list = Screener::demo_list()?;
    /// let entity = &list.entities[0];
    /// let mut allowlist = Allowlist::new();
    /// allowlist.allow(Decision::new("customer-42", entity).with_decided_by("a.analyst"));
    /// let mut file = Vec::new(); // or a `std::fs::File`
    /// allowlist.save(&mut file)?;
    /// let line = String::from_utf8_lossy(&file);
    /// assert!(line.starts_with(r#"{"customer":"customer-42","source":"canada","entity_id":"Russia / Russie/1, Part 1/472","content_hash":""#));
    /// let loaded = Allowlist::load(file.as_slice())?;
    /// assert!(loaded.is_cleared("customer-42", entity));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn save(&self, mut writer: impl Write) -> Result<()> {
        let io = |e: std::io::Error| {
            Error::new(ErrorKind::Io, format!("cannot write the allowlist: {e}")).with_source(e)
        };
        for d in self.decisions() {
            let line = serde_json::to_string(d).map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot write the allowlist: {e}"))
            })?;
            writer.write_all(line.as_bytes()).map_err(io)?;
            writer.write_all(b"\n").map_err(io)?;
        }
        writer.flush().map_err(io)
    }
}

/// One line of an allowlist file, with messages that say which field is wrong.
fn parse_decision(text: &str) -> Result<Decision> {
    const EXPECTED: &str =
        "expected a decision: a JSON object with customer, source, entity_id and content_hash";
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::Malformed,
            format!("{EXPECTED}, found invalid JSON at column {}", e.column()),
        )
    })?;
    if !value.is_object() {
        let mut shown = value.to_string();
        if shown.len() > 40 {
            shown = format!("{}…", shown.chars().take(40).collect::<String>());
        }
        return Err(Error::new(
            ErrorKind::Malformed,
            format!("{EXPECTED}, found {shown}"),
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| Error::new(ErrorKind::Malformed, format!("{EXPECTED}, found {e}")))
}

/// A customer's screening results after an [`Allowlist`]: the matches kept, in their order,
/// the matches suppressed with the decision that suppressed each, and the stale decisions
/// whose matches alert again.
///
/// ```
/// use sanctions::{Allowlist, Decision, Screener};
///
/// let screener = Screener::demo()?;
/// let matches = screener.screen("KAZSTANEX LLP");
/// let entity = screener.entity(matches[0].entity_id()).ok_or("loaded")?;
/// let mut allowlist = Allowlist::new();
/// allowlist.allow(Decision::new("customer-42", entity));
/// let filtered = allowlist.filter("customer-42", matches, &screener);
/// assert!(filtered.kept().is_empty());
/// assert_eq!(filtered.suppressed().len(), 1);
/// assert!(filtered.stale().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Filtered {
    kept: Vec<Match>,
    suppressed: Vec<Suppressed>,
    stale: Vec<Stale>,
}

impl Filtered {
    /// The matches to show, in the order screening gave them; those with a stale decision
    /// among them ([`Filtered::stale_decision`]).
    pub fn kept(&self) -> &[Match] {
        &self.kept
    }

    /// The matches a current decision suppressed, in the order screening gave them.
    pub fn suppressed(&self) -> &[Suppressed] {
        &self.suppressed
    }

    /// The decisions on matched entities that changed since: their matches are kept.
    pub fn stale(&self) -> &[Stale] {
        &self.stale
    }

    /// The stale decision on a kept match's entity, if there is one.
    ///
    /// ```
    /// use sanctions::{Allowlist, Decision, SanctionsList, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let matches = screener.screen("KAZSTANEX LLP");
    /// let id = matches[0].entity_id().clone();
    /// let mut allowlist = Allowlist::new();
    /// let earlier = SanctionsList::new(id.source).content_hash(); // not the entity's hash now
    /// allowlist.allow(Decision::for_hash("customer-42", id.clone(), earlier));
    /// let filtered = allowlist.filter("customer-42", matches, &screener);
    /// assert_eq!(filtered.kept()[0].entity_id(), &id); // it alerts again
    /// let stale = filtered.stale_decision(&id).ok_or("stale")?;
    /// assert_eq!(stale.decision().content_hash(), earlier);
    /// assert_ne!(stale.current_hash(), Some(earlier));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stale_decision(&self, entity: &EntityId) -> Option<&Stale> {
        self.stale.iter().find(|s| s.decision.entity_id() == entity)
    }

    /// Keeps the first `limit` kept matches and the stale decisions of those: for a caller who
    /// screened for more matches than it shows, to make up for the ones an allowlist may
    /// suppress (see [`Allowlist::count_for`]).
    ///
    /// ```
    /// use sanctions::{Allowlist, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let mut filtered = Allowlist::new().filter("customer-42", screener.screen("Yevgeniy Prigozhin"), &screener);
    /// assert_eq!(filtered.kept().len(), 5);
    /// filtered.truncate(2);
    /// assert_eq!(filtered.kept().len(), 2);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn truncate(&mut self, limit: usize) {
        if self.kept.len() <= limit {
            return;
        }
        self.kept.truncate(limit);
        let kept = &self.kept;
        self.stale
            .retain(|s| kept.iter().any(|m| m.entity_id() == s.decision.entity_id()));
    }

    /// The parts: kept matches, suppressed ones, stale decisions.
    ///
    /// ```
    /// use sanctions::{Allowlist, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let filtered = Allowlist::new().filter("customer-42", screener.screen("KAZSTANEX LLP"), &screener);
    /// let (kept, suppressed, stale) = filtered.into_parts();
    /// assert_eq!((kept.len(), suppressed.len(), stale.len()), (1, 0, 0));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn into_parts(self) -> (Vec<Match>, Vec<Suppressed>, Vec<Stale>) {
        (self.kept, self.suppressed, self.stale)
    }
}

/// A match left out because a current decision clears the customer of its entity.
///
/// ```
/// use sanctions::{Allowlist, Decision, Screener};
///
/// let screener = Screener::demo()?;
/// let matches = screener.screen("KAZSTANEX LLP");
/// let entity = screener.entity(matches[0].entity_id()).ok_or("loaded")?;
/// let mut allowlist = Allowlist::new();
/// allowlist.allow(Decision::new("customer-42", entity).with_note("another company"));
/// let filtered = allowlist.filter("customer-42", matches, &screener);
/// let suppressed = &filtered.suppressed()[0];
/// assert_eq!(suppressed.matched().name(), "KAZSTANEX LIMITED LIABILITY PARTNERSHIP");
/// assert_eq!(suppressed.decision().note(), "another company");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suppressed {
    #[serde(rename = "match")]
    matched: Match,
    decision: Decision,
}

impl Suppressed {
    /// The match.
    pub fn matched(&self) -> &Match {
        &self.matched
    }

    /// The decision that suppressed it.
    pub fn decision(&self) -> &Decision {
        &self.decision
    }
}

/// A decision on an entity that changed since it was made: its match alerts again.
///
/// ```
/// use sanctions::{Allowlist, Decision, SanctionsList, Screener};
///
/// let screener = Screener::demo()?;
/// let matches = screener.screen("KAZSTANEX LLP");
/// let id = matches[0].entity_id().clone();
/// let now = screener.entity(&id).ok_or("loaded")?.content_hash();
/// let mut allowlist = Allowlist::new();
/// let earlier = SanctionsList::new(id.source).content_hash();
/// allowlist.allow(Decision::for_hash("customer-42", id.clone(), earlier));
/// let filtered = allowlist.filter("customer-42", matches, &screener);
/// let stale = &filtered.stale()[0];
/// assert_eq!(stale.decision().entity_id(), &id);
/// assert_eq!(stale.current_hash(), Some(now));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stale {
    decision: Decision,
    current: Option<ContentHash>,
}

impl Stale {
    /// The decision.
    pub fn decision(&self) -> &Decision {
        &self.decision
    }

    /// The entity's content hash now (`None` when the entity could not be found).
    pub fn current_hash(&self) -> Option<ContentHash> {
        self.current
    }
}
