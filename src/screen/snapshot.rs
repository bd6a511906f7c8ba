//! Screener snapshots: a built screener saved as bytes, and loaded back without its lists.
//!
//! The layout, integers little-endian:
//!
//! | bytes | what |
//! |-------|------|
//! | 8     | the magic `SANCSNAP` |
//! | 1 + n | the version of the crate that saved it: its length, then its text (`0.1.0`) |
//! | 4     | the format number, [`FORMAT`] |
//! | 8     | the length of the payload |
//! | 4     | the CRC-32 (IEEE) of the payload |
//! | ...   | the payload: the screener's own tables in [postcard] |
//!
//! The payload is the screener's internal structures as they are (the vocabulary, postings,
//! fuzzy neighbourhoods, prepared tokens and weights), not an exchange format: a snapshot is
//! loaded only by the crate version that saved it, and every other gets an error that says
//! to build the screener again. The checksum is checked before anything is decoded, so that
//! a truncated or damaged file is refused as such rather than read as other tables.
//!
//! [postcard]: https://docs.rs/postcard

use super::{Inner, Screener};
use crate::error::{Error, ErrorKind, Result};

/// The first bytes of every snapshot.
const MAGIC: &[u8; 8] = b"SANCSNAP";

/// The version of the crate, which a snapshot must have been saved by.
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The layout of the payload within one crate version: bump it when a structure saved in a
/// snapshot changes before the version does, or what is computed into it (the weights of
/// prepared names), so that builds between two releases refuse each other's snapshots too.
const FORMAT: u32 = 47;

fn error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Snapshot, message)
}

/// Reads snapshot bytes from the front.
struct Cursor<'a> {
    bytes: &'a [u8],
}

impl<'a> Cursor<'a> {
    /// The next `n` bytes, which hold `what`.
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let (head, rest) = self.bytes.split_at_checked(n).ok_or_else(|| {
            error(format!(
                "expected {what}, found the end of the snapshot: it is truncated"
            ))
        })?;
        self.bytes = rest;
        Ok(head)
    }

    /// The next `N` bytes, which hold `what`.
    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let bytes = self.take(N, what)?;
        // `take` gave `N` bytes: the fallback is never used.
        Ok(bytes.try_into().unwrap_or([0; N]))
    }
}

impl Screener {
    /// Saves the screener as a snapshot, which [`Screener::load`] reads back far faster than
    /// the screener is built from its lists.
    ///
    /// The snapshot holds the entities and every table built from them; it is loaded only by
    /// this version of the crate (see [`Screener::load`]).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::Screener;
    ///
    /// let screener = Screener::demo()?;
    /// let mut file = Vec::new(); // or a `std::fs::File`
    /// screener.save(&mut file)?;
    ///
    /// let loaded = Screener::load(file.as_slice())?;
    /// assert_eq!(loaded.screen("KAZSTANEX LLP")[0].entity_id().id, "16678");
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    ///
    /// # Performance
    ///
    /// The snapshot is made in memory, then written with one call: give a plain
    /// [`std::fs::File`], no `BufWriter` is needed.
    pub fn save(&self, mut writer: impl std::io::Write) -> Result<()> {
        let bytes = self.to_bytes()?;
        writer
            .write_all(&bytes)
            .and_then(|()| writer.flush())
            .map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot write the snapshot: {e}")).with_source(e)
            })
    }

    /// The screener as snapshot bytes: what [`Screener::save`] writes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Snapshot`] if a table cannot be encoded, which the crate's tests rule
    /// out.
    ///
    /// # Example
    ///
    /// ```
    /// let screener = sanctions::Screener::demo()?;
    /// let bytes = screener.to_bytes()?;
    /// assert!(bytes.starts_with(b"SANCSNAP"));
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let payload = postcard::to_stdvec(&*self.inner).map_err(|e| {
            error(format!("cannot encode the screener's tables: {e}")).with_source(e)
        })?;
        let version = u8::try_from(VERSION.len())
            .map_err(|_| error("expected a crate version of at most 255 bytes"))?;
        let mut out = Vec::with_capacity(payload.len() + 64);
        out.extend_from_slice(MAGIC);
        out.push(version);
        out.extend_from_slice(VERSION.as_bytes());
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        Ok(out)
    }

    /// Loads a screener saved by [`Screener::save`]: it screens exactly as the screener that
    /// was saved.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Snapshot`] when the bytes are not a snapshot, were saved by another
    /// version of the crate (the message names both versions), or are truncated or corrupt;
    /// build the screener from its lists again then. [`ErrorKind::Io`] when reading fails.
    ///
    /// ```
    /// use sanctions::{ErrorKind, Screener};
    ///
    /// let err = Screener::load(&b"SANCSNAP\x050.0.9"[..]).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Snapshot);
    /// assert_eq!(
    ///     err.to_string(),
    ///     format!("expected a snapshot of sanctions {}, found one of 0.0.9", env!("CARGO_PKG_VERSION"))
    /// );
    /// ```
    ///
    /// # Performance
    ///
    /// The whole snapshot is read into memory, then decoded. See BENCHMARKS.md for the
    /// load time of the official lists against their build time.
    pub fn load(mut reader: impl std::io::Read) -> Result<Screener> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read the snapshot: {e}")).with_source(e)
        })?;
        Screener::from_bytes(&bytes)
    }

    /// A screener from snapshot bytes: as [`Screener::load`].
    ///
    /// # Errors
    ///
    /// As [`Screener::load`].
    ///
    /// # Example
    ///
    /// ```
    /// use sanctions::{ErrorKind, Screener};
    ///
    /// let bytes = Screener::demo()?.to_bytes()?;
    /// let loaded = Screener::from_bytes(&bytes)?;
    /// assert_eq!(loaded.screen("KAZSTANEX LLP")[0].entity_id().id, "16678");
    /// // A cut snapshot is refused, never half read.
    /// let err = Screener::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::Snapshot);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Screener> {
        let mut at = Cursor { bytes };
        let magic = at.bytes.get(..MAGIC.len()).unwrap_or(at.bytes);
        if magic != MAGIC {
            return Err(error(format!(
                "expected a screener snapshot, starting with \"SANCSNAP\", found {:?}",
                String::from_utf8_lossy(magic)
            )));
        }
        at.take(MAGIC.len(), "the magic")?;
        let [len] = at.array::<1>("the crate version")?;
        let version = at.take(usize::from(len), "the crate version")?;
        if version != VERSION.as_bytes() {
            return Err(error(format!(
                "expected a snapshot of sanctions {VERSION}, found one of {}",
                String::from_utf8_lossy(version).escape_debug()
            )));
        }
        let format = u32::from_le_bytes(at.array("the format number")?);
        if format != FORMAT {
            return Err(error(format!(
                "expected snapshot format {FORMAT}, found format {format}"
            )));
        }
        let len = u64::from_le_bytes(at.array("the payload length")?);
        let crc = u32::from_le_bytes(at.array("the payload checksum")?);
        let payload = at.bytes;
        if len != payload.len() as u64 {
            let why = if len > payload.len() as u64 {
                "it is truncated"
            } else {
                "bytes follow it"
            };
            return Err(error(format!(
                "expected a payload of {len} bytes, found {}: {why}",
                payload.len()
            )));
        }
        let found = crc32fast::hash(payload);
        if found != crc {
            return Err(error(format!(
                "expected a payload of checksum {crc:08x}, found one of {found:08x}: \
                 the snapshot is corrupt"
            )));
        }
        let inner: Inner = postcard::from_bytes(payload).map_err(|e| {
            error(format!(
                "expected the screener's tables, found a malformed payload: {e}"
            ))
            .with_source(e)
        })?;
        crate::normalize::variant::prepare_tables();
        Ok(Screener {
            inner: std::sync::Arc::new(inner.index_ids()),
        })
    }
}

/// The most entries a map of a snapshot reserves room for before reading them: four times the
/// largest map of the official lists (the one-edit neighbourhoods, 1.4 million keys), so that
/// a forged length cannot ask for more.
const MAX_RESERVED: usize = 1 << 22;

/// Reads a hash map with room for all its entries reserved first. serde's own impl reserves
/// at most 1 MiB, and a map of a million entries then grows by rehashing everything five
/// times over.
pub(crate) fn full_map<'de, D, K, V, S>(
    d: D,
) -> std::result::Result<std::collections::HashMap<K, V, S>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: serde::Deserialize<'de> + Eq + std::hash::Hash,
    V: serde::Deserialize<'de>,
    S: std::hash::BuildHasher + Default,
{
    struct Visitor<K, V, S>(std::marker::PhantomData<(K, V, S)>);

    impl<'de, K, V, S> serde::de::Visitor<'de> for Visitor<K, V, S>
    where
        K: serde::Deserialize<'de> + Eq + std::hash::Hash,
        V: serde::Deserialize<'de>,
        S: std::hash::BuildHasher + Default,
    {
        type Value = std::collections::HashMap<K, V, S>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut access: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let room = access.size_hint().unwrap_or(0).min(MAX_RESERVED);
            let mut map = std::collections::HashMap::with_capacity_and_hasher(room, S::default());
            while let Some((k, v)) = access.next_entry()? {
                map.insert(k, v);
            }
            Ok(map)
        }
    }

    d.deserialize_map(Visitor(std::marker::PhantomData))
}

/// The entities of a snapshot: the public serde form of [`Entity`] is JSON's (fields left out
/// when empty, the id flattened, birth dates untagged), which postcard, with no field names,
/// cannot read back; these mirrors write every field, in order.
pub(super) mod entities {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::model::{
        Address, BirthDate, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name,
        NameKind, PartialDate, Script, Source,
    };

    pub(in crate::screen) fn serialize<S: Serializer>(
        entities: &[Entity],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(entities.iter().map(EntityRepr::from))
    }

    pub(in crate::screen) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<Entity>, D::Error> {
        let entities = Vec::<EntityRepr>::deserialize(d)?;
        Ok(entities.into_iter().map(Entity::from).collect())
    }

    #[derive(Serialize, Deserialize)]
    struct EntityRepr {
        source: Source,
        id: String,
        kind: EntityKind,
        names: Vec<NameRepr>,
        programs: Vec<String>,
        birth_dates: Vec<BirthDateRepr>,
        birth_places: Vec<String>,
        nationalities: Vec<String>,
        countries: Vec<String>,
        addresses: Vec<AddressRepr>,
        identifiers: Vec<IdentifierRepr>,
        gender: Option<Gender>,
        listed_on: Option<PartialDate>,
        remarks: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    struct NameRepr {
        text: String,
        kind: NameKind,
        script: Script,
        lang: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    enum BirthDateRepr {
        On(PartialDate),
        Circa(PartialDate),
        Between(PartialDate, PartialDate),
    }

    #[derive(Serialize, Deserialize)]
    struct AddressRepr {
        full: Option<String>,
        street: Option<String>,
        city: Option<String>,
        region: Option<String>,
        postal_code: Option<String>,
        country: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    struct IdentifierRepr {
        kind: IdentifierKind,
        value: String,
        country: Option<String>,
        note: Option<String>,
    }

    // The conversions destructure every field: a field added to a model type does not compile
    // until the snapshot writes it.

    impl From<&Entity> for EntityRepr {
        fn from(e: &Entity) -> EntityRepr {
            let Entity {
                id: EntityId { source, id },
                kind,
                names,
                programs,
                birth_dates,
                birth_places,
                nationalities,
                countries,
                addresses,
                identifiers,
                gender,
                listed_on,
                remarks,
            } = e;
            EntityRepr {
                source: *source,
                id: id.clone(),
                kind: *kind,
                names: names.iter().map(NameRepr::from).collect(),
                programs: programs.clone(),
                birth_dates: birth_dates.iter().map(BirthDateRepr::from).collect(),
                birth_places: birth_places.clone(),
                nationalities: nationalities.clone(),
                countries: countries.clone(),
                addresses: addresses.iter().map(AddressRepr::from).collect(),
                identifiers: identifiers.iter().map(IdentifierRepr::from).collect(),
                gender: *gender,
                listed_on: *listed_on,
                remarks: remarks.clone(),
            }
        }
    }

    impl From<EntityRepr> for Entity {
        fn from(e: EntityRepr) -> Entity {
            let EntityRepr {
                source,
                id,
                kind,
                names,
                programs,
                birth_dates,
                birth_places,
                nationalities,
                countries,
                addresses,
                identifiers,
                gender,
                listed_on,
                remarks,
            } = e;
            Entity {
                id: EntityId { source, id },
                kind,
                names: names.into_iter().map(Name::from).collect(),
                programs,
                birth_dates: birth_dates.into_iter().map(BirthDate::from).collect(),
                birth_places,
                nationalities,
                countries,
                addresses: addresses.into_iter().map(Address::from).collect(),
                identifiers: identifiers.into_iter().map(Identifier::from).collect(),
                gender,
                listed_on,
                remarks,
            }
        }
    }

    impl From<&Name> for NameRepr {
        fn from(n: &Name) -> NameRepr {
            let Name {
                text,
                kind,
                script,
                lang,
            } = n;
            NameRepr {
                text: text.clone(),
                kind: *kind,
                script: *script,
                lang: lang.clone(),
            }
        }
    }

    impl From<NameRepr> for Name {
        fn from(n: NameRepr) -> Name {
            let NameRepr {
                text,
                kind,
                script,
                lang,
            } = n;
            Name {
                text,
                kind,
                script,
                lang,
            }
        }
    }

    impl From<&BirthDate> for BirthDateRepr {
        fn from(b: &BirthDate) -> BirthDateRepr {
            match *b {
                BirthDate::On(d) => BirthDateRepr::On(d),
                BirthDate::Circa { circa } => BirthDateRepr::Circa(circa),
                BirthDate::Between { from, to } => BirthDateRepr::Between(from, to),
            }
        }
    }

    impl From<BirthDateRepr> for BirthDate {
        fn from(b: BirthDateRepr) -> BirthDate {
            match b {
                BirthDateRepr::On(d) => BirthDate::On(d),
                BirthDateRepr::Circa(circa) => BirthDate::Circa { circa },
                BirthDateRepr::Between(from, to) => BirthDate::Between { from, to },
            }
        }
    }

    impl From<&Address> for AddressRepr {
        fn from(a: &Address) -> AddressRepr {
            let Address {
                full,
                street,
                city,
                region,
                postal_code,
                country,
            } = a;
            AddressRepr {
                full: full.clone(),
                street: street.clone(),
                city: city.clone(),
                region: region.clone(),
                postal_code: postal_code.clone(),
                country: country.clone(),
            }
        }
    }

    impl From<AddressRepr> for Address {
        fn from(a: AddressRepr) -> Address {
            let AddressRepr {
                full,
                street,
                city,
                region,
                postal_code,
                country,
            } = a;
            Address {
                full,
                street,
                city,
                region,
                postal_code,
                country,
            }
        }
    }

    impl From<&Identifier> for IdentifierRepr {
        fn from(i: &Identifier) -> IdentifierRepr {
            let Identifier {
                kind,
                value,
                country,
                note,
            } = i;
            IdentifierRepr {
                kind: *kind,
                value: value.clone(),
                country: country.clone(),
                note: note.clone(),
            }
        }
    }

    impl From<IdentifierRepr> for Identifier {
        fn from(i: IdentifierRepr) -> Identifier {
            let IdentifierRepr {
                kind,
                value,
                country,
                note,
            } = i;
            Identifier {
                kind,
                value,
                country,
                note,
            }
        }
    }
}
