//! Reader of OFAC's classic XML: `sdn.xml` (the SDN list) and `consolidated.xml` (the
//! non-SDN consolidated list), both `<sdnList>` documents of the same schema.
//!
//! # The format and its traps
//!
//! - The root is `<sdnList>` in the default namespace
//!   `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML`; older
//!   files use `http://tempuri.org/sdnList.xsd`. Both are read, and so is a root without a
//!   namespace; any other namespace is an [`ErrorKind::UnknownFormat`] error naming it.
//! - The header is spelled `<publshInformation>` (sic) and holds `Publish_Date` as
//!   `MM/DD/YYYY` (month first) and `Record_Count`. A count that differs from the entries
//!   read is reported.
//! - `idList` is a catch-all of typed facts, not only documents (163 `idType` values in 2024).
//!   The [`label table`](self#idtype-labels) says what each label is.
//! - There is no listing date; names are ASCII transliterations only.
//!
//! # How fields map
//!
//! | XML | model |
//! | --- | --- |
//! | `uid` | [`EntityId`] (source `ofac`) |
//! | `lastName`, `firstName` | primary name, written `LAST, First` as the legacy CSV writes it, so both formats give the same text |
//! | `sdnType` Individual / Entity / Vessel / Aircraft | person / organization / vessel / aircraft |
//! | `akaList/aka` | `category` weak → [`NameKind::WeakAka`] (whatever its type); strong `a.k.a.` and `n.k.a.` → [`NameKind::Aka`], strong `f.k.a.` → [`NameKind::Fka`] |
//! | `programList/program` | programs |
//! | `dateOfBirthList` | birth dates (`01 Jun 1961`, `1961`, `circa 1961`, `1960 to 1962`, ...) |
//! | `placeOfBirthList` | birth places, as written |
//! | `nationalityList`, `citizenshipList` | nationalities (ISO alpha-2 where known) |
//! | `addressList/address` | addresses (street = `address1..3`), and their countries |
//! | `vesselInfo/vesselFlag` | countries |
//! | `vesselInfo/callSign` | identifier (other, note `Call Sign`) |
//! | `vesselType`, `tonnage`, `grossRegisteredTonnage`, `vesselOwner`, `title` | appended to the remarks (`Vessel Type: ...`) |
//! | `remarks` | remarks |
//!
//! # `idType` labels
//!
//! Each `idType` is looked up in one table, shared with the CSV reader (whose remarks carry
//! the same items as `Label value`):
//!
//! - documents and codes (passport, national id, tax id, registration numbers, IMO, SWIFT/BIC,
//!   digital currency addresses, MMSI, aircraft serial and tail numbers, website, e-mail and
//!   phone) become typed identifiers, the label kept as the note, with the issue and
//!   expiry dates when given; `Vessel Registration Identification` values lose their `IMO `
//!   prefix. An organization's "national id" label (`Identification Number`) is its
//!   registration number;
//! - `Gender` sets the gender; `Organization Established Date` is a birth date (the model's
//!   date of registration); `Nationality of Registration`, `Registration Country` and
//!   `Other Vessel Flag` are countries;
//! - facts about the listing (`Secondary sanctions risk:`, directive and CMIC dates,
//!   `Target Type`, `Aircraft Model`, `Former Vessel Flag`, ...) are not identifiers (a
//!   query would match every entity sharing them): they are appended to the remarks as
//!   `Label value`.
//!
//! A label missing from the table is typed by its words and kept as an identifier.
//!
//! ```
//! use sanctions::model::{EntityKind, NameKind};
//! use sanctions::sources::ofac_xml;
//!
//! let xml = r#"<sdnList xmlns="http://tempuri.org/sdnList.xsd">
//!   <publshInformation><Publish_Date>05/07/2024</Publish_Date><Record_Count>1</Record_Count></publshInformation>
//!   <sdnEntry><uid>8808</uid><firstName>Saad</firstName><lastName>AL-FAQIH</lastName>
//!     <sdnType>Individual</sdnType><programList><program>SDGT</program></programList>
//!     <akaList><aka><uid>1</uid><type>a.k.a.</type><category>weak</category><lastName>ABU UTHMAN</lastName></aka></akaList>
//!   </sdnEntry></sdnList>"#;
//! let loaded = ofac_xml::read(xml.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!(e.kind, EntityKind::Person);
//! assert_eq!(e.names[0].text, "AL-FAQIH, Saad");
//! assert_eq!(e.names[1].kind, NameKind::WeakAka);
//! assert_eq!(loaded.list.published.map(|d| d.to_string()).as_deref(), Some("2024-05-07"));
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::fields::{country_code, identifier_kind, parse_birth_date};
use super::xml::{Element, XmlReader};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Address, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name, NameKind,
    PartialDate, Source,
};

/// The namespaces OFAC has published the classic XML in.
const NAMESPACES: [&str; 2] = [
    "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
    "http://tempuri.org/sdnList.xsd",
];

/// The XML Schema instance namespace, declared beside the list's own.
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// Reads an OFAC classic XML document (`sdn.xml`, `consolidated.xml`).
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the root is not `<sdnList>` or its namespace is not one
/// of OFAC's; [`ErrorKind::Malformed`] with the line when the XML is not well formed or is
/// truncated; [`ErrorKind::Encoding`] when it is not UTF-8.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::ofac_xml};
///
/// let err = ofac_xml::read(&b"<sdnList><sdnEntry><uid>8808</uid>"[..]).unwrap_err();
/// assert_eq!((err.kind(), err.line()), (ErrorKind::Malformed, Some(1)));
/// let err = ofac_xml::read(&br#"<sdnList xmlns="urn:other"/>"#[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// ```
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut xml = XmlReader::new(reader, "OFAC classic XML");
    let mut c = Collector::new(Source::Ofac, "sdnEntry");
    let Some(root) = xml.next_start()? else {
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            "expected an OFAC classic XML document with root <sdnList>, found no element",
        ));
    };
    if root.name != "sdnList" {
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            format!(
                "expected the root element <sdnList> of OFAC classic XML, found <{}>",
                root.name
            ),
        )
        .with_line(root.line));
    }
    let ns = root.attr("xmlns").or_else(|| {
        root.attrs
            .iter()
            .find(|(k, v)| k.starts_with("xmlns:") && v != XSI)
            .map(|(_, v)| v.as_str())
    });
    if let Some(ns) = ns {
        if !NAMESPACES.contains(&ns) {
            return Err(Error::new(
                ErrorKind::UnknownFormat,
                format!(
                    "expected <sdnList> in the namespace {} or {}, found the namespace {ns}",
                    NAMESPACES[0], NAMESPACES[1]
                ),
            )
            .with_line(root.line));
        }
    }
    let mut stated: Option<(usize, u64)> = None;
    let mut entries = 0usize;
    if !root.empty {
        while let Some(start) = xml.next_start()? {
            if start.depth != 2 {
                // Only children of the root reach here: records are read whole.
                xml.skip(&start)?;
                continue;
            }
            match start.name.as_str() {
                "sdnEntry" => {
                    let el = xml.read_tree(start)?;
                    entries += 1;
                    entry(el, &mut c);
                }
                "publshInformation" => {
                    let el = xml.read_tree(start)?;
                    stated = header(el, &mut c);
                }
                other => {
                    let line = start.line;
                    let other = other.to_string();
                    xml.skip(&start)?;
                    c.skip(
                        Some(line),
                        None,
                        format!(
                            "expected <sdnEntry> or <publshInformation> in <sdnList>, found <{other}>"
                        ),
                    );
                }
            }
        }
    }
    if let Some((count, line)) = stated {
        if count != entries {
            c.issue(
                Some(line),
                None,
                super::IssueAction::Skipped,
                format!(
                    "expected {count} sdnEntry records as Record_Count states, found {entries}"
                ),
            );
        }
    }
    Ok(c.finish())
}

/// Reads `publshInformation`: the publication date, and the stated record count with its line.
fn header(el: Element<'_>, c: &mut Collector) -> Option<(usize, u64)> {
    if let Some(text) = el.child_text("Publish_Date") {
        match parse_us_date(text) {
            Some(d) => c.published(Some(d)),
            None => c.skip(
                Some(el.line()),
                None,
                format!("expected Publish_Date as MM/DD/YYYY, found {text:?}"),
            ),
        }
    }
    let count = el.child("Record_Count")?;
    match count.text().map(str::parse::<usize>) {
        Some(Ok(n)) => Some((n, count.line())),
        _ => {
            c.skip(
                Some(count.line()),
                None,
                format!(
                    "expected Record_Count as a number, found {:?}",
                    count.raw_text().trim()
                ),
            );
            None
        }
    }
}

/// A month-first US date, `MM/DD/YYYY`.
fn parse_us_date(text: &str) -> Option<PartialDate> {
    let mut parts = text.trim().split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    PartialDate::new(
        y.parse().ok()?,
        Some(m.parse().ok()?),
        Some(d.parse().ok()?),
    )
}

/// A name as OFAC's CSV writes it: `LAST, First`, or the last name alone.
pub(super) fn ofac_name(last: Option<&str>, first: Option<&str>) -> String {
    match (last, first) {
        (Some(l), Some(f)) => format!("{l}, {f}"),
        (Some(l), None) => l.to_string(),
        (None, Some(f)) => f.to_string(),
        (None, None) => String::new(),
    }
}

/// The entity kind of an `sdnType` (XML) or `SDN_Type` (CSV, where `-0-` is an entity).
pub(super) fn entity_kind(text: &str) -> Option<EntityKind> {
    match text.trim().to_ascii_lowercase().as_str() {
        "individual" => Some(EntityKind::Person),
        "entity" | "-0-" | "" => Some(EntityKind::Organization),
        "vessel" => Some(EntityKind::Vessel),
        "aircraft" => Some(EntityKind::Aircraft),
        _ => None,
    }
}

/// A country as the model keeps it: the ISO code when known, else the text as written.
pub(super) fn country(text: &str) -> String {
    country_code(text).map_or_else(|| text.trim().to_string(), str::to_string)
}

/// Pushes a value unless it is already there.
pub(super) fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

fn entry(el: Element<'_>, c: &mut Collector) {
    let Some(uid) = el.child_text("uid") else {
        c.skip(
            Some(el.line()),
            None,
            "expected a uid in the sdnEntry, found none",
        );
        return;
    };
    let uid = uid.to_string();
    let rec = Some(uid.as_str());
    let kind = match el.child_text("sdnType") {
        Some(t) => entity_kind(t).unwrap_or_else(|| {
            c.repair(
                Some(el.line()),
                rec,
                format!(
                    "expected sdnType Individual, Entity, Vessel or Aircraft, found {t:?}: kind unknown"
                ),
            );
            EntityKind::Unknown
        }),
        None => {
            c.repair(
                Some(el.line()),
                rec,
                "expected an sdnType, found none: kind unknown",
            );
            EntityKind::Unknown
        }
    };
    let mut e = Entity::new(EntityId::new(Source::Ofac, uid.clone()), kind);
    e.names.push(Name::new(ofac_name(
        el.child_text("lastName"),
        el.child_text("firstName"),
    )));
    // Facts with no field of their own, appended to the remarks.
    let mut facts: Vec<String> = Vec::new();
    if let Some(t) = el.child_text("title") {
        facts.push(format!("Title: {t}"));
    }
    for list in el.children("programList") {
        for p in list.children("program").filter_map(Element::text) {
            push_unique(&mut e.programs, p.to_string());
        }
    }
    for list in el.children("akaList") {
        for aka in list.children("aka") {
            let text = ofac_name(aka.child_text("lastName"), aka.child_text("firstName"));
            if text.is_empty() {
                c.skip(
                    Some(aka.line()),
                    rec,
                    "expected a lastName or firstName in the aka, found none",
                );
                continue;
            }
            let weak = match aka.child_text("category") {
                Some(cat) if cat.eq_ignore_ascii_case("weak") => true,
                Some(cat) if cat.eq_ignore_ascii_case("strong") => false,
                other => {
                    c.repair(
                        Some(aka.line()),
                        rec,
                        format!(
                            "expected aka category strong or weak, found {:?}: read as strong",
                            other.unwrap_or("")
                        ),
                    );
                    false
                }
            };
            let kind = match (weak, aka.child_text("type")) {
                (true, _) => NameKind::WeakAka,
                (false, Some("f.k.a.")) => NameKind::Fka,
                (false, Some("a.k.a.") | Some("n.k.a.")) => NameKind::Aka,
                (false, other) => {
                    c.repair(
                        Some(aka.line()),
                        rec,
                        format!(
                            "expected aka type a.k.a., f.k.a. or n.k.a., found {:?}: read as a.k.a.",
                            other.unwrap_or("")
                        ),
                    );
                    NameKind::Aka
                }
            };
            push_unique(&mut e.names, Name::new(text).with_kind(kind));
        }
    }
    for list in el.children("idList") {
        for id in list.children("id") {
            let Some(label) = id.child_text("idType") else {
                c.skip(
                    Some(id.line()),
                    rec,
                    "expected an idType in the id, found none",
                );
                continue;
            };
            let Some(value) = id.child_text("idNumber") else {
                c.skip(
                    Some(id.line()),
                    rec,
                    format!("expected an idNumber for the {label} id, found none"),
                );
                continue;
            };
            let item = IdItem {
                label,
                value,
                country: id.child_text("idCountry"),
                issued: id.child_text("issueDate"),
                expires: id.child_text("expirationDate"),
            };
            if let Err(reason) = add_id_item(&mut e, &item, &mut facts) {
                c.repair(Some(id.line()), rec, reason);
            }
        }
    }
    for list in el.children("nationalityList") {
        for n in list.children("nationality") {
            if let Some(t) = n.child_text("country") {
                push_unique(&mut e.nationalities, country(t));
            }
        }
    }
    for list in el.children("citizenshipList") {
        for n in list.children("citizenship") {
            if let Some(t) = n.child_text("country") {
                push_unique(&mut e.nationalities, country(t));
            }
        }
    }
    for list in el.children("dateOfBirthList") {
        for d in list.children("dateOfBirthItem") {
            let Some(t) = d.child_text("dateOfBirth") else {
                continue;
            };
            match parse_birth_date(t) {
                Some(b) => push_unique(&mut e.birth_dates, b),
                None => {
                    facts.push(format!("DOB {t}"));
                    c.repair(
                        Some(d.line()),
                        rec,
                        format!(
                            "expected a date of birth as DD Mon YYYY, YYYY, circa or a range, found {t:?}: kept in the remarks"
                        ),
                    );
                }
            }
        }
    }
    for list in el.children("placeOfBirthList") {
        for p in list.children("placeOfBirthItem") {
            if let Some(t) = p.child_text("placeOfBirth") {
                push_unique(&mut e.birth_places, t.to_string());
            }
        }
    }
    for list in el.children("addressList") {
        for a in list.children("address") {
            let street: Vec<&str> = ["address1", "address2", "address3"]
                .into_iter()
                .filter_map(|n| a.child_text(n))
                .collect();
            let mut addr = Address {
                street: (!street.is_empty()).then(|| street.join(", ")),
                city: a.child_text("city").map(str::to_string),
                region: a.child_text("stateOrProvince").map(str::to_string),
                postal_code: a.child_text("postalCode").map(str::to_string),
                country: a.child_text("country").map(country),
                ..Address::default()
            };
            if addr == Address::default() {
                continue;
            }
            if let Some(code) = &addr.country {
                push_unique(&mut e.countries, code.clone());
            }
            addr.full = None;
            push_unique(&mut e.addresses, addr);
        }
    }
    for v in el.children("vesselInfo") {
        vessel(
            &mut e,
            &mut facts,
            VesselInfo {
                call_sign: v.child_text("callSign"),
                vessel_type: v.child_text("vesselType"),
                flag: v.child_text("vesselFlag"),
                owner: v.child_text("vesselOwner"),
                tonnage: v.child_text("tonnage"),
                grt: v.child_text("grossRegisteredTonnage"),
            },
        );
    }
    e.remarks = join_remarks(el.child_text("remarks"), &facts);
    c.push(e, Some(el.line()));
}

/// The remarks followed by the facts that have no field of their own, `; `-separated.
pub(super) fn join_remarks(remarks: Option<&str>, facts: &[String]) -> Option<String> {
    let mut out = remarks.map(str::to_string).unwrap_or_default();
    for f in facts {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(f);
    }
    (!out.is_empty()).then_some(out)
}

/// The vessel facts of a record (XML `vesselInfo`, CSV columns 6 to 11).
pub(super) struct VesselInfo<'a> {
    pub call_sign: Option<&'a str>,
    pub vessel_type: Option<&'a str>,
    pub flag: Option<&'a str>,
    pub owner: Option<&'a str>,
    pub tonnage: Option<&'a str>,
    pub grt: Option<&'a str>,
}

/// Maps vessel facts: the flag is a country, the call sign an identifier, the rest remarks.
pub(super) fn vessel(e: &mut Entity, facts: &mut Vec<String>, v: VesselInfo<'_>) {
    if let Some(cs) = v.call_sign {
        let mut id = Identifier::new(IdentifierKind::Other, cs);
        id.note = Some("Call Sign".to_string());
        push_unique(&mut e.identifiers, id);
    }
    if let Some(flag) = v.flag {
        push_unique(&mut e.countries, country(flag));
    }
    for (label, value) in [
        ("Vessel Type", v.vessel_type),
        ("Tonnage", v.tonnage),
        ("GRT", v.grt),
        ("Vessel Owner", v.owner),
    ] {
        if let Some(value) = value {
            facts.push(format!("{label}: {value}"));
        }
    }
}

/// What an OFAC `idType` label stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Label {
    /// A document or code identifying the entity, of this kind.
    Id(IdentifierKind),
    /// `Gender`: Male or Female.
    Gender,
    /// `Organization Established Date`: a date kept as a birth date.
    Established,
    /// A country of registration or flag.
    Country,
    /// A fact about the listing, kept in the remarks.
    Fact,
}

use IdentifierKind as K;

/// The `idType` labels OFAC uses (sdn.xml 2024-05 and consolidated.xml 2025-03, plus older
/// spellings of the 2021 CSV remarks), and what each stands for. Labels ending in a space are
/// prefixes: the label runs on to the next space (`Digital Currency Address - XBT`) or to
/// the colon (`Listing Date (EO 14024 Directive 2):`).
const LABELS: &[(&str, Label)] = &[
    ("Gender", Label::Gender),
    ("Organization Established Date", Label::Established),
    ("Nationality of Registration", Label::Country),
    ("Registration Country", Label::Country),
    ("Other Vessel Flag", Label::Country),
    // Documents and codes.
    ("Passport", Label::Id(K::Passport)),
    ("Diplomatic Passport", Label::Id(K::Passport)),
    ("Stateless Person Passport", Label::Id(K::Passport)),
    ("British National Overseas Passport", Label::Id(K::Passport)),
    ("National ID No.", Label::Id(K::NationalId)),
    ("Identification Number", Label::Id(K::NationalId)),
    ("Personal ID Card", Label::Id(K::NationalId)),
    ("National Foreign ID Number", Label::Id(K::NationalId)),
    ("C.U.R.P.", Label::Id(K::NationalId)),
    ("Cedula No.", Label::Id(K::NationalId)),
    ("D.N.I.", Label::Id(K::NationalId)),
    ("Electoral Registry No.", Label::Id(K::NationalId)),
    ("Credencial electoral", Label::Id(K::NationalId)),
    ("I.F.E.", Label::Id(K::NationalId)),
    ("SSN", Label::Id(K::NationalId)),
    ("Turkish Identification Number", Label::Id(K::NationalId)),
    ("Numero de Identidad", Label::Id(K::NationalId)),
    ("Citizen's Card Number", Label::Id(K::NationalId)),
    ("Kenyan ID No.", Label::Id(K::NationalId)),
    ("Tazkira National ID Card", Label::Id(K::NationalId)),
    ("Refugee ID Card", Label::Id(K::NationalId)),
    ("UAE Identification", Label::Id(K::NationalId)),
    ("Stateless Person ID Card", Label::Id(K::NationalId)),
    ("N.I.E.", Label::Id(K::NationalId)),
    ("Moroccan Personal ID No.", Label::Id(K::NationalId)),
    ("CNP (Personal Numerical Code)", Label::Id(K::NationalId)),
    ("C.I.N.", Label::Id(K::NationalId)),
    ("Bosnian Personal ID No.", Label::Id(K::NationalId)),
    ("Tax ID No.", Label::Id(K::TaxId)),
    ("R.F.C.", Label::Id(K::TaxId)),
    ("RFC", Label::Id(K::TaxId)),
    ("NIT #", Label::Id(K::TaxId)),
    ("RUC #", Label::Id(K::TaxId)),
    ("RIF #", Label::Id(K::TaxId)),
    ("RTN", Label::Id(K::TaxId)),
    ("V.A.T. Number", Label::Id(K::TaxId)),
    ("Italian Fiscal Code", Label::Id(K::TaxId)),
    ("Fiscal Code", Label::Id(K::TaxId)),
    ("US FEIN", Label::Id(K::TaxId)),
    ("C.U.I.T.", Label::Id(K::TaxId)),
    ("C.I.F.", Label::Id(K::TaxId)),
    ("N.I.F.", Label::Id(K::TaxId)),
    ("Paraguayan tax identification number", Label::Id(K::TaxId)),
    (
        "Numero Unico de Identificacao Tributaria (NUIT)",
        Label::Id(K::TaxId),
    ),
    ("Romanian Tax Registration", Label::Id(K::TaxId)),
    ("Registration Number", Label::Id(K::Registration)),
    ("Registration ID", Label::Id(K::Registration)),
    ("Business Registration Number", Label::Id(K::Registration)),
    (
        "Business Registration Document #",
        Label::Id(K::Registration),
    ),
    ("Public Registration Number", Label::Id(K::Registration)),
    (
        "Central Registration System Number",
        Label::Id(K::Registration),
    ),
    ("Government Gazette Number", Label::Id(K::Registration)),
    ("Company Number", Label::Id(K::Registration)),
    ("UK Company Number", Label::Id(K::Registration)),
    ("Business Number", Label::Id(K::Registration)),
    ("Enterprise Number", Label::Id(K::Registration)),
    ("Folio Mercantil No.", Label::Id(K::Registration)),
    ("Matricula Mercantil No", Label::Id(K::Registration)),
    ("Commercial Registry Number", Label::Id(K::Registration)),
    ("C.R. No.", Label::Id(K::Registration)),
    ("Romanian C.R.", Label::Id(K::Registration)),
    ("Chamber of Commerce Number", Label::Id(K::Registration)),
    ("Istanbul Chamber of Comm. No.", Label::Id(K::Registration)),
    (
        "Dubai Chamber of Commerce Membership No.",
        Label::Id(K::Registration),
    ),
    (
        "Economic Register Number (CBLS)",
        Label::Id(K::Registration),
    ),
    (
        "Unified Social Credit Code (USCC)",
        Label::Id(K::Registration),
    ),
    (
        "United Social Credit Code Certificate (USCCC)",
        Label::Id(K::Registration),
    ),
    ("Legal Entity Number", Label::Id(K::Registration)),
    ("D-U-N-S Number", Label::Id(K::Registration)),
    ("License", Label::Id(K::Registration)),
    ("Trade License No.", Label::Id(K::Registration)),
    ("Tourism License No.", Label::Id(K::Registration)),
    ("Registered Charity No.", Label::Id(K::Registration)),
    (
        "Certificate of Incorporation Number",
        Label::Id(K::Registration),
    ),
    ("Organization Code", Label::Id(K::Registration)),
    (
        "Afghan Money Service Provider License Number",
        Label::Id(K::Registration),
    ),
    ("MSB Registration Number", Label::Id(K::Registration)),
    (
        "Registration Certificate Number (Dubai)",
        Label::Id(K::Registration),
    ),
    (
        "Russian State Individual Business Registration Number Pattern (OGRNIP)",
        Label::Id(K::Registration),
    ),
    ("Vessel Registration Identification", Label::Id(K::Imo)),
    ("SWIFT/BIC", Label::Id(K::Bic)),
    ("Digital Currency Address - ", Label::Id(K::Crypto)),
    ("Website", Label::Id(K::Other)),
    ("Email Address", Label::Id(K::Other)),
    ("Phone Number", Label::Id(K::Other)),
    ("Telephone", Label::Id(K::Other)),
    ("Fax", Label::Id(K::Other)),
    ("MMSI", Label::Id(K::Other)),
    ("Other Vessel Call Sign", Label::Id(K::Other)),
    ("ISIN", Label::Id(K::Other)),
    ("Equity Ticker", Label::Id(K::Other)),
    ("MICEX Code", Label::Id(K::Other)),
    ("BIK (RU)", Label::Id(K::Other)),
    (
        "Aircraft Manufacturer's Serial Number (MSN)",
        Label::Id(K::Other),
    ),
    (
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        Label::Id(K::Other),
    ),
    ("Aircraft Tail Number", Label::Id(K::Other)),
    ("Previous Aircraft Tail Number", Label::Id(K::Other)),
    ("Aircraft Mode S Transponder Code", Label::Id(K::Other)),
    ("Aircraft Serial Identification", Label::Id(K::Other)),
    ("Birth Certificate Number", Label::Id(K::Other)),
    ("Driver's License No.", Label::Id(K::Other)),
    ("Pilot License Number", Label::Id(K::Other)),
    ("Residency Number", Label::Id(K::Other)),
    ("Romanian Permanent Resident", Label::Id(K::Other)),
    ("Permit Number", Label::Id(K::Other)),
    ("SRE Permit No.", Label::Id(K::Other)),
    ("Cartilla de Servicio Militar Nacional", Label::Id(K::Other)),
    ("Military Registration Number", Label::Id(K::Other)),
    ("Travel Document Number", Label::Id(K::Other)),
    ("Seafarer's Identification Document", Label::Id(K::Other)),
    ("VisaNumberID", Label::Id(K::Other)),
    ("Immigration No.", Label::Id(K::Other)),
    ("Public Security and Immigration No.", Label::Id(K::Other)),
    ("C.U.I.", Label::Id(K::Other)),
    ("C.U.I.P.", Label::Id(K::Other)),
    ("LE Number", Label::Id(K::Other)),
    ("Chinese Commercial Code", Label::Id(K::Other)),
    ("Branch Unit Number", Label::Id(K::Other)),
    ("UN/LOCODE", Label::Id(K::Other)),
    ("File Number", Label::Id(K::Other)),
    ("Serial No.", Label::Id(K::Other)),
    ("Trademark number", Label::Id(K::Other)),
    // Facts about the listing: remarks, never identifiers.
    ("Secondary sanctions risk:", Label::Fact),
    ("Additional Sanctions Information -", Label::Fact),
    (
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
        Label::Fact,
    ),
    ("Organization Type:", Label::Fact),
    ("Target Type", Label::Fact),
    (
        "Executive Order 13662 Directive Determination -",
        Label::Fact,
    ),
    ("Executive Order 13846 information:", Label::Fact),
    ("Executive Order 14024 Directive Information -", Label::Fact),
    ("Executive Order 14024 Directive Information", Label::Fact),
    ("Executive Order 14059 information:", Label::Fact),
    ("Executive Order 14014 Directive Information:", Label::Fact),
    ("CAATSA Section 235 Information:", Label::Fact),
    ("IFCA Determination -", Label::Fact),
    ("PEESA Information:", Label::Fact),
    ("Listing Date (", Label::Fact),
    ("Effective Date (", Label::Fact),
    ("Purchase/Sales For Divestment Date (", Label::Fact),
    ("Aircraft Model", Label::Fact),
    ("Aircraft Manufacture Date", Label::Fact),
    ("Aircraft Operator", Label::Fact),
    ("Former Vessel Flag", Label::Fact),
    ("Other Vessel Type", Label::Fact),
    ("Vessel Year of Build", Label::Fact),
    ("Issuer Name", Label::Fact),
];

/// The entry of a table label: exact, or a prefix label (ending in a space or `(`).
fn is_prefix_label(label: &str) -> bool {
    label.ends_with(' ') || label.ends_with('(')
}

/// What an XML `idType` stands for; a label missing from the table is typed by its words.
pub(super) fn label_of(id_type: &str) -> Label {
    let t = id_type.trim();
    for &(label, what) in LABELS {
        if t == label || (is_prefix_label(label) && t.starts_with(label)) {
            return what;
        }
    }
    Label::Id(identifier_kind(t))
}

/// The table label a remarks segment starts with (CSV: `Passport 123 (Iran)`): the label as
/// written, what it stands for, and the rest after the separating space. The longest label
/// wins (`Registration Number` over `Registration ID`, which do not overlap, and
/// `Executive Order 14024 Directive Information -` over its shorter form).
pub(super) fn label_prefix(segment: &str) -> Option<(&str, Label, &str)> {
    let mut best: Option<(usize, Label)> = None;
    // Most segments start with no label: comparing first bytes rules out nearly all of the
    // table cheaply.
    let first = segment.as_bytes().first()?;
    for &(label, what) in LABELS {
        if label.as_bytes().first() != Some(first) {
            continue;
        }
        let len = if is_prefix_label(label) {
            if !segment.starts_with(label) {
                continue;
            }
            // The label runs on to the colon of `Listing Date (EO 14024 Directive 2):` or to
            // the next space of `Digital Currency Address - XBT`.
            let rest = segment.get(label.len()..).unwrap_or("");
            let end = if label.ends_with('(') {
                rest.find("):").map(|i| i + 2)
            } else {
                rest.find(' ')
            };
            let Some(end) = end else { continue };
            label.len() + end
        } else {
            let Some(rest) = segment.strip_prefix(label) else {
                continue;
            };
            if !rest.starts_with(' ') {
                continue;
            }
            label.len()
        };
        if best.is_none_or(|(l, _)| len > l) {
            best = Some((len, what));
        }
    }
    let (len, what) = best?;
    let label = segment.get(..len)?;
    let rest = segment.get(len..)?.trim_start();
    (!rest.is_empty()).then_some((label, what, rest))
}

/// One `idList` item, as the XML gives it or as parsed from CSV remarks.
pub(super) struct IdItem<'a> {
    /// The `idType` label.
    pub label: &'a str,
    /// The `idNumber`.
    pub value: &'a str,
    /// The `idCountry`, as written.
    pub country: Option<&'a str>,
    /// The `issueDate`, as written.
    pub issued: Option<&'a str>,
    /// The `expirationDate`, as written.
    pub expires: Option<&'a str>,
}

/// Adds one `idList` item to an entity as the label table says. Facts are pushed to `facts`
/// as `Label value`. An item that cannot be used as its label requires (a gender that is
/// neither Male nor Female, an unreadable date) is kept in `facts` and the reason returned.
pub(super) fn add_id_item(
    e: &mut Entity,
    item: &IdItem<'_>,
    facts: &mut Vec<String>,
) -> std::result::Result<(), String> {
    let as_fact = || format!("{} {}", item.label, item.value);
    match label_of(item.label) {
        Label::Gender => match item.value.to_ascii_lowercase().as_str() {
            "male" => e.gender = Some(Gender::Male),
            "female" => e.gender = Some(Gender::Female),
            _ => {
                facts.push(as_fact());
                return Err(format!(
                    "expected Gender Male or Female, found {:?}: kept in the remarks",
                    item.value
                ));
            }
        },
        Label::Established => match parse_birth_date(item.value) {
            Some(d) => push_unique(&mut e.birth_dates, d),
            None => {
                facts.push(as_fact());
                return Err(format!(
                    "expected the {} as a date, found {:?}: kept in the remarks",
                    item.label, item.value
                ));
            }
        },
        Label::Country => push_unique(&mut e.countries, country(item.value)),
        Label::Fact => facts.push(as_fact()),
        Label::Id(mut kind) => {
            if kind == IdentifierKind::NationalId && e.kind != EntityKind::Person {
                // An organization's identification number is its registration number.
                kind = IdentifierKind::Registration;
            }
            let mut value = item.value.trim();
            if kind == IdentifierKind::Imo {
                value = value.strip_prefix("IMO ").unwrap_or(value).trim();
            }
            let mut note = item.label.to_string();
            if let Some(d) = item.issued {
                note.push_str(", issued ");
                note.push_str(d);
            }
            if let Some(d) = item.expires {
                note.push_str(", expires ");
                note.push_str(d);
            }
            let mut id = Identifier::new(kind, value);
            id.country = item.country.map(country);
            id.note = Some(note);
            push_unique(&mut e.identifiers, id);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BirthDate;

    const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ofac");

    fn load(name: &str) -> Result<Loaded> {
        let bytes = std::fs::read(format!("{FIXTURES}/{name}")).unwrap();
        read(bytes.as_slice())
    }

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn labels_from_the_table() {
        let cases: &[(&str, Label)] = &[
            ("Passport", Label::Id(K::Passport)),
            ("Digital Currency Address - XBT", Label::Id(K::Crypto)),
            ("Listing Date (EO 14024 Directive 2):", Label::Fact),
            ("Gender", Label::Gender),
            ("Secondary sanctions risk:", Label::Fact),
            ("Vessel Registration Identification", Label::Id(K::Imo)),
            ("Some New Registration Number", Label::Id(K::Registration)),
        ];
        for (label, want) in cases {
            assert_eq!(label_of(label), *want, "{label}");
        }
        type Case<'a> = (&'a str, Option<(&'a str, Label, &'a str)>);
        let prefixed: &[Case<'_>] = &[
            (
                "Passport 760620 issued 15 Sep 1991",
                Some((
                    "Passport",
                    Label::Id(K::Passport),
                    "760620 issued 15 Sep 1991",
                )),
            ),
            (
                "Digital Currency Address - ETH 0x85",
                Some((
                    "Digital Currency Address - ETH",
                    Label::Id(K::Crypto),
                    "0x85",
                )),
            ),
            (
                "Listing Date (EO 14024 Directive 2): 24 Feb 2022",
                Some((
                    "Listing Date (EO 14024 Directive 2):",
                    Label::Fact,
                    "24 Feb 2022",
                )),
            ),
            (
                "Executive Order 14024 Directive Information - Subject to Directive 2",
                Some((
                    "Executive Order 14024 Directive Information -",
                    Label::Fact,
                    "Subject to Directive 2",
                )),
            ),
            ("Passports are forged", None),
            ("Linked To: X", None),
        ];
        for (seg, want) in prefixed {
            assert_eq!(label_prefix(seg), *want, "{seg}");
        }
    }

    #[test]
    fn both_namespaces_read_field_by_field() {
        for file in ["sdn_new_ns.xml", "sdn_tempuri.xml"] {
            let loaded = load(file).unwrap();
            let list = &loaded.list;
            assert_eq!(list.published, Some(d("2024-05-07")), "{file}");
            assert_eq!(list.entities.len(), 3, "{file}");
            assert!(
                loaded.report.issues.is_empty(),
                "{:?}",
                loaded.report.issues
            );
            let p = &list.entities[0];
            assert_eq!(p.id.id, "8808");
            assert_eq!(p.kind, EntityKind::Person);
            let names: Vec<(&str, NameKind)> =
                p.names.iter().map(|n| (n.text.as_str(), n.kind)).collect();
            assert_eq!(
                names,
                [
                    ("AL-FAQIH, Saad Rashed Mohammad", NameKind::Primary),
                    ("AL-FAQIH, Sa'd", NameKind::Aka),
                    ("ABU UTHMAN", NameKind::WeakAka),
                    ("OLD NAME", NameKind::Fka),
                ]
            );
            assert_eq!(p.programs, ["SDGT"]);
            assert_eq!(
                p.birth_dates,
                [
                    BirthDate::On(d("1957-02-01")),
                    BirthDate::Circa { circa: d("1956") },
                    BirthDate::Between {
                        from: d("1955"),
                        to: d("1957")
                    }
                ]
            );
            assert_eq!(p.birth_places, ["Zubair, Iraq"]);
            assert_eq!(p.nationalities, ["IQ", "SA"]);
            assert_eq!(p.gender, Some(Gender::Male));
            assert_eq!(p.identifiers.len(), 1);
            let pass = &p.identifiers[0];
            assert_eq!(pass.kind, IdentifierKind::Passport);
            assert_eq!(pass.value, "760620");
            assert_eq!(pass.country.as_deref(), Some("SA"));
            assert_eq!(
                pass.note.as_deref(),
                Some("Passport, issued 15 Sep 1991, expires 22 Jul 1996")
            );
            assert_eq!(p.countries, ["GB"]);
            assert_eq!(
                p.addresses,
                [Address {
                    city: Some("London".into()),
                    country: Some("GB".into()),
                    ..Address::default()
                }]
            );
            assert_eq!(p.remarks.as_deref(), Some("Title: Doctor"));

            let o = &list.entities[1];
            assert_eq!(o.id.id, "18723");
            assert_eq!(o.kind, EntityKind::Organization);
            assert_eq!(o.names[0].text, "BANK VTB KAZAKHSTAN JOINT STOCK COMPANY");
            assert_eq!(o.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"]);
            let ids: Vec<(IdentifierKind, &str, Option<&str>)> = o
                .identifiers
                .iter()
                .map(|i| (i.kind, i.value.as_str(), i.country.as_deref()))
                .collect();
            assert_eq!(
                ids,
                [
                    (IdentifierKind::Other, "http://en.vtb-bank.kz/", None),
                    (IdentifierKind::Bic, "VTBAKZKZ", None),
                    (IdentifierKind::Registration, "220340015320", Some("KZ")),
                ]
            );
            assert_eq!(o.birth_dates, [BirthDate::On(d("2001-03-12"))]);
            assert_eq!(
                o.remarks.as_deref(),
                Some(
                    "(Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY); Target Type Financial Institution"
                )
            );
            assert_eq!(
                o.addresses[0],
                Address {
                    street: Some("28 Timiryazev Street, Floor 2".into()),
                    city: Some("Almaty".into()),
                    postal_code: Some("050040".into()),
                    country: Some("KZ".into()),
                    ..Address::default()
                }
            );

            let v = &list.entities[2];
            assert_eq!(v.kind, EntityKind::Vessel);
            assert_eq!(v.countries, ["MT", "PA"]);
            let ids: Vec<(IdentifierKind, &str)> = v
                .identifiers
                .iter()
                .map(|i| (i.kind, i.value.as_str()))
                .collect();
            assert_eq!(
                ids,
                [
                    (IdentifierKind::Imo, "9187629"),
                    (IdentifierKind::Other, "3FXY4")
                ]
            );
            assert_eq!(
                v.remarks.as_deref(),
                Some(
                    "Former Vessel Flag Tuvalu; Vessel Type: Crude Oil Tanker; Tonnage: 1,000; GRT: 2,000; Vessel Owner: SHIPCO"
                )
            );
        }
    }

    #[test]
    fn unknown_namespace_and_root_are_errors_naming_them() {
        let err = load("unknown_ns.xml").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownFormat);
        assert_eq!(
            err.to_string(),
            "line 2: expected <sdnList> in the namespace https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML or http://tempuri.org/sdnList.xsd, found the namespace http://example.com/other"
        );
        let err = read("<list/>".as_bytes()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownFormat);
        assert!(err.to_string().contains("found <list>"), "{err}");
    }

    #[test]
    fn truncated_document_is_malformed_with_a_line() {
        let err = load("truncated.xml").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
        assert!(err.to_string().contains("truncated"), "{err}");
        assert_eq!(err.line(), Some(11));
    }

    #[test]
    fn unusable_fields_are_reported() {
        let xml = r#"<sdnList><publshInformation><Publish_Date>13/45/2024</Publish_Date><Record_Count>3</Record_Count></publshInformation>
<sdnEntry><uid>1</uid><lastName>A</lastName><sdnType>Ship</sdnType>
<idList><id><uid>2</uid><idType>Gender</idType><idNumber>Unknown</idNumber></id></idList>
<dateOfBirthList><dateOfBirthItem><uid>3</uid><dateOfBirth>sometime</dateOfBirth></dateOfBirthItem></dateOfBirthList></sdnEntry>
<sdnEntry><lastName>B</lastName></sdnEntry>
</sdnList>"#;
        let loaded = read(xml.as_bytes()).unwrap();
        let reasons: Vec<String> = loaded.report.issues.iter().map(|i| i.to_string()).collect();
        assert_eq!(
            reasons,
            [
                "line 1: skipped: expected Publish_Date as MM/DD/YYYY, found \"13/45/2024\"",
                "line 2: record 1: repaired: expected sdnType Individual, Entity, Vessel or Aircraft, found \"Ship\": kind unknown",
                "line 3: record 1: repaired: expected Gender Male or Female, found \"Unknown\": kept in the remarks",
                "line 4: record 1: repaired: expected a date of birth as DD Mon YYYY, YYYY, circa or a range, found \"sometime\": kept in the remarks",
                "line 5: skipped: expected a uid in the sdnEntry, found none",
                "line 1: skipped: expected 3 sdnEntry records as Record_Count states, found 2",
            ]
        );
        let e = &loaded.list.entities[0];
        assert_eq!(e.kind, EntityKind::Unknown);
        assert_eq!(e.remarks.as_deref(), Some("Gender Unknown; DOB sometime"));
    }
}
