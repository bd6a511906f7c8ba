//! Content hashes: what an allowlist decision and an audit stamp point at.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use super::{Entity, SanctionsList};
use crate::error::{Error, ErrorKind};

/// A SHA-256 digest of an entity's or a list's content, written as 64 lower-case hex digits.
///
/// The content is the entity in the crate's own `custom` format: one line of JSON, fields in
/// their declared order, lists in the order the source file gives them. The same entity read
/// from the same file always hashes the same; any change the list makes to a name, an
/// identifier, a program or any other field changes the hash. A crate version that adds a
/// field to [`Entity`] may change every hash once, so a decision keyed on one alerts again
/// (the safe direction).
///
/// ```
/// use sanctions::model::{Entity, EntityId, EntityKind, Name, Source};
///
/// let a = Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Person)
///     .with_name(Name::new("Ivan Sidorov"));
/// let b = a.clone().with_name(Name::new("Iwan Sidorow"));
/// assert_eq!(a.content_hash(), a.clone().content_hash());
/// assert_ne!(a.content_hash(), b.content_hash());
/// assert_eq!(a.content_hash().to_string().len(), 64);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    /// The digest's 32 bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn of_entities<'a>(entities: impl IntoIterator<Item = &'a Entity>) -> ContentHash {
        let mut hasher = Sha256::new();
        let mut line = Vec::new();
        for entity in entities {
            line.clear();
            write_line(entity, &mut line);
            hasher.update(&line);
        }
        ContentHash(hasher.finalize().into())
    }
}

/// One entity as a JSON line. Serializing the model to memory cannot fail (string keys, no
/// maps of other keys, no floats); were it to, the entity's debug form keeps the hash a
/// function of its content.
fn write_line(entity: &Entity, out: &mut Vec<u8>) {
    if serde_json::to_writer(&mut *out, entity).is_err() {
        out.clear();
        out.extend_from_slice(format!("{entity:?}").as_bytes());
    }
    out.push(b'\n');
}

impl Entity {
    /// The SHA-256 of this entity's content (see [`ContentHash`]).
    ///
    /// ```
    /// let list = sanctions::Screener::demo_list()?;
    /// let mut entity = list.entities[0].clone();
    /// let before = entity.content_hash();
    /// entity.programs.push("RUSSIA-EO14024".into());
    /// assert_ne!(entity.content_hash(), before);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn content_hash(&self) -> ContentHash {
        ContentHash::of_entities([self])
    }
}

impl SanctionsList {
    /// The SHA-256 of the list's entities in the crate's `custom` format (JSON Lines, in list
    /// order, each line ended by `\n`). The same official
    /// file read by the same crate version always gives the same hash, whatever format it
    /// came in.
    ///
    /// ```
    /// use sanctions::{SanctionsList, Screener, Source};
    ///
    /// // No entity: the SHA-256 of no bytes.
    /// let empty = SanctionsList::new(Source::Eu).content_hash();
    /// assert_eq!(empty.to_string(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /// // Entity order counts.
    /// let list = Screener::demo_list()?;
    /// let mut reversed = list.clone();
    /// reversed.entities.reverse();
    /// assert_ne!(list.content_hash(), reversed.content_hash());
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn content_hash(&self) -> ContentHash {
        ContentHash::of_entities(&self.entities)
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ContentHash({self})")
    }
}

impl FromStr for ContentHash {
    type Err = Error;

    /// Reads 64 hex digits (either case).
    fn from_str(s: &str) -> Result<ContentHash, Error> {
        let invalid = || {
            Error::new(
                ErrorKind::InvalidInput,
                format!("expected a content hash of 64 hex digits, found {s:?}"),
            )
        };
        let bytes = s.as_bytes();
        if bytes.len() != 64 {
            return Err(invalid());
        }
        let mut out = [0u8; 32];
        for (o, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
            let hex = std::str::from_utf8(pair).map_err(|_| invalid())?;
            *o = u8::from_str_radix(hex, 16).map_err(|_| invalid())?;
        }
        Ok(ContentHash(out))
    }
}

impl Serialize for ContentHash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ContentHash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ContentHash, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityId, EntityKind, Name, Source};

    #[test]
    fn hex_round_trip_and_refusals() {
        let e = Entity::new(EntityId::new(Source::Custom, "x"), EntityKind::Person)
            .with_name(Name::new("A B"));
        let h = e.content_hash();
        assert_eq!(h.to_string().parse::<ContentHash>().unwrap(), h);
        assert_eq!(
            h.to_string().to_uppercase().parse::<ContentHash>().unwrap(),
            h
        );
        assert!("abc".parse::<ContentHash>().is_err());
        assert!("g".repeat(64).parse::<ContentHash>().is_err());
        assert!("é".repeat(32).parse::<ContentHash>().is_err());
        let json = serde_json::to_string(&h).unwrap();
        assert_eq!(serde_json::from_str::<ContentHash>(&json).unwrap(), h);
    }

    #[test]
    fn a_list_hashes_its_entities_in_order() {
        let a = Entity::new(EntityId::new(Source::Custom, "a"), EntityKind::Person);
        let b = Entity::new(EntityId::new(Source::Custom, "b"), EntityKind::Person);
        let mut one = SanctionsList::new(Source::Custom);
        one.entities = vec![a.clone(), b.clone()];
        let mut two = SanctionsList::new(Source::Custom);
        two.entities = vec![b, a];
        assert_ne!(one.content_hash(), two.content_hash());
        assert_eq!(one.content_hash(), one.clone().content_hash());
    }
}
