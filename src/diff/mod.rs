//! List diff: what a list update added, removed and changed, entity by entity.
//!
//! [`ListDiff::between`] compares two versions of a list (or [`ListDiff::between_all`], two
//! versions of several lists) by [`EntityId`] and reports the entities added and removed, and
//! for each changed entity its names, identifiers and programs added and removed, its other
//! fields by name and its old and new [`ContentHash`]. [`ListDiff::names_changed`] is the set
//! of entities whose names moved: what a team screens its customers against again.
//!
//! ```
//! use sanctions::ListDiff;
//! use sanctions::model::{Entity, EntityId, EntityKind, Name, NameKind, SanctionsList, Source};
//!
//! let ivan = Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Person)
//!     .with_name(Name::new("Ivan Sidorov"));
//! let mut old = SanctionsList::new(Source::Custom);
//! old.entities.push(ivan.clone());
//! let mut new = SanctionsList::new(Source::Custom);
//! new.entities.push(ivan.with_name(Name::new("Iwan Sidorow").with_kind(NameKind::Aka)));
//!
//! let diff = ListDiff::between(&old, &new);
//! let change = &diff.changed()[0];
//! assert_eq!(change.names().added()[0].text, "Iwan Sidorow");
//! assert_eq!(diff.names_changed().len(), 1);
//! println!("{diff}"); // a summary line, then each entity's changes
//! ```

mod entity;

use std::collections::BTreeSet;
use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

pub use entity::{Delta, EntityChange, EntitySummary, Field, FieldChange, MAX_VALUE_CHARS};

use crate::model::{ContentHash, Entity, EntityId, PartialDate, SanctionsList, Source};

/// The differences between two versions of one list, or of several lists at once.
///
/// Entities are paired by [`EntityId`] (source and official record id). Every list of
/// entities in a diff is ordered by id (source, then the id as text), so the same two inputs
/// always give the same diff. It is `serde` (de)serializable, so a team can keep it with the
/// list update, and its `Display` is a summary line followed by every entity's changes.
///
/// An id that occurs more than once in either version (a broken file, or two lists holding
/// the same record) is not paired: it is reported in [`ListDiff::duplicates`] with the hash
/// of every occurrence, and is in none of `added`, `removed` and `changed`.
///
/// # Performance
///
/// Linear in the number of entities: one hash map per version, one comparison per id present
/// in both, and a SHA-256 only of the entities added, removed or changed.
///
/// ```
/// use sanctions::{ListDiff, Screener};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities.remove(0);
/// new.entities[0].names.pop();
/// let diff = ListDiff::between(&old, &new);
/// assert_eq!((diff.added().len(), diff.removed().len(), diff.changed().len()), (0, 1, 1));
/// assert!(diff.duplicates().is_empty());
/// assert_eq!(diff.old_lists()[0].entities(), 74);
/// assert_eq!(diff.new_lists()[0].entities(), 73);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListDiff {
    old: Vec<ListInfo>,
    new: Vec<ListInfo>,
    added: Vec<EntitySummary>,
    removed: Vec<EntitySummary>,
    changed: Vec<EntityChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    duplicates: Vec<DuplicateId>,
}

/// One list a diff compared: its source, publication date and number of entities.
///
/// ```
/// use sanctions::{ListDiff, SanctionsList, Source};
///
/// let old = SanctionsList::new(Source::Uk).with_published("2025-02-24".parse()?);
/// let new = SanctionsList::new(Source::Uk).with_published("2025-03-03".parse()?);
/// let diff = ListDiff::between(&old, &new);
/// let info = &diff.new_lists()[0];
/// assert_eq!(info.source(), Source::Uk);
/// assert_eq!(info.published().map(|d| d.to_string()).as_deref(), Some("2025-03-03"));
/// assert_eq!(info.entities(), 0);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListInfo {
    source: Source,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<PartialDate>,
    entities: usize,
}

impl ListInfo {
    /// The list's source.
    pub fn source(&self) -> Source {
        self.source
    }

    /// The publication date the list states, if any.
    pub fn published(&self) -> Option<PartialDate> {
        self.published
    }

    /// The number of entities in the list.
    pub fn entities(&self) -> usize {
        self.entities
    }
}

impl fmt::Display for ListInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(p) = self.published {
            write!(f, " of {p}")?;
        }
        write!(f, " ({} entities)", self.entities)
    }
}

/// An id that occurs more than once in one version: the content hash of each occurrence, in
/// list order, on each side (empty on a side that lacks the id).
///
/// ```
/// use sanctions::{ListDiff, Screener};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities.push(new.entities[0].clone()); // the same record twice
/// let diff = ListDiff::between(&old, &new);
/// let duplicate = &diff.duplicates()[0];
/// assert_eq!(duplicate.id(), &old.entities[0].id);
/// assert_eq!(duplicate.old_hashes().len(), 1);
/// assert_eq!(duplicate.new_hashes().len(), 2);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateId {
    #[serde(flatten)]
    id: EntityId,
    old: Vec<ContentHash>,
    new: Vec<ContentHash>,
}

impl DuplicateId {
    /// The id.
    pub fn id(&self) -> &EntityId {
        &self.id
    }

    /// The hash of each occurrence in the old version.
    pub fn old_hashes(&self) -> &[ContentHash] {
        &self.old
    }

    /// The hash of each occurrence in the new version.
    pub fn new_hashes(&self) -> &[ContentHash] {
        &self.new
    }

    /// Whether the occurrences differ between the versions (compared as multisets of hashes).
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let mut old = Screener::demo_list()?;
    /// old.entities.push(old.entities[0].clone());
    /// // The same two records, in another order: not a change.
    /// let mut new = old.clone();
    /// new.entities.reverse();
    /// assert!(!ListDiff::between(&old, &new).duplicates()[0].is_changed());
    /// new.entities[0].remarks = Some("amended".into()); // one of the two
    /// assert!(ListDiff::between(&old, &new).duplicates()[0].is_changed());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_changed(&self) -> bool {
        let (mut a, mut b) = (self.old.clone(), self.new.clone());
        a.sort_unstable();
        b.sort_unstable();
        a != b
    }
}

impl fmt::Display for DuplicateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "! {} duplicated: {} records in the old version, {} in the new{}",
            self.id,
            self.old.len(),
            self.new.len(),
            if self.is_changed() { ", changed" } else { "" }
        )
    }
}

/// The counts of a [`ListDiff`], for a report line or a metric.
///
/// ```
/// use sanctions::{ListDiff, Screener};
///
/// let old = Screener::demo_list()?;
/// let mut new = old.clone();
/// new.entities.remove(0);
/// let summary = ListDiff::between(&old, &new).summary();
/// assert_eq!((summary.old_entities, summary.new_entities, summary.removed), (74, 73, 1));
/// assert_eq!(
///     summary.to_string(),
///     "74 -> 73 entities: 0 added, 1 removed, 0 changed (0 in content, 0 reordered only), 0 with names changed, 0 duplicate ids"
/// );
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiffSummary {
    /// Entities in the old version.
    pub old_entities: usize,
    /// Entities in the new version.
    pub new_entities: usize,
    /// Entities added.
    pub added: usize,
    /// Entities removed.
    pub removed: usize,
    /// Entities changed, including those reordered only.
    pub changed: usize,
    /// Entities changed in the order of their values only.
    pub reordered_only: usize,
    /// Ids duplicated in either version.
    pub duplicates: usize,
    /// Entities whose names changed ([`ListDiff::names_changed`]).
    pub names_changed: usize,
}

impl fmt::Display for DiffSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} -> {} entities: {} added, {} removed, {} changed ({} in content, {} reordered only), {} with names changed, {} duplicate ids",
            self.old_entities,
            self.new_entities,
            self.added,
            self.removed,
            self.changed,
            self.changed.saturating_sub(self.reordered_only),
            self.reordered_only,
            self.names_changed,
            self.duplicates
        )
    }
}

/// The entities of one version by id. `One` is by far the common case, kept apart so that a
/// well-formed list costs no vector per entity.
enum Slot<'a> {
    One(&'a Entity),
    Many(Vec<&'a Entity>),
}

impl<'a> Slot<'a> {
    fn push(&mut self, e: &'a Entity) {
        match self {
            Slot::One(first) => *self = Slot::Many(vec![*first, e]),
            Slot::Many(v) => v.push(e),
        }
    }

    fn hashes(&self) -> Vec<ContentHash> {
        match self {
            Slot::One(e) => vec![e.content_hash()],
            Slot::Many(v) => v.iter().map(|e| e.content_hash()).collect(),
        }
    }
}

fn index<'a>(
    lists: impl IntoIterator<Item = &'a SanctionsList>,
) -> (FxHashMap<&'a EntityId, Slot<'a>>, Vec<ListInfo>) {
    let mut map: FxHashMap<&EntityId, Slot<'_>> = FxHashMap::default();
    let mut infos = Vec::new();
    for list in lists {
        map.reserve(list.entities.len());
        infos.push(ListInfo {
            source: list.source,
            published: list.published,
            entities: list.entities.len(),
        });
        for e in &list.entities {
            match map.get_mut(&e.id) {
                Some(slot) => slot.push(e),
                None => {
                    map.insert(&e.id, Slot::One(e));
                }
            }
        }
    }
    (map, infos)
}

impl ListDiff {
    /// Compares two versions of a list.
    ///
    /// # Performance
    ///
    /// See [`ListDiff`]: linear in the number of entities.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// assert!(ListDiff::between(&old, &old.clone()).is_empty());
    /// let mut new = old.clone();
    /// new.entities.reverse(); // list order does not count
    /// assert!(ListDiff::between(&old, &new).is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn between(old: &SanctionsList, new: &SanctionsList) -> ListDiff {
        ListDiff::between_all([old], [new])
    }

    /// Compares two versions of several lists at once (all the lists a screener is built from,
    /// say), pairing entities by [`EntityId`] across all of them.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let lists = [Screener::demo_list()?];
    /// let diff = ListDiff::between_all(&lists, &lists);
    /// assert!(diff.is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn between_all<'a>(
        old: impl IntoIterator<Item = &'a SanctionsList>,
        new: impl IntoIterator<Item = &'a SanctionsList>,
    ) -> ListDiff {
        let (old_map, old_info) = index(old);
        let (new_map, new_info) = index(new);
        let mut diff = ListDiff {
            old: old_info,
            new: new_info,
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
            duplicates: Vec::new(),
        };
        for (id, old_slot) in &old_map {
            match (old_slot, new_map.get(id)) {
                (Slot::One(a), Some(Slot::One(b))) => {
                    if a != b {
                        diff.changed.push(EntityChange::between(a, b));
                    }
                }
                (Slot::One(a), None) => diff.removed.push(EntitySummary::of(a)),
                (_, new_slot) => diff.duplicates.push(DuplicateId {
                    id: (*id).clone(),
                    old: old_slot.hashes(),
                    new: new_slot.map(Slot::hashes).unwrap_or_default(),
                }),
            }
        }
        for (id, new_slot) in &new_map {
            if old_map.contains_key(id) {
                continue;
            }
            match new_slot {
                Slot::One(b) => diff.added.push(EntitySummary::of(b)),
                Slot::Many(_) => diff.duplicates.push(DuplicateId {
                    id: (*id).clone(),
                    old: Vec::new(),
                    new: new_slot.hashes(),
                }),
            }
        }
        diff.added.sort_unstable_by(|a, b| a.id().cmp(b.id()));
        diff.removed.sort_unstable_by(|a, b| a.id().cmp(b.id()));
        diff.changed.sort_unstable_by(|a, b| a.id().cmp(b.id()));
        diff.duplicates.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        diff
    }

    /// The lists of the old version, in the order given.
    pub fn old_lists(&self) -> &[ListInfo] {
        &self.old
    }

    /// The lists of the new version, in the order given.
    pub fn new_lists(&self) -> &[ListInfo] {
        &self.new
    }

    /// The entities only the new version has, by id.
    pub fn added(&self) -> &[EntitySummary] {
        &self.added
    }

    /// The entities only the old version has, by id.
    pub fn removed(&self) -> &[EntitySummary] {
        &self.removed
    }

    /// The entities both versions have and that differ, by id; some only in the order of
    /// their values ([`EntityChange::is_reordered_only`]).
    pub fn changed(&self) -> &[EntityChange] {
        &self.changed
    }

    /// The ids that occur more than once in either version, by id.
    pub fn duplicates(&self) -> &[DuplicateId] {
        &self.duplicates
    }

    /// Whether the two versions hold the same entities with the same content (in any list
    /// order).
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// assert!(ListDiff::between(&old, &new).is_empty());
    /// new.entities[3].programs.clear();
    /// assert!(!ListDiff::between(&old, &new).is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.duplicates.iter().all(|d| !d.is_changed())
    }

    /// The ids of the entities whose names moved: every entity added, every changed one with
    /// a name added or removed (or a name's kind changed), and every duplicated id whose
    /// records changed (they cannot be told apart, so they count). Screening the customers
    /// against these entities again finds every match the update can create by name.
    ///
    /// ```
    /// use sanctions::model::Name;
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[0].remarks = Some("amended".into()); // no name moved
    /// new.entities[1].names.push(Name::new("Iosif Prigojine"));
    /// let diff = ListDiff::between(&old, &new);
    /// assert_eq!(diff.names_changed().into_iter().collect::<Vec<_>>(), [&old.entities[1].id]);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn names_changed(&self) -> BTreeSet<&EntityId> {
        self.added
            .iter()
            .map(EntitySummary::id)
            .chain(
                self.changed
                    .iter()
                    .filter(|c| c.names_changed())
                    .map(EntityChange::id),
            )
            .chain(self.changed_duplicates())
            .collect()
    }

    /// The ids of every entity added or changed in content (not reordered only), and of
    /// every duplicated id whose records changed: the safe set to screen again when the
    /// other fields a score reads (kind, birth dates, countries, identifiers) matter too.
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[0].birth_dates.clear(); // a fact a score reads
    /// new.entities[1].names.reverse(); // reordered only: cannot move a result
    /// let diff = ListDiff::between(&old, &new);
    /// assert_eq!(diff.rescreen().into_iter().collect::<Vec<_>>(), [&old.entities[0].id]);
    /// assert!(diff.names_changed().is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn rescreen(&self) -> BTreeSet<&EntityId> {
        self.added
            .iter()
            .map(EntitySummary::id)
            .chain(
                self.changed
                    .iter()
                    .filter(|c| !c.is_reordered_only())
                    .map(EntityChange::id),
            )
            .chain(self.changed_duplicates())
            .collect()
    }

    fn changed_duplicates(&self) -> impl Iterator<Item = &EntityId> {
        self.duplicates
            .iter()
            .filter(|d| d.is_changed())
            .map(DuplicateId::id)
    }

    /// The counts.
    ///
    /// ```
    /// use sanctions::{ListDiff, Screener};
    ///
    /// let old = Screener::demo_list()?;
    /// let mut new = old.clone();
    /// new.entities[1].names.reverse();
    /// let summary = ListDiff::between(&old, &new).summary();
    /// assert_eq!((summary.changed, summary.reordered_only, summary.names_changed), (1, 1, 0));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn summary(&self) -> DiffSummary {
        DiffSummary {
            old_entities: self.old.iter().map(|l| l.entities).sum(),
            new_entities: self.new.iter().map(|l| l.entities).sum(),
            added: self.added.len(),
            removed: self.removed.len(),
            changed: self.changed.len(),
            reordered_only: self
                .changed
                .iter()
                .filter(|c| c.is_reordered_only())
                .count(),
            duplicates: self.duplicates.len(),
            names_changed: self.names_changed().len(),
        }
    }
}

impl fmt::Display for ListDiff {
    /// The lists compared and the [`DiffSummary`], then one line per entity added (`+`) or
    /// removed (`-`), each changed entity (`~`) with its changes indented below, and each
    /// duplicated id (`!`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lists = |l: &[ListInfo]| {
            l.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(f, "old: {}", lists(&self.old))?;
        writeln!(f, "new: {}", lists(&self.new))?;
        write!(f, "{}", self.summary())?;
        for e in &self.added {
            write!(f, "\n+ {e}")?;
        }
        for e in &self.removed {
            write!(f, "\n- {e}")?;
        }
        for c in &self.changed {
            write!(f, "\n{c}")?;
        }
        for d in &self.duplicates {
            write!(f, "\n{d}")?;
        }
        Ok(())
    }
}
