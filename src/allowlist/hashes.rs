//! A screener's entities by id, with their content hashes computed on first use and kept.

use std::fmt;
use std::sync::OnceLock;

use crate::model::{ContentHash, Entity, EntityId};
use crate::screen::Screener;

/// The content hashes of a screener's entities, looked up by id, each computed the first time
/// it is asked for and kept: what [`Allowlist::filter_with`](super::Allowlist::filter_with)
/// needs when one screener screens many customers.
///
/// [`Allowlist::filter`](super::Allowlist::filter) hashes each decided entity on every call;
/// this table hashes it once per screener, however many customers match it. It
/// holds a clone of the screener (an `Arc`), so it can be kept beside it for the screener's
/// life, and it is `Send + Sync`: threads screening in parallel share one table, and two that
/// ask for the same entity at once get the same hash.
///
/// # Example
///
/// ```
/// use sanctions::allowlist::EntityHashes;
/// use sanctions::{Allowlist, Decision, Screener};
///
/// let screener = Screener::demo()?;
/// let hashes = EntityHashes::new(&screener);
/// let matches = screener.screen("Kazstanex");
/// let listed = hashes.entity(matches[0].entity_id()).ok_or("a matched entity is loaded")?;
/// assert_eq!(hashes.get(&listed.id), Some(listed.content_hash()));
///
/// let mut allowlist = Allowlist::new();
/// allowlist.allow(Decision::new("customer-42", listed));
/// for customer in ["customer-42", "customer-43"] {
///     let matches = screener.screen("Kazstanex");
///     let filtered = allowlist.filter_with(customer, matches, |id| hashes.get(id));
///     assert_eq!(filtered.suppressed().len(), usize::from(customer == "customer-42"));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Memory
///
/// A slot of about 40 bytes per entity for its hash; only the entities asked for are hashed.
#[derive(Clone)]
pub struct EntityHashes {
    screener: Screener,
    /// Parallel to `screener.entities()`: each entity's hash once computed.
    hashes: Vec<OnceLock<ContentHash>>,
}

impl EntityHashes {
    /// A table of the screener's entities, none hashed yet.
    ///
    /// # Performance
    ///
    /// One empty slot per entity; nothing is hashed yet.
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// let hashes = sanctions::allowlist::EntityHashes::new(&screener);
    /// assert_eq!(hashes.len(), screener.entities().len());
    /// assert!(format!("{hashes:?}").contains("hashed: 0"));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn new(screener: &Screener) -> EntityHashes {
        EntityHashes {
            screener: screener.clone(),
            hashes: screener
                .entities()
                .iter()
                .map(|_| OnceLock::new())
                .collect(),
        }
    }

    /// The entity with this id, if the screener has it ([`Screener::entity`]).
    ///
    /// ```
    /// use sanctions::model::{EntityId, Source};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let hashes = sanctions::allowlist::EntityHashes::new(&screener);
    /// let kazstanex = hashes.entity(&EntityId::new(Source::Uk, "16678")).ok_or("listed")?;
    /// assert_eq!(kazstanex.countries, ["KZ"]);
    /// assert!(hashes.entity(&EntityId::new(Source::Uk, "0")).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.screener.entity(id)
    }

    /// The content hash of the entity with this id, if the screener has it (computed on the
    /// first call for each entity, a SHA-256 of about a kilobyte, then kept).
    ///
    /// ```
    /// use sanctions::model::{EntityId, Source};
    ///
    /// let screener = sanctions::Screener::demo()?;
    /// let hashes = sanctions::allowlist::EntityHashes::new(&screener);
    /// let id = EntityId::new(Source::Uk, "16678");
    /// let entity = screener.entity(&id).ok_or("listed")?;
    /// assert_eq!(hashes.get(&id), Some(entity.content_hash()));
    /// assert!(format!("{hashes:?}").contains("hashed: 1"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(&self, id: &EntityId) -> Option<ContentHash> {
        let i = self.screener.entity_index(id)?;
        let entity = self.screener.entities().get(i)?;
        let slot = self.hashes.get(i)?;
        Some(*slot.get_or_init(|| entity.content_hash()))
    }

    /// The number of entities.
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// assert_eq!(sanctions::allowlist::EntityHashes::new(&screener).len(), screener.entities().len());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether the screener has no entity.
    ///
    /// ```
    /// use sanctions::{Screener, allowlist::EntityHashes};
    ///
    /// assert!(EntityHashes::new(&Screener::builder().build()?).is_empty());
    /// assert!(!EntityHashes::new(&Screener::demo()?).is_empty());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

impl fmt::Debug for EntityHashes {
    /// The counts, not the screener's entities.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntityHashes")
            .field("entities", &self.hashes.len())
            .field(
                "hashed",
                &self.hashes.iter().filter(|h| h.get().is_some()).count(),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    #[test]
    fn every_entity_hashes_as_itself_and_unknown_ids_are_none() {
        let screener = Screener::demo().unwrap();
        let hashes = EntityHashes::new(&screener);
        assert_eq!(hashes.len(), screener.entities().len());
        assert!(!hashes.is_empty());
        for e in screener.entities() {
            assert_eq!(hashes.get(&e.id), Some(e.content_hash()), "{}", e.id);
            // Asked again: the kept hash.
            assert_eq!(hashes.get(&e.id), Some(e.content_hash()), "{}", e.id);
            assert_eq!(hashes.entity(&e.id), Some(e));
        }
        let unknown = EntityId::new(Source::Custom, "no-such-id");
        assert_eq!(hashes.get(&unknown), None);
        assert_eq!(hashes.entity(&unknown), None);
    }

    #[test]
    fn threads_share_one_table() {
        fn shared<T: Send + Sync>(_: &T) {}
        let screener = Screener::demo().unwrap();
        let hashes = EntityHashes::new(&screener);
        shared(&hashes);
        let expected: Vec<ContentHash> = screener
            .entities()
            .iter()
            .map(Entity::content_hash)
            .collect();
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for (e, h) in screener.entities().iter().zip(&expected) {
                        assert_eq!(hashes.get(&e.id), Some(*h));
                    }
                });
            }
        });
    }
}
