//! Minimal XLSX reading: the cells of the first worksheet of a workbook, row by row.
//!
//! An XLSX file is a zip of XML parts. This reader needs only four of them:
//!
//! - `xl/workbook.xml` names the sheets in order; the first `<sheet r:id=..>` is read, and
//!   `<workbookPr date1904="1">` switches the date epoch;
//! - `xl/_rels/workbook.xml.rels` maps that relationship id to the sheet's part (usually
//!   `worksheets/sheet1.xml`; without the rels part, `xl/worksheets/sheet1.xml` is read);
//! - `xl/sharedStrings.xml` holds the text of `t="s"` cells: `<si><t>` or rich-text runs
//!   `<si><r><t>` (phonetic `<rPh>` runs are not part of the text);
//! - `xl/styles.xml` says which cell styles (`cellXfs`) have a date number format, so that a
//!   number stored in a date-styled cell is given as `YYYY-MM-DD`, not as a serial day.
//!
//! Cells name their column (`r="AB12"`) and may be missing in a row: a row comes out as a
//! vector indexed by column, with empty strings for missing cells. Inline strings
//! (`t="inlineStr"`), formula strings (`t="str"`), booleans and errors come out as their text.
//! The sheet is streamed row by row; the shared strings are held in memory, as every XLSX
//! reader must.

use std::io::{BufRead, BufReader, Cursor};

use zip::ZipArchive;

use super::xml::{Element, Piece, Tag, XmlReader};
use crate::error::{Error, ErrorKind, Result};

/// Columns beyond `XFD` (16,384) do not exist in Excel; a larger reference is malformed.
const MAX_COLUMNS: usize = 16_384;

/// An opened workbook, ready to hand out the rows of its first sheet.
pub(crate) struct Workbook {
    archive: ZipArchive<Cursor<Vec<u8>>>,
    /// The text of shared string `i` at index `i`.
    shared: Vec<String>,
    /// Whether cell style (`s` attribute) `i` has a date number format.
    date_styles: Vec<bool>,
    /// Serial dates count from 1904-01-01 instead of 1899-12-30.
    date1904: bool,
    /// The zip path of the first worksheet.
    sheet: String,
}

impl Workbook {
    /// Opens a workbook from the bytes of the XLSX file.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Malformed`] when the bytes are not a zip, the zip has no workbook part, or
    /// a part is not well-formed XML.
    pub fn open(bytes: Vec<u8>) -> Result<Workbook> {
        let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Error::new(
                ErrorKind::Malformed,
                format!("expected an XLSX workbook (a zip archive), found an unreadable zip: {e}"),
            )
        })?;
        if archive.index_for_name("xl/workbook.xml").is_none() {
            return Err(Error::new(
                ErrorKind::Malformed,
                "expected an XLSX workbook with the part xl/workbook.xml, found a zip without it",
            ));
        }
        let (rel_id, date1904) = first_sheet(&mut archive)?;
        let sheet = match rel_id {
            Some(id) => sheet_target(&mut archive, &id)?,
            None => None,
        }
        .unwrap_or_else(|| "xl/worksheets/sheet1.xml".to_string());
        if archive.index_for_name(&sheet).is_none() {
            return Err(Error::new(
                ErrorKind::Malformed,
                format!("expected the worksheet part {sheet} in the XLSX workbook, found none"),
            ));
        }
        let shared = shared_strings(&mut archive)?;
        let date_styles = date_styles(&mut archive)?;
        Ok(Workbook {
            archive,
            shared,
            date_styles,
            date1904,
            sheet,
        })
    }

    /// Calls `f` with each row of the first sheet: its row number (from 1, as Excel shows
    /// it) and its cells by column (column `A` at 0), missing cells empty. Shared strings
    /// are lent, not copied.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Malformed`] for a truncated or malformed sheet, a shared-string index out of
    /// range or a bad cell reference; and whatever `f` returns.
    ///
    /// # Performance
    ///
    /// The sheet is walked event by event, keeping only the values of the cells (no tree per
    /// `<row>`); the buffers are reused from row to row, so a row allocates only the list of
    /// its cells' texts handed to `f`.
    pub fn rows(&mut self, mut f: impl FnMut(u64, &[&str]) -> Result<()>) -> Result<()> {
        let part = self.sheet.clone();
        let cells_of = Cells {
            shared: &self.shared,
            date_styles: &self.date_styles,
            date1904: self.date1904,
        };
        let file = self
            .archive
            .by_name(&part)
            .map_err(|e| zip_error(&part, e))?;
        let mut xml = XmlReader::new(BufReader::new(file), "XLSX worksheet XML");
        let mut row = RowReader::default();
        let mut last_row = 0u64;
        loop {
            let empty = match xml.next_piece().map_err(|e| in_part(&part, e))? {
                Piece::Start { tag, empty } => {
                    let r = &mut row.r;
                    r.clear();
                    let mut has_r = false;
                    let name = tag
                        .read(|k, v| {
                            if k == "r" && !has_r {
                                has_r = true;
                                r.push_str(v);
                            }
                        })
                        .map_err(|e| in_part(&part, e))?;
                    if name != "row" {
                        continue;
                    }
                    row.has_r = has_r;
                    empty
                }
                Piece::Eof => return Ok(()),
                Piece::End | Piece::Text(_) | Piece::Other => continue,
            };
            // As an error of the row's tree would, a malformed element anywhere in the row
            // comes before a bad row number or cell; so those wait for the end of the row.
            let number = match row.has_r {
                true => row.r.trim().parse::<u64>().map_err(|_| {
                    Error::new(
                        ErrorKind::Malformed,
                        format!("in {part}: expected a row number, found r={:?}", row.r),
                    )
                }),
                false => Ok(last_row + 1),
            };
            let number = row.read(&mut xml, empty, &cells_of, &part, number)?;
            last_row = number;
            let fields: Vec<&str> = row
                .cells
                .iter()
                .map(|c| c.as_str(self.shared.as_slice(), &row.values))
                .collect();
            f(number, &fields)?;
        }
    }
}

/// The value of a cell, as the row being read holds it.
#[derive(Clone, Copy, Debug)]
enum Cell {
    /// A missing or empty cell.
    Empty,
    /// A constant such as `TRUE`.
    Const(&'static str),
    /// The shared string of an index (in range).
    Shared(usize),
    /// A byte range of [`RowReader::values`].
    Value(usize, usize),
}

impl Cell {
    fn as_str<'s>(self, shared: &'s [String], values: &'s str) -> &'s str {
        match self {
            Cell::Empty => "",
            Cell::Const(text) => text,
            Cell::Shared(i) => shared.get(i).map_or("", String::as_str),
            Cell::Value(start, end) => values.get(start..end).unwrap_or(""),
        }
    }
}

/// What the element being read stands for, by the path from the row down to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// `row/c`.
    Cell,
    /// The first `row/c/v`: the cell's value.
    Value,
    /// The first `row/c/is`: an inline string.
    Inline,
    /// `row/c/is/t`, or `row/c/is/r/t` of a rich-text run: text of the inline string.
    InlineText,
    /// `row/c/is/r`: a rich-text run.
    Run,
    /// Any other element, whose text is not read.
    Other,
}

/// The reused buffers of a row being read.
#[derive(Default)]
struct RowReader {
    /// The row's `r` attribute, or a cell's, when `has_r`.
    r: String,
    has_r: bool,
    /// The roles of the elements open in the row, the row's children first.
    open: Vec<Role>,
    /// The cell's `t` and `s` attributes, when present.
    t: String,
    has_t: bool,
    s: String,
    has_s: bool,
    /// Whether the cell has had a `v`, an `is`.
    seen_v: bool,
    seen_is: bool,
    /// The text of the cell's first `v`, and of its first `is`.
    v: String,
    inline: String,
    /// The row's cells by column; `Cell::Value` ranges point into `values`.
    cells: Vec<Cell>,
    values: String,
}

impl RowReader {
    /// Reads the rest of a row whose start tag was just read into `cells`, and returns its
    /// number, or the row's first error.
    fn read<R: BufRead>(
        &mut self,
        xml: &mut XmlReader<R>,
        empty: bool,
        cells_of: &Cells<'_>,
        part: &str,
        number: Result<u64>,
    ) -> Result<u64> {
        self.open.clear();
        self.cells.clear();
        self.values.clear();
        let mut number = number;
        if empty {
            return number;
        }
        loop {
            match xml.next_piece().map_err(|e| in_part(part, e))? {
                Piece::Start { tag, empty } => {
                    let parent = self.open.last().copied();
                    let name = match parent {
                        None => self.cell_start(&tag),
                        Some(_) => tag.read(|_, _| {}),
                    }
                    .map_err(|e| in_part(part, e))?;
                    let role = match (parent, name) {
                        (None, "c") => Role::Cell,
                        (Some(Role::Cell), "v") if !self.seen_v => {
                            self.seen_v = true;
                            Role::Value
                        }
                        (Some(Role::Cell), "is") if !self.seen_is => {
                            self.seen_is = true;
                            Role::Inline
                        }
                        (Some(Role::Inline), "t") | (Some(Role::Run), "t") => Role::InlineText,
                        (Some(Role::Inline), "r") => Role::Run,
                        _ => Role::Other,
                    };
                    if empty {
                        if role == Role::Cell {
                            self.cell_end(cells_of, part, &mut number);
                        }
                    } else {
                        self.open.push(role);
                    }
                }
                Piece::End => match self.open.pop() {
                    Some(Role::Cell) => self.cell_end(cells_of, part, &mut number),
                    Some(_) => {}
                    None => return number,
                },
                Piece::Text(text) => {
                    let text = text.decode().map_err(|e| in_part(part, e))?;
                    match self.open.last() {
                        Some(Role::Value) => self.v.push_str(&text),
                        Some(Role::InlineText) => self.inline.push_str(&text),
                        _ => {}
                    }
                }
                Piece::Other => {}
                // The reader gives a truncation error before an end inside the row; this is
                // for a reader that would not.
                Piece::Eof => {
                    return Err(in_part(part, xml.error("internal: unbalanced elements")));
                }
            }
        }
    }

    /// Reads the start tag of a child of the row: its attributes `r`, `t` and `s` when it is a
    /// cell.
    fn cell_start<'t>(&mut self, tag: &'t Tag<'_>) -> Result<&'t str> {
        let (r, t, s) = (&mut self.r, &mut self.t, &mut self.s);
        r.clear();
        t.clear();
        s.clear();
        let (mut has_r, mut has_t, mut has_s) = (false, false, false);
        let name = tag.read(|k, v| {
            let (has, into) = match k {
                "r" => (&mut has_r, &mut *r),
                "t" => (&mut has_t, &mut *t),
                "s" => (&mut has_s, &mut *s),
                _ => return,
            };
            if !*has {
                *has = true;
                into.push_str(v);
            }
        })?;
        (self.has_r, self.has_t, self.has_s) = (has_r, has_t, has_s);
        self.seen_v = false;
        self.seen_is = false;
        self.v.clear();
        self.inline.clear();
        Ok(name)
    }

    /// Puts the value of the cell just read in its column; the first error of the row is kept
    /// in `number`.
    fn cell_end(&mut self, cells_of: &Cells<'_>, part: &str, number: &mut Result<u64>) {
        let Ok(n) = *number else {
            return;
        };
        if let Err(e) = self.cell(cells_of, part, n) {
            *number = Err(e);
        }
    }

    fn cell(&mut self, cells_of: &Cells<'_>, part: &str, number: u64) -> Result<()> {
        let col = match self.has_r {
            true => column_index(&self.r).ok_or_else(|| {
                Error::new(
                    ErrorKind::Malformed,
                    format!(
                        "in {part}, row {number}: expected a cell reference like AB{number}, found {:?}",
                        self.r
                    ),
                )
            })?,
            false => self.cells.len(),
        };
        let t = if self.has_t { self.t.as_str() } else { "n" };
        let s = self.has_s.then_some(self.s.as_str());
        let start = self.values.len();
        let value =
            cells_of.cell_value(t, s, &self.v, &self.inline, &mut self.values, part, number)?;
        let value = value.unwrap_or(Cell::Value(start, self.values.len()));
        if value.as_str(cells_of.shared, &self.values).is_empty() {
            return Ok(());
        }
        let cells = &mut self.cells;
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Empty);
        }
        if let Some(slot) = cells.get_mut(col) {
            *slot = value;
        }
        Ok(())
    }
}

/// What reading a cell's value needs from the workbook.
struct Cells<'a> {
    shared: &'a [String],
    date_styles: &'a [bool],
    date1904: bool,
}

impl Cells<'_> {
    /// The value of a cell of type `t` and style `s`, whose first `v` has the text `v` and
    /// first `is` the text `inline`: a shared string or constant, or else (`None`) the text
    /// written at the end of `out`.
    #[allow(clippy::too_many_arguments)]
    fn cell_value(
        &self,
        t: &str,
        s: Option<&str>,
        v: &str,
        inline: &str,
        out: &mut String,
        part: &str,
        number: u64,
    ) -> Result<Option<Cell>> {
        match t {
            "s" => {
                let index = v.trim().parse::<usize>().ok();
                match index.filter(|&i| i < self.shared.len()) {
                    Some(i) => return Ok(Some(Cell::Shared(i))),
                    None => {
                        return Err(Error::new(
                            ErrorKind::Malformed,
                            format!(
                                "in {part}, row {number}: expected a shared-string index below {}, found {v:?}",
                                self.shared.len()
                            ),
                        ));
                    }
                }
            }
            "inlineStr" => out.push_str(inline),
            "b" => match v.trim() {
                "1" => return Ok(Some(Cell::Const("TRUE"))),
                "0" => return Ok(Some(Cell::Const("FALSE"))),
                other => out.push_str(other),
            },
            "str" | "e" => out.push_str(v),
            _ => {
                let v = v.trim();
                let style = s.and_then(|s| s.parse::<usize>().ok());
                let is_date = style
                    .and_then(|s| self.date_styles.get(s))
                    .copied()
                    .unwrap_or(false);
                if !(is_date && write_serial_date(v, self.date1904, out)) {
                    out.push_str(v);
                }
            }
        }
        Ok(None)
    }
}

/// The text of a shared or inline string: its `t`, or the `t` of each rich-text run.
fn rich_text(si: Element<'_>) -> String {
    let mut text = String::new();
    for child in si.elements() {
        match child.name() {
            "t" => text.push_str(child.raw_text()),
            "r" => {
                for t in child.children("t") {
                    text.push_str(t.raw_text());
                }
            }
            _ => {}
        }
    }
    text
}

/// The zero-based column of a cell reference (`A1` → 0, `AB12` → 27).
pub(crate) fn column_index(reference: &str) -> Option<usize> {
    let mut col = 0usize;
    let mut letters = 0;
    for b in reference.bytes() {
        if b.is_ascii_uppercase() || b.is_ascii_lowercase() {
            col = col * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
            letters += 1;
            if col > MAX_COLUMNS {
                return None;
            }
        } else if b.is_ascii_digit() {
            break;
        } else {
            return None;
        }
    }
    if letters == 0 {
        return None;
    }
    Some(col - 1)
}

/// The relationship id of the first sheet, and whether the workbook uses the 1904 epoch.
fn first_sheet(archive: &mut ZipArchive<Cursor<Vec<u8>>>) -> Result<(Option<String>, bool)> {
    let part = "xl/workbook.xml";
    let file = archive.by_name(part).map_err(|e| zip_error(part, e))?;
    let mut xml = XmlReader::new(BufReader::new(file), "XLSX workbook XML");
    let mut date1904 = false;
    while let Some(start) = xml.next_start().map_err(|e| in_part(part, e))? {
        match start.name.as_str() {
            "workbookPr" => {
                date1904 = matches!(start.attr("date1904"), Some("1" | "true"));
            }
            "sheet" => return Ok((start.attr("id").map(str::to_string), date1904)),
            _ => {}
        }
    }
    Err(Error::new(
        ErrorKind::Malformed,
        "expected a <sheet> in xl/workbook.xml, found none",
    ))
}

/// The zip path of the part a workbook relationship points to.
fn sheet_target(archive: &mut ZipArchive<Cursor<Vec<u8>>>, id: &str) -> Result<Option<String>> {
    let part = "xl/_rels/workbook.xml.rels";
    let file = match archive.by_name(part) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(part, e)),
    };
    let mut xml = XmlReader::new(BufReader::new(file), "XLSX relationships XML");
    while let Some(start) = xml.next_start().map_err(|e| in_part(part, e))? {
        if start.name == "Relationship" && start.attr("Id") == Some(id) {
            let Some(target) = start.attr("Target") else {
                return Ok(None);
            };
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{}", target.trim_start_matches("./")),
            };
            return Ok(Some(path));
        }
    }
    Ok(None)
}

fn shared_strings(archive: &mut ZipArchive<Cursor<Vec<u8>>>) -> Result<Vec<String>> {
    let part = "xl/sharedStrings.xml";
    let file = match archive.by_name(part) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(Vec::new()),
        Err(e) => return Err(zip_error(part, e)),
    };
    let mut xml = XmlReader::new(BufReader::new(file), "XLSX shared strings XML");
    let mut out = Vec::new();
    while let Some(start) = xml.next_start().map_err(|e| in_part(part, e))? {
        if start.name == "si" {
            let si = xml.read_tree(start).map_err(|e| in_part(part, e))?;
            out.push(rich_text(si));
        }
    }
    Ok(out)
}

/// For each cell style (`cellXfs/xf`, in order), whether its number format is a date.
fn date_styles(archive: &mut ZipArchive<Cursor<Vec<u8>>>) -> Result<Vec<bool>> {
    let part = "xl/styles.xml";
    let file = match archive.by_name(part) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(Vec::new()),
        Err(e) => return Err(zip_error(part, e)),
    };
    let mut xml = XmlReader::new(BufReader::new(file), "XLSX styles XML");
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut styles = Vec::new();
    while let Some(start) = xml.next_start().map_err(|e| in_part(part, e))? {
        match start.name.as_str() {
            "numFmt" => {
                if let Some(id) = start.attr("numFmtId").and_then(|s| s.parse().ok()) {
                    custom.push((id, is_date_code(start.attr("formatCode").unwrap_or(""))));
                }
            }
            "cellXfs" => {
                let tree = xml.read_tree(start).map_err(|e| in_part(part, e))?;
                for xf in tree.children("xf") {
                    let id = xf
                        .attr("numFmtId")
                        .and_then(|s| s.parse::<u32>().ok())
                        .unwrap_or(0);
                    let date = custom
                        .iter()
                        .find(|(c, _)| *c == id)
                        .map_or_else(|| is_builtin_date(id), |&(_, d)| d);
                    styles.push(date);
                }
            }
            _ => {}
        }
    }
    Ok(styles)
}

/// Excel's built-in number formats that show dates (ECMA-376 Part 1, 18.8.30, plus the
/// East Asian ones).
fn is_builtin_date(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a custom format code shows a date: it has a day or year part outside quoted
/// literals and `[..]` sections.
fn is_date_code(code: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'd' | 'D' | 'y' | 'Y' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// A serial day number as `YYYY-MM-DD`; the time of day is dropped.
#[cfg(test)]
fn serial_date(value: &str, date1904: bool) -> Option<String> {
    let mut out = String::new();
    write_serial_date(value, date1904, &mut out).then_some(out)
}

/// Writes a serial day number as `YYYY-MM-DD` (the time of day dropped), and says whether
/// it was one.
fn write_serial_date(value: &str, date1904: bool, out: &mut String) -> bool {
    let Some((y, m, d)) = serial_day(value, date1904) else {
        return false;
    };
    use std::fmt::Write;
    write!(out, "{y:04}-{m:02}-{d:02}").is_ok()
}

/// The date of a serial day number.
fn serial_day(value: &str, date1904: bool) -> Option<(i64, i64, i64)> {
    let serial: f64 = value.parse().ok()?;
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // 1900 system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that never
    // was (serial 60), so from serial 61 on the epoch is 1899-12-30.
    let (y, m, d) = if date1904 {
        civil_from_days(days + days_from_civil(1904, 1, 1))
    } else if days >= 61 {
        civil_from_days(days + days_from_civil(1899, 12, 30))
    } else if days == 60 {
        (1900, 2, 28)
    } else {
        civil_from_days(days + days_from_civil(1899, 12, 31))
    };
    Some((y, m, d))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn zip_error(part: &str, e: zip::result::ZipError) -> Error {
    Error::new(
        ErrorKind::Malformed,
        format!("expected a readable XLSX part {part}, found an error: {e}"),
    )
}

/// An error of an XML part, saying which part.
fn in_part(part: &str, e: Error) -> Error {
    Error::new(e.kind(), format!("in {part}: {e}"))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// Builds an XLSX zip from (path, content) parts.
    pub(crate) fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            let opts = zip::write::SimpleFileOptions::default();
            for (path, content) in parts {
                w.start_file(*path, opts).unwrap();
                w.write_all(content.as_bytes()).unwrap();
            }
            w.finish().unwrap();
        }
        out.into_inner()
    }

    const WORKBOOK: &str = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>"#;
    const RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>"#;
    const STYLES: &str = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/MM/yyyy"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;
    const SHARED: &str = r#"<sst><si><t>Name 6</t></si><si><r><t>KAZ</t></r><r><rPr/><t xml:space="preserve">STANEX </t></r><rPh><t>x</t></rPh></si><si><t>a &amp; b</t></si></sst>"#;

    fn all_rows(bytes: Vec<u8>) -> Result<Vec<(u64, Vec<String>)>> {
        let mut wb = Workbook::open(bytes)?;
        let mut rows = Vec::new();
        wb.rows(|n, cells| {
            rows.push((n, cells.iter().map(|c| c.to_string()).collect()));
            Ok(())
        })?;
        Ok(rows)
    }

    #[test]
    fn cells_of_every_type_by_column() {
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>inline</t></is></c><c r="D3" s="1"><v>45757</v></c><c r="E3" s="2"><v>61.5</v></c><c r="F3"><v>1024026187</v></c><c r="G3" t="b"><v>1</v></c><c r="AA3" t="s"><v>2</v></c></row></sheetData></worksheet>"#;
        let bytes = zip_of(&[
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/styles.xml", STYLES),
            ("xl/sharedStrings.xml", SHARED),
            ("xl/worksheets/data.xml", sheet),
        ]);
        let rows = all_rows(bytes).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 1);
        assert_eq!(rows[0].1, vec!["Name 6", "", "KAZSTANEX "]);
        assert_eq!(rows[1].0, 3);
        let r = &rows[1].1;
        assert_eq!(r.len(), 27);
        assert_eq!(r[0], "");
        assert_eq!(r[1], "inline");
        assert_eq!(r[3], "2025-04-10");
        assert_eq!(r[4], "1900-03-01");
        assert_eq!(r[5], "1024026187");
        assert_eq!(r[6], "TRUE");
        assert_eq!(r[26], "a & b");
    }

    #[test]
    fn default_sheet_path_without_rels() {
        let wb = r#"<workbook><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" id="rId1"/></sheets></workbook>"#;
        let sheet = r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>x</t></is></c><c s="1"><v>0</v></c></row></sheetData></worksheet>"#;
        let bytes = zip_of(&[
            ("xl/workbook.xml", wb),
            ("xl/styles.xml", STYLES),
            ("xl/worksheets/sheet1.xml", sheet),
        ]);
        let rows = all_rows(bytes).unwrap();
        assert_eq!(rows, vec![(1, vec!["x".to_string(), "1904-01-01".into()])]);
    }

    #[test]
    fn malformed_workbooks_are_errors() {
        let err = Workbook::open(b"PK\x03\x04 not really".to_vec())
            .err()
            .unwrap();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        assert!(err.to_string().contains("unreadable zip"), "{err}");

        let bytes = zip_of(&[("word/document.xml", "<document/>")]);
        let err = Workbook::open(bytes).err().unwrap();
        assert_eq!(
            err.to_string(),
            "expected an XLSX workbook with the part xl/workbook.xml, found a zip without it"
        );

        let bytes = zip_of(&[
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
        ]);
        let err = Workbook::open(bytes).err().unwrap();
        assert_eq!(
            err.to_string(),
            "expected the worksheet part xl/worksheets/data.xml in the XLSX workbook, found none"
        );

        let truncated = r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="2"><c r="A2""#;
        let bytes = zip_of(&[
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/worksheets/data.xml", truncated),
        ]);
        let err = all_rows(bytes).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        assert!(
            err.to_string().starts_with("in xl/worksheets/data.xml: "),
            "{err}"
        );

        let bad_index = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>"#;
        let bytes = zip_of(&[
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", RELS),
            ("xl/sharedStrings.xml", SHARED),
            ("xl/worksheets/data.xml", bad_index),
        ]);
        let err = all_rows(bytes).unwrap_err();
        assert_eq!(
            err.to_string(),
            "in xl/worksheets/data.xml, row 1: expected a shared-string index below 3, found \"9\""
        );
    }

    /// What the event walk of the sheet must keep from the tree it replaced (the first `v`
    /// and `is` of a cell, rich-text runs without phonetic ones, texts split by comments or
    /// CDATA, cells and rows nested where they do not belong) and which error comes first.
    #[test]
    fn sheet_walk_keeps_the_tree_semantics() {
        /// The rows expected (number and cells), or the end of the error message.
        type Expected = std::result::Result<Vec<(u64, Vec<&'static str>)>, &'static str>;
        let cases: [(&str, &str, Expected); 6] = [
            (
                "first v and is only",
                r#"<row r="1"><c r="A1" t="str"><f>F</f><v>a<x>b</x>c<!--z--><![CDATA[d]]></v><v>second</v></c><c r="B1" t="inlineStr"><is><t>one</t></is><is><t>two</t></is></c></row>"#,
                Ok(vec![(1, vec!["acd", "one"])]),
            ),
            (
                "rich runs, not phonetic ones or text outside t",
                r#"<row><c t="inlineStr"><is>out<r><rPr/><t>R1</t></r><t>T<t>nested</t></t><rPh><t>P</t></rPh><r><t xml:space="preserve"> R2</t></r></is></c></row>"#,
                Ok(vec![(1, vec!["R1T R2"])]),
            ),
            (
                "nested rows and cells are not rows or cells",
                r#"<row r="2"><c r="B2" t="str"><v>x</v></c><row r="5"><c r="A5" t="str"><v>inner</v></c></row><x><c r="C2" t="str"><v>deep</v></c></x></row><row/>"#,
                Ok(vec![(2, vec!["", "x"]), (3, vec![])]),
            ),
            (
                "a cell without r goes after the last non-empty one",
                r#"<row r="1"><c r="C1" t="str"><v>c</v></c><c r="E1" t="str"><v></v></c><c t="str"><v>d</v></c></row>"#,
                Ok(vec![(1, vec!["", "", "c", "d"])]),
            ),
            (
                "an error of the row's XML comes before a bad cell",
                r#"<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1"><v>1</w></c></row>"#,
                Err("ill-formed document: expected `</v>`, but `</w>` was found"),
            ),
            (
                "a bad row number comes before a bad cell",
                r#"<row r="x"><c r="?"><v>1</v></c></row>"#,
                Err("in xl/worksheets/data.xml: expected a row number, found r=\"x\""),
            ),
        ];
        for (name, rows, expected) in cases {
            let sheet = format!("<worksheet><sheetData>{rows}</sheetData></worksheet>");
            let bytes = zip_of(&[
                ("xl/workbook.xml", WORKBOOK),
                ("xl/_rels/workbook.xml.rels", RELS),
                ("xl/sharedStrings.xml", SHARED),
                ("xl/worksheets/data.xml", &sheet),
            ]);
            match (all_rows(bytes), expected) {
                (Ok(rows), Ok(want)) => {
                    let want: Vec<(u64, Vec<String>)> = want
                        .into_iter()
                        .map(|(n, cells)| (n, cells.into_iter().map(String::from).collect()))
                        .collect();
                    assert_eq!(rows, want, "{name}");
                }
                (Err(e), Err(want)) => assert!(e.to_string().ends_with(want), "{name}: {e}"),
                (got, want) => panic!("{name}: got {got:?}, expected {want:?}"),
            }
        }
    }

    #[test]
    fn column_letters() {
        for (r, c) in [
            ("A1", Some(0)),
            ("Z9", Some(25)),
            ("AA3", Some(26)),
            ("AJ2", Some(35)),
        ] {
            assert_eq!(column_index(r), c, "{r}");
        }
        assert_eq!(column_index("XFD1"), Some(16_383));
        assert_eq!(column_index("XFE1"), None);
        assert_eq!(column_index("12"), None);
        assert_eq!(column_index("A-1"), None);
    }

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date("1", false).as_deref(), Some("1900-01-01"));
        assert_eq!(serial_date("59", false).as_deref(), Some("1900-02-28"));
        assert_eq!(serial_date("61", false).as_deref(), Some("1900-03-01"));
        assert_eq!(
            serial_date("45757.75", false).as_deref(),
            Some("2025-04-10")
        );
        assert_eq!(serial_date("1", true).as_deref(), Some("1904-01-02"));
        assert_eq!(serial_date("x", false), None);
        assert_eq!(serial_date("-3", false), None);
    }
}
