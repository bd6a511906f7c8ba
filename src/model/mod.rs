//! The list model: what an official sanctions list says, independent of its file format.
//!
//! A [`SanctionsList`] holds [`Entity`] records; each entity has its [`Name`]s (primary,
//! a.k.a., f.k.a. and weak aliases), programs, dates, countries, addresses and typed
//! [`Identifier`]s. All types are `serde` (de)serializable; one [`Entity`] per line of JSON is
//! the crate's own `custom` list format, the way a team loads its in-house deny list.
//!
//! ```
//! use sanctions::model::{Entity, EntityId, EntityKind, Name, NameKind, SanctionsList, Source};
//!
//! let entity = Entity::new(EntityId::new(Source::Custom, "c-1"), EntityKind::Person)
//!     .with_name(Name::new("Yevgeniy Prigozhin"))
//!     .with_name(Name::new("Евгений Пригожин").with_kind(NameKind::Aka).with_lang("ru"));
//! let mut list = SanctionsList::new(Source::Custom);
//! list.entities.push(entity);
//! // One JSON line per entity: the `custom` format, read back by `sources::read`.
//! let line = serde_json::to_string(&list.entities[0])?;
//! let loaded = sanctions::sources::read(line.as_bytes())?;
//! assert_eq!(loaded.list.entities, list.entities);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod date;
mod entity;
mod hash;
mod list;
mod name;

pub use date::{BirthDate, PartialDate};
pub use entity::{Address, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind};
pub use hash::ContentHash;
pub use list::{SanctionsList, Source};
pub use name::{Name, NameKind, Script};
