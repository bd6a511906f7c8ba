//! Reader of the OFAC legacy CSV set (in progress).

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::{Format, Loaded};
use crate::error::{Error, ErrorKind, Result};

/// The files of one OFAC CSV publication: the main file and its companions.
#[derive(Debug)]
pub struct CsvSet<R> {
    /// SDN.CSV or cons_prim.csv.
    pub main: R,
    /// ADD.CSV.
    pub add: Option<R>,
    /// ALT.CSV.
    pub alt: Option<R>,
    /// SDN_COMMENTS.CSV.
    pub comments: Option<R>,
}

impl<R> CsvSet<R> {
    /// A set of the main file only.
    pub fn main_only(main: R) -> CsvSet<R> {
        CsvSet {
            main,
            add: None,
            alt: None,
            comments: None,
        }
    }
}

/// Reads a set.
///
/// # Errors
///
/// Not read yet.
pub fn read_set<R: BufRead>(_set: CsvSet<R>) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

/// Reads the set in a folder.
///
/// # Errors
///
/// Not read yet.
pub fn load_dir(_dir: &Path) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

pub(crate) fn load_main(_path: &Path, _main: BufReader<File>) -> Result<Loaded> {
    Err(Error::new(ErrorKind::UnknownFormat, "format not read yet"))
}

/// The format of a CSV head when it is one of the OFAC CSV files.
pub(crate) fn detect_head(_start: &str) -> Option<Format> {
    None
}
