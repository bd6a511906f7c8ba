//! Readers of list files into the [`model`](crate::model), and the report of what each load
//! kept, repaired or skipped.
//!
//! [`load_path`] and [`read`] detect the format from the content, not the file name. Every
//! reader returns a [`Loaded`]: the [`SanctionsList`] and a [`LoadReport`]. A record that a
//! reader cannot use is never dropped silently: it becomes a [`LoadIssue`] in the report.
//! A file that is not what its format requires is an [`Error`] naming the file and line.
//!
//! | source | format | reader |
//! | --- | --- | --- |
//! | OFAC SDN and non-SDN | classic XML (`sdnList`, both namespaces) | [`ofac_xml`] |
//! | OFAC | legacy CSV set (SDN/ADD/ALT/COMMENTS) | [`ofac_csv`] |
//! | OFAC | Advanced XML (`Sanctions`, reference value sets) | [`ofac_advanced`] |
//! | OFAC | Enhanced XML (`sanctionsData`), plain or zipped | [`ofac_enhanced`] |
//! | US Consolidated Screening List | trade.gov CSV | [`csl`] |
//! | EU | Financial Sanctions Files XML 1.1 | [`eu`] |
//! | UK | OFSI consolidated list: 2022-format CSV and XLSX, legacy ConList CSV | [`uk`] |
//! | UN Security Council | consolidated XML | [`un`] |
//! | Canada | SEMA XML | [`canada`] |
//! | OpenSanctions | FtM entities JSON lines, `targets.simple.csv` | [`opensanctions`] |
//! | in-house | the crate's own JSON Lines | [`custom`] |
//!
//! Each official reader is behind the cargo feature of its source (`ofac`, `csl`, `eu`, `uk`,
//! `un`, `canada`, `opensanctions`; all on by default).
//!
//! ```
//! use sanctions::{Screener, sources};
//!
//! let data = r#"{"id":"c-1","kind":"organization","names":[{"text":"ТОО «Казстанекс»"}]}
//! {"id":"c-2","kind":"person","names":[]}
//! "#;
//! let loaded = sources::read(data.as_bytes())?; // or sources::load_path("lists/sdn.xml")?
//! assert_eq!(loaded.report.entities(), 1);
//! assert_eq!(loaded.report.issues[0].to_string(), "line 2: record c-2: skipped: expected at least one name, found none");
//! let screener = Screener::builder().list(loaded.list).build()?;
//! assert_eq!(screener.screen("KAZSTANEX LLP")[0].entity_id().id, "c-1");
//! # Ok::<(), sanctions::Error>(())
//! ```

// Each reader is behind the cargo feature of its source (all on by default), so that a team
// that reads one list links only the parsers it needs. The helpers every reader shares are
// always built; with some readers left out, some of them go unused.
#![cfg_attr(
    not(all(
        feature = "ofac",
        feature = "csl",
        feature = "eu",
        feature = "uk",
        feature = "un",
        feature = "canada",
        feature = "opensanctions"
    )),
    allow(dead_code, unused_imports)
)]

#[cfg(feature = "canada")]
pub mod canada;
mod collect;
mod countries;
#[cfg(feature = "csl")]
pub mod csl;
pub mod custom;
#[cfg(feature = "eu")]
pub mod eu;
mod fields;
#[cfg(feature = "ofac")]
pub mod ofac_advanced;
#[cfg(feature = "ofac")]
pub mod ofac_csv;
#[cfg(feature = "ofac")]
pub mod ofac_enhanced;
// The CSL writes identifiers in OFAC's notation and reads them with this module's helpers.
#[cfg(any(feature = "ofac", feature = "csl"))]
pub mod ofac_xml;
#[cfg(feature = "opensanctions")]
pub mod opensanctions;
mod report;
#[cfg(any(feature = "csl", feature = "opensanctions"))]
mod table;
#[cfg(feature = "uk")]
pub mod uk;
#[cfg(feature = "un")]
pub mod un;
#[cfg(feature = "uk")]
mod xlsx;
#[cfg(any(
    feature = "ofac",
    feature = "csl",
    feature = "eu",
    feature = "uk",
    feature = "un",
    feature = "canada",
    feature = "payments"
))]
pub(crate) mod xml;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub(crate) use custom::merge;
pub use report::{IssueAction, LoadIssue, LoadReport};

use crate::error::{Error, ErrorKind, Result};
use crate::model::SanctionsList;

/// A list file format the crate reads.
///
/// ```
/// use sanctions::sources::{self, Format};
///
/// let format = sources::detect_bytes(br#"<export xmlns="http://eu.europa.ec/fpi/fsd/export">"#)?;
/// assert_eq!(format, Format::EuXml);
/// assert_eq!(format.as_str(), "EU FSF XML");
/// assert_eq!(sources::feature_of(format), Some("eu"));
/// # Ok::<(), sanctions::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The crate's own JSON Lines of [`Entity`](crate::model::Entity).
    Custom,
    /// OFAC classic XML (`sdnList`): `sdn.xml` and `consolidated.xml`.
    OfacXml,
    /// OFAC legacy CSV, main file (`SDN.CSV`, `cons_prim.csv`), read with its ADD, ALT and
    /// COMMENTS companions when they sit beside it.
    OfacCsv,
    /// An OFAC legacy CSV companion file (ADD, ALT or COMMENTS), which is read only with its
    /// main file.
    OfacCsvPart,
    /// OFAC Advanced XML (`SDN_ADVANCED.XML`, `cons_advanced.xml`).
    OfacAdvanced,
    /// OFAC Enhanced XML (`sanctionsData`), plain or as the published zip.
    OfacEnhanced,
    /// The US Consolidated Screening List CSV of trade.gov.
    Csl,
    /// EU Financial Sanctions Files XML 1.1.
    EuXml,
    /// UK OFSI consolidated list, 2022-format columns, as CSV.
    UkCsv,
    /// UK OFSI consolidated list, 2022-format columns, as XLSX.
    UkXlsx,
    /// UK OFSI legacy `ConList.csv` (Windows-1252), with or without its header lines.
    UkLegacyCsv,
    /// UN Security Council consolidated XML.
    UnXml,
    /// Canada Special Economic Measures Act XML.
    CanadaXml,
    /// OpenSanctions FollowTheMoney entities, JSON lines.
    OpenSanctionsFtm,
    /// OpenSanctions `targets.simple.csv`.
    OpenSanctionsCsv,
}

impl Format {
    /// A short name of the format for messages (`OFAC classic XML`, `EU FSF XML`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Custom => "custom JSON Lines",
            Format::OfacXml => "OFAC classic XML",
            Format::OfacCsv => "OFAC legacy CSV",
            Format::OfacCsvPart => "OFAC legacy CSV companion (ADD/ALT/COMMENTS)",
            Format::OfacAdvanced => "OFAC Advanced XML",
            Format::OfacEnhanced => "OFAC Enhanced XML",
            Format::Csl => "US Consolidated Screening List CSV",
            Format::EuXml => "EU FSF XML",
            Format::UkCsv => "UK OFSI CSV",
            Format::UkXlsx => "UK OFSI XLSX",
            Format::UkLegacyCsv => "UK OFSI legacy ConList CSV",
            Format::UnXml => "UN consolidated XML",
            Format::CanadaXml => "Canada SEMA XML",
            Format::OpenSanctionsFtm => "OpenSanctions FtM JSON lines",
            Format::OpenSanctionsCsv => "OpenSanctions targets.simple.csv",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a reader produced: the list and the report of the load.
///
/// ```
/// use sanctions::sources::{self, Loaded};
///
/// let data = r#"{"id":"c-1","kind":"person","names":[{"text":"Yevgeniy Prigozhin"}]}"#;
/// let Loaded { list, report, .. } = sources::read(data.as_bytes())?;
/// assert_eq!(list.entities.len(), report.entities());
/// # Ok::<(), sanctions::Error>(())
/// ```
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
/// An OFAC legacy CSV main file (`SDN.CSV`, `cons_prim.csv`) is read with the ADD, ALT and
/// COMMENTS files beside it (`ofac_csv`). A folder is read as the OFAC CSV set
/// it holds.
///
/// # Errors
///
/// An [`ErrorKind::Io`] error when the file cannot be read, [`ErrorKind::UnknownFormat`] when
/// its content is no format the crate reads, and [`ErrorKind::Malformed`] (with the line) when
/// it breaks its format. Every error names the file.
///
/// # Example
///
/// ```
/// use std::path::Path;
/// use sanctions::{ErrorKind, sources};
///
/// // sources::load_path("lists/sdn.xml")? reads OFAC's file; a missing file is an error that names it.
/// let err = sources::load_path("lists/no-such-file.xml").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Io);
/// assert_eq!(err.file(), Some(Path::new("lists/no-such-file.xml")));
/// ```
pub fn load_path(path: impl AsRef<Path>) -> Result<Loaded> {
    let path = path.as_ref();
    if path.is_dir() {
        #[cfg(feature = "ofac")]
        return ofac_csv::load_dir(path);
        #[cfg(not(feature = "ofac"))]
        return Err(left_out(Format::OfacCsv).with_file(path));
    }
    let file = open(path)?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let format = detect(&mut reader).map_err(|e| e.with_file(path))?;
    match format {
        #[cfg(feature = "ofac")]
        Format::OfacCsv => ofac_csv::load_main(path, reader),
        Format::OfacCsvPart => Err(Error::new(
            ErrorKind::InvalidInput,
            "expected a list file, found an OFAC CSV companion file (ADD, ALT or COMMENTS): load the main SDN.CSV or cons_prim.csv beside it, or the folder",
        )
        .with_file(path)),
        other => read_format(other, reader).map_err(|e| e.with_file(path)),
    }
}

/// Reads several list files, each as [`load_path`] reads it, and gives their results in the
/// order of `paths`.
///
/// With the default `rayon` feature the files are read side by side on all cores (rayon's
/// global pool, or the pool the caller installs): the official files of the US, EU, UK, UN
/// and Canada load in about the time of the largest. Without it, one after the other. A file
/// that fails does not stop the others: each result says what became of its file.
///
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, Screener, sources};
///
/// let results = sources::load_paths(&["lists/sdn.xml", "lists/eu.xml"]);
/// assert_eq!(results.len(), 2);
/// // Here neither file exists: each error names its own.
/// for (result, file) in results.iter().zip(["lists/sdn.xml", "lists/eu.xml"]) {
///     let err = result.as_ref().unwrap_err();
///     assert_eq!((err.kind(), err.file()), (ErrorKind::Io, Some(std::path::Path::new(file))));
/// }
/// // With real files: build one screener from every list that loaded.
/// let lists = results.into_iter().filter_map(Result::ok).map(|loaded| loaded.list);
/// let screener = Screener::builder().lists(lists).build()?;
/// assert!(screener.entities().is_empty());
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn load_paths<P: AsRef<Path> + Sync>(paths: &[P]) -> Vec<Result<Loaded>> {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        paths.par_iter().map(load_path).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        paths.iter().map(load_path).collect()
    }
}

pub(crate) fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot open the list file: {e}"))
            .with_file(path)
            .with_source(e)
    })
}

/// Reads a list from any reader, detecting its format from the content. An OFAC CSV main
/// file read this way has no companions; use [`ofac_csv::read_set`] to give them.
///
/// # Errors
///
/// As [`load_path`], without the file name.
///
/// # Example
///
/// ```
/// use sanctions::{Source, sources};
///
/// let csv = "\"id\",\"schema\",\"name\",\"aliases\",\"birth_date\",\"countries\",\"addresses\",\"identifiers\",\"sanctions\",\"phones\",\"emails\",\"dataset\",\"first_seen\",\"last_seen\",\"last_change\"
/// \"NK-p\",\"Person\",\"Ivan Petrov\",\"Иван Петров\",\"1970-05-01\",\"ru\",\"\",\"\",\"\",\"\",\"\",\"Ukraine War and Sanctions\",\"\",\"\",\"\"
/// ";
/// let loaded = sources::read(csv.as_bytes())?; // detected as OpenSanctions targets.simple.csv
/// assert_eq!(loaded.list.source, Source::OpenSanctions);
/// assert_eq!(loaded.list.entities[0].names[1].text, "Иван Петров");
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read(reader: impl Read) -> Result<Loaded> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let format = detect(&mut reader)?;
    read_format(format, reader)
}

/// Reads a list in a known format.
///
/// # Errors
///
/// As [`load_path`], without the file name.
///
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::{self, Format}};
///
/// let data = r#"{"id":"c-1","names":[{"text":"KAZSTANEX LLP"}]}"#;
/// assert_eq!(sources::read_format(Format::Custom, data.as_bytes())?.list.entities.len(), 1);
/// // The wrong format is an error, not an empty list.
/// let err = sources::read_format(Format::EuXml, data.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read_format(format: Format, reader: impl BufRead) -> Result<Loaded> {
    /// The reader of a format, or the error that names the feature it needs.
    macro_rules! with_feature {
        ($feature:literal, $read:expr) => {{
            #[cfg(feature = $feature)]
            let loaded = $read;
            #[cfg(not(feature = $feature))]
            let loaded = {
                drop(reader);
                Err(left_out(format))
            };
            loaded
        }};
    }
    match format {
        Format::Custom => custom::read(reader),
        Format::OfacXml => with_feature!("ofac", ofac_xml::read(reader)),
        Format::OfacCsv => with_feature!(
            "ofac",
            ofac_csv::read_set(ofac_csv::CsvSet::main_only(reader))
        ),
        Format::OfacCsvPart => Err(Error::new(
            ErrorKind::InvalidInput,
            "expected a list file, found an OFAC CSV companion file (ADD, ALT or COMMENTS): read it with its main file through ofac_csv::read_set",
        )),
        Format::OfacAdvanced => with_feature!("ofac", ofac_advanced::read(reader)),
        Format::OfacEnhanced => with_feature!("ofac", ofac_enhanced::read(reader)),
        Format::Csl => with_feature!("csl", csl::read(reader)),
        Format::EuXml => with_feature!("eu", eu::read(reader)),
        Format::UkCsv => with_feature!("uk", uk::read_csv(reader)),
        Format::UkXlsx => with_feature!("uk", uk::read_xlsx(read_all(reader)?)),
        Format::UkLegacyCsv => with_feature!("uk", uk::read_legacy(reader)),
        Format::UnXml => with_feature!("un", un::read(reader)),
        Format::CanadaXml => with_feature!("canada", canada::read(reader)),
        Format::OpenSanctionsFtm => with_feature!("opensanctions", opensanctions::read_ftm(reader)),
        Format::OpenSanctionsCsv => {
            with_feature!("opensanctions", opensanctions::read_simple(reader))
        }
    }
}

/// The cargo feature that holds the reader of a format; `None` for the crate's own format,
/// always read.
///
/// ```
/// use sanctions::sources::{Format, feature_of};
///
/// assert_eq!(feature_of(Format::UkXlsx), Some("uk"));
/// assert_eq!(feature_of(Format::OfacEnhanced), Some("ofac"));
/// assert_eq!(feature_of(Format::Custom), None);
/// ```
pub fn feature_of(format: Format) -> Option<&'static str> {
    match format {
        Format::Custom => None,
        Format::OfacXml
        | Format::OfacCsv
        | Format::OfacCsvPart
        | Format::OfacAdvanced
        | Format::OfacEnhanced => Some("ofac"),
        Format::Csl => Some("csl"),
        Format::EuXml => Some("eu"),
        Format::UkCsv | Format::UkXlsx | Format::UkLegacyCsv => Some("uk"),
        Format::UnXml => Some("un"),
        Format::CanadaXml => Some("canada"),
        Format::OpenSanctionsFtm | Format::OpenSanctionsCsv => Some("opensanctions"),
    }
}

/// The error for a format whose reader this build left out.
#[allow(dead_code, reason = "called only by builds that leave a reader out")]
fn left_out(format: Format) -> Error {
    let feature = feature_of(format).unwrap_or("default");
    Error::new(
        ErrorKind::UnknownFormat,
        format!(
            "expected a format this build of the crate reads, found {format}, whose reader is in the `{feature}` cargo feature, left out of this build"
        ),
    )
}

fn read_all(mut reader: impl Read) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the list: {e}")).with_source(e)
    })?;
    Ok(bytes)
}

/// Looks at the start of the content and names its format, without consuming it.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the start matches no format the crate reads.
///
/// # Example
///
/// ```
/// use std::io::BufReader;
/// use sanctions::sources::{self, Format};
///
/// let xml = r#"<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>"#;
/// let mut reader = BufReader::new(xml.as_bytes());
/// let format = sources::detect(&mut reader)?;
/// assert_eq!(format, Format::UnXml);
/// // Nothing was consumed: the reader reads the whole file.
/// let loaded = sources::read_format(format, reader)?;
/// assert_eq!(loaded.list.published.map(|d| d.to_string()).as_deref(), Some("2026-02-27"));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn detect(reader: &mut impl BufRead) -> Result<Format> {
    let head = reader.fill_buf().map_err(|e| {
        Error::new(ErrorKind::Io, format!("cannot read the list: {e}")).with_source(e)
    })?;
    detect_bytes(head)
}

/// Names the format of content from its first bytes (a few kilobytes are enough).
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the start matches no format the crate reads.
///
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::{self, Format}};
///
/// assert_eq!(sources::detect_bytes(b"<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">")?, Format::OfacXml);
/// assert_eq!(sources::detect_bytes(br#"{"id":"NK-1","schema":"Person","properties":{}}"#)?, Format::OpenSanctionsFtm);
/// let err = sources::detect_bytes(b"Name,Surname\nIvan,Sidorov").unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn detect_bytes(head: &[u8]) -> Result<Format> {
    if head.starts_with(b"PK\x03\x04") {
        return detect_zip(head);
    }
    let text = String::from_utf8_lossy(head);
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if start.is_empty() {
        return Ok(Format::Custom);
    }
    if start.starts_with('{') {
        let first = start.lines().next().unwrap_or("");
        if first.contains("\"schema\"") && first.contains("\"properties\"") {
            return Ok(Format::OpenSanctionsFtm);
        }
        return Ok(Format::Custom);
    }
    if start.starts_with('<') {
        return detect_xml(start);
    }
    detect_csv(start, head)
}

fn unknown(start: &str, expected: &str) -> Error {
    let shown: String = start.chars().take(60).collect();
    Error::new(
        ErrorKind::UnknownFormat,
        format!("expected {expected}, found content starting {shown:?}"),
    )
}

const ALL_FORMATS: &str = "a list format the crate reads (OFAC XML, CSV, Advanced or Enhanced XML; US CSL CSV; EU FSF XML; UK OFSI CSV, XLSX or legacy CSV; UN XML; Canada SEMA XML; OpenSanctions FtM JSON or targets.simple.csv; custom JSON Lines)";

/// The root element's local name and its default namespace.
fn xml_root(start: &str) -> Option<(&str, Option<&str>)> {
    let mut rest = start;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1;
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1;
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = r.split_once('>')?.1;
        } else {
            break;
        }
    }
    let tag = rest.strip_prefix('<')?;
    let end = tag.find('>').unwrap_or(tag.len());
    let tag = tag.get(..end)?;
    let name = tag.split(|c: char| c.is_whitespace() || c == '/').next()?;
    let local = name.rsplit(':').next()?;
    let ns = tag
        .split_once("xmlns=\"")
        .and_then(|(_, r)| r.split_once('"'))
        .map(|(ns, _)| ns);
    Some((local, ns))
}

fn detect_xml(start: &str) -> Result<Format> {
    let Some((root, _ns)) = xml_root(start) else {
        return Err(unknown(start, ALL_FORMATS));
    };
    Ok(match root {
        "sdnList" => Format::OfacXml,
        "Sanctions" => Format::OfacAdvanced,
        "sanctionsData" => Format::OfacEnhanced,
        "export" => Format::EuXml,
        "CONSOLIDATED_LIST" => Format::UnXml,
        "data-set" => Format::CanadaXml,
        _ => {
            return Err(Error::new(
                ErrorKind::UnknownFormat,
                format!(
                    "expected the XML root element of a list format the crate reads (sdnList, Sanctions, sanctionsData, export, CONSOLIDATED_LIST, data-set), found <{root}>"
                ),
            ));
        }
    })
}

fn detect_zip(head: &[u8]) -> Result<Format> {
    // The local file headers name the entries; an XLSX workbook has `xl/` parts.
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if has(b"xl/") || has(b"[Content_Types].xml") {
        Ok(Format::UkXlsx)
    } else {
        Ok(Format::OfacEnhanced)
    }
}

fn detect_csv(start: &str, head: &[u8]) -> Result<Format> {
    #[cfg(not(feature = "uk"))]
    let _ = head;
    let first = start.lines().next().unwrap_or("");
    let lower = first.to_ascii_lowercase();
    if lower.starts_with("_id,source,entity_number") || lower.starts_with("\"_id\",\"source\"") {
        return Ok(Format::Csl);
    }
    if lower.starts_with("\"id\",\"schema\",\"name\"") || lower.starts_with("id,schema,name") {
        return Ok(Format::OpenSanctionsCsv);
    }
    // The 2022-format header (Alias Quality, Name Non-Latin Script) before the legacy one,
    // whose header also starts with `Name 6`. (The headerless formats below are told by
    // reading a few records, with the reader's own CSV rules: a build without that reader
    // calls them unknown.)
    #[cfg(feature = "uk")]
    if uk::is_2022_csv_head(start) {
        return Ok(Format::UkCsv);
    }
    if lower.starts_with("last updated") || lower.starts_with("name 6,") {
        return Ok(Format::UkLegacyCsv);
    }
    #[cfg(feature = "ofac")]
    if let Some(format) = ofac_csv::detect_head(start) {
        return Ok(format);
    }
    // The legacy UK file without its header lines: Windows-1252, no header, 30 or more
    // comma-separated fields ending in a Group ID.
    #[cfg(feature = "uk")]
    if uk::is_legacy_head(head) {
        return Ok(Format::UkLegacyCsv);
    }
    Err(unknown(start, ALL_FORMATS))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every format is detected whatever the build; one whose reader is left out is an error
    /// naming its feature, not a wrong or empty list.
    #[test]
    fn a_format_left_out_is_named_with_its_feature() {
        let eu = "<?xml version=\"1.0\"?>\n<export generationDate=\"2024-05-13\"></export>";
        assert_eq!(detect_bytes(eu.as_bytes()).ok(), Some(Format::EuXml));
        assert_eq!(feature_of(Format::EuXml), Some("eu"));
        assert_eq!(feature_of(Format::Custom), None);
        let message = read(eu.as_bytes())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        if cfg!(feature = "eu") {
            assert!(!message.contains("left out"), "{message}");
        } else {
            assert_eq!(
                message,
                "expected a format this build of the crate reads, found EU FSF XML, whose reader is in the `eu` cargo feature, left out of this build"
            );
        }
        // The crate's own format is always read.
        assert!(read_format(Format::Custom, "".as_bytes()).is_ok());
    }
}
