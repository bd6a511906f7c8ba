//! The US Consolidated Screening List of trade.gov, CSV.
//!
//! The CSL merges the export-control and sanctions lists of the Departments of Commerce (BIS
//! Entity List, Denied Persons List, Unverified List, Military End User List), State (ITAR
//! Debarred, Nonproliferation Sanctions) and the Treasury (SDN, FSE, SSI, PLC, CAPTA, NS-MBS,
//! NS-CMIC). UTF-8, a header row, every field quoted; the published columns are
//! [`COLUMNS`]. Multi-valued fields are joined with `; `.
//!
//! How fields map:
//! - `_id` is the entity id (DESIGN.md): a hash for Commerce and State rows, the OFAC ent_num
//!   for Treasury rows.
//! - `type` Individual, Entity, Vessel, Aircraft gives the kind; Commerce and State rows leave
//!   it empty: they are organizations, unless the row has a date of birth, a title or a
//!   citizenship, which only persons have.
//! - `name`: the primary name, without the Entity List's tail `; and any successor, sub-unit,
//!   or subsidiary thereof`; `alt_names`: a.k.a.s (a leading `and ` of the last one, as the
//!   Entity List writes it, is dropped).
//! - `source` (the list's full name) and `programs` are programs; `start_date` the listing
//!   date; `dates_of_birth`, `places_of_birth`, `citizenships`, `nationalities`, `addresses`
//!   (their last part a country code) as their model fields.
//! - `ids` items `Type, Number, Country, Issue date, Expiry date` are typed with OFAC's
//!   `idType` labels (the Treasury rows are OFAC's): documents become identifiers, gender the
//!   gender, listing facts (`Secondary sanctions risk:`) go to the remarks.
//! - `title`, `remarks`, the vessel columns, `federal_register_notice`, `end_date`,
//!   `license_requirement`, `license_policy` and `standard_order` go to the remarks.
//!
//! A header that is not the CSL's, or a row with a wrong number of fields, is an error naming
//! the line.
//!
//! ```
//! use sanctions::sources::{self, Format, csl};
//!
//! let header = csl::COLUMNS.join(",");
//! let row = "\"52291\",\"Specially Designated Nationals (SDN) - Treasury Department\",\"52291\",\"Individual\",\"NPWMD\",\"RIM, Ryong Nam\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"1978-12-05\",\"KP\",\"\",\"\",\"\"";
//! let data = format!("{header}\n{row}\n");
//! assert_eq!(sources::detect_bytes(data.as_bytes())?, Format::Csl);
//! let e = &csl::read(data.as_bytes())?.list.entities[0];
//! assert_eq!(e.names[0].text, "RIM, Ryong Nam");
//! assert_eq!(e.nationalities, ["KP"]);
//! assert!(e.programs.contains(&"NPWMD".to_string()));
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::fields::{country_code, parse_birth_date, parse_partial_date};
use super::ofac_xml::{IdItem, add_id_item, push_unique};
use super::table::Table;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Address, Entity, EntityId, EntityKind, Name, NameKind, Source};

/// The published columns, in order.
///
/// ```
/// use sanctions::{ErrorKind, sources::csl};
///
/// let header = csl::COLUMNS.join(",") + "\n";
/// assert!(csl::read(header.as_bytes())?.list.entities.is_empty());
/// // Another header is refused: a column added or dropped would shift every field.
/// let short = csl::COLUMNS[..28].join(",") + "\n";
/// let err = csl::read(short.as_bytes()).unwrap_err();
/// assert_eq!((err.kind(), err.line()), (ErrorKind::Malformed, Some(1)));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const COLUMNS: [&str; 29] = [
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
];

/// The Entity List's tail after a name.
const SUCCESSOR_TAIL: &str = "; and any successor, sub-unit, or subsidiary thereof";

/// Reads the Consolidated Screening List CSV.
///
/// ```
/// let csv = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n\
/// \"52291\",\"Specially Designated Nationals (SDN) - Treasury Department\",\"52291\",\"Individual\",\"NPWMD\",\"RIM, Ryong Nam\",\"\",\"Shenyang, CN; Pyongyang, KP\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"1978-12-05\",\"KP\",\"\",\"\",\"Passport, 836238033, KP; Gender, Male\"\n";
/// let loaded = sanctions::sources::csl::read(csv.as_bytes())?;
/// let e = &loaded.list.entities[0];
/// assert_eq!(e.id.id, "52291");
/// assert_eq!(e.identifiers[0].value, "836238033");
/// # Ok::<(), sanctions::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line for a header that is not the CSL's, a row with
/// another number of fields, or bytes that are not UTF-8.
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut table = Table::open(reader, "CSL")?;
    if table.header != COLUMNS {
        return Err(Error::new(
            ErrorKind::Malformed,
            format!(
                "expected the CSL header ({}), found ({})",
                COLUMNS.join(","),
                table.header.join(",")
            ),
        )
        .with_line(1));
    }
    let mut out = Collector::new(Source::Csl, "row");
    while let Some((line, record)) = table.next_row()? {
        let get = |name: &str| {
            COLUMNS
                .iter()
                .position(|c| *c == name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        row(&get, line, &mut out);
    }
    Ok(out.finish())
}

fn split(v: Option<&str>) -> impl Iterator<Item = &str> {
    v.unwrap_or("")
        .split("; ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn row<'a>(get: &dyn Fn(&str) -> Option<&'a str>, line: u64, out: &mut Collector) {
    let Some(id) = get("_id") else {
        out.skip(Some(line), None, "expected an _id, found none");
        return;
    };
    let kind = match get("type").map(str::to_ascii_lowercase).as_deref() {
        Some("individual") => EntityKind::Person,
        Some("entity") => EntityKind::Organization,
        Some("vessel") => EntityKind::Vessel,
        Some("aircraft") => EntityKind::Aircraft,
        Some(other) => {
            out.repair(
                Some(line),
                Some(id),
                format!(
                    "expected type Individual, Entity, Vessel or Aircraft, found {other:?}: taken as unknown"
                ),
            );
            EntityKind::Unknown
        }
        None if get("dates_of_birth").is_some()
            || get("title").is_some()
            || get("citizenships").is_some() =>
        {
            EntityKind::Person
        }
        None => EntityKind::Organization,
    };
    let mut e = Entity::new(EntityId::new(Source::Csl, id), kind);
    if let Some(name) = get("name") {
        let name = name.strip_suffix(SUCCESSOR_TAIL).unwrap_or(name);
        e.names.push(Name::new(name.trim()));
    }
    for alt in split(get("alt_names")) {
        let alt = alt.strip_prefix("and ").unwrap_or(alt);
        e.names.push(Name::new(alt).with_kind(NameKind::Aka));
    }
    if let Some(source) = get("source") {
        e.programs.push(source.to_string());
    }
    for p in split(get("programs")) {
        push_unique(&mut e.programs, p.to_string());
    }
    if let Some(d) = get("start_date") {
        e.listed_on = parse_partial_date(d);
    }
    let mut facts: Vec<String> = Vec::new();
    for d in split(get("dates_of_birth")) {
        match parse_birth_date(d) {
            Some(b) => push_unique(&mut e.birth_dates, b),
            None => {
                facts.push(format!("Date of birth: {d}"));
                out.repair(
                    Some(line),
                    Some(id),
                    format!("expected a date of birth, found {d:?}: kept in the remarks"),
                );
            }
        }
    }
    for p in split(get("places_of_birth")) {
        push_unique(&mut e.birth_places, p.to_string());
    }
    for c in split(get("citizenships")).chain(split(get("nationalities"))) {
        push_unique(&mut e.nationalities, code(c));
    }
    // `; and ` joins the Entity List's addresses too.
    let addresses = get("addresses").map(|a| a.replace("; and ", "; "));
    for a in split(addresses.as_deref()) {
        let parts: Vec<&str> = a.split(", ").collect();
        let country = parts
            .last()
            .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
            .map(|c| code(c));
        if let Some(c) = &country {
            push_unique(&mut e.countries, c.clone());
        }
        e.addresses.push(Address {
            full: Some(a.to_string()),
            country,
            ..Address::default()
        });
    }
    for item in split(get("ids")) {
        let parts: Vec<&str> = item.split(", ").map(str::trim).collect();
        let (Some(label), Some(value)) = (parts.first(), parts.get(1)) else {
            facts.push(item.to_string());
            continue;
        };
        let country = parts
            .get(2)
            .copied()
            .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase()));
        let rest = if country.is_some() { 3 } else { 2 };
        let value_text = if country.is_none() && parts.len() > 2 {
            // A value with commas of its own (`North Korea Sanctions Regulations, sections …`).
            parts.get(1..).map(|p| p.join(", ")).unwrap_or_default()
        } else {
            (*value).to_string()
        };
        let id_item = IdItem {
            label,
            value: &value_text,
            country,
            issued: parts.get(rest).copied(),
            expires: parts.get(rest + 1).copied(),
        };
        if let Err(reason) = add_id_item(&mut e, &id_item, &mut facts) {
            out.repair(Some(line), Some(id), reason);
        }
    }
    for (label, column) in [
        ("Title", "title"),
        ("Call sign", "call_sign"),
        ("Vessel type", "vessel_type"),
        ("Gross tonnage", "gross_tonnage"),
        ("Gross registered tonnage", "gross_registered_tonnage"),
        ("Vessel flag", "vessel_flag"),
        ("Vessel owner", "vessel_owner"),
        ("Federal Register notice", "federal_register_notice"),
        ("End date", "end_date"),
        ("Standard order", "standard_order"),
        ("License requirement", "license_requirement"),
        ("License policy", "license_policy"),
        ("Remarks", "remarks"),
    ] {
        if let Some(v) = get(column) {
            facts.push(format!("{label}: {v}"));
        }
    }
    if let Some(flag) = get("vessel_flag") {
        push_unique(&mut e.countries, code(flag));
    }
    if !facts.is_empty() {
        e.remarks = Some(facts.join("\n"));
    }
    out.push(e, Some(line));
}

fn code(text: &str) -> String {
    country_code(text).map_or_else(|| text.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Gender, IdentifierKind};

    const FIXTURE: &str = include_str!("../../tests/data/csl/consolidated.csv");

    #[test]
    fn fixture_rows_field_by_field() {
        let loaded = read(FIXTURE.as_bytes()).unwrap();
        let es = &loaded.list.entities;
        assert_eq!(es.len(), 3);
        let el = &es[0];
        assert_eq!(el.kind, EntityKind::Organization);
        assert_eq!(
            el.names[0].text,
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13)"
        );
        let alts: Vec<&str> = el.names[1..].iter().map(|n| n.text.as_str()).collect();
        assert_eq!(alts, ["HSRI", "CETC Research Institute 13"]);
        assert_eq!(el.countries, ["CN"]);
        assert_eq!(el.addresses.len(), 2);
        assert_eq!(el.listed_on, "2018-08-01".parse().ok());
        let p = &es[1];
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.id.id, "52291");
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.identifiers.len(), 1);
        assert_eq!(p.identifiers[0].kind, IdentifierKind::Passport);
        assert_eq!(p.identifiers[0].country.as_deref(), Some("KP"));
        assert_eq!(p.nationalities, ["KP"]);
        assert!(
            p.remarks
                .as_deref()
                .unwrap()
                .contains("Secondary sanctions risk:")
        );
        let bank = &es[2];
        let bic = bank
            .identifiers
            .iter()
            .find(|i| i.kind == IdentifierKind::Bic)
            .unwrap();
        assert_eq!(bic.value, "RUDVRUMM");
    }

    #[test]
    fn malformed_files_are_errors() {
        let e = read("id,name\n1,A\n".as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        assert_eq!(e.line(), Some(1));
        assert!(
            e.to_string().starts_with("line 1: expected the CSL header"),
            "{e}"
        );
        let header = COLUMNS.join(",");
        let e = read(format!("{header}\n\"1\",\"x\"\n").as_bytes()).unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(e.to_string().contains("expected 29 fields"), "{e}");
        let e = read("".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("empty file"), "{e}");
    }
}
