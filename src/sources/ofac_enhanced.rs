//! OFAC Enhanced XML (`sanctionsData`), plain or as the published zip (`SDN_ENHANCED.ZIP`,
//! `CONS_ENHANCED.ZIP`).
//!
//! The root is `<sanctionsData>` in the namespace [`NAMESPACE`]; another namespace is an
//! error. After `publicationInfo` (`dataAsOf`: the publication date) and the reference
//! tables (`referenceValues`, `featureTypes`), `entities` holds one `<entity id="…">` per
//! listed party. Each reference is written out as text beside its `refId`, so the reader
//! uses the text and needs no table.
//!
//! How fields map:
//! - `id` is the OFAC uid, as in the classic XML; `generalInfo/entityType` (Individual, Entity,
//!   Vessel, Aircraft) the kind; `generalInfo/remarks` the remarks.
//! - Every `names/name` gives one name per `translations/translation` (`formattedFullName`):
//!   the Latin name and its Cyrillic and Chinese spellings, the only original-script names in
//!   any OFAC format. `isPrimary` marks the primary name (its other-script spellings are
//!   a.k.a.), `aliasType` A.K.A. or F.K.A., `isLowQuality` a weak alias.
//! - `sanctionsPrograms` are programs, the earliest `sanctionsList/@datePublished` the listing
//!   date, the `sanctionsList` names go to the remarks.
//! - `features`: `Birthdate` (its `value`, as the classic XML writes dates), `Place of Birth`,
//!   `Nationality Country`, `Citizenship Country`; every other feature type (`SWIFT/BIC`,
//!   `Gender`, `Organization Established Date`, `Secondary sanctions risk:`, …) is read with
//!   OFAC's `idType` label table, shared with the classic XML reader.
//! - `identityDocuments`: identifiers typed by their `type`, with `issuingCountry`.
//! - `addresses`: the address parts joined, and the country.
//! - `relationships` link entities to each other; the model does not carry links, so they are
//!   left out (not reported: they are not records).
//!
//! ```
//! use sanctions::model::{EntityKind, NameKind, Script};
//!
//! let xml = r#"<sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML">
//!   <publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf></publicationInfo>
//!   <entities><entity id="18715"><generalInfo><entityType>Entity</entityType></generalInfo>
//!     <sanctionsPrograms><sanctionsProgram>RUSSIA-EO14024</sanctionsProgram></sanctionsPrograms>
//!     <names><name><isPrimary>true</isPrimary><translations>
//!       <translation><isPrimary>true</isPrimary><script>Latin</script>
//!         <formattedFullName>VTB BANK PUBLIC JOINT STOCK COMPANY</formattedFullName></translation>
//!       <translation><isPrimary>false</isPrimary><script>Cyrillic</script>
//!         <formattedFullName>БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО</formattedFullName></translation>
//!     </translations></name></names>
//!   </entity></entities></sanctionsData>"#;
//! let loaded = sanctions::sources::ofac_enhanced::read(xml.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!((e.id.id.as_str(), e.kind), ("18715", EntityKind::Organization));
//! assert_eq!(e.programs, ["RUSSIA-EO14024"]);
//! assert_eq!(e.names[0].kind, NameKind::Primary);
//! assert_eq!((e.names[1].kind, e.names[1].script), (NameKind::Aka, Script::Cyrillic));
//! assert_eq!(loaded.list.published.map(|d| d.to_string()).as_deref(), Some("2025-01-10"));
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::io::{BufRead, BufReader, Cursor, Read};

use super::Loaded;
use super::collect::Collector;
use super::fields::{parse_birth_date, parse_partial_date};
use super::ofac_xml::{IdItem, add_id_item, country, push_unique};
use super::xml::{Element, XmlReader};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Address, Entity, EntityId, EntityKind, Name, NameKind, Source};

/// The namespace of OFAC's Enhanced XML.
///
/// ```
/// use sanctions::sources::{self, Format, ofac_enhanced};
///
/// let head = format!(r#"<sanctionsData xmlns="{}">"#, ofac_enhanced::NAMESPACE);
/// assert_eq!(sources::detect_bytes(head.as_bytes())?, Format::OfacEnhanced);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const NAMESPACE: &str =
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML";

/// Reads OFAC Enhanced XML, or the zip that holds it.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] for another root or namespace, or a zip without an XML file;
/// [`ErrorKind::Malformed`] (with the line) for XML that is not well formed or is truncated;
/// [`ErrorKind::Encoding`] for bytes that are not UTF-8; [`ErrorKind::Io`] when reading fails.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::ofac_enhanced};
///
/// // A zip that holds no XML file is refused.
/// let err = ofac_enhanced::read(&b"PK\x03\x04 not a zip"[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// let err = ofac_enhanced::read(&br#"<sanctionsData xmlns="urn:other"/>"#[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// ```
pub fn read(mut reader: impl BufRead) -> Result<Loaded> {
    let head = reader.fill_buf().map_err(io_error)?;
    if !head.starts_with(b"PK\x03\x04") {
        return read_xml(reader);
    }
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(io_error)?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        Error::new(
            ErrorKind::Malformed,
            format!("expected a zip archive holding OFAC Enhanced XML, found an error: {e}"),
        )
    })?;
    let name = (0..zip.len())
        .filter_map(|i| zip.name_for_index(i).map(str::to_string))
        .find(|n| n.to_ascii_lowercase().ends_with(".xml"))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownFormat,
                "expected a zip archive holding an OFAC Enhanced XML file, found no .xml entry",
            )
        })?;
    let file = zip.by_name(&name).map_err(|e| {
        Error::new(
            ErrorKind::Malformed,
            format!("expected to read {name} from the zip archive, found an error: {e}"),
        )
    })?;
    read_xml(BufReader::with_capacity(1 << 16, file))
}

fn io_error(e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read the list: {e}")).with_source(e)
}

fn read_xml(reader: impl BufRead) -> Result<Loaded> {
    let mut xml = XmlReader::new(SkipBom::new(reader), "OFAC Enhanced XML");
    let mut out = Collector::new(Source::Ofac, "entity");
    let mut root_seen = false;
    while let Some(start) = xml.next_start()? {
        if start.depth == 1 {
            if start.name != "sanctionsData" {
                return Err(Error::new(
                    ErrorKind::UnknownFormat,
                    format!(
                        "expected the OFAC Enhanced XML root element <sanctionsData>, found <{}>",
                        start.name
                    ),
                )
                .with_line(start.line));
            }
            let ns = start.attr("xmlns").unwrap_or("");
            if ns != NAMESPACE {
                return Err(Error::new(
                    ErrorKind::UnknownFormat,
                    format!("expected the OFAC Enhanced XML namespace {NAMESPACE}, found {ns:?}"),
                )
                .with_line(start.line));
            }
            root_seen = true;
            continue;
        }
        match (start.depth, start.name.as_str()) {
            (2, "publicationInfo") => {
                let info = xml.read_tree(start)?;
                out.published(info.child_text("dataAsOf").and_then(parse_partial_date));
            }
            (2, "referenceValues" | "featureTypes") => xml.skip(&start)?,
            (3, "entity") => {
                let e = xml.read_tree(start)?;
                entity(e, &mut out);
            }
            _ => {}
        }
    }
    if !root_seen {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected the OFAC Enhanced XML root element <sanctionsData>, found an empty document",
        ));
    }
    Ok(out.finish())
}

fn entity(el: Element<'_>, out: &mut Collector) {
    let Some(id) = el.attr("id").map(str::to_string) else {
        out.skip(
            Some(el.line()),
            None,
            "expected an id attribute on the entity, found none",
        );
        return;
    };
    let info = el.child("generalInfo");
    let kind_text = info.and_then(|i| i.child_text("entityType")).unwrap_or("");
    let kind = match kind_text {
        "Individual" => EntityKind::Person,
        "Entity" => EntityKind::Organization,
        "Vessel" => EntityKind::Vessel,
        "Aircraft" => EntityKind::Aircraft,
        other => {
            out.repair(
                Some(el.line()),
                Some(&id),
                format!(
                    "expected entityType Individual, Entity, Vessel or Aircraft, found {other:?}: taken as unknown"
                ),
            );
            EntityKind::Unknown
        }
    };
    let mut e = Entity::new(EntityId::new(Source::Ofac, id.clone()), kind);
    let mut facts: Vec<String> = Vec::new();
    for name in el
        .child("names")
        .into_iter()
        .flat_map(|n| n.children("name"))
    {
        let primary = name.child_text("isPrimary") == Some("true");
        let weak = name.child_text("isLowQuality") == Some("true");
        let alias_kind = match name.child_text("aliasType") {
            Some("F.K.A.") => NameKind::Fka,
            _ => NameKind::Aka,
        };
        for tr in name
            .child("translations")
            .into_iter()
            .flat_map(|t| t.children("translation"))
        {
            let Some(full) = tr.child_text("formattedFullName") else {
                out.repair(
                    Some(tr.line()),
                    Some(&id),
                    "expected a formattedFullName in the name translation, found none: left out",
                );
                continue;
            };
            let latin = tr.child_text("script") == Some("Latin");
            let kind = if weak {
                NameKind::WeakAka
            } else if primary && latin && tr.child_text("isPrimary") == Some("true") {
                NameKind::Primary
            } else if primary {
                NameKind::Aka
            } else {
                alias_kind
            };
            push_unique(&mut e.names, Name::new(full).with_kind(kind));
        }
    }
    for p in el
        .child("sanctionsPrograms")
        .into_iter()
        .flat_map(|p| p.children("sanctionsProgram"))
        .filter_map(Element::text)
    {
        push_unique(&mut e.programs, p.to_string());
    }
    let mut lists = Vec::new();
    for l in el
        .child("sanctionsLists")
        .into_iter()
        .flat_map(|l| l.children("sanctionsList"))
    {
        if let Some(d) = l.attr("datePublished").and_then(parse_partial_date) {
            e.listed_on = Some(e.listed_on.map_or(d, |x| x.min(d)));
        }
        if let Some(t) = l.text() {
            lists.push(t.to_string());
        }
    }
    if !lists.is_empty() {
        facts.push(format!("Lists: {}", lists.join("; ")));
    }
    for f in el
        .child("features")
        .into_iter()
        .flat_map(|f| f.children("feature"))
    {
        let ty = f.child_text("type").unwrap_or("");
        let Some(value) = f.child_text("value") else {
            continue;
        };
        match ty {
            "Birthdate" => match parse_birth_date(value) {
                Some(d) => push_unique(&mut e.birth_dates, d),
                None => {
                    facts.push(format!("Birthdate {value}"));
                    out.repair(
                        Some(f.line()),
                        Some(&id),
                        format!("expected a birth date, found {value:?}: kept in the remarks"),
                    );
                }
            },
            "Place of Birth" => push_unique(&mut e.birth_places, value.to_string()),
            "Nationality Country" | "Citizenship Country" => {
                push_unique(&mut e.nationalities, country(value));
            }
            label => {
                let item = IdItem {
                    label,
                    value,
                    country: None,
                    issued: None,
                    expires: None,
                };
                if let Err(reason) = add_id_item(&mut e, &item, &mut facts) {
                    out.repair(Some(f.line()), Some(&id), reason);
                }
            }
        }
    }
    for d in el
        .child("identityDocuments")
        .into_iter()
        .flat_map(|d| d.children("identityDocument"))
    {
        let (Some(label), Some(number)) = (d.child_text("type"), d.child_text("documentNumber"))
        else {
            out.repair(
                Some(d.line()),
                Some(&id),
                "expected a type and a documentNumber in the identityDocument, found none: left out",
            );
            continue;
        };
        let item = IdItem {
            label,
            value: number,
            country: d.child_text("issuingCountry"),
            issued: None,
            expires: None,
        };
        if let Err(reason) = add_id_item(&mut e, &item, &mut facts) {
            out.repair(Some(d.line()), Some(&id), reason);
        }
    }
    for a in el
        .child("addresses")
        .into_iter()
        .flat_map(|a| a.children("address"))
    {
        let country_name = a.child_text("country").map(country);
        let parts: Vec<&str> = a
            .child("translations")
            .and_then(|t| t.child("translation"))
            .and_then(|t| t.child("addressParts"))
            .into_iter()
            .flat_map(|p| p.children("addressPart"))
            .filter_map(|p| p.child_text("value"))
            .collect();
        if parts.is_empty() && country_name.is_none() {
            continue;
        }
        if let Some(c) = &country_name {
            push_unique(&mut e.countries, c.clone());
        }
        e.addresses.push(Address {
            full: (!parts.is_empty()).then(|| parts.join(", ")),
            country: country_name,
            ..Address::default()
        });
    }
    let remarks = info.and_then(|i| i.child_text("remarks"));
    let mut all: Vec<String> = remarks.into_iter().map(str::to_string).collect();
    all.extend(facts);
    if !all.is_empty() {
        e.remarks = Some(all.join("\n"));
    }
    out.push(e, Some(el.line()));
}

/// Passes a reader through without a leading UTF-8 byte-order mark, which the published
/// files carry and the XML reader does not expect before the declaration.
struct SkipBom<R> {
    inner: R,
    checked: bool,
}

impl<R: BufRead> SkipBom<R> {
    fn new(inner: R) -> SkipBom<R> {
        SkipBom {
            inner,
            checked: false,
        }
    }

    fn check(&mut self) -> std::io::Result<()> {
        if !self.checked {
            self.checked = true;
            if self.inner.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
                self.inner.consume(3);
            }
        }
        Ok(())
    }
}

impl<R: BufRead> Read for SkipBom<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.check()?;
        self.inner.read(buf)
    }
}

impl<R: BufRead> BufRead for SkipBom<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.check()?;
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BirthDate, IdentifierKind, PartialDate};
    use std::io::Write;

    const FIXTURE: &str = include_str!("../../tests/data/ofac_enhanced/enhanced.xml");

    #[test]
    fn fixture_entity_field_by_field() {
        let loaded = read(FIXTURE.as_bytes()).unwrap();
        assert_eq!(loaded.list.published, "2025-01-10".parse().ok());
        let e = &loaded.list.entities[0];
        assert_eq!(e.id.id, "18715");
        assert_eq!(e.kind, EntityKind::Organization);
        let names: Vec<(&str, NameKind)> =
            e.names.iter().map(|n| (n.text.as_str(), n.kind)).collect();
        assert_eq!(
            names,
            [
                ("VTB BANK PUBLIC JOINT STOCK COMPANY", NameKind::Primary),
                ("БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО", NameKind::Aka),
                ("JSC VTB BANK", NameKind::Fka),
                ("VTB", NameKind::WeakAka),
            ]
        );
        assert_eq!(e.names[1].script, crate::model::Script::Cyrillic);
        assert_eq!(e.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"]);
        assert_eq!(e.listed_on, "2014-07-16".parse().ok());
        let kinds: Vec<IdentifierKind> = e.identifiers.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, [IdentifierKind::Bic, IdentifierKind::Registration]);
        assert_eq!(e.identifiers[1].country.as_deref(), Some("RU"));
        assert_eq!(e.countries, ["RU"]);
        assert!(
            e.remarks
                .as_deref()
                .unwrap()
                .contains("Secondary sanctions risk:")
        );
        let p = &loaded.list.entities[1];
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(
            p.birth_dates,
            [BirthDate::On("1962".parse::<PartialDate>().unwrap())]
        );
        assert_eq!(p.birth_places, ["Shati"]);
    }

    #[test]
    fn the_zip_is_read_like_the_xml() {
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            zip.start_file(
                "CONS_ENHANCED.XML",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            zip.write_all(FIXTURE.as_bytes()).unwrap();
            zip.finish().unwrap();
        }
        let from_zip = read(bytes.as_slice()).unwrap();
        let from_xml = read(FIXTURE.as_bytes()).unwrap();
        assert_eq!(from_zip.list, from_xml.list);
        // Detection sends such a zip here, not to the XLSX reader.
        assert_eq!(
            crate::sources::detect_bytes(&bytes).unwrap(),
            crate::sources::Format::OfacEnhanced
        );
    }

    #[test]
    fn malformed_input_is_an_error() {
        let e = read(&FIXTURE.as_bytes()[..FIXTURE.len() / 2]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        assert!(e.line().is_some());
        let other = FIXTURE.replace(NAMESPACE, "urn:other");
        let e = read(other.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownFormat);
        assert!(e.to_string().contains("urn:other"), "{e}");
        let mut bytes = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
            zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"no list here").unwrap();
            zip.finish().unwrap();
        }
        let e = read(bytes.as_slice()).unwrap_err();
        assert!(e.to_string().contains("no .xml entry"), "{e}");
    }
}
