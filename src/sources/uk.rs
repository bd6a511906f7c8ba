//! Reader of UK OFSI formats (in progress).

use std::io::BufRead;

use super::Loaded;
use crate::error::{Error, ErrorKind, Result};

/// Reads the 2022-format CSV.
///
/// # Errors
///
/// Not read yet.
pub fn read_csv(_reader: impl BufRead) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

/// Reads the 2022-format XLSX.
///
/// # Errors
///
/// Not read yet.
pub fn read_xlsx(_bytes: Vec<u8>) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

/// Reads the legacy ConList CSV.
///
/// # Errors
///
/// Not read yet.
pub fn read_legacy(_reader: impl BufRead) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

/// Whether the start of a text is the header of the 2022-format CSV.
pub(crate) fn is_2022_csv_head(_start: &str) -> bool {
    false
}

/// Whether the start of a file is the legacy ConList CSV without its header lines.
pub(crate) fn is_legacy_head(_head: &[u8]) -> bool {
    false
}
