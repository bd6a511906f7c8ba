//! A CSV file with a header line, read row by row with line numbers: the shape of the US CSL
//! and OpenSanctions `targets.simple.csv` files.

use std::io::Read;

use crate::error::{Error, ErrorKind, Result};

/// A CSV table: its header, then rows of exactly the header's width.
pub(crate) struct Table<R: Read> {
    reader: csv::Reader<R>,
    record: csv::StringRecord,
    /// The header's column names, trimmed (a byte-order mark on the first is dropped).
    pub header: Vec<String>,
    what: &'static str,
}

impl<R: Read> Table<R> {
    /// Reads the header line; `what` names the format in messages (`CSL`).
    pub fn open(reader: R, what: &'static str) -> Result<Table<R>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(reader);
        let mut record = csv::StringRecord::new();
        let found = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(&e, 1, what))?;
        if !found {
            return Err(Error::new(
                ErrorKind::Malformed,
                format!("expected the {what} header line, found an empty file"),
            ));
        }
        let header = record
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        Ok(Table {
            reader,
            record,
            header,
            what,
        })
    }

    /// The position of a column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|c| c == name)
    }

    /// The next row and its line, or `None` at the end.
    ///
    /// # Errors
    ///
    /// A row with another number of fields than the header, or a CSV error, naming the line.
    pub fn next_row(&mut self) -> Result<Option<(u64, &csv::StringRecord)>> {
        let found = self
            .reader
            .read_record(&mut self.record)
            .map_err(|e| csv_error(&e, 0, self.what))?;
        if !found {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, |p| p.line());
        if self.record.len() != self.header.len() {
            return Err(Error::new(
                ErrorKind::Malformed,
                format!(
                    "expected {} fields in a {} row, found {}",
                    self.header.len(),
                    self.what,
                    self.record.len()
                ),
            )
            .with_line(line));
        }
        Ok(Some((line, &self.record)))
    }
}

fn csv_error(e: &csv::Error, line: u64, what: &str) -> Error {
    let kind = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => ErrorKind::Encoding,
        csv::ErrorKind::Io(_) => ErrorKind::Io,
        _ => ErrorKind::Malformed,
    };
    let line = e.position().map_or(line, |p| p.line());
    Error::new(kind, format!("expected a {what} row, found an error: {e}")).with_line(line)
}
