//! Screen names and free text against official sanctions lists, in process.
//!
//! `sanctions` reads the regulators' list files into typed [`model`] records, normalizes
//! every name across scripts and romanization systems once, and screens names and free text
//! against them in microseconds, with a score in [0, 1] and an explanation for every match.
//!
//! ```
//! use sanctions::Screener;
//!
//! let screener = Screener::demo()?; // the embedded demo list of real listed entities
//! let matches = screener.screen("ТОО «Казстанекс»");
//! let best = &matches[0];
//! assert_eq!(best.entity_id().to_string(), "uk:16678");
//! assert!(best.score().value() >= 0.9);
//! println!("{best}"); // score, id, list name and the token alignment behind the score
//! # Ok::<(), sanctions::Error>(())
//! ```
//!
//! # Primary types
//!
//! - [`Screener`], built once with [`Screener::builder`] from one or more
//!   [`SanctionsList`]s; immutable, `Send + Sync`, cheap to clone. [`Screener::screen`] takes a
//!   name or a [`Query`] and returns [`Match`]es; [`Screener::screen_text`] returns
//!   [`TextHit`]s with byte spans; [`Screener::compare`] scores two names.
//! - [`model`]: [`Entity`], [`model::Name`], [`model::Identifier`], [`model::PartialDate`]:
//!   what a list says, `serde` (de)serializable. JSON Lines of [`Entity`] is the crate's own
//!   `custom` list format.
//! - [`sources`]: readers of the official list formats (OFAC classic, legacy CSV, Advanced and
//!   Enhanced XML; US Consolidated Screening List; EU; UK OFSI CSV, XLSX and legacy CSV; UN;
//!   Canada; OpenSanctions), with format detection from the content and a
//!   [`LoadReport`](sources::LoadReport) of every record repaired or skipped.
//! - [`payment`]: SWIFT MT103 / MT202COV and ISO 20022 pacs.008 / pacs.009 messages read
//!   into [`payment::Message`]s (fields by tag or path, parties, read issues), format
//!   detected from the content; [`Screener::screen_payment`] screens a message's party names
//!   and BICs and scans its free text, giving [`payment::PaymentHit`]s.
//! - [`normalize`]: text to tokens, usable on its own.
//! - [`score`]: the [`Explanation`](score::Explanation) of a score and its parts.
//! - [`ListDiff`] ([`diff`]): what a list update added, removed and changed, entity by entity
//!   (names, identifiers, programs, other fields, old and new content hashes), and the ids
//!   whose names moved: what to screen again.
//! - [`Allowlist`] of [`Decision`]s ([`allowlist`]): cleared false positives keyed on the
//!   customer, the entity and its [`ContentHash`](model::ContentHash), so a cleared match stays
//!   suppressed until the list entry changes, and then alerts again.
//!
//! # Concepts
//!
//! **Normalization** removes invisible characters, folds look-alike letters, romanizes every
//! script to ASCII by the crate's tables (Cyrillic by language, Arabic, Hangul, Greek,
//! Armenian, Georgian; others through `any_ascii`), joins dotted initials, recognizes legal
//! forms in any language and gives the generic words of organization names one key across
//! languages (`grupo`, `Gruppe`, `группа`: `@group`). Each token also carries a spelling-variant key under which romanization
//! systems meet (`Prigozhin`, `Prigoschin`, `Prigojine`).
//!
//! **Scoring** aligns tokens in any order, weighs them by rarity in the lists, and applies
//! factors: numbers must agree, common words never carry a match alone, distinctive words
//! left over on both sides cost much. The recommended threshold is [`DEFAULT_THRESHOLD`].
//!
//! **Weak aliases** (OFAC weak a.k.a., UN low quality) count only when near-exact
//! ([`WEAK_ALIAS_MIN`], or met word for word but for a title) and are flagged in the
//! [`Match`].
//!
//! # Examples
//!
//! ## A custom list
//!
//! ```
//! use sanctions::{Query, Screener, EntityKind, sources};
//!
//! let data = r#"{"id":"c-1","kind":"person","names":[{"text":"Ivan Petrovich Sidorov"}],"birth_dates":["1970"]}"#;
//! let loaded = sources::read(data.as_bytes())?;
//! let screener = Screener::builder().list(loaded.list).build()?;
//! let m = screener.screen(Query::new("Иван Сидоров").kind(EntityKind::Person));
//! assert_eq!(m[0].entity_id().id, "c-1");
//! # Ok::<(), sanctions::Error>(())
//! ```
//!
//! ## Free text
//!
//! ```
//! let screener = sanctions::Screener::demo()?;
//! let text = "/BNF/ KAZSTANEX LLP ALMATY KZ";
//! let hit = &screener.screen_text(text)[0];
//! assert_eq!(&text[hit.span()], "KAZSTANEX LLP");
//! # Ok::<(), sanctions::Error>(())
//! ```
//!
//! # Non-goals
//!
//! No server, no network access, no storage (a snapshot goes to the writer the caller gives):
//! the crate is a library that a service embeds.
//! It decides nothing on its own: a match is evidence for an analyst or a rule.
//!
//! # Features
//!
//! - `all-lists` (default): every official list reader, each also a feature of its own:
//!   `ofac` (classic XML, legacy CSV, Advanced and Enhanced XML), `csl`, `eu`, `uk` (CSV,
//!   XLSX, legacy CSV), `un`, `canada`, `opensanctions`. A build without a reader still
//!   detects its format and says which feature reads it
//!   ([`sources::feature_of`]); the crate's own `custom` format is always read. `quick-xml`,
//!   `csv` and `zip` are linked only for the readers that need them.
//! - `payments` (default): the [`payment`] module and `Screener::screen_payment`.
//! - `rayon` (default): [`Screener::screen_many`] screens on all cores; without it, one
//!   query after the other.
//! - `snapshot` (default): `Screener::save` and `Screener::load` keep a built screener as
//!   bytes, loaded back several times faster than it is built from the lists; only the crate
//!   version that saved a snapshot loads it. Adds the `postcard` and `crc32fast`
//!   dependencies.
//!
//! # Design
//!
//! The map of the crate, its data flow and the command-line contract of the `screen`
//! example are in the project's DESIGN.md.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod allowlist;
pub mod diff;
mod error;
mod index;
pub mod model;
pub mod normalize;
#[cfg(feature = "payments")]
pub mod payment;
pub mod score;
mod screen;
pub mod sources;

pub use allowlist::{Allowlist, Decision};
pub use diff::ListDiff;
pub use error::{Error, ErrorKind, Result};
pub use model::{Entity, EntityId, EntityKind, SanctionsList, Source};
pub use score::ofac::ofac_score;
pub use screen::{
    Audit, AuditStamp, Comparison, DEFAULT_THRESHOLD, ListStamp, MAX_QUERY_TOKENS, Match, Query,
    Score, Screener, ScreenerBuilder, TextHit, WEAK_ALIAS_MIN,
};
