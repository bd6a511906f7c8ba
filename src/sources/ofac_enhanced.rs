//! Reader of the ofac_enhanced format (in progress).

use std::io::BufRead;

use super::Loaded;
use crate::error::{Error, ErrorKind, Result};

/// Reads the format.
///
/// # Errors
///
/// Not read yet.
pub fn read(_reader: impl BufRead) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}
