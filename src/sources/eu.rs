//! The EU consolidated list of persons, groups and entities subject to financial sanctions:
//! the Financial Sanctions Files (FSF) XML export, version 1.1.
//!
//! The root is `<export generationDate=".." globalFileId="..">` in the namespace
//! `http://eu.europa.ec/fpi/fsd/export` (any other namespace is an error naming it), holding a
//! flat sequence of `<sanctionEntity>`. Almost every value is an attribute, and empty values
//! are written as `""` rather than left out.
//!
//! # How fields map
//!
//! | FSF | model |
//! | --- | --- |
//! | `export/@generationDate` | [`SanctionsList::published`](crate::model::SanctionsList) |
//! | `sanctionEntity/@logicalId` | the entity id (DESIGN.md) |
//! | `@euReferenceNumber`, `@unitedNationId` | identifiers of kind `other`, noted `EU reference number` / `UN reference number` |
//! | `@designationDate` | `listed_on`; without it, the earliest `publicationDate` of the entity's legal acts |
//! | `subjectType/@code` `person` / `enterprise` | kind person / organization |
//! | `nameAlias` | names: `wholeName` (or the parts `firstName middleName lastName`), `lang` = `nameLanguage` lower-cased; `strong="false"` is a weak alias |
//! | `nameAlias/@gender` `M`/`F` | gender |
//! | `nameAlias/@function`, `@title` | remarks (`Function: ..`, `Title: ..`) |
//! | `regulation/@programme` | programs (`UKR`, `IRN`, `TAQA`, ...) |
//! | `citizenship/@countryIso2Code` | nationalities |
//! | `birthdate` | birth dates (`@birthdate`, or `@year`/`@monthOfYear`/`@dayOfMonth`; `@circa`; `@yearRangeFrom`..`@yearRangeTo`) and places (`@city`, `@place`, `@region`, `@countryDescription`) |
//! | `address` | addresses, and their countries into `countries`; `contactInfo` (phone, web, email, fax) as identifiers of kind `other` noted with their key |
//! | `identification` | identifiers typed by `@identificationTypeCode` (`passport`, `id`, `ssn`: national id, `fiscalcode`: tax id, `regnumber`, `tradelic`: registration, `imo`, `swiftbic`, others `other`), with `@countryIso2Code`; description, flags (`diplomatic`, `knownFalse`, ...), issuer, dates and remarks go in the note |
//! | `remark`, `additionalInformation`, `@designationDetails` | remarks, one a line |
//!
//! # Traps
//!
//! - One person appears as many aliases: one transliteration per EU language plus the
//!   original script, tagged by `nameLanguage` (`RU`, `AR`, `EL`, ...). The main spelling has
//!   an empty `nameLanguage`. The primary name is therefore the first alias without a language,
//!   else the first `EN` alias, else the first alias; it is put first and every other alias is
//!   an a.k.a.
//! - `countryIso2Code="00"` (`countryDescription="UNKNOWN"`) means the list does not know the
//!   country: it is left out without a report, as it carries no fact.
//! - Birth dates under `calendarType="ISLAMIC"` give the Hijri `year`; the `birthdate`
//!   attribute, when given, is the Gregorian date and is used. A Hijri year alone cannot be
//!   placed in the Gregorian calendar: it is kept in the remarks and reported.
//! - The same `logicalId` appears more than once when an entity is listed under several
//!   regimes (three times in the 2024-05-13 file): the entities are merged, and the report
//!   says so.
//! - `regulationType="repealing"` does not mean the entry is removed; removed entries are
//!   absent from the file.
//!
//! # Example
//!
//! ```
//! use sanctions::model::{EntityKind, NameKind};
//! use sanctions::sources::eu;
//!
//! let xml = r#"<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-05-13T17:44:28+02:00" globalFileId="1">
//!   <sanctionEntity logicalId="139815" euReferenceNumber="EU.8153.35" designationDate="2022-04-21">
//!     <regulation programme="UKR" publicationDate="2024-03-13"/>
//!     <subjectType code="person" classificationCode="P"/>
//!     <nameAlias wholeName="Евгений Викторович ПРИГОЖИН" nameLanguage="RU" strong="true"/>
//!     <nameAlias wholeName="Yevgeniy Viktorovich PRIGOZHIN" nameLanguage="EN" strong="true" gender="M"/>
//!   </sanctionEntity>
//! </export>"#;
//! let loaded = eu::read(xml.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!(e.id.id, "139815");
//! assert_eq!(e.kind, EntityKind::Person);
//! assert_eq!(e.names[0].text, "Yevgeniy Viktorovich PRIGOZHIN");
//! assert_eq!(e.names[1].kind, NameKind::Aka);
//! assert_eq!(e.names[1].lang.as_deref(), Some("ru"));
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::fields::{country_code, parse_partial_date};
use super::xml::{Element, XmlReader};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Address, BirthDate, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name,
    NameKind, PartialDate, Source,
};

/// The namespace of FSF XML 1.1.
///
/// ```
/// use sanctions::sources::{self, Format, eu};
///
/// let head = format!(r#"<export xmlns="{}" generationDate="2024-05-13T17:44:28+02:00">"#, eu::NAMESPACE);
/// assert_eq!(sources::detect_bytes(head.as_bytes())?, Format::EuXml);
/// # Ok::<(), sanctions::Error>(())
/// ```
pub const NAMESPACE: &str = "http://eu.europa.ec/fpi/fsd/export";

const WHAT: &str = "EU FSF XML";

/// Reads an EU FSF XML 1.1 file.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the root element is not `export` or is in another
/// namespace; [`ErrorKind::Malformed`] (with the line) when the XML is not well formed or is
/// truncated; [`ErrorKind::Encoding`] when it is not UTF-8; [`ErrorKind::Io`] when reading
/// fails.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::eu};
///
/// let err = eu::read(&br#"<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="139815">"#[..]).unwrap_err();
/// assert_eq!((err.kind(), err.line()), (ErrorKind::Malformed, Some(1)));
/// let err = eu::read(&br#"<export xmlns="urn:other"/>"#[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// ```
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut xml = XmlReader::new(reader, WHAT);
    let mut out = Collector::new(Source::Eu, "sanctionEntity");
    let Some(root) = xml.next_start()? else {
        return Err(xml.error("expected the root element <export> of EU FSF XML, found no element"));
    };
    if root.name != "export" {
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            format!(
                "expected the root element <export> of EU FSF XML, found <{}>",
                root.name
            ),
        )
        .with_line(root.line));
    }
    let namespaces: Vec<&str> = root
        .attrs
        .iter()
        .filter(|(k, _)| k == "xmlns" || k.starts_with("xmlns:"))
        .map(|(_, v)| v.as_str())
        .collect();
    if !namespaces.contains(&NAMESPACE) {
        let found = match namespaces.as_slice() {
            [] => "no namespace".to_string(),
            some => format!("namespace {}", some.join(", ")),
        };
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            format!("expected <export> in the namespace {NAMESPACE}, found {found}"),
        )
        .with_line(root.line));
    }
    out.published(root.attr("generationDate").and_then(parse_partial_date));
    while let Some(start) = xml.next_start()? {
        if start.name == "sanctionEntity" && start.depth == 2 {
            let tree = xml.read_tree(start)?;
            read_entity(tree, &mut out);
        } else {
            out.skip(
                Some(start.line),
                None,
                format!(
                    "expected <sanctionEntity> in <export>, found <{}>",
                    start.name
                ),
            );
            xml.skip(&start)?;
        }
    }
    Ok(out.finish())
}

/// A trimmed, non-empty attribute.
fn attr<'a>(e: Element<'a>, name: &str) -> Option<&'a str> {
    e.attr(name).map(str::trim).filter(|v| !v.is_empty())
}

/// A country attribute pair: the ISO code, else the description's code, else the description
/// as written; `None` for the list's "unknown" (`00`) and for nothing.
fn country(e: Element<'_>) -> Option<String> {
    let code = attr(e, "countryIso2Code");
    let desc = attr(e, "countryDescription").filter(|d| !d.eq_ignore_ascii_case("unknown"));
    match code {
        Some("00") => None,
        Some(c) => Some(country_code(c).unwrap_or(c).to_string()),
        None => desc.map(|d| country_code(d).unwrap_or(d).to_string()),
    }
}

/// Free-text lines of an entity, kept once each in file order.
#[derive(Default)]
struct Remarks(Vec<String>);

impl Remarks {
    fn add(&mut self, text: impl Into<String>) {
        let text = text.into();
        let text = text.trim();
        if !text.is_empty() && !self.0.iter().any(|r| r == text) {
            self.0.push(text.to_string());
        }
    }

    /// The `remark` and `additionalInformation` children of an element.
    fn add_children(&mut self, e: Element<'_>) {
        for r in e.children("remark") {
            self.add(r.raw_text());
        }
        for info in e.children("additionalInformation") {
            if let (Some(k), Some(v)) = (attr(info, "key"), attr(info, "value")) {
                self.add(format!("{k}: {v}"));
            }
        }
    }

    fn finish(self) -> Option<String> {
        Some(self.0.join("\n")).filter(|s| !s.is_empty())
    }
}

fn read_entity(tree: Element<'_>, out: &mut Collector) {
    let line = Some(tree.line());
    let Some(id) = attr(tree, "logicalId") else {
        out.skip(
            line,
            attr(tree, "euReferenceNumber"),
            "expected a logicalId on the sanctionEntity, found none",
        );
        return;
    };
    let mut entity = Entity::new(EntityId::new(Source::Eu, id), EntityKind::Unknown);
    let mut remarks = Remarks::default();
    for (name, note) in [
        ("euReferenceNumber", "EU reference number"),
        ("unitedNationId", "UN reference number"),
    ] {
        if let Some(v) = attr(tree, name) {
            let mut ident = Identifier::new(IdentifierKind::Other, v);
            ident.note = Some(note.to_string());
            entity.identifiers.push(ident);
        }
    }
    if let Some(d) = attr(tree, "designationDetails") {
        remarks.add(d);
    }
    if let Some(d) = attr(tree, "delistingDate") {
        remarks.add(format!("Delisted on {d}"));
    }
    entity.listed_on = attr(tree, "designationDate").and_then(parse_partial_date);
    if entity.listed_on.is_none() {
        entity.listed_on = earliest_act(tree);
    }
    remarks.add_children(tree);
    let mut aliases = Vec::new();
    for child in tree.elements() {
        match child.name() {
            "remark" | "additionalInformation" => {}
            "regulation" => {
                if let Some(p) = attr(child, "programme") {
                    if !entity.programs.iter().any(|x| x == p) {
                        entity.programs.push(p.to_string());
                    }
                }
            }
            "subjectType" => {
                entity.kind = match (attr(child, "code"), attr(child, "classificationCode")) {
                    (Some("person"), _) | (None, Some("P")) => EntityKind::Person,
                    (Some("enterprise"), _) | (None, Some("E")) => EntityKind::Organization,
                    (code, class) => {
                        out.repair(
                            Some(child.line()),
                            Some(id),
                            format!(
                                "expected subjectType person or enterprise, found {:?}: kind left unknown",
                                code.or(class).unwrap_or("")
                            ),
                        );
                        EntityKind::Unknown
                    }
                };
            }
            "nameAlias" => {
                remarks.add_children(child);
                if let Some(f) = attr(child, "function") {
                    remarks.add(format!("Function: {f}"));
                }
                if let Some(t) = attr(child, "title") {
                    remarks.add(format!("Title: {t}"));
                }
                if entity.gender.is_none() {
                    entity.gender = match attr(child, "gender") {
                        Some("M") => Some(Gender::Male),
                        Some("F") => Some(Gender::Female),
                        _ => None,
                    };
                }
                match alias(child) {
                    Some(name) => aliases.push(name),
                    None => out.skip(
                        Some(child.line()),
                        Some(id),
                        "expected a wholeName or name parts in the nameAlias, found none",
                    ),
                }
            }
            "citizenship" => {
                remarks.add_children(child);
                if let Some(c) = country(child) {
                    if !entity.nationalities.contains(&c) {
                        entity.nationalities.push(c);
                    }
                }
                if let Some(r) = attr(child, "region") {
                    remarks.add(format!("Citizenship region: {r}"));
                }
            }
            "birthdate" => {
                remarks.add_children(child);
                birthdate(child, id, &mut entity, &mut remarks, out);
            }
            "address" => {
                remarks.add_children(child);
                address(child, &mut entity);
            }
            "identification" => {
                if !identification(child, &mut entity) {
                    out.skip(
                        Some(child.line()),
                        Some(id),
                        "expected a number or latinNumber in the identification, found none",
                    );
                }
            }
            other => out.skip(
                Some(child.line()),
                Some(id),
                format!("expected a known element in the sanctionEntity, found <{other}>"),
            ),
        }
    }
    entity.names = order_names(aliases);
    entity.remarks = remarks.finish();
    out.push(entity, line);
}

/// The earliest publication date of the entity's legal acts (`regulation` and the
/// `regulationSummary` of each fact).
fn earliest_act(tree: Element<'_>) -> Option<PartialDate> {
    fn walk(e: Element<'_>, best: &mut Option<PartialDate>) {
        if e.name() == "regulation" || e.name() == "regulationSummary" {
            if let Some(d) = attr(e, "publicationDate").and_then(parse_partial_date) {
                if best.is_none_or(|b| d < b) {
                    *best = Some(d);
                }
            }
        }
        for c in e.elements() {
            walk(c, best);
        }
    }
    let mut best = None;
    walk(tree, &mut best);
    best
}

/// A name alias as a name (kind set later), with its language.
fn alias(e: Element<'_>) -> Option<(Name, bool, Option<String>)> {
    let text = match attr(e, "wholeName") {
        Some(w) => w.to_string(),
        None => {
            let parts: Vec<&str> = ["firstName", "middleName", "lastName"]
                .iter()
                .filter_map(|p| attr(e, p))
                .collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(" ")
        }
    };
    let lang = attr(e, "nameLanguage").map(str::to_ascii_lowercase);
    let weak = attr(e, "strong").is_some_and(|s| s.eq_ignore_ascii_case("false"));
    let mut name = Name::new(text);
    if let Some(l) = &lang {
        name = name.with_lang(l.clone());
    }
    Some((name, weak, lang))
}

/// Chooses the primary name (the first without a language, else the first English one, else
/// the first), puts it first, and makes the others a.k.a. (weak when not strong).
fn order_names(aliases: Vec<(Name, bool, Option<String>)>) -> Vec<Name> {
    let primary = aliases
        .iter()
        .position(|(_, _, lang)| lang.is_none())
        .or_else(|| {
            aliases
                .iter()
                .position(|(_, _, lang)| lang.as_deref() == Some("en"))
        })
        .unwrap_or(0);
    let mut names = Vec::with_capacity(aliases.len());
    let mut rest = Vec::with_capacity(aliases.len());
    for (i, (name, weak, _)) in aliases.into_iter().enumerate() {
        if i == primary {
            names.push(name.with_kind(NameKind::Primary));
        } else if weak {
            rest.push(name.with_kind(NameKind::WeakAka));
        } else {
            rest.push(name.with_kind(NameKind::Aka));
        }
    }
    names.extend(rest);
    names
}

fn year_of(e: Element<'_>, name: &str) -> Option<u16> {
    attr(e, name).and_then(|y| y.parse().ok())
}

fn birthdate(
    e: Element<'_>,
    id: &str,
    entity: &mut Entity,
    remarks: &mut Remarks,
    out: &mut Collector,
) {
    let place: Vec<&str> = ["city", "place", "region", "zipCode"]
        .iter()
        .filter_map(|p| attr(e, p))
        .chain(attr(e, "countryDescription").filter(|d| !d.eq_ignore_ascii_case("unknown")))
        .collect();
    let mut place_text = String::new();
    for p in place {
        // `city` and `place` often repeat each other (`Abadan`, `Abadan`).
        if !place_text.split(", ").any(|x| x == p) {
            if !place_text.is_empty() {
                place_text.push_str(", ");
            }
            place_text.push_str(p);
        }
    }
    if !place_text.is_empty() && !entity.birth_places.contains(&place_text) {
        entity.birth_places.push(place_text);
    }
    let circa = attr(e, "circa").is_some_and(|c| c.eq_ignore_ascii_case("true"));
    let islamic = attr(e, "calendarType").is_some_and(|c| c.eq_ignore_ascii_case("islamic"));
    let date = if let Some(full) = attr(e, "birthdate") {
        parse_partial_date(full).map(BirthDate::On)
    } else if islamic && attr(e, "year").is_some() {
        let shown = ["dayOfMonth", "monthOfYear", "year"]
            .iter()
            .filter_map(|p| attr(e, p))
            .collect::<Vec<_>>()
            .join("/");
        remarks.add(format!("Born {shown} (Islamic calendar)"));
        out.repair(
            Some(e.line()),
            Some(id),
            format!("expected a Gregorian birth date, found the Islamic-calendar date {shown}: kept in the remarks"),
        );
        return;
    } else if let Some(year) = year_of(e, "year") {
        let month = attr(e, "monthOfYear").and_then(|m| m.parse().ok());
        let day = month.and(attr(e, "dayOfMonth").and_then(|d| d.parse().ok()));
        PartialDate::new(year, month, day).map(BirthDate::On)
    } else if let (Some(from), Some(to)) = (year_of(e, "yearRangeFrom"), year_of(e, "yearRangeTo"))
    {
        match (
            PartialDate::new(from, None, None),
            PartialDate::new(to, None, None),
        ) {
            (Some(from), Some(to)) if from <= to => Some(BirthDate::Between { from, to }),
            _ => None,
        }
    } else if let Some(bound) = attr(e, "yearRangeFrom").or(attr(e, "yearRangeTo")) {
        let which = if attr(e, "yearRangeFrom").is_some() {
            "in or after"
        } else {
            "in or before"
        };
        remarks.add(format!("Born {which} {bound}"));
        out.repair(
            Some(e.line()),
            Some(id),
            format!("expected a birth year range with both ends, found only {which} {bound}: kept in the remarks"),
        );
        return;
    } else {
        // No date at all: a place of birth only.
        return;
    };
    let Some(date) = date else {
        let shown = [
            "birthdate",
            "dayOfMonth",
            "monthOfYear",
            "year",
            "yearRangeFrom",
            "yearRangeTo",
        ]
        .iter()
        .filter_map(|p| attr(e, p).map(|v| format!("{p}={v}")))
        .collect::<Vec<_>>()
        .join(" ");
        remarks.add(format!("Born {shown}"));
        out.repair(
            Some(e.line()),
            Some(id),
            format!("expected a valid birth date, found {shown}: kept in the remarks"),
        );
        return;
    };
    let date = match (circa, date) {
        (true, BirthDate::On(d)) => BirthDate::Circa { circa: d },
        (_, d) => d,
    };
    if !entity.birth_dates.contains(&date) {
        entity.birth_dates.push(date);
    }
}

fn address(e: Element<'_>, entity: &mut Entity) {
    let street = match (attr(e, "street"), attr(e, "poBox")) {
        (Some(s), Some(p)) => Some(format!("{s}, PO Box {p}")),
        (Some(s), None) => Some(s.to_string()),
        (None, Some(p)) => Some(format!("PO Box {p}")),
        (None, None) => None,
    };
    let region = match (attr(e, "region"), attr(e, "place")) {
        (Some(r), Some(p)) => Some(format!("{p}, {r}")),
        (r, p) => r.or(p).map(str::to_string),
    };
    let addr = Address {
        full: None,
        street,
        city: attr(e, "city").map(str::to_string),
        region,
        postal_code: attr(e, "zipCode").map(str::to_string),
        country: country(e),
    };
    if let Some(c) = &addr.country {
        if !entity.countries.contains(c) {
            entity.countries.push(c.clone());
        }
    }
    if addr != Address::default() && !entity.addresses.contains(&addr) {
        entity.addresses.push(addr);
    }
    for info in e.children("contactInfo") {
        if let Some(v) = attr(info, "value") {
            let mut ident = Identifier::new(IdentifierKind::Other, v);
            ident.note = Some(attr(info, "key").unwrap_or("contact").to_ascii_lowercase());
            entity.identifiers.push(ident);
        }
    }
}

/// Adds an identification's identifiers; `false` when it has no number.
fn identification(e: Element<'_>, entity: &mut Entity) -> bool {
    let code = attr(e, "identificationTypeCode").unwrap_or("");
    let desc = attr(e, "identificationTypeDescription");
    let kind = match code {
        "passport" => IdentifierKind::Passport,
        "id" | "ssn" => IdentifierKind::NationalId,
        "fiscalcode" => IdentifierKind::TaxId,
        "regnumber" | "tradelic" => IdentifierKind::Registration,
        "imo" => IdentifierKind::Imo,
        "swiftbic" => IdentifierKind::Bic,
        // `other`, `drivinglicence`, `birthcert`, `nationcert`, `electionid`, `residentperm`,
        // `travelcardid`: named in the note.
        _ => IdentifierKind::Other,
    };
    let mut note = Vec::new();
    if let Some(d) = desc {
        note.push(d.to_string());
    } else if !code.is_empty() {
        note.push(code.to_string());
    }
    for (flag, text) in [
        ("diplomatic", "diplomatic"),
        ("knownExpired", "known expired"),
        ("knownFalse", "known false"),
        ("reportedLost", "reported lost"),
        ("revokedByIssuer", "revoked by issuer"),
    ] {
        if attr(e, flag).is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            note.push(text.to_string());
        }
    }
    for (field, text) in [
        ("issuedBy", "issued by"),
        ("issueDate", "issued on"),
        ("validFrom", "valid from"),
        ("validTo", "valid to"),
        ("nameOnDocument", "name on document"),
        ("region", "region"),
    ] {
        if let Some(v) = attr(e, field) {
            note.push(format!("{text} {v}"));
        }
    }
    for r in e.children("remark") {
        if let Some(t) = r.text() {
            note.push(t.to_string());
        }
    }
    let note = Some(note.join("; ")).filter(|n| !n.is_empty());
    let country = country(e);
    let number = attr(e, "number");
    let latin = attr(e, "latinNumber").filter(|l| Some(*l) != number);
    if number.is_none() && latin.is_none() {
        return false;
    }
    for value in number.into_iter().chain(latin) {
        let mut ident = Identifier::new(kind, value);
        ident.country = country.clone();
        ident.note = note.clone();
        if !entity.identifiers.contains(&ident) {
            entity.identifiers.push(ident);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Script;
    use crate::sources::IssueAction;

    const VALID: &[u8] = include_bytes!("../../tests/data/eu/valid.xml");

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn ident(kind: IdentifierKind, value: &str, country: Option<&str>, note: &str) -> Identifier {
        let mut i = Identifier::new(kind, value);
        i.country = country.map(str::to_string);
        i.note = Some(note.to_string());
        i
    }

    fn names(e: &Entity) -> Vec<(&str, NameKind, Option<&str>)> {
        e.names
            .iter()
            .map(|n| (n.text.as_str(), n.kind, n.lang.as_deref()))
            .collect()
    }

    #[test]
    fn person_field_by_field() {
        let loaded = read(VALID).unwrap();
        assert_eq!(loaded.list.source, Source::Eu);
        assert_eq!(loaded.list.published, Some(d("2024-05-13")));
        let e = &loaded.list.entities[0];
        assert_eq!(e.id, EntityId::new(Source::Eu, "139815"));
        assert_eq!(e.kind, EntityKind::Person);
        assert_eq!(
            names(e),
            vec![
                (
                    "Yevgeniy Viktorovich PRIGOZHIN",
                    NameKind::Primary,
                    Some("en")
                ),
                ("Jevgenij Prigožin", NameKind::Aka, Some("cs")),
                ("Евгений Викторович ПРИГОЖИН", NameKind::Aka, Some("ru")),
                ("Evguéni Prigojine", NameKind::WeakAka, Some("fr")),
            ]
        );
        assert_eq!(e.names[2].script, Script::Cyrillic);
        assert_eq!(e.names[0].script, Script::Latin);
        assert_eq!(e.programs, vec!["UKR"]);
        assert_eq!(e.listed_on, Some(d("2022-04-21")));
        assert_eq!(e.gender, Some(Gender::Male));
        // `00` is the list's "unknown": left out.
        assert_eq!(e.nationalities, vec!["RU"]);
        assert_eq!(
            e.birth_dates,
            vec![
                BirthDate::On(d("1961-06-01")),
                BirthDate::Circa { circa: d("1962") },
                BirthDate::Between {
                    from: d("1959"),
                    to: d("1960")
                },
                BirthDate::On(d("1969-03")),
                BirthDate::On(d("1982-04-19")),
            ]
        );
        assert_eq!(
            e.birth_places,
            vec![
                "Leningrad, RUSSIAN FEDERATION",
                "Farsan, IRAN (ISLAMIC REPUBLIC OF)"
            ]
        );
        assert_eq!(e.countries, vec!["RU"]);
        assert_eq!(
            e.addresses,
            vec![Address {
                full: None,
                street: Some("Nevsky 1".into()),
                city: Some("Saint Petersburg".into()),
                region: None,
                postal_code: Some("191186".into()),
                country: Some("RU".into()),
            }]
        );
        assert_eq!(
            e.identifiers,
            vec![
                ident(
                    IdentifierKind::Other,
                    "EU.8153.35",
                    None,
                    "EU reference number"
                ),
                ident(IdentifierKind::Other, "www.example.ru", None, "web"),
                ident(
                    IdentifierKind::Passport,
                    "7123456",
                    Some("RU"),
                    "National passport; known expired"
                ),
                ident(
                    IdentifierKind::TaxId,
                    "781001184416",
                    None,
                    "Tax identification number"
                ),
            ]
        );
        assert_eq!(
            e.remarks.as_deref(),
            Some(
                "Also designated under Libya sanctions\n\
                 He reportedly died in a plane crash on 23 August 2023.\n\
                 Function: Businessman\n\
                 Then USSR (St Petersburg)\n\
                 Born 1343 (Islamic calendar)\n\
                 Born in or before 1980"
            )
        );
    }

    #[test]
    fn issues_name_line_record_and_reason() {
        let loaded = read(VALID).unwrap();
        let issues: Vec<(Option<u64>, Option<&str>, IssueAction, &str)> = loaded
            .report
            .issues
            .iter()
            .map(|i| (i.line, i.record.as_deref(), i.action, i.reason.as_str()))
            .collect();
        assert_eq!(
            issues,
            vec![
                (
                    Some(25),
                    Some("139815"),
                    IssueAction::Repaired,
                    "expected a Gregorian birth date, found the Islamic-calendar date 1343: kept in the remarks"
                ),
                (
                    Some(27),
                    Some("139815"),
                    IssueAction::Repaired,
                    "expected a birth year range with both ends, found only in or before 1980: kept in the remarks"
                ),
                (
                    Some(33),
                    Some("139815"),
                    IssueAction::Skipped,
                    "expected a number or latinNumber in the identification, found none"
                ),
                (
                    Some(47),
                    Some("120128"),
                    IssueAction::Repaired,
                    "the sanctionEntity shares its id with an earlier one: one entity with the union of their names, programs and facts"
                ),
                (
                    Some(58),
                    Some("999"),
                    IssueAction::Skipped,
                    "expected a wholeName or name parts in the nameAlias, found none"
                ),
                (
                    Some(55),
                    Some("999"),
                    IssueAction::Skipped,
                    "expected at least one name in the sanctionEntity, found none"
                ),
            ]
        );
        assert_eq!(loaded.report.entities(), 2);
    }

    #[test]
    fn repeated_logical_id_is_merged() {
        let loaded = read(VALID).unwrap();
        let e = &loaded.list.entities[1];
        assert_eq!(e.id.id, "120128");
        assert_eq!(e.kind, EntityKind::Organization);
        assert_eq!(
            names(e),
            vec![
                ("Sberbank", NameKind::Primary, None),
                ("Сбербанк", NameKind::Aka, Some("ru")),
                ("PJSC Sberbank", NameKind::Aka, Some("en")),
            ]
        );
        assert_eq!(e.programs, vec!["TAQA", "UKR"]);
        // No designationDate: the earliest act that put a fact on the list.
        assert_eq!(e.listed_on, Some(d("2014-03-17")));
        assert_eq!(
            e.identifiers,
            vec![
                ident(
                    IdentifierKind::Other,
                    "EU.5121.69",
                    None,
                    "EU reference number"
                ),
                ident(
                    IdentifierKind::Other,
                    "QDe.161",
                    None,
                    "UN reference number"
                ),
                ident(IdentifierKind::Bic, "SABRRUMM", Some("RU"), "SWIFT BIC"),
                ident(IdentifierKind::Imo, "9123456", None, "IMO number"),
            ]
        );
    }

    /// Name, bytes, error kind, message part, line.
    type MalformedCase = (
        &'static str,
        &'static [u8],
        ErrorKind,
        &'static str,
        Option<u64>,
    );

    #[test]
    fn malformed_files_are_errors_with_lines() {
        let cases: [MalformedCase; 4] = [
            (
                "truncated",
                include_bytes!("../../tests/data/eu/truncated.xml"),
                ErrorKind::Malformed,
                "expected the rest of the EU FSF XML document, found the end of the file (truncated?)",
                Some(21),
            ),
            (
                "wrong namespace",
                include_bytes!("../../tests/data/eu/wrong_namespace.xml"),
                ErrorKind::UnknownFormat,
                "expected <export> in the namespace http://eu.europa.ec/fpi/fsd/export, found namespace http://example.org/other",
                Some(2),
            ),
            (
                "wrong root",
                include_bytes!("../../tests/data/eu/wrong_root.xml"),
                ErrorKind::UnknownFormat,
                "expected the root element <export> of EU FSF XML, found <exportList>",
                Some(2),
            ),
            (
                "bad utf-8",
                include_bytes!("../../tests/data/eu/bad_utf8.xml"),
                ErrorKind::Encoding,
                "expected UTF-8 text in the EU FSF XML",
                Some(9),
            ),
        ];
        for (name, bytes, kind, message, line) in cases {
            let err = read(bytes).unwrap_err();
            assert_eq!(err.kind(), kind, "{name}: {err}");
            assert!(err.to_string().contains(message), "{name}: {err}");
            assert_eq!(err.line(), line, "{name}: {err}");
        }
        let err = read(&b""[..]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed);
    }

    #[test]
    fn namespace_prefix_is_accepted() {
        let xml = r#"<f:export xmlns:f="http://eu.europa.ec/fpi/fsd/export" generationDate="2024-01-02"><f:sanctionEntity logicalId="1"><f:subjectType code="enterprise"/><f:nameAlias wholeName="ACME" nameLanguage="" strong="true"/></f:sanctionEntity></f:export>"#;
        let loaded = read(xml.as_bytes()).unwrap();
        assert_eq!(loaded.list.entities.len(), 1);
        assert_eq!(loaded.list.entities[0].kind, EntityKind::Organization);
        assert!(loaded.report.issues.is_empty());
    }
}
