//! OpenSanctions exports: FollowTheMoney entities (JSON lines) and `targets.simple.csv`.
//!
//! OpenSanctions is not a publisher: it merges official lists into the FollowTheMoney model.
//! Both readers give the list [`Source::OpenSanctions`], with the OpenSanctions `id` as the
//! entity id.
//!
//! **FtM JSON lines** (`entities.ftm.json`): one entity per line, `schema` and `properties`
//! (every property a list of strings).
//! - Party schemas are entities: `Person`; `Organization`, `Company`, `LegalEntity`,
//!   `PublicBody`; `Vessel`; `Airplane`. An entity marked `"target": false` (a relative or
//!   an owner in the data, not a screening target) is skipped and reported.
//! - `name` values are names (the `caption` first, as primary), `alias` a.k.a.s, `weakAlias`
//!   weak aliases, `previousName` f.k.a.s; their script is detected, as the export gives no
//!   language per value.
//! - Identifier properties are typed: `passportNumber`; `idNumber`; `taxNumber`, `innCode`,
//!   `kppCode`, `vatCode`; `registrationNumber`, `ogrnCode`, `okpoCode`; `imoNumber`;
//!   `swiftBic`; `leiCode`, `mmsi` and the rest of [`ID_PROPERTIES`] as other.
//! - `birthDate` (and `incorporationDate` of organizations), `birthPlace`, `nationality`,
//!   `citizenship`, `country`, `jurisdiction`, `gender`, `address`, `notes`, `summary`,
//!   `position`, `topics` map to the model.
//! - `Sanction` entities give their `entity` its programs (`programId`, else `program`) and
//!   its listing date (the earliest `listingDate` or `startDate`); `Address` entities give
//!   their referrers (`addressEntity`) an address; `Passport` and `Identification` entities
//!   give their `holder` an identifier. Other schemas (`Ownership`, `Family`, `Directorship`,
//!   `Occupancy`, `Position`, …) are relations, not parties: skipped and reported.
//!
//! **`targets.simple.csv`**: a header (`id, schema, name, aliases, birth_date, countries,
//! addresses, identifiers, sanctions, phones, emails[, program_ids], dataset, first_seen,
//! last_seen, last_change`), multi-valued cells joined with `;`. `identifiers` carry no type:
//! `IMO` followed by seven digits is an IMO number, the rest are typed other. The literal
//! `""` the exports write for an empty `sanctions` cell is empty.
//!
//! ```
//! use sanctions::{EntityKind, Source, sources::opensanctions};
//!
//! let ftm = r#"{"id":"NK-p","schema":"Person","properties":{"name":["Yevgeniy Prigozhin"],"alias":["Евгений Пригожин"]},"target":true}"#;
//! let loaded = opensanctions::read_ftm(ftm.as_bytes())?;
//! assert_eq!(loaded.list.source, Source::OpenSanctions);
//! assert_eq!(loaded.list.entities[0].id.id, "NK-p");
//! assert_eq!(loaded.list.entities[0].kind, EntityKind::Person);
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::collections::HashMap;
use std::io::BufRead;

use serde_json::Value;

use super::Loaded;
use super::collect::Collector;
use super::fields::{country_code, parse_birth_date, parse_partial_date};
use super::table::Table;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Address, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name, NameKind,
    PartialDate, Source,
};

/// FtM identifier properties and their kinds.
///
/// ```
/// use sanctions::model::IdentifierKind;
/// use sanctions::sources::opensanctions::{ID_PROPERTIES, read_ftm};
///
/// assert!(ID_PROPERTIES.contains(&("innCode", IdentifierKind::TaxId)));
/// let line = r#"{"id":"NK-k","schema":"Company","properties":{"name":["KAZSTANEX LLP"],"registrationNumber":["110340017087"]}}"#;
/// let entity = &read_ftm(line.as_bytes())?.list.entities[0];
/// assert_eq!(entity.identifiers[0].kind, IdentifierKind::Registration);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const ID_PROPERTIES: &[(&str, IdentifierKind)] = &[
    ("passportNumber", IdentifierKind::Passport),
    ("idNumber", IdentifierKind::NationalId),
    ("taxNumber", IdentifierKind::TaxId),
    ("innCode", IdentifierKind::TaxId),
    ("kppCode", IdentifierKind::TaxId),
    ("vatCode", IdentifierKind::TaxId),
    ("registrationNumber", IdentifierKind::Registration),
    ("ogrnCode", IdentifierKind::Registration),
    ("okpoCode", IdentifierKind::Registration),
    ("imoNumber", IdentifierKind::Imo),
    ("swiftBic", IdentifierKind::Bic),
    ("leiCode", IdentifierKind::Other),
    ("mmsi", IdentifierKind::Other),
    ("uniqueEntityId", IdentifierKind::Other),
    ("permId", IdentifierKind::Other),
    ("dunsCode", IdentifierKind::Other),
    ("callSign", IdentifierKind::Other),
    ("cryptoWallet", IdentifierKind::Crypto),
];

fn kind_of(schema: &str) -> Option<EntityKind> {
    match schema {
        "Person" => Some(EntityKind::Person),
        "Organization" | "Company" | "LegalEntity" | "PublicBody" => Some(EntityKind::Organization),
        "Vessel" => Some(EntityKind::Vessel),
        "Airplane" => Some(EntityKind::Aircraft),
        _ => None,
    }
}

/// Facts of a `Sanction` entity for its target.
#[derive(Default)]
struct SanctionFacts {
    programs: Vec<String>,
    listed: Option<PartialDate>,
}

/// Reads FollowTheMoney entities, one JSON object per line.
///
/// ```
/// let data = r#"{"id":"NK-1","schema":"Person","caption":"Ivan Petrov","properties":{"name":["Ivan Petrov","Иван Петров"],"birthDate":["1970-05"],"nationality":["ru"]},"target":true}
/// {"id":"s-1","schema":"Sanction","properties":{"entity":["NK-1"],"programId":["EU-UKR"],"listingDate":["2022-03-01"]}}
/// "#;
/// let loaded = sanctions::sources::opensanctions::read_ftm(data.as_bytes())?;
/// let e = &loaded.list.entities[0];
/// assert_eq!(e.names.len(), 2);
/// assert_eq!(e.programs, ["EU-UKR"]);
/// assert_eq!(e.nationalities, ["RU"]);
/// # Ok::<(), sanctions::Error>(())
/// ```
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line when a line is not a JSON object with an `id` and a
/// `schema`; [`ErrorKind::Io`] when reading fails.
pub fn read_ftm(reader: impl BufRead) -> Result<Loaded> {
    let mut out = Collector::new(Source::OpenSanctions, "entity");
    let mut sanctions: HashMap<String, SanctionFacts> = HashMap::new();
    let mut addresses: HashMap<String, Address> = HashMap::new();
    let mut address_refs: Vec<(String, String)> = Vec::new();
    let mut documents: Vec<(String, Identifier)> = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line_no = i as u64 + 1;
        let line = line.map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read the list: {e}"))
                .with_line(line_no)
                .with_source(e)
        })?;
        let text = line.trim_start_matches('\u{feff}').trim();
        if text.is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorKind::Malformed,
                format!("expected an FtM entity as JSON, found an error: {e}"),
            )
            .with_line(line_no)
            .with_source(e)
        })?;
        let (Some(id), Some(schema)) = (
            v.get("id").and_then(Value::as_str),
            v.get("schema").and_then(Value::as_str),
        ) else {
            return Err(Error::new(
                ErrorKind::Malformed,
                "expected an FtM entity with an \"id\" and a \"schema\", found a line without them",
            )
            .with_line(line_no));
        };
        let props = Props(v.get("properties"));
        match schema {
            "Sanction" => {
                for target in props.all("entity") {
                    let facts = sanctions.entry(target.to_string()).or_default();
                    let programs = props.all("programId");
                    let programs = if programs.is_empty() {
                        props.all("program")
                    } else {
                        programs
                    };
                    for p in programs {
                        if !facts.programs.iter().any(|x| x == p) {
                            facts.programs.push(p.to_string());
                        }
                    }
                    for d in props
                        .all("listingDate")
                        .iter()
                        .chain(&props.all("startDate"))
                    {
                        if let Some(d) = parse_partial_date(d) {
                            facts.listed = Some(facts.listed.map_or(d, |l| l.min(d)));
                        }
                    }
                }
                continue;
            }
            "Address" => {
                addresses.insert(id.to_string(), address_of(&props));
                continue;
            }
            "Passport" | "Identification" => {
                let number = props
                    .first("number")
                    .or_else(|| props.first("passportNumber"));
                match (props.first("holder"), number) {
                    (Some(holder), Some(number)) => {
                        let kind = if schema == "Passport" {
                            IdentifierKind::Passport
                        } else {
                            IdentifierKind::NationalId
                        };
                        let mut ident = Identifier::new(kind, number);
                        ident.country = props.first("country").map(code);
                        ident.note = props.first("type").map(str::to_string);
                        documents.push((holder.to_string(), ident));
                    }
                    _ => out.skip(
                        Some(line_no),
                        Some(id),
                        format!("expected a holder and a number in the {schema}, found none"),
                    ),
                }
                continue;
            }
            _ => {}
        }
        let Some(kind) = kind_of(schema) else {
            out.skip(
                Some(line_no),
                Some(id),
                format!("expected a party (Person, Organization, Company, LegalEntity, Vessel, Airplane), found the relation or record schema {schema}: not a screening target"),
            );
            continue;
        };
        if v.get("target").and_then(Value::as_bool) == Some(false) {
            out.skip(
                Some(line_no),
                Some(id),
                format!("the {schema} is marked \"target\": false (linked in the data, not listed): not a screening target"),
            );
            continue;
        }
        let mut e = Entity::new(EntityId::new(Source::OpenSanctions, id), kind);
        let caption = v.get("caption").and_then(Value::as_str);
        let names = props.all("name");
        if let Some(c) = caption.filter(|c| names.contains(c)) {
            e.names.push(Name::new(c));
        }
        for n in names {
            if Some(n) != caption {
                let kind = if e.names.is_empty() {
                    NameKind::Primary
                } else {
                    NameKind::Aka
                };
                e.names.push(Name::new(n).with_kind(kind));
            }
        }
        for (prop, kind) in [
            ("alias", NameKind::Aka),
            ("weakAlias", NameKind::WeakAka),
            ("previousName", NameKind::Fka),
        ] {
            for n in props.all(prop) {
                e.names.push(Name::new(n).with_kind(kind));
            }
        }
        let mut remarks = Vec::new();
        let mut dates = props.all("birthDate");
        if kind != EntityKind::Person {
            dates.extend(props.all("incorporationDate"));
        }
        for d in dates {
            match parse_birth_date(d) {
                Some(b) => {
                    if !e.birth_dates.contains(&b) {
                        e.birth_dates.push(b);
                    }
                }
                None => {
                    remarks.push(format!("Date: {d}"));
                    out.repair(
                        Some(line_no),
                        Some(id),
                        format!("expected a date, found {d:?}: kept in the remarks"),
                    );
                }
            }
        }
        e.birth_places = props
            .all("birthPlace")
            .into_iter()
            .map(str::to_string)
            .collect();
        for c in props
            .all("nationality")
            .into_iter()
            .chain(props.all("citizenship"))
        {
            push_unique(&mut e.nationalities, code(c));
        }
        for c in props
            .all("country")
            .into_iter()
            .chain(props.all("jurisdiction"))
        {
            push_unique(&mut e.countries, code(c));
        }
        e.gender = match props.first("gender") {
            Some("male") => Some(Gender::Male),
            Some("female") => Some(Gender::Female),
            _ => None,
        };
        for (prop, kind) in ID_PROPERTIES {
            for value in props.all(prop) {
                let mut ident = Identifier::new(*kind, value);
                ident.note = Some((*prop).to_string());
                push_unique(&mut e.identifiers, ident);
            }
        }
        for a in props.all("address") {
            e.addresses.push(Address {
                full: Some(a.to_string()),
                ..Address::default()
            });
        }
        for r in props.all("addressEntity") {
            address_refs.push((id.to_string(), r.to_string()));
        }
        for p in props.all("programId") {
            push_unique(&mut e.programs, p.to_string());
        }
        for (label, prop) in [
            ("Notes", "notes"),
            ("Summary", "summary"),
            ("Position", "position"),
            ("Topics", "topics"),
        ] {
            let values = props.all(prop);
            if !values.is_empty() {
                remarks.push(format!("{label}: {}", values.join("; ")));
            }
        }
        if !remarks.is_empty() {
            e.remarks = Some(remarks.join("\n"));
        }
        out.push(e, Some(line_no));
    }
    // Sanctions, addresses and documents name their entity; they may come before or after it.
    for (target, facts) in sanctions {
        if let Some(e) = out.get_mut(&target) {
            for p in facts.programs {
                push_unique(&mut e.programs, p);
            }
            if e.listed_on.is_none() {
                e.listed_on = facts.listed;
            }
        }
    }
    for (holder, address) in address_refs {
        if let (Some(a), Some(e)) = (addresses.get(&address), out.get_mut(&holder)) {
            if let Some(c) = &a.country {
                push_unique(&mut e.countries, c.clone());
            }
            push_unique(&mut e.addresses, a.clone());
        }
    }
    for (holder, ident) in documents {
        if let Some(e) = out.get_mut(&holder) {
            push_unique(&mut e.identifiers, ident);
        }
    }
    Ok(out.finish())
}

fn address_of(props: &Props<'_>) -> Address {
    Address {
        full: props.first("full").map(str::to_string),
        street: props.first("street").map(str::to_string),
        city: props.first("city").map(str::to_string),
        region: props.first("region").map(str::to_string),
        postal_code: props.first("postalCode").map(str::to_string),
        country: props.first("country").map(code),
    }
}

/// The `properties` object of an FtM entity.
struct Props<'a>(Option<&'a Value>);

impl<'a> Props<'a> {
    fn all(&self, name: &str) -> Vec<&'a str> {
        self.0
            .and_then(|p| p.get(name))
            .and_then(Value::as_array)
            .map(|vs| {
                vs.iter()
                    .filter_map(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn first(&self, name: &str) -> Option<&'a str> {
        self.all(name).into_iter().next()
    }
}

fn code(text: &str) -> String {
    country_code(text).map_or_else(|| text.trim().to_string(), str::to_string)
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// The columns of `targets.simple.csv` the reader needs; `program_ids` is optional (the 2024
/// exports lack it) and the others are kept as they come.
const REQUIRED: [&str; 9] = [
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
];

/// Reads an OpenSanctions `targets.simple.csv`.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line for a missing header or required column, a row with
/// another number of fields than the header, or bytes that are not UTF-8.
/// # Example
///
/// ```
/// use sanctions::model::IdentifierKind;
/// use sanctions::sources::opensanctions;
///
/// let csv = "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change
/// NK-v,Vessel,ROSALIN,Ceram Sea;Gold Sun,,lr;pa,,IMO9253325,\"\"\"\"\"\",,,Ukraine War and Sanctions,,,
/// ";
/// let loaded = opensanctions::read_simple(csv.as_bytes())?;
/// let vessel = &loaded.list.entities[0];
/// assert_eq!(vessel.names.len(), 3);
/// assert_eq!(vessel.countries, ["LR", "PA"]);
/// assert_eq!((vessel.identifiers[0].kind, vessel.identifiers[0].value.as_str()), (IdentifierKind::Imo, "9253325"));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read_simple(reader: impl BufRead) -> Result<Loaded> {
    let mut table = Table::open(reader, "targets.simple.csv")?;
    if let Some(missing) = REQUIRED.iter().find(|c| table.column(c).is_none()) {
        return Err(Error::new(
            ErrorKind::Malformed,
            format!(
                "expected the targets.simple.csv header with a {missing:?} column, found ({})",
                table.header.join(",")
            ),
        )
        .with_line(1));
    }
    let columns = table.header.clone();
    let at = |name: &str| columns.iter().position(|c| c == name);
    let mut out = Collector::new(Source::OpenSanctions, "row");
    while let Some((line, record)) = table.next_row()? {
        let get = |name: &str| {
            at(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty() && *v != "\"\"")
        };
        let multi = |name: &str| -> Vec<&str> {
            get(name)
                .map(|v| {
                    v.split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty() && *s != "\"\"")
                        .collect()
                })
                .unwrap_or_default()
        };
        let Some(id) = get("id") else {
            out.skip(Some(line), None, "expected an id, found none");
            continue;
        };
        let schema = get("schema").unwrap_or("");
        let Some(kind) = kind_of(schema) else {
            out.skip(
                Some(line),
                Some(id),
                format!("expected a party schema, found {schema:?}: not a screening target"),
            );
            continue;
        };
        let mut e = Entity::new(EntityId::new(Source::OpenSanctions, id), kind);
        if let Some(n) = get("name") {
            e.names.push(Name::new(n));
        }
        for a in multi("aliases") {
            e.names.push(Name::new(a).with_kind(NameKind::Aka));
        }
        let mut remarks = Vec::new();
        for d in multi("birth_date") {
            match parse_birth_date(d) {
                Some(b) => push_unique(&mut e.birth_dates, b),
                None => {
                    remarks.push(format!("Date: {d}"));
                    out.repair(
                        Some(line),
                        Some(id),
                        format!("expected a birth date, found {d:?}: kept in the remarks"),
                    );
                }
            }
        }
        for c in multi("countries") {
            push_unique(&mut e.countries, code(c));
        }
        for a in multi("addresses") {
            e.addresses.push(Address {
                full: Some(a.to_string()),
                ..Address::default()
            });
        }
        for ident in multi("identifiers") {
            let imo = ident
                .strip_prefix("IMO")
                .filter(|d| d.len() == 7 && d.bytes().all(|b| b.is_ascii_digit()));
            let (kind, value) = match imo {
                Some(digits) => (IdentifierKind::Imo, digits),
                None => (IdentifierKind::Other, ident),
            };
            push_unique(&mut e.identifiers, Identifier::new(kind, value));
        }
        for p in multi("program_ids").into_iter().chain(multi("sanctions")) {
            push_unique(&mut e.programs, p.to_string());
        }
        for (label, column) in [
            ("Phones", "phones"),
            ("Emails", "emails"),
            ("Dataset", "dataset"),
        ] {
            let values = multi(column);
            if !values.is_empty() {
                remarks.push(format!("{label}: {}", values.join("; ")));
            }
        }
        if !remarks.is_empty() {
            e.remarks = Some(remarks.join("\n"));
        }
        out.push(e, Some(line));
    }
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FTM: &str = include_str!("../../tests/data/opensanctions/entities.ftm.json");
    const SIMPLE: &str = include_str!("../../tests/data/opensanctions/targets.simple.csv");

    #[test]
    fn ftm_fixture_field_by_field() {
        let loaded = read_ftm(FTM.as_bytes()).unwrap();
        let es = &loaded.list.entities;
        assert_eq!(es.len(), 2);
        let c = &es[0];
        assert_eq!(c.kind, EntityKind::Organization);
        assert_eq!(c.names[0].text, "LLC CST");
        assert_eq!(c.names[0].kind, NameKind::Primary);
        assert!(
            c.names
                .iter()
                .any(|n| n.text == "ООО ЦСТ" && n.kind == NameKind::Aka)
        );
        assert!(
            c.names
                .iter()
                .any(|n| n.text == "Zala" && n.kind == NameKind::WeakAka)
        );
        assert_eq!(c.programs, ["EU-UKR", "US-RUSHAR"]);
        assert_eq!(c.listed_on, "2023-06-23".parse().ok());
        assert_eq!(c.countries, ["RU"]);
        assert_eq!(c.addresses[0].city.as_deref(), Some("Moscow"));
        let inn = c
            .identifiers
            .iter()
            .find(|i| i.kind == IdentifierKind::TaxId)
            .unwrap();
        assert_eq!(inn.value, "7722737343");
        let p = &es[1];
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.nationalities, ["RU"]);
        assert_eq!(p.identifiers[0].kind, IdentifierKind::Passport);
        // The Ownership and the non-target relative are reported, not dropped silently.
        assert_eq!(loaded.report.skipped(), 2);
    }

    #[test]
    fn simple_csv_fixture_field_by_field() {
        let loaded = read_simple(SIMPLE.as_bytes()).unwrap();
        let es = &loaded.list.entities;
        assert_eq!(es.len(), 2);
        let v = &es[0];
        assert_eq!(v.kind, EntityKind::Vessel);
        assert_eq!(v.names.len(), 4);
        assert_eq!(
            v.identifiers[0],
            Identifier::new(IdentifierKind::Imo, "9253325")
        );
        assert_eq!(v.countries, ["LR", "PA", "SG", "ST"]);
        assert_eq!(v.programs, ["UA-WS-MARE"]);
        let p = &es[1];
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.birth_dates.len(), 1);
        assert!(p.programs.is_empty(), "the literal \"\" is empty");
    }

    #[test]
    fn malformed_input_is_an_error() {
        let e = read_ftm("{\"id\":\"x\",\"schema\":\"Person\"}\n{\"id\":".as_bytes()).unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = read_ftm("{\"name\":\"x\"}\n".as_bytes()).unwrap_err();
        assert!(e.to_string().contains("\"schema\""), "{e}");
        let e = read_simple("id,name\n1,x\n".as_bytes()).unwrap_err();
        assert_eq!(e.line(), Some(1));
        let header = SIMPLE.lines().next().unwrap();
        let e = read_simple(format!("{header}\n\"1\",\"Person\"\n").as_bytes()).unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(e.to_string().contains("fields"), "{e}");
    }
}
