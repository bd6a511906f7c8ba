//! Reader of OpenSanctions formats (in progress).

use std::io::BufRead;

use super::Loaded;
use crate::error::{Error, ErrorKind, Result};

/// Reads FtM JSON lines.
///
/// # Errors
///
/// Not read yet.
pub fn read_ftm(_reader: impl BufRead) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

/// Reads targets.simple.csv.
///
/// # Errors
///
/// Not read yet.
pub fn read_simple(_reader: impl BufRead) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}
