//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

/// What went wrong, broadly; see [`Error::kind`].
///
/// ```
/// use sanctions::{ErrorKind, sources};
///
/// let err = sources::read(&b"Name,Surname\nIvan,Sidorov\n"[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// let err = sources::read(&br#"{"id":"c-1","names":"Ivan Sidorov"}"#[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// assert_eq!(err.line(), Some(1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// A list file is malformed: it is not what its format requires.
    Malformed,
    /// A list file is not in the character encoding its format requires (UTF-8, or
    /// Windows-1252 for the legacy UK list).
    Encoding,
    /// The format of a list file is not one the crate reads.
    UnknownFormat,
    /// A value given by the caller is invalid (a date, a source name, a query field).
    InvalidInput,
    /// A screener cannot be built from what was given.
    Build,
    /// A saved screener cannot be loaded: the bytes are not a snapshot, were saved by
    /// another version of the crate, or are truncated or corrupt. Build the screener from its
    /// lists again (and save it anew).
    Snapshot,
}

/// The error of loading lists, parsing values and building a screener.
///
/// Screening itself never fails. The message says what was expected and what was found; the
/// context names the file and the line or record when there is one.
///
/// ```
/// use sanctions::{Error, ErrorKind};
///
/// let err = "1961-13".parse::<sanctions::model::PartialDate>().unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidInput);
/// assert_eq!(err.to_string(), r#"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found "1961-13""#);
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    file: Option<PathBuf>,
    line: Option<u64>,
    record: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            file: None,
            line: None,
            record: None,
            source: None,
        }
    }

    pub(crate) fn with_file(mut self, file: impl Into<PathBuf>) -> Error {
        self.file = Some(file.into());
        self
    }

    pub(crate) fn with_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    #[allow(dead_code)]
    pub(crate) fn with_record(mut self, record: impl Into<String>) -> Error {
        self.record = Some(record.into());
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.source = Some(Box::new(source));
        self
    }

    /// The broad kind of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error is about, when there is one.
    pub fn file(&self) -> Option<&std::path::Path> {
        self.file.as_deref()
    }

    /// The line (counting from 1) the error is about, when known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The id of the record the error is about, when known.
    pub fn record(&self) -> Option<&str> {
        self.record.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        } else if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        if let Some(record) = &self.record {
            write!(f, "record {record}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
