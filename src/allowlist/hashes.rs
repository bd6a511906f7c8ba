//! A screener's entities by id, with their content hashes computed on first use and kept.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::model::{ContentHash, Entity, EntityId};
use crate::screen::Screener;

/// The content hashes of a screener's entities, looked up by id, each computed the first time
/// it is asked for and kept: what [`Allowlist::filter_with`](super::Allowlist::filter_with)
/// needs when one screener screens many customers.
///
/// [`Allowlist::filter`](super::Allowlist::filter) finds each decided entity with
/// [`Screener::entity`] (a scan of the entities) and hashes it on every call; this table finds
/// it in a hash map and hashes it once per screener, however many customers match it. It
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
/// A copy of every entity id, and a slot of about 40 bytes per entity for its hash; only the
/// entities asked for are hashed.
#[derive(Clone)]
pub struct EntityHashes {
    screener: Screener,
    /// Entity id → its index in `screener.entities()`. A screener merges the records of one
    /// id into one entity, so ids are unique; were one not, the first wins, as in
    /// [`Screener::entity`].
    by_id: HashMap<EntityId, usize>,
    /// Parallel to `screener.entities()`: each entity's hash once computed.
    hashes: Vec<OnceLock<ContentHash>>,
}

impl EntityHashes {
    /// A table of the screener's entities, none hashed yet.
    ///
    /// # Performance
    ///
    /// One hash-map insertion (and an id clone) per entity; nothing is hashed yet.
    pub fn new(screener: &Screener) -> EntityHashes {
        let entities = screener.entities();
        let mut by_id = HashMap::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            by_id.entry(e.id.clone()).or_insert(i);
        }
        EntityHashes {
            screener: screener.clone(),
            by_id,
            hashes: entities.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The entity with this id, if the screener has it.
    pub fn entity(&self, id: &EntityId) -> Option<&Entity> {
        self.screener.entities().get(*self.by_id.get(id)?)
    }

    /// The content hash of the entity with this id, if the screener has it (computed on the
    /// first call for each entity, a SHA-256 of about a kilobyte, then kept).
    pub fn get(&self, id: &EntityId) -> Option<ContentHash> {
        let i = *self.by_id.get(id)?;
        let entity = self.screener.entities().get(i)?;
        let slot = self.hashes.get(i)?;
        Some(*slot.get_or_init(|| entity.content_hash()))
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the screener has no entity.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

impl fmt::Debug for EntityHashes {
    /// The counts, not the screener's entities.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntityHashes")
            .field("entities", &self.by_id.len())
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
