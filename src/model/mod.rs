//! The list model: what an official sanctions list says, independent of its file format.
//!
//! A [`SanctionsList`] holds [`Entity`] records; each entity has its [`Name`]s (primary,
//! a.k.a., f.k.a. and weak aliases), programs, dates, countries, addresses and typed
//! [`Identifier`]s. All types are `serde` (de)serializable; one [`Entity`] per line of JSON is
//! the crate's own `custom` list format, the way a team loads its in-house deny list.

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
