//! Screen names and free text against official sanctions lists, in process.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
pub mod model;
pub mod normalize;
pub mod sources;

pub use error::{Error, ErrorKind, Result};
