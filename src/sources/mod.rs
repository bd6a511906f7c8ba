//! Readers of list files into the [`model`](crate::model), and the report of what each load
//! kept, repaired or skipped.
//!
//! [`load_path`] and [`read`] detect the format from the content, not the file name. Every
//! reader returns a [`Loaded`]: the [`SanctionsList`] and a [`LoadReport`]. A record that a
//! reader cannot use is never dropped silently: it becomes a [`LoadIssue`] in the report.
//! A file that is not what its format requires is an [`Error`] naming the file and line.
//!
//! Formats read today: the crate's own JSON Lines ([`custom`]).

pub mod custom;
mod report;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub use report::{IssueAction, LoadIssue, LoadReport};

use crate::error::{Error, ErrorKind, Result};
use crate::model::SanctionsList;

/// A list file format the crate reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The crate's own JSON Lines of [`Entity`](crate::model::Entity).
    Custom,
}

/// What a reader produced: the list and the report of the load.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Loaded {
    /// The entities read.
    pub list: SanctionsList,
    /// Counts, and every record or field that was repaired or skipped.
    pub report: LoadReport,
}

/// Reads a list file, detecting its format from the content.
///
/// # Errors
///
/// An [`ErrorKind::Io`] error when the file cannot be read, [`ErrorKind::UnknownFormat`] when
/// its content is no format the crate reads, and [`ErrorKind::Malformed`] (with the line) when
/// it breaks its format. Every error names the file.
pub fn load_path(path: impl AsRef<Path>) -> Result<Loaded> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot open the list file: {e}"))
            .with_file(path)
            .with_source(e)
    })?;
    read(file).map_err(|e| e.with_file(path))
}

/// Reads a list from any reader, detecting its format from the content.
///
/// # Errors
///
/// As [`load_path`], without the file name.
pub fn read(reader: impl Read) -> Result<Loaded> {
    let mut reader = BufReader::new(reader);
    match detect(&mut reader)? {
        Format::Custom => custom::read(reader),
    }
}

/// Looks at the start of the content and names its format, without consuming it.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the start matches no format the crate reads.
pub fn detect(reader: &mut impl BufRead) -> Result<Format> {
    let head = reader.fill_buf().map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the list: {e}")).with_source(e)
    })?;
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.starts_with('{') || start.is_empty() {
        return Ok(Format::Custom);
    }
    let shown: String = start.chars().take(40).collect();
    Err(Error::new(
        ErrorKind::UnknownFormat,
        format!(
            "expected a list format the crate reads (custom JSON Lines), found content starting {shown:?}"
        ),
    ))
}
