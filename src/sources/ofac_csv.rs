//! Reader of OFAC's legacy CSV set: `SDN.CSV` with `ADD.CSV`, `ALT.CSV` and
//! `SDN_COMMENTS.CSV` (the non-SDN list: `cons_prim.csv`, `cons_add.csv`, `cons_alt.csv`,
//! `cons_comments.csv`).
//!
//! # The format and its traps
//!
//! - No header row; CRLF lines; the file ends with a line holding only the byte 0x1A
//!   (Ctrl-Z), which is passed over. Content is ASCII; a field that is not UTF-8 is read as
//!   Windows-1252.
//! - Null is the unquoted literal `-0- ` (with its trailing space).
//! - Columns, by file:
//!   - main (12): `ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage,
//!     GRT, Vess_flag, Vess_owner, Remarks`; `SDN_Type` is `individual`, `vessel`,
//!     `aircraft` or `-0-` for an entity;
//!   - ADD (6): `ent_num, Add_num, Address, City/State/Province/Postal Code, Country,
//!     Add_remarks`;
//!   - ALT (5): `ent_num, alt_num, alt_type (aka|fka|nka), alt_name, alt_remarks`;
//!   - COMMENTS (2): `ent_num, Remarks_Extension`.
//!
//!   A row with another number of columns is an [`ErrorKind::Malformed`] error naming the
//!   file and line.
//! - Several programs share the field as `UKRAINE-EO13662] [RUSSIA-EO14024`.
//! - Remarks are cut at exactly 1,000 characters and continue, mid-word, in COMMENTS: they
//!   are joined without a separator. A COMMENTS row for remarks shorter than 1,000 characters
//!   cannot be their continuation (it belongs to another publication) and is reported, as is
//!   a COMMENTS, ADD or ALT row whose `ent_num` is not in the main file.
//! - Birth dates, places, nationalities, gender, documents and **weak aliases** live only in
//!   the remarks, as `; `-separated items: `DOB 01 Feb 1957; alt. DOB 31 Jan 1957; POB
//!   Zubair, Iraq; citizen Saudi Arabia; Passport 760620 (Saudi Arabia) issued 15 Sep 1991
//!   expires 22 Jul 1996; a.k.a. 'ABU UTHMAN'.` A name in single quotes after `a.k.a.`
//!   (`f.k.a.`, `n.k.a.`) is a weak alias: ALT.CSV holds only the strong ones.
//!
//! # How fields map
//!
//! The model is the one of the classic XML ([`ofac_xml`](super::ofac_xml)), so both formats
//! of one publication give the same entities:
//!
//! - `ent_num` is the id; `SDN_Name` (`LAST, First` for persons) the primary name; ALT names
//!   are a.k.a. (`aka`, `nka`) or f.k.a. (`fka`);
//! - remarks items are parsed with two tables: one of remarks labels (dates and places of
//!   birth, nationality, citizenship, weak aliases) and the `idType` label table of the XML
//!   reader (documents, gender, establishment dates, registration countries); an item that
//!   matches no label stays free text. The remarks are kept whole as the entity's remarks;
//! - `Vess_flag` is a country, `Call_Sign` an identifier; `Title`, `Vess_type`, `Tonnage`,
//!   `GRT` and `Vess_owner` are appended to the remarks (`Title: Doctor`), as the XML reader
//!   does;
//! - an ADD row is an address: `street` is the Address column, `full` the address on one
//!   line (the City/State/Province/Postal Code column mixes parts, so it is kept only
//!   there), `country` the ISO code; the country joins the entity's countries. ADD and ALT
//!   remarks (empty in every file seen) are appended to the entity's remarks.
//!
//! ```
//! use sanctions::model::NameKind;
//! use sanctions::sources::ofac_csv::{self, CsvSet};
//!
//! let sdn = "8808,\"AL-FAQIH, Saad\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 01 Feb 1957; a.k.a. 'ABU UTHMAN'.\"\r\n\x1a\r\n";
//! let alt = "8808,8071,\"aka\",\"AL-FAQIH, Sa'd\",-0- \r\n";
//! let set = CsvSet { main: sdn.as_bytes(), add: None, alt: Some(alt.as_bytes()), comments: None };
//! let loaded = ofac_csv::read_set(set)?;
//! let names: Vec<_> = loaded.list.entities[0].names.iter().map(|n| (n.text.as_str(), n.kind)).collect();
//! assert_eq!(names, [
//!     ("AL-FAQIH, Saad", NameKind::Primary),
//!     ("ABU UTHMAN", NameKind::WeakAka),
//!     ("AL-FAQIH, Sa'd", NameKind::Aka),
//! ]);
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use super::collect::Collector;
use super::fields::{decode_cp1252, parse_birth_date, parse_partial_date};
use super::ofac_xml::{
    IdItem, Label, VesselInfo, add_id_item, country, entity_kind, join_remarks, label_prefix,
    push_unique, vessel,
};
use super::{Format, Loaded};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Address, Entity, EntityId, EntityKind, Name, NameKind, Source};

/// The files of one OFAC CSV publication: the main file and its companions.
///
/// ```no_run
/// use std::fs::File;
/// use std::io::BufReader;
/// use sanctions::sources::ofac_csv::{self, CsvSet};
///
/// let open = |name| File::open(format!("lists/{name}")).map(BufReader::new);
/// let set = CsvSet {
///     main: open("SDN.CSV")?,
///     add: Some(open("ADD.CSV")?),
///     alt: Some(open("ALT.CSV")?),
///     comments: open("SDN_COMMENTS.CSV").ok(),
/// };
/// let loaded = ofac_csv::read_set(set)?;
/// println!("{}", loaded.report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    /// A set of the main file only: names and remarks, without addresses and the a.k.a.s of
    /// ALT.
    ///
    /// ```
    /// use sanctions::sources::ofac_csv::{self, CsvSet};
    ///
    /// let sdn = "8808,\"AL-FAQIH, Saad\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'ABU UTHMAN'.\"\r\n";
    /// let loaded = ofac_csv::read_set(CsvSet::main_only(sdn.as_bytes()))?;
    /// assert_eq!(loaded.list.entities[0].names.len(), 2);
    /// # Ok::<(), sanctions::Error>(())
    /// ```
    pub fn main_only(main: R) -> CsvSet<R> {
        CsvSet {
            main,
            add: None,
            alt: None,
            comments: None,
        }
    }
}

/// The length at which OFAC cuts remarks, continuing them in COMMENTS.
const REMARKS_CUT: usize = 1000;

/// The remarks item a label introduces (besides the `idType` labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Remark {
    /// A date of birth.
    Dob,
    /// A place of birth.
    Pob,
    /// A nationality or citizenship.
    Nationality,
    /// A weak alias, in single quotes.
    WeakAlias,
}

/// Labels of remarks items, each followed by its value; `alt. ` may precede any label.
const REMARK_LABELS: &[(&str, Remark)] = &[
    ("DOB ", Remark::Dob),
    ("POB ", Remark::Pob),
    ("nationality ", Remark::Nationality),
    ("citizen ", Remark::Nationality),
    ("a.k.a. '", Remark::WeakAlias),
    ("f.k.a. '", Remark::WeakAlias),
    ("n.k.a. '", Remark::WeakAlias),
];

/// The prefixes OFAC writes before a repeated item.
const ALT_PREFIXES: [&str; 2] = ["alt. ", "Alt. "];

/// One file of the set, with its name for messages.
struct Part<R> {
    reader: R,
    /// The file, when read from disk.
    file: Option<PathBuf>,
    /// The file name as messages give it (`ADD.CSV`, or the real name).
    name: String,
}

impl<R> Part<R> {
    fn new(reader: R, file: Option<PathBuf>, default: &str) -> Part<R> {
        let name = file
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| default.to_string(), |n| n.to_string_lossy().into_owned());
        Part { reader, file, name }
    }
}

/// Reads a set: the main file, and the companions given.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line when a row of any file has the wrong number of
/// columns or breaks CSV quoting; [`ErrorKind::Io`] when reading fails.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::ofac_csv::{self, CsvSet}};
///
/// let sdn = "8808,\"AL-FAQIH, Saad\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
/// let add = "8808,25,\"Birmingham\",-0- \r\n"; // a row of 4 fields: ADD.CSV has 6
/// let set = CsvSet { main: sdn.as_bytes(), add: Some(add.as_bytes()), alt: None, comments: None };
/// let err = ofac_csv::read_set(set).unwrap_err();
/// assert_eq!((err.kind(), err.line()), (ErrorKind::Malformed, Some(1)));
/// ```
pub fn read_set<R: BufRead>(set: CsvSet<R>) -> Result<Loaded> {
    read_parts(
        Part::new(set.main, None, "SDN.CSV"),
        set.add.map(|r| Part::new(r, None, "ADD.CSV")),
        set.alt.map(|r| Part::new(r, None, "ALT.CSV")),
        set.comments.map(|r| Part::new(r, None, "SDN_COMMENTS.CSV")),
        Vec::new(),
    )
}

/// Reads the set in a folder: the main file (`sdn.csv` or `cons_prim.csv`, any case, else
/// the one CSV file whose content is an OFAC main file) with its companions.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the folder holds no main file, and
/// [`ErrorKind::InvalidInput`] when it holds more than one; otherwise as [`read_set`], with
/// the file named.
/// # Example
///
/// ```
/// use std::path::Path;
/// use sanctions::{ErrorKind, sources::ofac_csv};
///
/// // ofac_csv::load_dir(Path::new("lists/sdn_csv"))? reads SDN.CSV with ADD, ALT and COMMENTS.
/// let err = ofac_csv::load_dir(Path::new("lists/no-such-folder")).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Io);
/// assert_eq!(err.file(), Some(Path::new("lists/no-such-folder")));
/// ```
pub fn load_dir(dir: &Path) -> Result<Loaded> {
    let files = folder(dir)?;
    let mut mains: Vec<&PathBuf> = files
        .iter()
        .filter(|(name, _)| name == "sdn.csv" || name == "cons_prim.csv")
        .map(|(_, p)| p)
        .collect();
    if mains.is_empty() {
        mains = files
            .iter()
            .filter(|(name, _)| name.ends_with(".csv"))
            .map(|(_, p)| p)
            .filter(|p| is_main_file(p))
            .collect();
    }
    match mains.as_slice() {
        [main] => {
            let main = (*main).clone();
            let reader = BufReader::with_capacity(1 << 16, super::open(&main)?);
            load_main(&main, reader)
        }
        [] => Err(Error::new(
            ErrorKind::UnknownFormat,
            "expected an OFAC CSV main file (SDN.CSV or cons_prim.csv) in the folder, found none",
        )
        .with_file(dir)),
        several => {
            let names: Vec<String> = several
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "expected one OFAC CSV main file in the folder, found {}: load one of them",
                    names.join(", ")
                ),
            )
            .with_file(dir))
        }
    }
}

/// The files of a folder by lower-case name.
fn folder(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let io = |e: std::io::Error| {
        Error::new(ErrorKind::Io, format!("cannot read the folder: {e}"))
            .with_file(dir)
            .with_source(e)
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if path.is_file() {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            files.push((name, path));
        }
    }
    files.sort();
    Ok(files)
}

fn is_main_file(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut reader = BufReader::with_capacity(1 << 14, file);
    matches!(super::detect(&mut reader), Ok(Format::OfacCsv))
}

/// Reads a main file with the companions beside it, found by their official names (any
/// case): `sdn.csv` → `add.csv`, `alt.csv`, `sdn_comments.csv`; `cons_prim.csv` →
/// `cons_add.csv`, `cons_alt.csv`, `cons_comments.csv`. A missing companion is reported.
pub(crate) fn load_main(path: &Path, main: BufReader<File>) -> Result<Loaded> {
    let main_name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let names = if main_name.starts_with("cons") {
        ["cons_add.csv", "cons_alt.csv", "cons_comments.csv"]
    } else {
        ["add.csv", "alt.csv", "sdn_comments.csv"]
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let files = folder(dir)?;
    let shown = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut missing = Vec::new();
    let mut parts = Vec::new();
    for (name, what) in names
        .into_iter()
        .zip(["addresses", "aliases", "remarks continuations"])
    {
        match files.iter().find(|(n, _)| n == name) {
            Some((_, p)) => {
                let reader = BufReader::with_capacity(1 << 16, super::open(p)?);
                parts.push(Some(Part::new(reader, Some(p.clone()), name)));
            }
            None => {
                missing.push(format!(
                    "expected {name} beside {shown}, found none: its {what} are not read"
                ));
                parts.push(None);
            }
        }
    }
    let mut parts = parts.into_iter();
    let (add, alt, comments) = (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    );
    read_parts(
        Part::new(main, Some(path.to_path_buf()), "SDN.CSV"),
        add,
        alt,
        comments,
        missing,
    )
}

/// The format of a CSV head when it is one of the OFAC CSV files: the main file has 12
/// columns, a numeric `ent_num` and an `SDN_Type`; ADD has 6 columns and ALT 5, both with
/// numeric first two; COMMENTS has 2, the first numeric and the second quoted.
pub(crate) fn detect_head(start: &str) -> Option<Format> {
    let line = start.lines().next()?.trim_end_matches('\r');
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let record = rdr.records().next()?.ok()?;
    let field = |i: usize| record.get(i).map(str::trim);
    let numeric =
        |i: usize| field(i).is_some_and(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !numeric(0) {
        return None;
    }
    match record.len() {
        12 if matches!(field(2), Some("individual" | "vessel" | "aircraft" | "-0-")) => {
            Some(Format::OfacCsv)
        }
        6 if numeric(1) => Some(Format::OfacCsvPart),
        5 if numeric(1) && matches!(field(2), Some("aka" | "fka" | "nka")) => {
            Some(Format::OfacCsvPart)
        }
        2 if line
            .split_once(',')
            .is_some_and(|(_, b)| b.starts_with('"')) =>
        {
            Some(Format::OfacCsvPart)
        }
        _ => None,
    }
}

/// Rows of one file, decoded, `-0-` as `None`.
struct Rows<R: BufRead> {
    rdr: csv::Reader<R>,
    record: csv::ByteRecord,
    file: Option<PathBuf>,
    name: String,
    columns: &'static str,
    count: usize,
    /// The line the next row starts on.
    next_line: u64,
}

impl<R: BufRead> Rows<R> {
    fn new(part: Part<R>, count: usize, columns: &'static str) -> Rows<R> {
        Rows {
            rdr: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(part.reader),
            record: csv::ByteRecord::new(),
            file: part.file,
            name: part.name,
            columns,
            count,
            next_line: 1,
        }
    }

    fn error(&self, e: Error) -> Error {
        match &self.file {
            Some(f) => e.with_file(f),
            None => e,
        }
    }

    /// The next row and its line; the 0x1A end line is passed over.
    fn next(&mut self) -> Result<Option<(u64, Vec<Option<String>>)>> {
        loop {
            let at = self.next_line;
            let more = self.rdr.read_byte_record(&mut self.record).map_err(|e| {
                let line = Some(at);
                let kind = if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    ErrorKind::Io
                } else {
                    ErrorKind::Malformed
                };
                let mut err = Error::new(
                    kind,
                    format!("expected a CSV row of {}, found an error: {e}", self.name),
                );
                if let Some(l) = line {
                    err = err.with_line(l);
                }
                self.error(err.with_source(e))
            })?;
            if !more {
                return Ok(None);
            }
            // The csv reader's own line of a record is one short after a CRLF line (it
            // counts the `\n` with the next record), so lines are counted here: OFAC files
            // have no blank lines, and a quoted field may hold line breaks.
            let line = self.next_line;
            self.next_line += 1 + self
                .record
                .iter()
                .map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64)
                .sum::<u64>();
            if self.record.len() == 1
                && self
                    .record
                    .get(0)
                    .is_some_and(|f| f.trim_ascii().iter().all(|&b| b == 0x1a))
            {
                continue;
            }
            if self.record.len() != self.count {
                let mut err = Error::new(
                    ErrorKind::Malformed,
                    format!(
                        "expected {} columns in {} ({}), found {}",
                        self.count,
                        self.name,
                        self.columns,
                        self.record.len()
                    ),
                )
                .with_line(line);
                if let Some(id) = self.record.get(0).map(decode).filter(|s| !s.is_empty()) {
                    err = err.with_record(id);
                }
                return Err(self.error(err));
            }
            let fields = self
                .record
                .iter()
                .map(|f| {
                    let t = decode(f);
                    (!t.is_empty() && t != "-0-").then_some(t)
                })
                .collect();
            return Ok(Some((line, fields)));
        }
    }
}

impl<R: BufRead> Rows<R> {
    /// Field `i` of the current row exactly as written (remarks keep their spaces at the cut),
    /// `None` when null.
    fn raw(&self, i: usize) -> Option<String> {
        let b = self.record.get(i)?;
        let t = match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(_) => decode_cp1252(b),
        };
        let trimmed = t.trim();
        (!trimmed.is_empty() && trimmed != "-0-").then_some(t)
    }
}

/// A field as text, trimmed: UTF-8 when it is, else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.trim_ascii();
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => decode_cp1252(bytes),
    }
}

/// Takes field `i` of a row.
fn take(fields: &mut [Option<String>], i: usize) -> Option<String> {
    fields.get_mut(i).and_then(Option::take)
}

const MAIN_COLUMNS: &str = "ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks";
const ADD_COLUMNS: &str =
    "ent_num, Add_num, Address, City/State/Province/Postal Code, Country, Add_remarks";
const ALT_COLUMNS: &str = "ent_num, alt_num, alt_type, alt_name, alt_remarks";
const COMMENTS_COLUMNS: &str = "ent_num, Remarks_Extension";

fn read_parts<R: BufRead>(
    main: Part<R>,
    add: Option<Part<R>>,
    alt: Option<Part<R>>,
    comments: Option<Part<R>>,
    missing: Vec<String>,
) -> Result<Loaded> {
    let mut c = Collector::new(Source::Ofac, "row");
    for reason in missing {
        c.skip(None, None, reason);
    }
    let main_name = main.name.clone();
    // COMMENTS first (small): each ent_num's continuations in file order, with their lines.
    let mut continued: HashMap<String, Vec<(u64, String)>> = HashMap::new();
    let mut comment_order: Vec<String> = Vec::new();
    let comments_name = comments
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_default();
    if let Some(part) = comments {
        let mut rows = Rows::new(part, 2, COMMENTS_COLUMNS);
        while let Some((line, mut f)) = rows.next()? {
            let Some(ent) = take(&mut f, 0) else {
                c.skip(
                    Some(line),
                    None,
                    format!("expected an ent_num in the {comments_name} row, found none"),
                );
                continue;
            };
            // The continuation is raw text: its spaces matter at the joint.
            let text = rows.raw(1).unwrap_or_default();
            if !continued.contains_key(&ent) {
                comment_order.push(ent.clone());
            }
            continued.entry(ent).or_default().push((line, text));
        }
    }

    let mut rows = Rows::new(main, 12, MAIN_COLUMNS);
    while let Some((line, mut f)) = rows.next()? {
        let Some(ent) = take(&mut f, 0) else {
            c.skip(
                Some(line),
                None,
                format!("expected an ent_num in the {main_name} row, found none"),
            );
            continue;
        };
        let rec = Some(ent.as_str());
        let kind = match take(&mut f, 2) {
            None => EntityKind::Organization,
            Some(t) => entity_kind(&t).unwrap_or_else(|| {
                c.repair(
                    Some(line),
                    rec,
                    format!(
                        "expected SDN_Type individual, vessel, aircraft or -0-, found {t:?}: kind unknown"
                    ),
                );
                EntityKind::Unknown
            }),
        };
        let mut e = Entity::new(EntityId::new(Source::Ofac, ent.clone()), kind);
        if let Some(name) = take(&mut f, 1) {
            e.names.push(Name::new(name));
        }
        if let Some(programs) = take(&mut f, 3) {
            for p in programs.split("] [") {
                let p = p
                    .trim()
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .trim();
                if !p.is_empty() {
                    push_unique(&mut e.programs, p.to_string());
                }
            }
        }
        let mut facts = Vec::new();
        if let Some(t) = take(&mut f, 4) {
            facts.push(format!("Title: {t}"));
        }
        let (call_sign, vessel_type, tonnage, grt, flag, owner) = (
            take(&mut f, 5),
            take(&mut f, 6),
            take(&mut f, 7),
            take(&mut f, 8),
            take(&mut f, 9),
            take(&mut f, 10),
        );
        vessel(
            &mut e,
            &mut facts,
            VesselInfo {
                call_sign: call_sign.as_deref(),
                vessel_type: vessel_type.as_deref(),
                flag: flag.as_deref(),
                owner: owner.as_deref(),
                tonnage: tonnage.as_deref(),
                grt: grt.as_deref(),
            },
        );
        let mut remarks = rows.raw(11);
        if let Some(parts) = continued.remove(&ent) {
            let cut = remarks.as_deref().map_or(0, |r| r.chars().count());
            for (cline, text) in parts {
                if cut >= REMARKS_CUT {
                    remarks.get_or_insert_with(String::new).push_str(&text);
                } else {
                    c.skip(
                        Some(cline),
                        rec,
                        format!(
                            "expected the {comments_name} row to continue remarks cut at {REMARKS_CUT} characters, found remarks of {cut} characters in {main_name}: the row belongs to another publication"
                        ),
                    );
                }
            }
        }
        let remarks = remarks.map(|r| r.trim().to_string());
        if let Some(r) = remarks.as_deref() {
            for reason in parse_remarks(&mut e, r) {
                c.repair(Some(line), rec, reason);
            }
        }
        e.remarks = join_remarks(remarks.as_deref(), &facts);
        c.push(e, Some(line));
    }
    for ent in comment_order {
        for (line, _) in continued.remove(&ent).unwrap_or_default() {
            c.skip(
                Some(line),
                Some(&ent),
                format!(
                    "expected the ent_num of this {comments_name} row in {main_name}, found none: remarks continuation skipped"
                ),
            );
        }
    }

    if let Some(part) = add {
        let name = part.name.clone();
        let mut rows = Rows::new(part, 6, ADD_COLUMNS);
        while let Some((line, mut f)) = rows.next()? {
            let Some(ent) = companion_ent(&mut c, &mut f, line, &name, &main_name, "address")
            else {
                continue;
            };
            let Some(e) = c.get_mut(&ent) else {
                continue;
            };
            let (street, city_line, land, remark) = (
                take(&mut f, 2),
                take(&mut f, 3),
                take(&mut f, 4),
                take(&mut f, 5),
            );
            let full: Vec<&str> = [&street, &city_line, &land]
                .into_iter()
                .filter_map(|s| s.as_deref())
                .collect();
            if !full.is_empty() {
                let code = land.as_deref().map(country);
                if let Some(code) = &code {
                    push_unique(&mut e.countries, code.clone());
                }
                let addr = Address {
                    full: Some(full.join(", ")),
                    street,
                    country: code,
                    ..Address::default()
                };
                push_unique(&mut e.addresses, addr);
            }
            if let Some(r) = remark {
                append_remark(e, &format!("Address remarks: {r}"));
            }
        }
    }

    if let Some(part) = alt {
        let name = part.name.clone();
        let mut rows = Rows::new(part, 5, ALT_COLUMNS);
        while let Some((line, mut f)) = rows.next()? {
            let Some(ent) = companion_ent(&mut c, &mut f, line, &name, &main_name, "alias") else {
                continue;
            };
            let alt_type = take(&mut f, 2);
            let kind = match alt_type.as_deref().map(str::to_ascii_lowercase).as_deref() {
                Some("aka" | "nka") => NameKind::Aka,
                Some("fka") => NameKind::Fka,
                other => {
                    c.repair(
                        Some(line),
                        Some(&ent),
                        format!(
                            "expected alt_type aka, fka or nka in {name}, found {:?}: read as aka",
                            other.unwrap_or("")
                        ),
                    );
                    NameKind::Aka
                }
            };
            let Some(text) = take(&mut f, 3) else {
                c.skip(
                    Some(line),
                    Some(&ent),
                    format!("expected an alt_name in the {name} row, found none"),
                );
                continue;
            };
            let remark = take(&mut f, 4);
            let duplicate = match c.get_mut(&ent) {
                Some(e) => {
                    let name = Name::new(text).with_kind(kind);
                    let dup = e.names.contains(&name);
                    if !dup {
                        e.names.push(name);
                    }
                    if let Some(r) = remark {
                        append_remark(e, &format!("Alias remarks: {r}"));
                    }
                    dup
                }
                None => false,
            };
            if duplicate {
                c.repair(
                    Some(line),
                    Some(&ent),
                    format!("the {name} row repeats a name of the entity: left out"),
                );
            }
        }
    }
    Ok(c.finish())
}

/// The ent_num of an ADD or ALT row when the main file holds it; otherwise the row is
/// reported as skipped (`what` names what it would have given: `address`, `alias`).
fn companion_ent(
    c: &mut Collector,
    fields: &mut [Option<String>],
    line: u64,
    name: &str,
    main_name: &str,
    what: &str,
) -> Option<String> {
    let Some(ent) = take(fields, 0) else {
        c.skip(
            Some(line),
            None,
            format!("expected an ent_num in the {name} row, found none"),
        );
        return None;
    };
    if !c.contains(&ent) {
        c.skip(
            Some(line),
            Some(&ent),
            format!(
                "expected the ent_num of this {name} row in {main_name}, found none: {what} skipped"
            ),
        );
        return None;
    }
    Some(ent)
}

fn append_remark(e: &mut Entity, text: &str) {
    let r = e.remarks.get_or_insert_with(String::new);
    if !r.is_empty() {
        r.push_str("; ");
    }
    r.push_str(text);
}

/// Parses the remarks items into the entity; returns the reasons of items that could not be
/// used (they stay in the remarks text).
fn parse_remarks(e: &mut Entity, remarks: &str) -> Vec<String> {
    let mut issues = Vec::new();
    let body = remarks.trim();
    let body = body.strip_suffix('.').unwrap_or(body);
    // Facts go nowhere else: the remarks are kept whole.
    let mut facts = Vec::new();
    // Items are `; `-separated; a few older remarks omit the space (`Palestinian;arrested`).
    for segment in body.split(';') {
        let mut seg = segment.trim();
        for p in ALT_PREFIXES {
            if let Some(rest) = seg.strip_prefix(p) {
                seg = rest;
            }
        }
        if let Some((what, value)) = REMARK_LABELS
            .iter()
            .find_map(|&(label, what)| seg.strip_prefix(label).map(|v| (what, v.trim())))
        {
            remark_item(e, what, value, seg, &mut issues);
            continue;
        }
        let Some((label, what, rest)) = label_prefix(seg) else {
            continue;
        };
        let item = id_item(label, rest);
        if matches!(what, Label::Id(_)) && !looks_like_id(item.value) {
            // `Passport issued in Sarajevo`, `Passport and National ID were ...`: prose.
            continue;
        }
        if let Err(reason) = add_id_item(e, &item, &mut facts) {
            issues.push(reason);
        }
    }
    issues
}

fn remark_item(e: &mut Entity, what: Remark, value: &str, seg: &str, issues: &mut Vec<String>) {
    match what {
        Remark::Dob => match parse_birth_date(value) {
            Some(d) => push_unique(&mut e.birth_dates, d),
            None => issues.push(format!(
                "expected a date of birth as DD Mon YYYY, YYYY, circa or a range in the remarks, found {value:?}: kept in the remarks"
            )),
        },
        Remark::Pob => push_unique(&mut e.birth_places, value.to_string()),
        // `nationality possibly Palestinian` is prose, not a country: a country name starts
        // with a capital.
        Remark::Nationality if value.starts_with(|c: char| c.is_ascii_uppercase()) => {
            push_unique(&mut e.nationalities, country(value));
        }
        Remark::Nationality => {}
        Remark::WeakAlias => match value.strip_suffix('\'') {
            Some(name) if !name.trim().is_empty() => {
                // A double quote in the alias is written as two single quotes: `a.k.a.
                // ''FUPI''` is the XML's `"FUPI"`.
                // Only a name quoted at both ends is: `''ABD AL-MUHSI'` is `'ABD AL-MUHSI`.
                let name = match name.strip_prefix('\'').and_then(|n| n.strip_suffix('\'')) {
                    Some(inner) => format!("\"{inner}\""),
                    None => name.to_string(),
                };
                push_unique(&mut e.names, Name::new(name).with_kind(NameKind::WeakAka));
            }
            _ => issues.push(format!(
                "expected a weak alias in single quotes in the remarks, found {seg:?}: kept in the remarks"
            )),
        },
    }
}

/// Whether a remarks value can be a document number: at most six words (`MAT 46-47 TOMO
/// 460 L.` has five), none a lower-case word (`and`, `were`, `under`).
fn looks_like_id(value: &str) -> bool {
    let mut words = 0;
    for w in value.split_whitespace() {
        words += 1;
        if w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
    }
    (1..=6).contains(&words)
}

/// Splits an `idType` item's value: `836110063 (Korea, North) issued 04 Feb 2016 expires 04
/// Feb 2021`. The parenthesis is the country only when it names one, else it is part of the
/// value.
fn id_item<'a>(label: &'a str, rest: &'a str) -> IdItem<'a> {
    let mut value = rest.trim();
    let mut expires = None;
    let mut issued = None;
    if let Some(b) = value.strip_prefix("issued ") {
        // `Passport issued in Sarajevo`: no number.
        return IdItem {
            label,
            value: "",
            country: None,
            issued: Some(b),
            expires: None,
        };
    }
    // `issued under the name ...` is prose: only dates are split off.
    let date = |d: &str| parse_partial_date(d.trim()).is_some();
    if let Some((a, b)) = value.rsplit_once(" expires ").filter(|(_, b)| date(b)) {
        expires = Some(b.trim());
        value = a;
    }
    if let Some((a, b)) = value.rsplit_once(" issued ").filter(|(_, b)| date(b)) {
        issued = Some(b.trim());
        value = a;
    }
    let mut land = None;
    if let Some(inner) = value.strip_suffix(')') {
        if let Some((v, c)) = inner.rsplit_once(" (") {
            // `(Cabo Verde.  Previously Cape Verde.)`: the country is the first sentence.
            let first = c.split_once('.').map_or(c, |(a, _)| a);
            for c in [c, first] {
                if super::fields::country_code(c).is_some() {
                    land = Some(c.trim());
                    value = v;
                    break;
                }
            }
        }
    }
    IdItem {
        label,
        value: value.trim(),
        country: land,
        issued,
        expires,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BirthDate, Gender, IdentifierKind, PartialDate};

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ofac");

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn heads_are_recognised() {
        let cases: &[(&str, Option<Format>)] = &[
            (
                "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
                Some(Format::OfacCsv),
            ),
            (
                "8808,\"AL-FAQIH, Saad\",\"individual\",\"SDGT\",\"Doctor\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1957.\"",
                Some(Format::OfacCsv),
            ),
            (
                "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n",
                Some(Format::OfacCsvPart),
            ),
            (
                "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n",
                Some(Format::OfacCsvPart),
            ),
            (
                "17016,\"tive Date (EO 14024 Directive)' associated\"\r\n",
                Some(Format::OfacCsvPart),
            ),
            ("ent_num,name\r\n", None),
            ("1,2,3,4,5,6,7,8,9,10,11,12\r\n", None),
            ("12,34\r\n", None),
        ];
        for (head, want) in cases {
            assert_eq!(detect_head(head), *want, "{head}");
        }
    }

    #[test]
    fn remarks_items_field_by_field() {
        let mut e = Entity::new(EntityId::new(Source::Ofac, "1"), EntityKind::Person);
        let issues = parse_remarks(
            &mut e,
            "DOB 01 Feb 1957; alt. DOB circa 1956; alt. DOB 1950 to 1952; POB Zubair, Iraq; nationality Korea, North; citizen Saudi Arabia; Gender Female; Passport 836110063 (Korea, North) issued 04 Feb 2016 expires 04 Feb 2021; SWIFT/BIC BKIDIRTH (all branches); Digital Currency Address - XBT 1AbC; Secondary sanctions risk: X; Doctor; a.k.a. 'ABU UTHMAN'; DOB someday.",
        );
        assert_eq!(
            issues,
            [
                "expected a date of birth as DD Mon YYYY, YYYY, circa or a range in the remarks, found \"someday\": kept in the remarks"
            ]
        );
        assert_eq!(
            e.birth_dates,
            [
                BirthDate::On(d("1957-02-01")),
                BirthDate::Circa { circa: d("1956") },
                BirthDate::Between {
                    from: d("1950"),
                    to: d("1952")
                }
            ]
        );
        assert_eq!(e.birth_places, ["Zubair, Iraq"]);
        assert_eq!(e.nationalities, ["KP", "SA"]);
        assert_eq!(e.gender, Some(Gender::Female));
        let ids: Vec<(IdentifierKind, &str, Option<&str>, Option<&str>)> = e
            .identifiers
            .iter()
            .map(|i| {
                (
                    i.kind,
                    i.value.as_str(),
                    i.country.as_deref(),
                    i.note.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                (
                    IdentifierKind::Passport,
                    "836110063",
                    Some("KP"),
                    Some("Passport, issued 04 Feb 2016, expires 04 Feb 2021")
                ),
                (
                    IdentifierKind::Bic,
                    "BKIDIRTH (all branches)",
                    None,
                    Some("SWIFT/BIC")
                ),
                (
                    IdentifierKind::Crypto,
                    "1AbC",
                    None,
                    Some("Digital Currency Address - XBT")
                ),
            ]
        );
        assert_eq!(e.names.len(), 1);
        assert_eq!(e.names[0].text, "ABU UTHMAN");
        assert_eq!(e.names[0].kind, NameKind::WeakAka);
    }

    fn set(dir: &str) -> CsvSet<BufReader<File>> {
        let open = |n: &str| {
            let p = format!("{FIXTURES}/{dir}/{n}");
            std::fs::metadata(&p)
                .is_ok()
                .then(|| BufReader::new(File::open(p).unwrap()))
        };
        CsvSet {
            main: open("sdn.csv").unwrap(),
            add: open("add.csv"),
            alt: open("alt.csv"),
            comments: open("sdn_comments.csv"),
        }
    }

    #[test]
    fn tiny_set_with_a_continued_remark() {
        let loaded = read_set(set("csv_set")).unwrap();
        let issues: Vec<String> = loaded.report.issues.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            issues,
            [
                "line 2: record 99: skipped: expected the ent_num of this SDN_COMMENTS.CSV row in SDN.CSV, found none: remarks continuation skipped",
                "line 3: record 99: skipped: expected the ent_num of this ADD.CSV row in SDN.CSV, found none: address skipped",
                "line 4: record 99: skipped: expected the ent_num of this ALT.CSV row in SDN.CSV, found none: alias skipped",
            ]
        );
        let list = &loaded.list;
        assert_eq!(list.entities.len(), 3);
        let p = &list.entities[0];
        assert_eq!(p.id.id, "8808");
        assert_eq!(p.kind, EntityKind::Person);
        let names: Vec<(&str, NameKind)> =
            p.names.iter().map(|n| (n.text.as_str(), n.kind)).collect();
        assert_eq!(
            names,
            [
                ("AL-FAQIH, Saad Rashed Mohammad", NameKind::Primary),
                ("ABU UTHMAN", NameKind::WeakAka),
                ("AL-FAQIH, Sa'd", NameKind::Aka),
                ("OLD NAME", NameKind::Fka),
            ]
        );
        assert_eq!(p.programs, ["SDGT"]);
        assert_eq!(
            p.birth_dates,
            [
                BirthDate::On(d("1957-02-01")),
                BirthDate::On(d("1957-01-31"))
            ]
        );
        assert_eq!(p.nationalities, ["SA"]);
        assert_eq!(p.countries, ["GB"]);
        assert_eq!(
            p.addresses,
            [Address {
                full: Some("London, United Kingdom".into()),
                country: Some("GB".into()),
                ..Address::default()
            }]
        );
        assert_eq!(
            p.remarks.as_deref(),
            Some(
                "DOB 01 Feb 1957; alt. DOB 31 Jan 1957; POB Zubair, Iraq; citizen Saudi Arabia; Passport 760620 issued 15 Sep 1991 expires 22 Jul 1996; Doctor; a.k.a. 'ABU UTHMAN'.; Title: Doctor"
            )
        );

        // Remarks of exactly 1,000 characters, continued mid-word in COMMENTS.
        let o = &list.entities[1];
        assert_eq!(o.id.id, "18723");
        assert_eq!(o.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"]);
        let remarks = o.remarks.as_deref().unwrap();
        assert!(
            remarks.ends_with(
                "Target Type Financial Institution; Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY."
            ),
            "{remarks}"
        );
        let ids: Vec<(IdentifierKind, &str, Option<&str>)> = o
            .identifiers
            .iter()
            .map(|i| (i.kind, i.value.as_str(), i.country.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                (IdentifierKind::Bic, "VTBAKZKZ", None),
                (IdentifierKind::Other, "http://en.vtb-bank.kz/", None),
                (IdentifierKind::Registration, "220340015320", Some("KZ")),
            ]
        );
        assert_eq!(
            o.addresses[0].street.as_deref(),
            Some("28 Timiryazev Street")
        );
        assert_eq!(
            o.addresses[0].full.as_deref(),
            Some("28 Timiryazev Street, Almaty 050040, Kazakhstan")
        );

        let v = &list.entities[2];
        assert_eq!(v.kind, EntityKind::Vessel);
        assert_eq!(v.countries, ["PA"]);
        assert_eq!(v.identifiers[0].value, "3FXY4");
        assert_eq!(v.identifiers[1].kind, IdentifierKind::Imo);
        assert_eq!(v.identifiers[1].value, "9187629");
        assert_eq!(
            v.remarks.as_deref(),
            Some(
                "Vessel Registration Identification IMO 9187629.; Vessel Type: Crude Oil Tanker; Tonnage: 1,000; GRT: 2,000; Vessel Owner: SHIPCO"
            )
        );
    }

    #[test]
    fn wrong_column_count_is_an_error_with_the_line() {
        let err = read_set(set("csv_bad_columns")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        assert_eq!(
            err.to_string(),
            format!(
                "line 2: record 173: expected 12 columns in SDN.CSV ({MAIN_COLUMNS}), found 11"
            )
        );
    }

    #[test]
    fn missing_companions_are_reported_and_errors_name_the_file() {
        let dir = format!("{FIXTURES}/csv_bad_columns");
        let loaded = load_dir(Path::new(&format!("{FIXTURES}/csv_set"))).unwrap();
        assert_eq!(loaded.report.skipped(), 3);
        let err = load_dir(Path::new(&dir)).unwrap_err();
        assert!(
            err.to_string().starts_with(&format!("{dir}/sdn.csv:2: ")),
            "{err}"
        );
        let err = load_dir(Path::new(FIXTURES)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownFormat);
        let path = PathBuf::from(format!("{FIXTURES}/csv_main_only/SDN.CSV"));
        let reader = BufReader::new(File::open(&path).unwrap());
        let loaded = load_main(&path, reader).unwrap();
        let issues: Vec<String> = loaded.report.issues.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            issues,
            [
                "skipped: expected add.csv beside SDN.CSV, found none: its addresses are not read",
                "skipped: expected alt.csv beside SDN.CSV, found none: its aliases are not read",
                "skipped: expected sdn_comments.csv beside SDN.CSV, found none: its remarks continuations are not read",
            ]
        );
        assert_eq!(loaded.list.entities.len(), 1);
    }
}
