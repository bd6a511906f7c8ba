//! Canada: the Consolidated Canadian Autonomous Sanctions List (Special Economic Measures Act),
//! XML.
//!
//! The root is `<data-set>` with no namespace, and a flat sequence of `<record>` elements
//! whose children are all optional: `Country` (the regime, in English and French: `Russia /
//! Russie`), `LastName` and `GivenName` (persons), `EntityOrShip` (an entity or a ship's
//! name), `TitleOrShip` (a person's title, or a ship's type), `Aliases`, `ShipIMONumber`,
//! `DateOfBirthOrShipBuildDate`, `Schedule`, `Item`, `DateOfListing`.
//!
//! How fields map:
//! - The file has no record id: the id is `<Country>/<Schedule>/<Item>` with the three fields
//!   as written (trimmed), as DESIGN.md fixes it.
//! - A record with a last or given name is a person, named `LastName, GivenName`; one with a
//!   ship's IMO number or type is a vessel; any other is an organization.
//! - `EntityOrShip` written `X (also known as Y)` gives the name X and the a.k.a. Y.
//! - `Aliases` is one free-text field: aliases are separated by `;`, and within a part by `,`
//!   when every piece is a name of two words or more (`Ruslan Khikmetavich MASHADZEOU, Ruslan
//!   Chikmetovič MAŠADZEV`), or when the pieces carry a language label (`Belarusian: Руслан
//!   …, Russian: Руслан …`): the label gives the alias its language. A part like `Sberbank of
//!   Russia, PJSC` stays one name. A person's alias of one word (`Andrei`) is a weak alias:
//!   too broad to stand for the person unless met exactly.
//! - The regime is the program; `DateOfListing` the listing date; the birth date of a person
//!   or the founding date of an organization is a birth date, a ship's build year goes to the
//!   remarks; the IMO number is an identifier; a person's title goes to the remarks.
//!
//! ```
//! let xml = r#"<?xml version="1.0"?><data-set><record>
//!   <Country>Russia / Russie</Country><LastName>Prigozhin</LastName>
//!   <GivenName>Yevgeniy Viktorovich</GivenName>
//!   <Aliases>Russian: Евгений Викторович Пригожин</Aliases>
//!   <Schedule>1, Part 1</Schedule><Item>12</Item><DateOfListing>2017-01-17</DateOfListing>
//! </record></data-set>"#;
//! let loaded = sanctions::sources::canada::read(xml.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!(e.id.id, "Russia / Russie/1, Part 1/12");
//! assert_eq!(e.names[1].lang.as_deref(), Some("ru"));
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::fields::{parse_birth_date, parse_partial_date};
use super::xml::{Element, XmlReader};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Entity, EntityId, EntityKind, Identifier, IdentifierKind, Name, NameKind, Source,
};

/// Language labels written before aliases, and their ISO 639-1 codes.
const LANGUAGES: &[(&str, &str)] = &[
    ("russian", "ru"),
    ("belarusian", "be"),
    ("belarussian", "be"),
    ("ukrainian", "uk"),
    ("arabic", "ar"),
    ("hebrew", "he"),
    ("chinese", "zh"),
    ("farsi", "fa"),
    ("persian", "fa"),
    ("armenian", "hy"),
    ("georgian", "ka"),
    ("kazakh", "kk"),
    ("korean", "ko"),
    ("burmese", "my"),
    ("french", "fr"),
    ("english", "en"),
];

/// Reads the Canadian SEMA list.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the root is not `data-set`; [`ErrorKind::Malformed`]
/// (with the line) for XML that is not well formed or is truncated; [`ErrorKind::Encoding`]
/// for bytes that are not UTF-8.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::canada};
///
/// let xml = "<data-set><record><LastName>Prigozhin</LastName>"; // cut short
/// let err = canada::read(xml.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// assert_eq!(err.to_string(), "line 1: expected the rest of the Canada SEMA XML document, found the end of the file (truncated?)");
/// let err = canada::read(&b"<sdnList/>"[..]).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::UnknownFormat);
/// ```
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut xml = XmlReader::new(reader, "Canada SEMA XML");
    let mut out = Collector::new(Source::Canada, "record");
    let mut root_seen = false;
    while let Some(start) = xml.next_start()? {
        if start.depth == 1 {
            if start.name != "data-set" {
                return Err(Error::new(
                    ErrorKind::UnknownFormat,
                    format!(
                        "expected the Canada SEMA root element <data-set>, found <{}>",
                        start.name
                    ),
                )
                .with_line(start.line));
            }
            root_seen = true;
            continue;
        }
        if start.depth == 2 && start.name == "record" {
            let rec = xml.read_tree(start)?;
            record(rec, &mut out);
        }
    }
    if !root_seen {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected the Canada SEMA root element <data-set>, found an empty document",
        ));
    }
    Ok(out.finish())
}

fn record(rec: Element<'_>, out: &mut Collector) {
    let text = |name: &str| rec.child_text(name).map(str::to_string);
    let country = text("Country").unwrap_or_default();
    let schedule = text("Schedule").unwrap_or_default();
    let Some(item) = text("Item") else {
        out.skip(
            Some(rec.line()),
            None,
            "expected an Item, which the record's id is made of, found none",
        );
        return;
    };
    let id = format!("{country}/{schedule}/{item}");
    let last = text("LastName");
    let given = text("GivenName");
    let entity_name = text("EntityOrShip");
    let title = text("TitleOrShip");
    let imo = text("ShipIMONumber");
    let kind = if last.is_some() || given.is_some() {
        EntityKind::Person
    } else if imo.is_some() || title.is_some() {
        EntityKind::Vessel
    } else {
        EntityKind::Organization
    };
    let mut entity = Entity::new(EntityId::new(Source::Canada, id.clone()), kind);
    let primary = match (&last, &given, &entity_name) {
        (Some(l), Some(g), _) => Some(format!("{l}, {g}")),
        (Some(l), None, _) => Some(l.clone()),
        (None, Some(g), _) => Some(g.clone()),
        (None, None, Some(n)) => Some(n.clone()),
        (None, None, None) => None,
    };
    // `X (also known as Y)` in EntityOrShip: X is the name, Y an a.k.a.
    let mut also_known = None;
    let primary = primary.map(|p| match p.split_once(" (also known as ") {
        Some((name, rest)) if rest.ends_with(')') => {
            also_known = rest.strip_suffix(')').map(str::to_string);
            name.trim().to_string()
        }
        _ => p,
    });
    if let Some(p) = primary {
        entity.names.push(Name::new(p));
    }
    if let Some(a) = also_known {
        entity.names.push(Name::new(a).with_kind(NameKind::Aka));
    }
    if kind == EntityKind::Person {
        if let Some(n) = &entity_name {
            entity
                .names
                .push(Name::new(n.clone()).with_kind(NameKind::Aka));
        }
    }
    if let Some(aliases) = text("Aliases") {
        for (alias, lang) in split_aliases(&aliases) {
            // A person's alias of one word (`Andrei`, `Hemedti`) is too broad to stand for the
            // person: a weak alias, matched only when near-exact.
            let one_word = alias.split_whitespace().count() == 1;
            let kind = if kind == EntityKind::Person && one_word {
                NameKind::WeakAka
            } else {
                NameKind::Aka
            };
            let mut name = Name::new(alias).with_kind(kind);
            if let Some(lang) = lang {
                name = name.with_lang(lang);
            }
            entity.names.push(name);
        }
    }
    if !country.is_empty() {
        entity.programs.push(country.clone());
    }
    let mut remarks = Vec::new();
    if let Some(t) = &title {
        if kind == EntityKind::Vessel {
            remarks.push(format!("Ship type: {t}"));
        } else {
            remarks.push(format!("Title: {t}"));
        }
    }
    if let Some(imo) = &imo {
        let mut id = Identifier::new(IdentifierKind::Imo, imo.clone());
        id.note = Some("ShipIMONumber".to_string());
        entity.identifiers.push(id);
    }
    if let Some(date) = text("DateOfBirthOrShipBuildDate") {
        if kind == EntityKind::Vessel {
            remarks.push(format!("Built: {date}"));
        } else {
            // `1963 or 1964`: each alternative is a birth date.
            let alternatives: Option<Vec<_>> = date
                .split(" or ")
                .flat_map(|p| p.split(" OR "))
                .map(parse_birth_date)
                .collect();
            match alternatives {
                Some(ds) => entity.birth_dates.extend(ds),
                None => {
                    remarks.push(format!("Date of birth: {date}"));
                    out.repair(
                        Some(rec.line()),
                        Some(&id),
                        format!("expected a date of birth, found {date:?}: kept in the remarks"),
                    );
                }
            }
        }
    }
    if let Some(listed) = text("DateOfListing") {
        match parse_partial_date(&listed) {
            Some(d) => entity.listed_on = Some(d),
            None => out.repair(
                Some(rec.line()),
                Some(&id),
                format!("expected a DateOfListing as YYYY-MM-DD, found {listed:?}: left out"),
            ),
        }
    }
    if !remarks.is_empty() {
        entity.remarks = Some(remarks.join("\n"));
    }
    out.push(entity, Some(rec.line()));
}

/// Splits the `Aliases` field into names, each with the language its label gives.
pub(crate) fn split_aliases(field: &str) -> Vec<(String, Option<&'static str>)> {
    let mut out = Vec::new();
    for part in field.split(';') {
        let pieces: Vec<&str> = part.split(',').map(str::trim).collect();
        let labelled = pieces.iter().any(|p| label(p).is_some());
        let all_names =
            pieces.len() > 1 && pieces.iter().all(|p| p.split_whitespace().count() >= 2);
        let names: Vec<&str> = if labelled || all_names {
            pieces
        } else {
            vec![part.trim()]
        };
        for name in names {
            let (text, lang) = match label(name) {
                Some((lang, rest)) => (rest, Some(lang)),
                None => (name, None),
            };
            let text = text.trim();
            if !text.is_empty() {
                out.push((text.to_string(), lang));
            }
        }
    }
    out
}

/// A language label at the start of an alias (`Russian: Евгений …`): the language code and
/// the rest.
fn label(text: &str) -> Option<(&'static str, &str)> {
    let (head, rest) = text.split_once(':')?;
    let head = head.trim().to_ascii_lowercase();
    LANGUAGES
        .iter()
        .find(|(name, _)| *name == head)
        .map(|(_, code)| (*code, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BirthDate, PartialDate};

    const FIXTURE: &str = include_str!("../../tests/data/canada/sema.xml");

    #[test]
    fn aliases_split_on_semicolons_commas_and_labels() {
        let got = split_aliases(
            "Ruslan Khikmetavich MASHADZEOU, Ruslan Chikmetovič MAŠADZEV, Belarusian: Руслан Хiкметовiч МАШАДЗЕЎ, Russian: Руслан Хикметович МАШАДИЕВ",
        );
        assert_eq!(got.len(), 4);
        assert_eq!(
            got[2],
            ("Руслан Хiкметовiч МАШАДЗЕЎ".to_string(), Some("be"))
        );
        assert_eq!(got[3].1, Some("ru"));
        let got = split_aliases("Сбербанк; Сбер; Sberbank of Russia, PJSC; Sber");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Сбербанк", "Сбер", "Sberbank of Russia, PJSC", "Sber"]
        );
    }

    #[test]
    fn fixture_records_field_by_field() {
        let loaded = read(FIXTURE.as_bytes()).unwrap();
        let es = &loaded.list.entities;
        assert_eq!(es.len(), 3);
        let p = &es[0];
        assert_eq!(p.id.id, "Belarus / Bélarus/1, Part 1/99");
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.names[0].text, "MASHADZIYEU, Ruslan Khikmetavich");
        assert_eq!(p.names.len(), 3);
        assert_eq!(p.names[2].lang.as_deref(), Some("ru"));
        assert_eq!(
            p.birth_dates,
            [BirthDate::On("1979-06-03".parse::<PartialDate>().unwrap())]
        );
        assert_eq!(p.programs, ["Belarus / Bélarus"]);
        assert_eq!(p.listed_on, "2024-04-12".parse().ok());
        let ship = &es[1];
        assert_eq!(ship.kind, EntityKind::Vessel);
        assert_eq!(ship.identifiers[0].value, "7612448");
        assert_eq!(ship.identifiers[0].kind, IdentifierKind::Imo);
        assert!(ship.birth_dates.is_empty());
        assert!(ship.remarks.as_deref().unwrap().contains("Built: 1980"));
        let org = &es[2];
        assert_eq!(org.kind, EntityKind::Organization);
        assert_eq!(org.id.id, "Russia / Russie//7");
        // The record without an Item is reported, not dropped silently.
        assert_eq!(loaded.report.skipped(), 1);
    }

    #[test]
    fn malformed_files_are_errors() {
        let truncated = &FIXTURE[..FIXTURE.len() / 2];
        let e = read(truncated.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Malformed);
        assert!(e.line().is_some());
        let e = read("<other><record/></other>".as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::UnknownFormat);
        assert!(e.to_string().contains("<data-set>"), "{e}");
    }
}
