//! Screen names and free text against official sanctions lists, in process.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod index;
pub mod model;
pub mod normalize;
pub mod score;
mod screen;
pub mod sources;

pub use error::{Error, ErrorKind, Result};
pub use model::{Entity, EntityId, EntityKind, SanctionsList, Source};
pub use screen::{
    Comparison, DEFAULT_THRESHOLD, MAX_QUERY_TOKENS, Match, Query, Score, Screener,
    ScreenerBuilder, TextHit, WEAK_ALIAS_MIN,
};
