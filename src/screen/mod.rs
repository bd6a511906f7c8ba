//! The screener: built once from lists, then queried by name or by free text.

mod acronym;
mod audit;
mod query;
mod result;
#[cfg(feature = "snapshot")]
pub(crate) mod snapshot;
mod text;

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

pub use audit::{Audit, AuditStamp, ListStamp};
pub use query::Query;
pub use result::{Comparison, Match, Score, TextHit};

use crate::error::{Error, ErrorKind, Result};
use crate::index::{Index, IndexedName, NameKeys};
use crate::model::{Entity, EntityId, EntityKind, Identifier, PartialDate, SanctionsList, Source};
use crate::normalize::{TokenKind, normalize};
use crate::score::{
    Explanation, Factor, Frequencies, GluedRuns, KeyMemo, NameSums, Reach, ScoreToken, bit,
    prepare_tokens, score_bound, score_names, score_names_with,
};
use crate::sources::{self, Loaded};

/// The threshold the crate recommends: a match scores at least this.
///
/// Chosen on the project's labelled transliteration pairs (see QUALITY.md): it is where F1
/// is best at the time of measurement.
///
/// ```
/// let screener = sanctions::Screener::demo()?;
/// assert_eq!(screener.threshold(), sanctions::DEFAULT_THRESHOLD);
/// // A near miss of the threshold: the names share only common words.
/// assert!(screener.compare("Trading Group", "Trading Group International").score().value()
///     < sanctions::DEFAULT_THRESHOLD);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const DEFAULT_THRESHOLD: f32 = 0.75;

/// A weak alias counts only when it matches at least this well: near-exact (OFAC: weak
/// aliases "should not on their own be a basis for a block"). A weak alias met word for word
/// counts too, whatever its score: every word as written, as a spelling variant or with two
/// neighbouring letters of a long word swapped, and nothing left over on either side but
/// titles and function words (`NASIR` / `Mullah Nasir`, 0.923).
///
/// ```
/// use sanctions::{Screener, WEAK_ALIAS_MIN};
///
/// let screener = Screener::demo()?;
/// // `PERUN` is a weak a.k.a. of the vessel PEGAS on the OFAC list: met exactly, it counts.
/// let m = &screener.screen("PERUN")[0];
/// assert!(m.is_weak());
/// assert!(m.score().value() >= WEAK_ALIAS_MIN);
/// // Met only roughly, it does not, even at a low threshold.
/// let loose = sanctions::Query::new("PERUNA").threshold(0.5);
/// assert!(screener.screen(loose).iter().all(|m| m.entity_id().id != "34942"));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const WEAK_ALIAS_MIN: f32 = 0.95;

/// The most query tokens screened; a longer query is truncated and its matches say so.
///
/// ```
/// use sanctions::{MAX_QUERY_TOKENS, Screener, score::Factor};
///
/// let screener = Screener::demo()?;
/// let long = format!("KAZSTANEX LLP{}", " ALMATY".repeat(MAX_QUERY_TOKENS));
/// let m = &screener.screen(sanctions::Query::new(long).threshold(0.1))[0];
/// assert!(m.explanation().factors().contains(&Factor::QueryTruncated { tokens: MAX_QUERY_TOKENS }));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const MAX_QUERY_TOKENS: usize = 32;

/// The bytes of a long query normalized first: when they hold more than [`MAX_QUERY_TOKENS`]
/// tokens, the rest of the query is not read. 16 KiB is 500 bytes per kept token, far more
/// than any name's word needs, even one padded with invisible characters.
const QUERY_PREFIX_BYTES: usize = 16 * 1024;

/// The most candidate names scored for one query. Candidates come from the query's rarest
/// tokens first, so the names that share a distinctive token are always among them.
const MAX_CANDIDATES: usize = 20_000;

/// Room for rounding between a score's upper bound and the threshold: a name is left out
/// unscored only when its bound is below the threshold by more than this.
const BOUND_MARGIN: f32 = 1e-4;

/// Entities prepared for the index at a time when a screener is built (see
/// [`ScreenerBuilder::build`]).
const PREPARE_CHUNK: usize = 4096;

/// Multiplier when the query's birth date is incompatible with every birth date of a person.
const BIRTH_DATE_CONFLICT: f32 = 0.85;
/// Multiplier of a match across two names of one person ([`Factor::CombinedNames`]): the
/// query is no one name the list gives.
const COMBINED_NAMES: f32 = 0.9;
/// The most names of one person tried two by two for a match across names.
const MAX_COMBINED: usize = 8;

/// Multiplier when the query's kind is known and another than the entity's (an organization
/// against a vessel: `Daisy Finance Co., Ltd.` / the vessel `DAISY`).
const KIND_CONFLICT: f32 = 0.85;
/// Multiplier when the query's country is none of the entity's countries.
const COUNTRY_CONFLICT: f32 = 0.95;
/// The least score of a name match backed by an equal identifier.
const IDENTIFIER_FLOOR: f32 = 0.95;

/// The embedded demo list: real listed entities in the `custom` format, keeping their official
/// sources and record ids.
const DEMO: &str = include_str!("../../data/demo.jsonl");

/// Builds a [`Screener`]: add lists, set options, then [`ScreenerBuilder::build`].
///
/// ```
/// use sanctions::{Screener, sources};
///
/// let custom = sources::read(
///     r#"{"id":"c-1","kind":"organization","names":[{"text":"ТОО «Казстанекс»"}]}"#.as_bytes(),
/// )?;
/// let screener = Screener::builder()
///     .list(Screener::demo_list()?)
///     .list(custom.list)
///     .threshold(0.9)
///     .build()?;
/// assert_eq!(screener.threshold(), 0.9);
/// assert_eq!(screener.audit_stamp().lists().len(), 2);
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct ScreenerBuilder {
    lists: Vec<SanctionsList>,
    threshold: Option<f32>,
}

impl ScreenerBuilder {
    /// Adds a list. Entities of the same id in several lists are merged into one.
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// let screener = Screener::builder().list(Screener::demo_list()?).build()?;
    /// assert_eq!(screener.entities().len(), 74);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn list(mut self, list: SanctionsList) -> ScreenerBuilder {
        self.lists.push(list);
        self
    }

    /// Adds several lists.
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// // The same list twice: one entity per id, one stamp per list.
    /// let twice = [Screener::demo_list()?, Screener::demo_list()?];
    /// let screener = Screener::builder().lists(twice).build()?;
    /// assert_eq!(screener.entities().len(), 74);
    /// assert_eq!(screener.audit_stamp().lists().len(), 2);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn lists(mut self, lists: impl IntoIterator<Item = SanctionsList>) -> ScreenerBuilder {
        self.lists.extend(lists);
        self
    }

    /// The default threshold of the screener's queries (default [`DEFAULT_THRESHOLD`]).
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// let strict = Screener::builder().list(Screener::demo_list()?).threshold(0.99).build()?;
    /// assert!(strict.screen("Prigojine Evgueni").iter().all(|m| m.score().value() >= 0.99));
    /// assert!(!strict.compare("Sberbanka", "Sberbank").is_match());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn threshold(mut self, threshold: f32) -> ScreenerBuilder {
        self.threshold = Some(threshold);
        self
    }

    /// Normalizes and indexes every name of every list, once.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Build`] when the threshold is not in [0, 1].
    ///
    /// # Performance
    ///
    /// Linear in the number of names; all the work of screening that does not depend on the
    /// query happens here.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{ErrorKind, Screener};
    ///
    /// let screener = Screener::builder().list(Screener::demo_list()?).build()?;
    /// assert_eq!(screener.screen("KAZSTANEX LLP")[0].entity_id().id, "16678");
    ///
    /// let err = Screener::builder().threshold(1.5).build().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Build);
    /// assert_eq!(err.to_string(), "expected a threshold between 0 and 1, found 1.5");
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn build(self) -> Result<Screener> {
        let threshold = self.threshold.unwrap_or(DEFAULT_THRESHOLD);
        if !(0.0..=1.0).contains(&threshold) {
            return Err(Error::new(
                ErrorKind::Build,
                format!("expected a threshold between 0 and 1, found {threshold}"),
            ));
        }
        let mut entities: Vec<Entity> = Vec::new();
        // The lists' content hashes for the audit stamp, on every core (60 ms in all for the
        // six main official lists on one core, 25 ms of it OFAC's SDN list).
        let sources: Vec<ListStamp> = map_in_order(&self.lists, ListStamp::of);
        // One entity per official id: OFAC's SDN and non-SDN files share uids for parties on
        // both lists, and a team may load two files of one source.
        let mut by_id: HashMap<EntityId, usize> = HashMap::new();
        for list in self.lists {
            for entity in list.entities {
                match by_id.get(&entity.id) {
                    Some(&at) => {
                        if let Some(first) = entities.get_mut(at) {
                            crate::sources::merge(first, entity);
                        }
                    }
                    None => {
                        by_id.insert(entity.id.clone(), entities.len());
                        entities.push(entity);
                    }
                }
            }
        }
        // Normalize every name once (on every core with the `rayon` feature); count token keys
        // per entity.
        let mut freq = Frequencies::embedded();
        let normalized: Vec<Vec<Vec<crate::normalize::Token>>> =
            map_in_order(&entities, |e: &Entity| {
                e.names
                    .iter()
                    .map(|n| {
                        // A name that gives its acronym is scored without it: the acronym is a
                        // name of its own below, not a word the query must also have.
                        let text = acronym::split_acronym(&n.text)
                            .filter(|_| e.kind != EntityKind::Person)
                            .map_or(n.text.as_str(), |(main, _)| main);
                        normalize_as(text, e.kind).into_tokens()
                    })
                    .collect()
            });
        for names in &normalized {
            freq.add_tokens(names.iter().flatten());
        }
        // Weigh every name's tokens and make its glued runs, then index the names in order.
        let work: Vec<(&Entity, Vec<Vec<crate::normalize::Token>>)> =
            entities.iter().zip(normalized).collect();
        let prepare = |(e, names): &(&Entity, Vec<Vec<crate::normalize::Token>>)| {
            let mut out = Vec::new();
            let with_keys = |name: IndexedName| {
                let keys = NameKeys::of(&name.tokens, &name.glued, name.kind);
                (name, keys)
            };
            for (ni, (name, tokens)) in e.names.iter().zip(names).enumerate() {
                if tokens.is_empty() {
                    continue;
                }
                let tokens = prepare_tokens(tokens, &freq);
                out.push(with_keys(IndexedName {
                    entity: 0,
                    name: ni as u32,
                    glued: GluedRuns::new(&tokens),
                    sums: NameSums::of(&tokens),
                    tokens,
                    weak: name.kind.is_weak(),
                    acronym: false,
                    shape: 0,
                    kind: e.kind,
                }));
                // An organization's acronym in its name's closing parenthesis is a name too.
                if let Some((_, acr)) =
                    acronym::split_acronym(&name.text).filter(|_| e.kind != EntityKind::Person)
                {
                    let tokens: Vec<ScoreToken> = prepare_tokens(normalize(acr).tokens(), &freq);
                    if !tokens.is_empty() {
                        out.push(with_keys(IndexedName {
                            entity: 0,
                            name: ni as u32,
                            glued: GluedRuns::new(&tokens),
                            sums: NameSums::of(&tokens),
                            tokens,
                            weak: false,
                            acronym: true,
                            shape: 0,
                            kind: e.kind,
                        }));
                    }
                }
            }
            out
        };
        let mut index = Index::default();
        let mut identifiers: HashMap<String, Vec<u32>> = HashMap::new();
        // A chunk of entities prepared on every core, then added in order: the keys of a
        // chunk's names are held at once, not those of all the lists.
        // The next chunk is prepared while this one is added.
        let mut ei = 0u32;
        let mut chunks = work.chunks(PREPARE_CHUNK);
        let mut next = chunks.next().map(|c| (c, map_in_order(c, prepare)));
        while let Some((chunk, prepared)) = next.take() {
            let following = chunks.next();
            let add = || {
                for ((e, _), names) in chunk.iter().zip(prepared) {
                    for (mut name, keys) in names {
                        name.entity = ei;
                        index.add(name, keys);
                    }
                    for id in &e.identifiers {
                        let v = identifier_key(&id.value);
                        if v.len() >= 4 {
                            identifiers.entry(v).or_default().push(ei);
                        }
                    }
                    ei += 1;
                }
            };
            let ((), prepared_next) =
                join(add, || following.map(|c| (c, map_in_order(c, prepare))));
            next = prepared_next;
        }
        drop(work);
        index.finish();
        crate::normalize::variant::prepare_tables();
        Ok(Screener {
            inner: Arc::new(
                Inner {
                    entities,
                    stamp: Arc::new(AuditStamp::new(sources, threshold)),
                    index,
                    freq,
                    threshold,
                    identifiers,
                    by_id: FxHashMap::default(),
                    minor: MinorLookup::default(),
                }
                .index_ids(),
            ),
        })
    }
}

#[derive(Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
struct Inner {
    /// In a snapshot, as [`snapshot::entities`] writes them: the public serde form of
    /// [`Entity`] is JSON's (flattened, untagged, fields left out), which a format without
    /// field names cannot read back.
    #[cfg_attr(feature = "snapshot", serde(with = "snapshot::entities"))]
    entities: Vec<Entity>,
    /// The lists, crate version and settings, shared by every result.
    stamp: Arc<AuditStamp>,
    index: Index,
    freq: Frequencies,
    threshold: f32,
    /// Identifier value (letters and digits, upper case) → entities.
    identifiers: HashMap<String, Vec<u32>>,
    /// Official id → position in `entities`. Not in a snapshot: made again when one is loaded
    /// (a few milliseconds for the official lists), see [`Inner::index_ids`].
    #[cfg_attr(feature = "snapshot", serde(skip))]
    by_id: FxHashMap<EntityId, u32>,
    /// What the candidate lookup needs to leave the names only minor query words find unread
    /// (see [`crate::score::minor_only_bound`]). Not in a snapshot: made again when one is
    /// loaded, see [`Inner::index_ids`].
    #[cfg_attr(feature = "snapshot", serde(skip))]
    minor: MinorLookup,
}

/// See [`Inner::minor`].
#[derive(Debug, Default)]
struct MinorLookup {
    /// The most legal-form weight a list name holds.
    forms: f32,
    /// The names with initials, one bit each by name id: their initials may meet query words
    /// the index did not find for them, which the bound of names only minor words found
    /// leaves out.
    with_initials: Vec<u64>,
}

/// Whether bit `i` of a bit set by id is set.
fn has_bit(bits: &[u64], i: u32) -> bool {
    bits.get(i as usize / 64)
        .is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// Sets bit `i` of a bit set by id.
fn set_bit(bits: &mut [u64], i: u32) {
    if let Some(w) = bits.get_mut(i as usize / 64) {
        *w |= 1 << (i % 64);
    }
}

impl Inner {
    /// Fills `by_id` from `entities`, and `minor` from the index's names.
    fn index_ids(mut self) -> Inner {
        self.by_id = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        let names = &self.index.names;
        let mut with_initials = vec![0u64; names.len().div_ceil(64)];
        let mut forms = 0.0f32;
        for (i, name) in (0u32..).zip(names) {
            forms = forms.max(name.sums.forms);
            if name.sums.initial_count > 0 {
                set_bit(&mut with_initials, i);
            }
        }
        self.minor = MinorLookup {
            forms,
            with_initials,
        };
        self
    }
}

/// Screens names and free text against the lists it was built from.
///
/// Build it once with [`Screener::builder`] (or [`Screener::demo`]); it is then immutable.
/// Cloning is cheap (an `Arc`), and it is `Send + Sync`: share one screener between threads.
/// A list update builds a new screener; readers of the old one are not disturbed.
///
/// ```
/// use sanctions::Screener;
///
/// let screener = Screener::demo()?;
/// let matches = screener.screen("ТОО «Казстанекс»");
/// assert_eq!(matches[0].entity_id().id, "16678");
/// assert!(matches[0].score().value() >= 0.9);
/// println!("{}", matches[0].explanation());
/// # Ok::<(), sanctions::Error>(())
/// ```
///
/// # Memory
///
/// The entities, every name's tokens, the vocabulary with its postings and the fuzzy lookup
/// table; [`Screener::memory_usage`] estimates it.
#[derive(Clone, Debug)]
pub struct Screener {
    inner: Arc<Inner>,
}

fn identifier_key(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn kinds_compatible(query: Option<EntityKind>, any: bool, entity: EntityKind) -> bool {
    use EntityKind::*;
    if any {
        return true;
    }
    match (query, entity) {
        (None, _) | (Some(Unknown), _) | (_, Unknown) => true,
        (Some(Person), k) => k == Person,
        (Some(_), Person) => false,
        _ => true,
    }
}

impl Screener {
    /// A builder.
    ///
    /// ```
    /// let screener = sanctions::Screener::builder().build()?; // no list: matches nothing
    /// assert!(screener.screen("KAZSTANEX LLP").is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn builder() -> ScreenerBuilder {
        ScreenerBuilder::default()
    }

    /// A screener over the embedded demo list.
    ///
    /// # Errors
    ///
    /// Only if the embedded list were malformed, which the crate's tests rule out.
    ///
    /// # Example
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// assert_eq!(screener.entities().len(), 74);
    /// assert_eq!(screener.screen("Yevgeniy Prigozhin")[0].score().value(), 1.0);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn demo() -> Result<Screener> {
        let Loaded { list, .. } = sources::custom::read(DEMO.as_bytes())?;
        Screener::builder().list(list).build()
    }

    /// The embedded demo list itself: real listed entities that keep their official source
    /// and record id.
    ///
    /// # Errors
    ///
    /// As [`Screener::demo`].
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{EntityId, Source};
    ///
    /// let list = sanctions::Screener::demo_list()?;
    /// let kazstanex = list.entities.iter().find(|e| e.id == EntityId::new(Source::Uk, "16678"));
    /// let name = kazstanex.and_then(|e| e.primary_name()).map(|n| n.text.as_str());
    /// assert_eq!(name, Some("KAZSTANEX LIMITED LIABILITY PARTNERSHIP"));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn demo_list() -> Result<SanctionsList> {
        Ok(sources::custom::read(DEMO.as_bytes())?.list)
    }

    /// The default threshold of this screener.
    pub fn threshold(&self) -> f32 {
        self.inner.threshold
    }

    /// The entities screened against, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.inner.entities
    }

    /// An entity by its id.
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// let m = &screener.screen("ТОО «Казстанекс»")[0];
    /// let entity = screener.entity(m.entity_id()).ok_or("listed")?;
    /// assert_eq!(entity.countries, ["KZ"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Performance
    ///
    /// A hash lookup.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        let at = *self.inner.by_id.get(id)?;
        self.inner.entities.get(at as usize)
    }

    /// The position in [`Screener::entities`] of the entity with this id.
    pub(crate) fn entity_index(&self, id: &EntityId) -> Option<usize> {
        self.inner.by_id.get(id).map(|&i| i as usize)
    }

    /// The sources of the loaded lists, with their publication dates and entity counts.
    ///
    /// ```
    /// use sanctions::Source;
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// // The demo list is in the crate's own format, which states no date.
    /// let sources: Vec<_> = screener.sources().collect();
    /// assert_eq!(sources, [(Source::Custom, None, 74)]);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn sources(&self) -> impl Iterator<Item = (Source, Option<PartialDate>, usize)> + '_ {
        self.inner
            .stamp
            .lists
            .iter()
            .map(|s| (s.source, s.published, s.entities))
    }

    /// What the screener was built from and with: the crate version, each list's source,
    /// publication date, size and content hash, and its settings. Every result carries it in
    /// its [`Audit`].
    pub fn audit_stamp(&self) -> &AuditStamp {
        &self.inner.stamp
    }

    /// The audit record the matches of `query` carry, also for a query that matched nothing:
    /// the screener's stamp with the query's threshold and limit.
    ///
    /// ```
    /// use sanctions::{Query, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// let query = Query::new("Nobody Listed").threshold(0.9);
    /// assert!(screener.screen(query.clone()).is_empty());
    /// assert_eq!(screener.query_audit(&query).threshold(), 0.9);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn query_audit(&self, query: &Query) -> Audit {
        self.audit(
            query.threshold.unwrap_or(self.inner.threshold),
            Some(query.limit),
        )
    }

    /// The audit record the hits of [`Screener::screen_text`] carry, also for a text without
    /// hits.
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// assert!(screener.screen_text("rent for May").is_empty());
    /// let audit = screener.text_audit();
    /// assert_eq!(audit.threshold(), screener.threshold());
    /// assert_eq!(audit.limit(), None);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn text_audit(&self) -> Audit {
        self.audit(self.inner.threshold, None)
    }

    /// The audit record of a result decided at `threshold`.
    fn audit(&self, threshold: f32, limit: Option<usize>) -> Audit {
        Audit {
            stamp: Arc::clone(&self.inner.stamp),
            threshold,
            limit,
        }
    }

    /// An estimate of the heap memory the screener holds, in bytes.
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// let empty = Screener::builder().build()?;
    /// let demo = Screener::demo()?;
    /// assert!(demo.memory_usage() > empty.memory_usage());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn memory_usage(&self) -> usize {
        let entities: usize = self
            .inner
            .entities
            .iter()
            .map(|e| {
                std::mem::size_of::<Entity>()
                    + e.names.iter().map(|n| n.text.len() + 64).sum::<usize>()
            })
            .sum();
        entities + self.inner.index.memory_usage()
    }

    fn score_tokens(&self, text: &str, kind: EntityKind) -> (Vec<ScoreToken>, bool) {
        let (st, truncated, _) = self.query_tokens(text, kind);
        (st, truncated)
    }

    /// A query's tokens, whether it was truncated, and the part of its text they come from.
    ///
    /// A query of more than [`MAX_QUERY_TOKENS`] tokens is read up to its last kept token.
    /// When its first [`QUERY_PREFIX_BYTES`] already hold more tokens than that, only they
    /// are normalized, so that a name of megabytes costs what its kept tokens cost, not
    /// 30 bytes of memory per byte of it.
    fn query_tokens<'t>(
        &self,
        text: &'t str,
        kind: EntityKind,
    ) -> (Vec<ScoreToken>, bool, &'t str) {
        // As list names are indexed: an organization's acronym after its name is left out.
        let main = acronym::split_acronym(text)
            .filter(|_| kind != EntityKind::Person)
            .map_or(text, |(main, _)| main);
        let mut tokens = Vec::new();
        if main.len() > QUERY_PREFIX_BYTES {
            let mut end = QUERY_PREFIX_BYTES;
            while !main.is_char_boundary(end) {
                end -= 1;
            }
            let head = main.get(..end).unwrap_or("");
            // Only when the prefix looks like many words (a byte scan), so that a long query
            // of few words (one padded with marks or invisible characters) is not normalized
            // twice.
            let parts = head
                .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                .filter(|p| !p.is_empty())
                .count();
            if parts > 2 * MAX_QUERY_TOKENS {
                let head = normalize_as(head, kind).into_tokens();
                if head.len() > MAX_QUERY_TOKENS {
                    tokens = head;
                }
            }
        }
        if tokens.is_empty() {
            tokens = normalize_as(main, kind).into_tokens();
        }
        let truncated = tokens.len() > MAX_QUERY_TOKENS;
        let used = match tokens.get(..MAX_QUERY_TOKENS).and_then(|kept| kept.last()) {
            Some(last) if truncated => main.get(..last.span().end).unwrap_or(main),
            _ => text,
        };
        let st = prepare_tokens(tokens.iter().take(MAX_QUERY_TOKENS), &self.inner.freq);
        (st, truncated, used)
    }

    /// Screens a name: the matching entities, best first, one per entity (through its best
    /// name), at or above the threshold, at most the query's limit.
    ///
    /// Ordered by score descending; of equal scores, a name written as the query first (for
    /// `MOHAMMAD WALI`, `Mohammad Wali` before `Wali Mohammad`), then by the OFAC-style score
    /// descending, source and record id. Never fails: an empty or
    /// unusable name matches nothing; a name of more than [`MAX_QUERY_TOKENS`] tokens is
    /// truncated and every match carries [`Factor::QueryTruncated`].
    ///
    /// ```
    /// use sanctions::{EntityKind, Query, Screener};
    ///
    /// let screener = Screener::demo()?;
    /// // A name in another script and word order: every list that names him, best first.
    /// let matches = screener.screen("Пригожин Евгений Викторович");
    /// assert_eq!(matches.len(), 5);
    /// assert!(matches.iter().all(|m| m.kind() == EntityKind::Person && m.score().value() == 1.0));
    /// // With what else is known of the party: a birth date that is not his lowers the score.
    /// let query = Query::new("Yevgeniy Prigozhin").kind(EntityKind::Person).birth_date("1969".parse()?);
    /// assert_eq!(screener.screen(query)[0].score().value(), 0.85);
    /// assert!(screener.screen("Jane Doe").is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn screen(&self, query: impl Into<Query>) -> Vec<Match> {
        let query = query.into();
        let threshold = query.threshold.unwrap_or(self.inner.threshold);
        let (q, truncated, read) =
            self.query_tokens(&query.name, query.kind.unwrap_or(EntityKind::Unknown));
        let inner = &*self.inner;
        let prune = query.identifiers.is_empty();
        let candidates = self.candidates(&q, prune.then_some(threshold - BOUND_MARGIN));
        // Best name per entity.
        let mut best: FxHashMap<u32, (f32, u32, Explanation)> = FxHashMap::default();
        // The names of persons that met some but not all of the query's words firmly, by entity:
        // candidates for a match across two names (see `combined`).
        let bits_of = |keep: fn(&ScoreToken) -> bool| {
            q.iter()
                .enumerate()
                .filter(|(_, t)| keep(t))
                .fold(0u64, |bits, (i, _)| bits | bit(i))
        };
        let all_words = bits_of(|t| t.kind == TokenKind::Word);
        let distinct = bits_of(ScoreToken::distinctive);
        let combine = all_words.count_ones() >= 2 && distinct != 0;
        let mut partial: FxHashMap<u32, Vec<(u32, u64)>> = FxHashMap::default();
        let q_glued = GluedRuns::new(&q);
        let mut memo = KeyMemo::default();
        // Scored without the texts of the explanation, which only the matches returned need.
        // A name is scored only if it can reach the threshold (see `score_bound`), or may be
        // a part of a match across two names of its person: all the query's words met by the
        // person's names together. An identifier may lift any name (see `secondary`).
        let mut reach: FxHashMap<u32, u64> = FxHashMap::default();
        let mut shape_scores: FxHashMap<(u32, EntityKind), (f32, Explanation)> =
            FxHashMap::default();
        if combine && prune {
            for &(nid, found) in &candidates {
                if let Some(name) = inner.index.names.get(nid as usize) {
                    if !name.weak && found.maybe & distinct != 0 {
                        *reach.entry(name.entity).or_default() |= found.maybe;
                    }
                }
            }
        }
        for (nid, found) in candidates {
            let Some(name) = inner.index.names.get(nid as usize) else {
                continue;
            };
            if !kinds_compatible(query.kind, query.any_kind, name.kind) {
                continue;
            }
            if prune
                && score_bound(&q, &name.tokens, name.sums, found, name.kind)
                    < threshold - BOUND_MARGIN
                && !(name.kind == EntityKind::Person
                    && !name.weak
                    && found.maybe & distinct != 0
                    && reach
                        .get(&name.entity)
                        .is_some_and(|r| r & all_words == all_words))
            {
                continue;
            }
            let Some(entity) = inner.entities.get(name.entity as usize) else {
                continue;
            };
            // Names of one shape score alike against the query: the lists repeat spellings.
            let (score, explanation) = shape_scores
                .entry((name.shape, entity.kind))
                .or_insert_with(|| {
                    score_names_with(
                        (&q, q_glued.slice(q.len())),
                        (&name.tokens, &name.glued),
                        entity.kind,
                        false,
                        Some(&mut memo),
                    )
                });
            let met = explanation.query_words_firm();
            if combine
                && entity.kind == EntityKind::Person
                && !name.weak
                && met & distinct != 0
                && met != all_words
            {
                partial.entry(name.entity).or_default().push((nid, met));
            }
            // Without identifiers the evidence only lowers a score: a name below the threshold
            // cannot match, and its explanation is not copied.
            if prune && *score < threshold {
                continue;
            }
            let Some((score, explanation)) =
                self.name_evidence((&query, &q), entity, name, *score, explanation.clone())
            else {
                continue;
            };
            let better = match best.get(&name.entity) {
                None => true,
                Some((s, n, _)) => score > *s || (score == *s && nid < *n),
            };
            if better {
                best.insert(name.entity, (score, nid, explanation));
            }
        }
        for (ei, names) in &partial {
            let below = best.get(ei).is_none_or(|(s, _, _)| *s < threshold);
            let Some(entity) = inner.entities.get(*ei as usize) else {
                continue;
            };
            if !below {
                continue;
            }
            if let Some((score, nid, mut explanation)) =
                self.combined(&q, all_words, distinct, names)
            {
                let score = self.secondary(&query, entity, score, &mut explanation);
                if best.get(ei).is_none_or(|(s, _, _)| score > *s) {
                    best.insert(*ei, (score, nid, explanation));
                }
            }
        }
        // Entities found through an identifier alone.
        for id in &query.identifiers {
            let Some(ents) = inner.identifiers.get(&identifier_key(&id.value)) else {
                continue;
            };
            for &ei in ents {
                if best.contains_key(&ei) {
                    continue;
                }
                let Some(entity) = inner.entities.get(ei as usize) else {
                    continue;
                };
                let nid = inner
                    .index
                    .names
                    .iter()
                    .position(|n| n.entity == ei)
                    .unwrap_or(0) as u32;
                let mut explanation = Explanation::default();
                let score = self.secondary(&query, entity, 0.0, &mut explanation);
                best.insert(ei, (score, nid, explanation));
            }
        }
        let mut matches: Vec<Match> = best
            .into_iter()
            .filter(|(_, (s, _, _))| *s >= threshold)
            .filter_map(|(ei, (score, nid, mut explanation))| {
                let entity = inner.entities.get(ei as usize)?;
                let name = inner.index.names.get(nid as usize)?;
                let n = entity.names.get(name.name as usize)?;
                if !explanation.explained() {
                    // The same score again, now with the texts of the links.
                    let (s, e) = score_names_with(
                        (&q, q_glued.slice(q.len())),
                        (&name.tokens, &name.glued),
                        entity.kind,
                        true,
                        Some(&mut memo),
                    );
                    explanation = self.name_evidence((&query, &q), entity, name, s, e)?.1;
                }
                if truncated {
                    explanation.push_factor(Factor::QueryTruncated {
                        tokens: MAX_QUERY_TOKENS,
                    });
                }
                Some(Match {
                    entity_id: entity.id.clone(),
                    kind: entity.kind,
                    name: n.text.clone(),
                    name_kind: n.kind,
                    score: Score::new(score),
                    ofac_score: Score::new(crate::ofac_score(read, &n.text)),
                    explanation,
                    audit: self.audit(threshold, Some(query.limit)),
                })
            })
            .collect();
        sort_matches(&mut matches, &query.name);
        matches.truncate(query.limit);
        matches
    }

    /// A name score with the evidence of the name's flags (a weak alias or an acronym counts
    /// only when near-exact) and of the query's kind, birth date, country and identifiers;
    /// `None` when the name cannot count.
    fn name_evidence(
        &self,
        (query, q): (&Query, &[ScoreToken]),
        entity: &Entity,
        name: &IndexedName,
        score: f32,
        mut explanation: Explanation,
    ) -> Option<(f32, Explanation)> {
        if name.weak || name.acronym {
            let near_exact = score >= WEAK_ALIAS_MIN
                || (name.weak && met_word_for_word(q, &name.tokens, &explanation));
            if !near_exact {
                return None;
            }
            explanation.push_factor(if name.acronym {
                Factor::Acronym
            } else {
                Factor::WeakAlias
            });
        }
        let score = self.secondary(query, entity, score, &mut explanation);
        Some((score, explanation))
    }

    /// The best match of a query's words across two names of one person, when each name met
    /// some of the words firmly and together they met all (`Shahab GHAFARI` against `Shahab
    /// al-Muhajir` and `Sanaullah Ghafari`): the two names scored as one, each having met a
    /// distinctive word of its own (`distinct`: the query's distinctive words, as bits), times
    /// [`COMBINED_NAMES`]. The score, the first name's position in the index, and the
    /// explanation.
    fn combined(
        &self,
        q: &[ScoreToken],
        all_words: u64,
        distinct: u64,
        names: &[(u32, u64)],
    ) -> Option<(f32, u32, Explanation)> {
        let index = &self.inner.index;
        let mut found: Option<(f32, u32, Explanation)> = None;
        let names = names.get(..names.len().min(MAX_COMBINED)).unwrap_or(names);
        for (i, &(a, ma)) in names.iter().enumerate() {
            for &(b, mb) in names.iter().skip(i + 1) {
                // Each name brings a distinctive word the other lacks, met firmly, and
                // together they bring all.
                if ma | mb != all_words || ma & !mb & distinct == 0 || mb & !ma & distinct == 0 {
                    continue;
                }
                let (Some(na), Some(nb)) =
                    (index.names.get(a as usize), index.names.get(b as usize))
                else {
                    continue;
                };
                let joined: Vec<ScoreToken> = na
                    .tokens
                    .iter()
                    .chain(&nb.tokens)
                    .map(|t| ScoreToken {
                        first_given: false,
                        ..t.clone()
                    })
                    .collect();
                let (_, explanation) = score_names(q, &joined, EntityKind::Person);
                if explanation.query_words_met() != all_words {
                    continue;
                }
                // Each name's own words met hold a distinctive one (a query word in Arabic
                // script is not known to be a common name; the listed word it met is).
                let met = explanation.candidate_words_met();
                let distinct_met = |range: std::ops::Range<usize>| {
                    range.into_iter().any(|i| {
                        bit(i) & met != 0 && joined.get(i).is_some_and(ScoreToken::distinctive)
                    })
                };
                let a_len = na.tokens.len();
                if !distinct_met(0..a_len) || !distinct_met(a_len..joined.len()) {
                    continue;
                }
                // Scored against the words met alone: the words of each name that the other
                // replaces are no disagreement.
                let used: Vec<ScoreToken> = joined
                    .into_iter()
                    .enumerate()
                    .filter(|(i, t)| t.kind != TokenKind::Word || bit(*i) & met != 0)
                    .map(|(_, t)| t)
                    .collect();
                let (score, mut explanation) = score_names(q, &used, EntityKind::Person);
                let score = score * COMBINED_NAMES;
                if found.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    let with = self
                        .inner
                        .entities
                        .get(nb.entity as usize)
                        .and_then(|e| e.names.get(nb.name as usize))
                        .map(|n| n.text.clone())
                        .unwrap_or_default();
                    explanation.push_factor(Factor::CombinedNames {
                        with,
                        multiplier: COMBINED_NAMES,
                    });
                    found = Some((score, a, explanation));
                }
            }
        }
        found
    }

    /// Screens many queries, results in input order: each as [`screen`](Self::screen) gives
    /// it, whatever the number of threads.
    ///
    /// With the default `rayon` feature the queries are screened on all cores (rayon's global
    /// pool, or the pool the caller installs); without it, one after the other.
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// let screener = Screener::demo()?;
    /// let results = screener.screen_many(["KAZSTANEX LLP", "Jane Doe"]);
    /// assert_eq!(results.len(), 2);
    /// assert_eq!(results[0][0].entity_id().id, "16678");
    /// assert!(results[1].is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn screen_many<Q: Into<Query>>(
        &self,
        queries: impl IntoIterator<Item = Q>,
    ) -> Vec<Vec<Match>> {
        let queries: Vec<Query> = queries.into_iter().map(Into::into).collect();
        #[cfg(feature = "rayon")]
        {
            use rayon::prelude::*;
            queries.into_par_iter().map(|q| self.screen(q)).collect()
        }
        #[cfg(not(feature = "rayon"))]
        {
            queries.into_iter().map(|q| self.screen(q)).collect()
        }
    }

    /// Candidate list names for query tokens: those sharing a token (exactly, within one edit
    /// of its key, or glued) with the query, rarest tokens first, each with what the index
    /// found of it (see [`Reach`]). With `prune_below`, the names that only the query's minor
    /// words found (the article `ال`, `of`) are left out when no such name can score that
    /// much ([`crate::score::minor_only_bound`]), but for names with initials.
    fn candidates(&self, q: &[ScoreToken], prune_below: Option<f32>) -> Vec<(u32, Reach)> {
        let index = &self.inner.index;
        // Vocabulary entries, with the query tokens that found each.
        let mut vids: Vec<(u32, u64)> = Vec::new();
        let mut buf = Vec::new();
        for (i, t) in q.iter().enumerate() {
            buf.clear();
            match t.kind {
                TokenKind::Word if t.abjad => {
                    let skeleton = format!("~{}", t.skeleton);
                    near_skeleton_words(index, &skeleton, (&t.key, t.abjad, &t.text), &mut buf);
                }
                TokenKind::Word => {
                    index.lookup(&t.key, &mut buf);
                    may_meet(index, &t.key, &mut buf);
                    // A Czech or Slovak woman's surname meets the family's (`Porrasová` /
                    // `Porras`).
                    if let (true, Some((stem, _))) = (t.feminine, &t.stem) {
                        let mut family = Vec::new();
                        index.lookup(stem, &mut family);
                        may_meet(index, stem, &mut family);
                        buf.extend(family);
                    }
                    // A word read as a concept (`Karina`, `@military`) or a country
                    // (`Irana`, `%iran`) still meets its own spelling as written.
                    if t.key.starts_with([
                        crate::normalize::CONCEPT_MARK,
                        crate::normalize::COUNTRY_MARK,
                    ]) {
                        index.lookup_exact(&crate::normalize::variant::key(&t.text), &mut buf);
                    }
                    // An organization's last word that begins the word (`PMC Wagner` /
                    // `Wagnergruppen`), by each prefix of the key long enough to be one.
                    index.lookup_cut_words(&t.key, &mut buf);
                    // Words written in Arabic script, by their skeletons.
                    if !t.skeleton.is_empty() {
                        let skeleton = format!("^{}", t.skeleton);
                        near_skeleton_words(index, &skeleton, (&t.key, false, &t.text), &mut buf);
                    }
                }
                TokenKind::Number | TokenKind::Initial => index.lookup_exact(&t.key, &mut buf),
                _ => continue,
            }
            if let Some(group) = t.name {
                index.lookup_exact(&crate::index::group_key(group), &mut buf);
            }
            vids.extend(buf.iter().map(|&v| (v, bit(i))));
        }
        // Runs of two and three query tokens written as one word in a list name.
        for n in 2..=crate::score::MAX_GLUED {
            for (i, run) in q.windows(n).enumerate() {
                if run.iter().any(|t| t.kind == TokenKind::Number) {
                    continue;
                }
                let text: String = run.iter().map(|t| &*t.text).collect();
                let key = crate::normalize::variant::key(&text);
                buf.clear();
                index.lookup(&key, &mut buf);
                may_meet(index, &key, &mut buf);
                // Runs with a word in Arabic script are keyed as scoring glues them (`محمد
                // الله` / `MOHAMMADULLAH`); they and Latin runs meet the words written in
                // Arabic script near their skeleton that they may meet (`ABDUL HAQ` /
                // `عبدالخالق`).
                let (run_key, mark) = if run.iter().any(|t| t.abjad) {
                    (crate::normalize::variant::abjad_key(&text), '~')
                } else {
                    (key, '^')
                };
                let skeleton = crate::normalize::variant::skeleton(&run_key);
                if !skeleton.is_empty() {
                    let skeleton = format!("{mark}{skeleton}");
                    near_skeleton_words(index, &skeleton, (&run_key, mark == '~', &text), &mut buf);
                }
                let bits = (i..i + n).fold(0, |b, j| b | bit(j));
                vids.extend(buf.iter().map(|&v| (v, bits)));
            }
        }
        let vids = merge_by_id(vids, |a, b| *a |= b);
        let mut vids: Vec<(u32, Reach)> = vids
            .into_iter()
            .map(|(v, maybe)| {
                let w = index.entry_weight(v);
                let reach = Reach {
                    maybe,
                    weight: w.weight,
                    distinctive: w.distinctive,
                };
                (v, reach)
            })
            .collect();
        vids.sort_by_key(|&(v, _)| (index.postings(v).len(), v));
        // The entries only minor words found (not distinctive ones), and the weightiest entry
        // each such word found.
        let minor = q
            .iter()
            .enumerate()
            .take(64)
            .filter(|(_, t)| crate::score::is_minor_lookup(t))
            .fold(0u64, |bits, (i, _)| bits | bit(i));
        let minor_only = |r: &Reach| r.maybe & !minor == 0 && !r.distinctive;
        let mut minor_met = 0.0f32;
        let mut dropped = 0u64;
        if minor != 0 {
            let mut tokens = minor;
            while tokens != 0 {
                let token = tokens & tokens.wrapping_neg();
                tokens &= tokens - 1;
                let weightiest = vids
                    .iter()
                    .filter(|(_, r)| minor_only(r) && r.maybe & token != 0)
                    .map(|(_, r)| r.weight)
                    .reduce(f32::max);
                if let Some(w) = weightiest {
                    minor_met += w;
                    dropped |= token;
                }
            }
        }
        let leave_minor = dropped != 0
            && prune_below.is_some_and(|below| {
                crate::score::minor_only_bound(q, dropped, minor_met, self.inner.minor.forms)
                    < below
            });
        // The names the entries left unread hold, one bit each.
        let mut minor_hits: Vec<u64> = Vec::new();
        let mut out: Vec<(u32, Reach)> = Vec::new();
        for (v, reach) in vids {
            let p = index.postings(v);
            if leave_minor && minor_only(&reach) {
                if minor_hits.is_empty() {
                    minor_hits = vec![0u64; index.names.len().div_ceil(64)];
                }
                let with_initials = &self.inner.minor.with_initials;
                for &n in p {
                    set_bit(&mut minor_hits, n);
                    if has_bit(with_initials, n) {
                        out.push((n, reach));
                    }
                }
                continue;
            }
            if !out.is_empty() && out.len() + p.len() > MAX_CANDIDATES {
                break;
            }
            out.extend(p.iter().map(|&n| (n, reach)));
        }
        let mut out = merge_reaches(out);
        // A name found through other entries may be in the unread ones too: its minor words
        // may meet, as much as they can anywhere.
        if leave_minor {
            for (n, reach) in &mut out {
                if has_bit(&minor_hits, *n) {
                    reach.maybe |= dropped;
                    reach.weight += minor_met;
                }
            }
        }
        out
    }

    /// Applies kind, birth date, country and identifier evidence to a name score.
    fn secondary(
        &self,
        query: &Query,
        entity: &Entity,
        mut score: f32,
        explanation: &mut Explanation,
    ) -> f32 {
        let known = |k: &EntityKind| *k != EntityKind::Unknown;
        if let Some(kind) = query.kind.filter(known) {
            if known(&entity.kind) && kind != entity.kind {
                score *= KIND_CONFLICT;
                explanation.push_factor(Factor::KindConflict {
                    multiplier: KIND_CONFLICT,
                });
            }
        }
        if let Some(date) = &query.birth_date {
            if entity.kind == EntityKind::Person && !entity.birth_dates.is_empty() {
                if entity.birth_dates.iter().any(|b| b.accepts(date)) {
                    explanation.push_factor(Factor::BirthDateAgrees);
                } else {
                    score *= BIRTH_DATE_CONFLICT;
                    explanation.push_factor(Factor::BirthDateConflict {
                        multiplier: BIRTH_DATE_CONFLICT,
                    });
                }
            }
        }
        if let Some(country) = &query.country {
            let mut countries = entity
                .countries
                .iter()
                .chain(&entity.nationalities)
                .chain(entity.addresses.iter().filter_map(|a| a.country.as_ref()))
                .peekable();
            if countries.peek().is_some() && !countries.any(|c| c.eq_ignore_ascii_case(country)) {
                score *= COUNTRY_CONFLICT;
                explanation.push_factor(Factor::CountryConflict {
                    multiplier: COUNTRY_CONFLICT,
                });
            }
        }
        let ids: Vec<&Identifier> = query
            .identifiers
            .iter()
            .filter(|q| {
                entity
                    .identifiers
                    .iter()
                    .any(|e| identifier_key(&e.value) == identifier_key(&q.value))
            })
            .collect();
        if let Some(id) = ids.first() {
            if identifier_key(&id.value).len() >= 4 {
                score = score.max(IDENTIFIER_FLOOR);
                explanation.push_factor(Factor::IdentifierMatch {
                    value: id.value.clone(),
                });
            }
        }
        score.clamp(0.0, 1.0)
    }

    /// Compares two names with this screener's token weights: the score, the decision at the
    /// screener's threshold, and the explanation.
    ///
    /// The kind of the party is not known; where either name has a legal form, both are
    /// compared as an organization's ([`compare_as`](Self::compare_as) with
    /// [`EntityKind::Organization`]): their words meet their cognates and the words they
    /// begin (`MACHINE` / `MACHINERY`, `TRANS` / `TRANSPORTATION`).
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// let screener = Screener::builder().build()?; // token weights from the embedded table
    /// let c = screener.compare("DA GROUP 23", "DA GROUP 22");
    /// assert!(!c.is_match());
    /// let c = screener.compare("KALININ MACHINE PLANT JSC", "KALININ MACHINERY PLANT");
    /// assert!(c.is_match());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn compare(&self, query: &str, candidate: &str) -> Comparison {
        let (q, _) = self.score_tokens(query, EntityKind::Unknown);
        // A list name reads alike as an organization's and as a party's of unknown kind.
        let (c, _) = self.score_tokens(candidate, EntityKind::Unknown);
        let has_form =
            |tokens: &[ScoreToken]| tokens.iter().any(|t| t.kind == TokenKind::LegalForm);
        let kind = if has_form(&q) || has_form(&c) {
            EntityKind::Organization
        } else {
            EntityKind::Unknown
        };
        self.comparison(query, candidate, (&q, &c), kind)
    }

    /// As [`compare`](Self::compare), with the kind of the listed party known, as
    /// [`screen`](Self::screen) knows it from the list: a person's name follows the rules for
    /// persons (a one-word alias does not stand for a longer name, a `SURNAME, Given` name
    /// needs its surname met, and has no legal forms), an organization's single letters are
    /// words, not initials. The query is read as `screen` reads a query of unknown kind, so
    /// that the score is the one `screen` gives.
    ///
    /// ```
    /// use sanctions::{EntityKind, Screener};
    ///
    /// let screener = Screener::builder().build()?;
    /// assert!(!screener.compare_as("Рома Сергеев", "ROMA", EntityKind::Person).is_match());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn compare_as(&self, query: &str, candidate: &str, kind: EntityKind) -> Comparison {
        // The query as `screen` reads a query of unknown kind; the list name as its kind.
        let (q, _) = self.score_tokens(query, EntityKind::Unknown);
        let (c, _) = self.score_tokens(candidate, kind);
        self.comparison(query, candidate, (&q, &c), kind)
    }

    /// The comparison of two names read into their score tokens.
    fn comparison(
        &self,
        query: &str,
        candidate: &str,
        (q, c): (&[ScoreToken], &[ScoreToken]),
        kind: EntityKind,
    ) -> Comparison {
        let (score, explanation) = score_names(q, c, kind);
        let score = Score::new(score);
        Comparison {
            score,
            ofac_score: Score::new(crate::ofac_score(query, candidate)),
            is_match: score.value() >= self.inner.threshold,
            explanation,
            audit: self.audit(self.inner.threshold, None),
        }
    }

    /// Finds listed names inside free text (payment remittance information, addresses,
    /// messages): every hit with its byte span in `text`, the entity and the score, in order
    /// of position. See [`TextHit`].
    ///
    /// Names are found in any word order, with spelling variants, legal forms in any
    /// language, and one misspelled word of six letters or more. In running text a single
    /// word is mostly just a word, so a hit needs more than a name query does: two words of a
    /// name of two or more (`ISTANBUL` alone is not `STEP ISTANBUL`), a short one-word name
    /// as written (`SPARE` is not `SPAR`), and every word of a name made of common words
    /// alone (`BANK` is not `BANCORP`).
    ///
    /// # Performance
    ///
    /// Each word of the text costs one lookup of its key; only the stretches around words
    /// that anchor a name are scored. See `BENCHMARKS.md` for figures on name-dense text.
    ///
    /// # Example
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// let text = "PAYMENT TO KAZSTANEX LLP FOR YEVGENIY PRIGOZHIN";
    /// let hits = screener.screen_text(text);
    /// assert_eq!(hits[0].text(), "KAZSTANEX LLP");
    /// assert_eq!(&text[hits[0].span()], "KAZSTANEX LLP");
    /// // Every list entry of a name found, at the same span.
    /// assert!(hits[1..].iter().all(|h| h.text() == "YEVGENIY PRIGOZHIN"));
    /// assert_eq!(hits.len(), 6);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn screen_text(&self, text: &str) -> Vec<TextHit> {
        text::scan(self, text)
    }
}

/// `a` and `b`, side by side with the `rayon` feature.
fn join<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(feature = "rayon")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "rayon"))]
    {
        (a(), b())
    }
}

/// `f` of every item, in order: on every core with the `rayon` feature.
pub(crate) fn map_in_order<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T) -> U + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.iter().map(f).collect()
    }
}

/// Normalizes a name as the kind of its party requires: a person's name has no legal forms.
fn normalize_as(text: &str, kind: EntityKind) -> crate::normalize::NormalizedName {
    if kind == EntityKind::Person {
        crate::normalize::normalize_person(text)
    } else {
        normalize(text)
    }
}

/// The word entries (and glued runs of list words) that the skeletons near `skeleton`
/// ([`Index::lookup_near`]) stand for and that a query word or run of key `key`, text `text`,
/// romanized from Arabic script when `abjad`, may meet ([`crate::score::word_keys_may_meet`]),
/// added to `out`: a skeleton (`~mhmd`) stands for every word of its consonants, most of which
/// a given word does not meet (`Babu` finds the skeleton of `أبو`, whose word its first sound
/// keeps it from). A word whose text is the query's meets it whatever their keys; spellings of
/// one common name are found by their group's key.
fn near_skeleton_words(
    index: &Index,
    skeleton: &str,
    (key, abjad, text): (&str, bool, &str),
    out: &mut Vec<u32>,
) {
    let mut skeletons = Vec::new();
    index.lookup_near(skeleton, &mut skeletons);
    let as_latin = abjad.then(|| crate::normalize::variant::key(text));
    for &s in &skeletons {
        for &m in index.skeleton_members(s) {
            let k = index.key(m);
            let k = k.strip_prefix(crate::index::RUN_MARK).unwrap_or(k);
            let m_abjad = index.entry_weight(m).abjad;
            let meets = as_latin.as_deref() == Some(k)
                || crate::score::word_keys_may_meet(key, abjad, k, m_abjad)
                || (m_abjad && crate::score::word_keys_may_meet(key, abjad, k, false));
            if meets {
                out.push(m);
            }
        }
    }
}

/// Keeps the vocabulary entries that a Latin word of key `key` may meet: the lookup's
/// neighbourhoods reach further than the score's floors. Entries of words written in Arabic
/// script are kept when the word may meet them letter by letter
/// ([`crate::score::word_keys_may_meet`]), skeletons always.
pub(super) fn may_meet(index: &Index, key: &str, vids: &mut Vec<u32>) {
    vids.sort_unstable();
    vids.dedup();
    vids.retain(|&v| {
        let k = index.key(v);
        k.starts_with('~')
            || crate::score::keys_may_meet(key, k)
            || (index.entry_weight(v).abjad
                && crate::score::word_keys_may_meet(key, false, k, true))
    });
}

/// Whether a list name met query `q` word for word: each word of the query met as written, as
/// a spelling variant ([`Explanation::query_words_firm`]) or with two letters of a long word
/// swapped (the commonest slip in typing a name: `Mauwin` / `Muawin`, `FIAZULLAH` /
/// `Faizullah`), its other tokens met, and nothing left over on either side but titles and
/// function words (`NASIR` / `Mullah Nasir`, `KAHWA` / `Chief Kahwa`). Such a weak alias is
/// met near-exactly, whatever the title or the slip takes off the score.
fn met_word_for_word(q: &[ScoreToken], c: &[ScoreToken], e: &Explanation) -> bool {
    // Not legal forms: a generic query (`LIMITED BANK`) would meet any weak alias its one word
    // meets, and a legal form weighs too little to keep a match below the least anyway.
    let spare = ScoreToken::is_minor_word;
    let query_met = q.iter().enumerate().all(|(i, t)| {
        let met = if t.kind == TokenKind::Word {
            e.query_words_firm()
                | if c.iter().any(|l| swapped(&t.text, &l.text)) {
                    e.query_words_met()
                } else {
                    0
                }
        } else {
            e.query_tokens_met()
        };
        i < 64 && met & bit(i) != 0 || spare(t)
    });
    let list_met = c
        .iter()
        .enumerate()
        .all(|(j, t)| j < 64 && e.candidate_tokens_met() & bit(j) != 0 || spare(t));
    query_met && list_met && e.query_words_met() != 0
}

/// The least length of a word whose two swapped letters are a slip, not another name
/// (`Ali` / `Ail`).
const SWAP_MIN_LEN: usize = 5;

/// Whether two words of at least [`SWAP_MIN_LEN`] letters are one with two neighbouring
/// letters swapped.
fn swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() < SWAP_MIN_LEN {
        return false;
    }
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return false;
    };
    a.get(i) == b.get(i + 1) && a.get(i + 1) == b.get(i) && a.get(i + 2..) == b.get(i + 2..)
}

/// The reach of each name found through several entries: the query tokens of all, and the
/// weight they may meet. Each link of a score meets its list tokens through an entry that one
/// of its query tokens found (one entry may find several list words, and several entries one
/// word: a word's key, its name group, its coarse key), so the list weight met is at most the
/// sum, over the query tokens, of the weightiest entry each found.
fn merge_reaches(mut v: Vec<(u32, Reach)>) -> Vec<(u32, Reach)> {
    v.sort_unstable_by_key(|(id, _)| *id);
    let mut out: Vec<(u32, Reach)> = Vec::with_capacity(v.len());
    for group in v.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(id, first)) = group.first() else {
            continue;
        };
        if group.len() == 1 {
            out.push((id, first));
            continue;
        }
        let mut reach = Reach {
            maybe: 0,
            weight: 0.0,
            distinctive: false,
        };
        for (_, r) in group {
            reach.maybe |= r.maybe;
            reach.distinctive |= r.distinctive;
        }
        let mut tokens = reach.maybe;
        while tokens != 0 {
            let token = tokens & tokens.wrapping_neg();
            tokens &= tokens - 1;
            reach.weight += group
                .iter()
                .filter(|(_, r)| r.maybe & token != 0)
                .map(|(_, r)| r.weight)
                .fold(0.0, f32::max);
        }
        out.push((id, reach));
    }
    out
}

/// Pairs of an id and a value, sorted by id, with the values of equal ids joined.
fn merge_by_id<T>(mut v: Vec<(u32, T)>, join: impl Fn(&mut T, T)) -> Vec<(u32, T)> {
    v.sort_unstable_by_key(|(id, _)| *id);
    let mut out: Vec<(u32, T)> = Vec::with_capacity(v.len());
    for (id, value) in v {
        match out.last_mut() {
            Some(last) if last.0 == id => join(&mut last.1, value),
            _ => out.push((id, value)),
        }
    }
    out
}

/// Best first, as [`Screener::screen`] orders matches: by score; equal scores a name written
/// as the query first (its letters and digits, lower-cased, the query's), then by the OFAC-style
/// score, source and record id.
fn sort_matches(matches: &mut [Match], query: &str) {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let query = letters(query);
    // Scores are in [0, 1]: their bits order as they do.
    matches.sort_by_cached_key(|m| {
        (
            std::cmp::Reverse(m.score.value().to_bits()),
            letters(&m.name) != query,
            std::cmp::Reverse(m.ofac_score.value().to_bits()),
            m.entity_id.source.as_str().to_owned(),
            m.entity_id.id.clone(),
        )
    });
}

#[cfg(test)]
mod tests;
