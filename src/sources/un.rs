//! The UN Security Council consolidated list, as the official XML.
//!
//! The root is `<CONSOLIDATED_LIST dateGenerated="..">`, without a namespace (a namespaced root
//! is an error naming it), holding `<INDIVIDUALS>` of `<INDIVIDUAL>` and `<ENTITIES>` of
//! `<ENTITY>`. Values are element text in upper-case tags; every value is trimmed, and names
//! and labels have their inner runs of whitespace (embedded newlines) collapsed.
//!
//! # How fields map
//!
//! | UN | model |
//! | --- | --- |
//! | `@dateGenerated` | [`SanctionsList::published`](crate::model::SanctionsList) |
//! | `DATAID` | the entity id (DESIGN.md) |
//! | `INDIVIDUAL` / `ENTITY` | kind person / organization |
//! | `FIRST_NAME` .. `FOURTH_NAME` | the primary name, parts joined in listed order (they are not given/family names) |
//! | `NAME_ORIGINAL_SCRIPT` | an a.k.a. in its own script (Arabic or Cyrillic) |
//! | `INDIVIDUAL_ALIAS` `QUALITY` `Good` / `Low` | a.k.a. / weak a.k.a. |
//! | `ENTITY_ALIAS` `QUALITY` `a.k.a.` / `f.k.a.` | a.k.a. / f.k.a. |
//! | alias `DATE_OF_BIRTH`, `CITY_OF_BIRTH`, `COUNTRY_OF_BIRTH`, `NOTE` | birth dates, birth places, remarks; the spellings a note gives (`original script: Абу Банат`, `in Arabic script: شركة الكوثر`, `Yunis al-Mauritani; Younis al-Mauritani`) are names of the alias's kind too |
//! | `UN_LIST_TYPE` | programs (`Al-Qaida`, `DPRK`, ...) |
//! | `REFERENCE_NUMBER` | an identifier of kind `other` noted `UN reference number` (`QDi.430`: the EU `unitedNationId` and UK "UN Ref" point to it) |
//! | `LISTED_ON` | `listed_on` |
//! | `GENDER` | gender |
//! | `NATIONALITY/VALUE` | nationalities, country names to ISO codes |
//! | `INDIVIDUAL_DATE_OF_BIRTH` | birth dates: `TYPE_OF_DATE` `EXACT` / `APPROXIMATELY` / `BETWEEN` with `DATE`, `YEAR`, or `FROM_YEAR`..`TO_YEAR`; a date written only in `NOTE` (`Nov. 1973`) is parsed from it |
//! | `INDIVIDUAL_PLACE_OF_BIRTH` | birth places (`CITY, STATE_PROVINCE, COUNTRY`) |
//! | `INDIVIDUAL_DOCUMENT` | identifiers typed by `TYPE_OF_DOCUMENT`/`TYPE_OF_DOCUMENT2` (English, French or Spanish), country from `ISSUING_COUNTRY` or `COUNTRY_OF_ISSUE`, the rest in the note; the holder's name in its own script that a `NOTE` gives (`name in Arabic script: ...`) an a.k.a. |
//! | `INDIVIDUAL_ADDRESS` / `ENTITY_ADDRESS` | addresses, and their countries into `countries`; `NOTE` into remarks |
//! | `COMMENTS1`, `TITLE/VALUE`, `DESIGNATION/VALUE` | remarks (`Title: ..`, `Designation: ..`), one a line |
//!
//! `VERSIONNUM`, `LIST_TYPE` (always "UN List"), `LAST_DAY_UPDATED` and the `SORT_KEY`s are
//! publication bookkeeping, not facts about the party, and are not kept.
//!
//! # Traps
//!
//! - `QUALITY` means Good/Low for individuals but the alias *type* (a.k.a./f.k.a.) for
//!   entities.
//! - Records carry empty placeholder elements: `<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/>`,
//!   `<INDIVIDUAL_DOCUMENT/>`, `<TYPE_OF_DATE/>`, `<COUNTRY/>`. An empty alias is reported
//!   (skipped, "empty alias placeholder"); the other empty elements hold nothing and are passed
//!   over.
//! - Some documents have no `NUMBER`: the number is inside the `NOTE` text. They are kept in the
//!   remarks and reported. A birth date that only a `NOTE` gives and that cannot be read as a
//!   date (`30-35 years old`, a Hijri date) is kept in the remarks and reported too.
//! - A nationality of `na` means "not available" and is left out.
//!
//! # Example
//!
//! ```
//! use sanctions::model::{EntityKind, NameKind, Script};
//! use sanctions::sources::un;
//!
//! let xml = r#"<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS>
//!   <INDIVIDUAL><DATAID>6908048</DATAID><FIRST_NAME>SADDAM</FIRST_NAME>
//!     <SECOND_NAME>HUSSEIN</SECOND_NAME><THIRD_NAME>AL-TIKRITI</THIRD_NAME>
//!     <UN_LIST_TYPE>Iraq</UN_LIST_TYPE><LISTED_ON>2003-06-27</LISTED_ON>
//!     <NAME_ORIGINAL_SCRIPT>صدام حسين التكريتي</NAME_ORIGINAL_SCRIPT>
//!     <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Ali</ALIAS_NAME></INDIVIDUAL_ALIAS>
//!   </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>"#;
//! let loaded = un::read(xml.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!((e.id.id.as_str(), e.kind), ("6908048", EntityKind::Person));
//! assert_eq!(e.names[0].text, "SADDAM HUSSEIN AL-TIKRITI");
//! assert_eq!(e.names[1].script, Script::Arabic);
//! assert_eq!(e.names[2].kind, NameKind::WeakAka);
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::fields::{country_code, identifier_kind, parse_birth_date, parse_partial_date};
use super::xml::{Element, XmlReader};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Address, BirthDate, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name,
    NameKind, PartialDate, Script, Source,
};

const WHAT: &str = "UN consolidated XML";

/// Reads the UN Security Council consolidated list XML.
///
/// # Errors
///
/// [`ErrorKind::UnknownFormat`] when the root element is not `CONSOLIDATED_LIST` or is in a
/// namespace; [`ErrorKind::Malformed`] (with the line) when the XML is not well formed or is
/// truncated; [`ErrorKind::Encoding`] when it is not UTF-8; [`ErrorKind::Io`] when reading
/// fails.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::un};
///
/// let empty = un::read(&br#"<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"/>"#[..])?;
/// assert!(empty.list.entities.is_empty());
/// assert_eq!(empty.list.published.map(|d| d.to_string()).as_deref(), Some("2026-02-27"));
/// let err = un::read(&b"<CONSOLIDATED_LIST><INDIVIDUALS>"[..]).unwrap_err();
/// assert_eq!((err.kind(), err.line()), (ErrorKind::Malformed, Some(1)));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read(reader: impl BufRead) -> Result<Loaded> {
    let mut xml = XmlReader::new(reader, WHAT);
    let mut out = Collector::new(Source::Un, "UN record");
    let Some(root) = xml.next_start()? else {
        return Err(xml.error(
            "expected the root element <CONSOLIDATED_LIST> of the UN consolidated XML, found no element",
        ));
    };
    if root.name != "CONSOLIDATED_LIST" {
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            format!(
                "expected the root element <CONSOLIDATED_LIST> of the UN consolidated XML, found <{}>",
                root.name
            ),
        )
        .with_line(root.line));
    }
    if let Some(ns) = root.attr("xmlns") {
        return Err(Error::new(
            ErrorKind::UnknownFormat,
            format!("expected <CONSOLIDATED_LIST> without a namespace, found the namespace {ns}"),
        )
        .with_line(root.line));
    }
    out.published(root.attr("dateGenerated").and_then(parse_partial_date));
    let mut section: Option<String> = None;
    while let Some(start) = xml.next_start()? {
        match (start.depth, start.name.as_str()) {
            (2, "INDIVIDUALS" | "ENTITIES") => section = Some(start.name.clone()),
            (3, "INDIVIDUAL" | "ENTITY") => {
                let expected = if start.name == "INDIVIDUAL" {
                    "INDIVIDUALS"
                } else {
                    "ENTITIES"
                };
                if section.as_deref() != Some(expected) {
                    out.skip(
                        Some(start.line),
                        None,
                        format!(
                            "expected <{}> inside <{expected}>, found it inside <{}>",
                            start.name,
                            section.as_deref().unwrap_or("?")
                        ),
                    );
                    xml.skip(&start)?;
                    continue;
                }
                let kind = if start.name == "INDIVIDUAL" {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                };
                let tree = xml.read_tree(start)?;
                read_record(tree, kind, &mut out);
            }
            _ => {
                out.skip(
                    Some(start.line),
                    None,
                    format!(
                        "expected <INDIVIDUALS>/<INDIVIDUAL> or <ENTITIES>/<ENTITY>, found <{}>",
                        start.name
                    ),
                );
                xml.skip(&start)?;
            }
        }
    }
    Ok(out.finish())
}

/// Text trimmed, with inner runs of whitespace (embedded newlines and indentation) made one
/// space; `None` when empty.
fn clean(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Some(out).filter(|s| !s.is_empty())
}

/// The cleaned text of the first child of a name.
fn field(e: Element<'_>, name: &str) -> Option<String> {
    e.child(name).and_then(|c| clean(c.raw_text()))
}

/// The cleaned `VALUE` texts of every child of a name.
fn values(e: Element<'_>, name: &str) -> Vec<String> {
    e.children(name)
        .flat_map(|c| c.children("VALUE"))
        .filter_map(|v| clean(v.raw_text()))
        .collect()
}

/// A country as an ISO code when the name is known, else as written.
fn country(text: &str) -> String {
    country_code(text).map_or_else(|| text.to_string(), str::to_string)
}

/// An `xs:date`, with or without a time zone (`2015-04-07-04:00`, `2015-04-07Z`).
fn xs_date(text: &str) -> Option<PartialDate> {
    parse_partial_date(text).or_else(|| {
        let date = text.get(..10)?;
        let zone = text.get(10..)?;
        let zoned = zone == "Z"
            || (zone.len() == 6
                && (zone.starts_with('+') || zone.starts_with('-'))
                && zone.get(3..4) == Some(":"));
        if zoned { date.parse().ok() } else { None }
    })
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Free-text lines of a record, kept once each in file order.
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

    fn finish(self) -> Option<String> {
        Some(self.0.join("\n")).filter(|s| !s.is_empty())
    }
}

/// The record and what is being built from it.
struct Record<'a> {
    id: &'a str,
    entity: Entity,
    remarks: Remarks,
}

const KNOWN: &[&str] = &[
    "DATAID",
    "VERSIONNUM",
    "FIRST_NAME",
    "SECOND_NAME",
    "THIRD_NAME",
    "FOURTH_NAME",
    "UN_LIST_TYPE",
    "REFERENCE_NUMBER",
    "LISTED_ON",
    "GENDER",
    "COMMENTS1",
    "NAME_ORIGINAL_SCRIPT",
    "TITLE",
    "DESIGNATION",
    "NATIONALITY",
    "LIST_TYPE",
    "LAST_DAY_UPDATED",
    "SORT_KEY",
    "SORT_KEY_LAST_MOD",
];

fn read_record(tree: Element<'_>, kind: EntityKind, out: &mut Collector) {
    let line = Some(tree.line());
    let Some(id) = field(tree, "DATAID") else {
        out.skip(
            line,
            tree.child("REFERENCE_NUMBER").and_then(Element::text),
            format!("expected a DATAID in the <{}>, found none", tree.name()),
        );
        return;
    };
    let mut rec = Record {
        id: &id,
        entity: Entity::new(EntityId::new(Source::Un, id.as_str()), kind),
        remarks: Remarks::default(),
    };
    let parts: Vec<String> = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
        .iter()
        .filter_map(|p| field(tree, p))
        .collect();
    if !parts.is_empty() {
        rec.entity.names.push(Name::new(parts.join(" ")));
    }
    if let Some(original) = field(tree, "NAME_ORIGINAL_SCRIPT") {
        rec.entity
            .names
            .push(Name::new(original).with_kind(NameKind::Aka));
    }
    if let Some(program) = field(tree, "UN_LIST_TYPE") {
        rec.entity.programs.push(program);
    }
    if let Some(reference) = field(tree, "REFERENCE_NUMBER") {
        let mut ident = Identifier::new(IdentifierKind::Other, reference);
        ident.note = Some("UN reference number".to_string());
        rec.entity.identifiers.push(ident);
    }
    if let Some(listed) = field(tree, "LISTED_ON") {
        rec.entity.listed_on = xs_date(&listed);
        if rec.entity.listed_on.is_none() {
            out.repair(
                line,
                Some(&id),
                format!("expected LISTED_ON as YYYY-MM-DD, found {listed:?}: left out"),
            );
        }
    }
    match field(tree, "GENDER").as_deref() {
        None => {}
        Some(g) if g.eq_ignore_ascii_case("male") => rec.entity.gender = Some(Gender::Male),
        Some(g) if g.eq_ignore_ascii_case("female") => rec.entity.gender = Some(Gender::Female),
        Some(g) => {
            rec.remarks.add(format!("Gender: {g}"));
            out.repair(
                line,
                Some(&id),
                format!("expected GENDER Male or Female, found {g:?}: kept in the remarks"),
            );
        }
    }
    if let Some(c) = tree.child("COMMENTS1").and_then(Element::text) {
        rec.remarks.add(c);
    }
    for t in values(tree, "TITLE") {
        rec.remarks.add(format!("Title: {t}"));
    }
    for d in values(tree, "DESIGNATION") {
        rec.remarks.add(format!("Designation: {d}"));
    }
    for n in values(tree, "NATIONALITY") {
        if matches!(n.to_ascii_lowercase().as_str(), "na" | "n/a" | "unknown") {
            continue;
        }
        push_unique(&mut rec.entity.nationalities, country(&n));
    }
    for child in tree.elements() {
        match child.name() {
            "INDIVIDUAL_ALIAS" | "ENTITY_ALIAS" => alias(child, &mut rec, out),
            "INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS" => address(child, &mut rec),
            "INDIVIDUAL_DATE_OF_BIRTH" => date_of_birth(child, &mut rec, out),
            "INDIVIDUAL_PLACE_OF_BIRTH" => {
                if let Some(place) = place_of_birth(child) {
                    push_unique(&mut rec.entity.birth_places, place);
                }
            }
            "INDIVIDUAL_DOCUMENT" => document(child, &mut rec, out),
            name if KNOWN.contains(&name) => {}
            other => out.skip(
                Some(child.line()),
                Some(&id),
                format!(
                    "expected a known element in the <{}>, found <{other}>",
                    tree.name()
                ),
            ),
        }
    }
    let Record {
        mut entity,
        remarks,
        ..
    } = rec;
    entity.remarks = remarks.finish();
    out.push(entity, line);
}

fn alias(e: Element<'_>, rec: &mut Record<'_>, out: &mut Collector) {
    let Some(name) = field(e, "ALIAS_NAME") else {
        out.skip(
            Some(e.line()),
            Some(rec.id),
            format!(
                "expected an ALIAS_NAME in the <{}>, found an empty alias placeholder",
                e.name()
            ),
        );
        return;
    };
    let quality = field(e, "QUALITY").unwrap_or_default();
    let kind = match quality.to_ascii_lowercase().as_str() {
        "good" | "a.k.a." | "aka" => NameKind::Aka,
        "low" => NameKind::WeakAka,
        "f.k.a." | "fka" => NameKind::Fka,
        _ => {
            out.repair(
                Some(e.line()),
                Some(rec.id),
                format!(
                    "expected QUALITY Good, Low, a.k.a. or f.k.a. for the alias {name:?}, found {quality:?}: taken as an a.k.a."
                ),
            );
            NameKind::Aka
        }
    };
    let alias_note = field(e, "NOTE");
    if let Some(note) = &alias_note {
        rec.remarks.add(format!("Alias {name}: {note}"));
    }
    if let Some(dob) = field(e, "DATE_OF_BIRTH") {
        match xs_date(&dob)
            .map(BirthDate::On)
            .or_else(|| parse_birth_date(&dob))
        {
            Some(d) => push_unique(&mut rec.entity.birth_dates, d),
            None => {
                rec.remarks
                    .add(format!("Alias {name}: date of birth {dob}"));
                out.repair(
                    Some(e.line()),
                    Some(rec.id),
                    format!(
                        "expected a date of birth of the alias, found {dob:?}: kept in the remarks"
                    ),
                );
            }
        }
    }
    let place: Vec<String> = ["CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"]
        .iter()
        .filter_map(|p| field(e, p))
        .collect();
    if !place.is_empty() {
        push_unique(&mut rec.entity.birth_places, place.join(", "));
    }
    let (main, variants, note) = split_alias(&name);
    if let Some(note) = note {
        rec.remarks.add(format!("Alias {main}: ({note})"));
    }
    if !variants.is_empty() {
        out.repair(
            Some(e.line()),
            Some(rec.id),
            format!(
                "expected one name in the ALIAS_NAME {name:?}, found {} spellings: kept as {} names",
                variants.len() + 1,
                variants.len() + 1
            ),
        );
    }
    // Spellings the note gives (`original script: Абу Банат`, `in Arabic script: شركة
    // الكوثر`, `Abdul Rehman Sindhi; Abdur Rahman al-Sindhi`): names as the UN publishes them.
    let noted = alias_note
        .as_deref()
        .map(spellings_in_note)
        .unwrap_or_default();
    rec.entity.names.push(Name::new(main).with_kind(kind));
    for v in variants {
        rec.entity.names.push(Name::new(v).with_kind(kind));
    }
    for v in noted {
        if !rec.entity.names.iter().any(|n| n.text == v) {
            rec.entity.names.push(Name::new(v).with_kind(kind));
        }
    }
}

/// The labels after which a note gives a name in its own script (`original script: Абу
/// Банат`, `In Arabic: سيف العدل`, a document's `name in Arabic script: ...`), lower-cased.
const SCRIPT_LABELS: &[&str] = &["original script:", "in arabic script:", "in arabic:"];

/// The spellings of a name that a note of the UN file gives: the text after a label of
/// [`SCRIPT_LABELS`] to the note's end, when it is written in another script than Latin; or
/// a list of two names or more separated by `;`, the whole note or in a parenthesis (`Yunis
/// al-Mauritani; Younis al-Mauritani`, `(Abu Du’a; Abu Duaa’) prominently known by this nom de
/// guerre`). Parts with digits, colons or more words than a name has are no names (`Passport
/// number: B0515260; DOB: 1948`); a note of one name alone is a remark (`formerly listed as`,
/// `combat name`, `(Iraq)`).
fn spellings_in_note(note: &str) -> Vec<String> {
    // ASCII lower-casing keeps byte offsets.
    let lower = note.to_ascii_lowercase();
    for label in SCRIPT_LABELS {
        let Some(at) = lower.find(label) else {
            continue;
        };
        let rest = note
            .get(at + label.len()..)
            .unwrap_or_default()
            .trim()
            .trim_end_matches(['.', ';', ','])
            .trim();
        if is_spelling(rest) && Script::detect(rest) != Script::Latin {
            return vec![rest.to_string()];
        }
    }
    let mut groups = vec![note];
    let mut from = 0;
    while let Some(open) = note.get(from..).and_then(|r| r.find('(')) {
        let start = from + open + 1;
        let Some(len) = note.get(start..).and_then(|r| r.find(')')) else {
            break;
        };
        groups.extend(note.get(start..start + len));
        from = start + len + 1;
    }
    for group in groups {
        let parts: Vec<&str> = group.split(';').map(str::trim).collect();
        if parts.len() >= 2 && parts.iter().all(|p| is_spelling(p)) {
            return parts.into_iter().map(str::to_string).collect();
        }
    }
    Vec::new()
}

/// Whether a part of a note reads as a name: letters, at most [`MAX_NOTE_NAME_WORDS`] words,
/// no digits, colons or slashes.
fn is_spelling(part: &str) -> bool {
    part.chars().any(char::is_alphabetic)
        && !part
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '(' | ')'))
        && part.split_whitespace().count() <= MAX_NOTE_NAME_WORDS
}

/// The most words a name given in a note has (the longest in the file's notes has six).
const MAX_NOTE_NAME_WORDS: usize = 8;

/// Splits an alias that carries other spellings in a closing parenthesis: `حسن غول (Hassan
/// Ghul; Hassan Gul; Hasan Gul)`, `Jin Tiesan (金铁三)`, `Amir Khazmat (original script: Амир
/// Хазмат)`. The parenthesis holds spellings when it says `original script:`, when it is in
/// another script than the name, or when it lists names separated by `;`; otherwise it is a
/// note (`(birth name)`, `(COMBAT NAME)`, a passport), returned apart for the remarks.
fn split_alias(text: &str) -> (String, Vec<String>, Option<String>) {
    let trimmed = text.trim().trim_end_matches(',').trim_end();
    let (Some(open), true) = (matching_open(trimmed), trimmed.ends_with(')')) else {
        return (text.trim().to_string(), Vec::new(), None);
    };
    let main = trimmed
        .get(..open)
        .unwrap_or_default()
        .trim()
        .trim_end_matches(',')
        .trim();
    let inner = trimmed
        .get(open + 1..trimmed.len() - 1)
        .unwrap_or_default()
        .trim();
    if main.is_empty() || inner.is_empty() {
        return (text.trim().to_string(), Vec::new(), None);
    }
    let (inner, labelled) = match inner.strip_prefix("original script:") {
        Some(rest) => (rest.trim(), true),
        None => (inner, false),
    };
    let other_script = Script::detect(inner) != Script::detect(main);
    if labelled || other_script || inner.contains(';') {
        let variants = inner
            .split(';')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect();
        (main.to_string(), variants, None)
    } else {
        (main.to_string(), Vec::new(), Some(inner.to_string()))
    }
}

/// The byte offset of the parenthesis that the final `)` of `text` closes: the parenthesis
/// may hold another (`أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))`).
fn matching_open(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

fn address(e: Element<'_>, rec: &mut Record<'_>) {
    let addr = Address {
        full: None,
        street: field(e, "STREET"),
        city: field(e, "CITY"),
        region: field(e, "STATE_PROVINCE"),
        postal_code: field(e, "ZIP_CODE"),
        country: field(e, "COUNTRY").map(|c| country(&c)),
    };
    if let Some(c) = &addr.country {
        push_unique(&mut rec.entity.countries, c.clone());
    }
    if let Some(note) = field(e, "NOTE") {
        let at: Vec<&str> = [&addr.street, &addr.city, &addr.region, &addr.country]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        if at.is_empty() {
            rec.remarks.add(format!("Address: {note}"));
        } else {
            rec.remarks
                .add(format!("Address {}: {note}", at.join(", ")));
        }
    }
    if addr != Address::default() {
        push_unique(&mut rec.entity.addresses, addr);
    }
}

fn year(e: Element<'_>, name: &str) -> Option<PartialDate> {
    field(e, name)
        .and_then(|y| y.parse::<u16>().ok())
        .and_then(|y| PartialDate::new(y, None, None))
}

fn date_of_birth(e: Element<'_>, rec: &mut Record<'_>, out: &mut Collector) {
    let kind = field(e, "TYPE_OF_DATE")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let note = field(e, "NOTE");
    let approx = kind == "APPROXIMATELY";
    let date = if let Some(d) = field(e, "DATE") {
        xs_date(&d).map(BirthDate::On)
    } else if let Some(y) = field(e, "YEAR") {
        // A month written in the note beside the year (`Sep.`) makes the date more precise.
        note.as_deref()
            .and_then(|n| parse_partial_date(&format!("{n} {y}")))
            .or_else(|| year(e, "YEAR"))
            .map(BirthDate::On)
    } else if field(e, "FROM_YEAR").is_some() || field(e, "TO_YEAR").is_some() {
        match (year(e, "FROM_YEAR"), year(e, "TO_YEAR")) {
            (Some(from), Some(to)) if from <= to => Some(BirthDate::Between { from, to }),
            _ => None,
        }
    } else if let Some(n) = &note {
        parse_birth_date(n)
    } else {
        // `<TYPE_OF_DATE/>` and nothing else: an empty placeholder.
        return;
    };
    let Some(date) = date else {
        let shown: Vec<String> = ["DATE", "YEAR", "FROM_YEAR", "TO_YEAR", "NOTE"]
            .iter()
            .filter_map(|p| field(e, p).map(|v| format!("{p} {v}")))
            .collect();
        let shown = shown.join(", ");
        rec.remarks.add(format!("Date of birth: {shown}"));
        out.repair(
            Some(e.line()),
            Some(rec.id),
            format!("expected a date of birth, found {shown:?}: kept in the remarks"),
        );
        return;
    };
    let date = match (approx, date) {
        (true, BirthDate::On(d)) => BirthDate::Circa { circa: d },
        (_, d) => d,
    };
    // A note that is not the date itself (`from false passport`) is kept.
    if let Some(n) = &note {
        let is_date_text = field(e, "DATE").is_none()
            && field(e, "FROM_YEAR").is_none()
            && (parse_birth_date(n).is_some() || field(e, "YEAR").is_some());
        if !is_date_text && !n.eq_ignore_ascii_case("approximately") {
            rec.remarks.add(format!("Date of birth: {n}"));
        }
    }
    push_unique(&mut rec.entity.birth_dates, date);
}

fn place_of_birth(e: Element<'_>) -> Option<String> {
    let parts: Vec<String> = ["STREET", "CITY", "STATE_PROVINCE", "COUNTRY"]
        .iter()
        .filter_map(|p| field(e, p))
        .collect();
    let mut place = parts.join(", ");
    if let Some(note) = field(e, "NOTE") {
        if place.is_empty() {
            place = note;
        } else {
            place = format!("{place} ({note})");
        }
    }
    Some(place).filter(|p| !p.is_empty())
}

/// The kind of a document from its labels, in English, French or Spanish.
fn document_kind(labels: &[&str]) -> IdentifierKind {
    let joined = labels.join(" ").to_lowercase();
    if joined.contains("passport") || joined.contains("passeport") || joined.contains("pasaporte") {
        return IdentifierKind::Passport;
    }
    for label in labels {
        let kind = identifier_kind(label);
        if kind != IdentifierKind::Other {
            return kind;
        }
    }
    IdentifierKind::Other
}

fn document(e: Element<'_>, rec: &mut Record<'_>, out: &mut Collector) {
    let type1 = field(e, "TYPE_OF_DOCUMENT");
    let type2 = field(e, "TYPE_OF_DOCUMENT2");
    let mut note: Vec<String> = Vec::new();
    note.extend(type1.clone());
    note.extend(type2.clone());
    for (p, label) in [
        ("DATE_OF_ISSUE", "issued on"),
        ("CITY_OF_ISSUE", "issued in"),
    ] {
        if let Some(v) = field(e, p) {
            note.push(format!("{label} {v}"));
        }
    }
    let issuing = field(e, "ISSUING_COUNTRY");
    let country_of_issue = field(e, "COUNTRY_OF_ISSUE");
    if let (Some(a), Some(b)) = (&issuing, &country_of_issue) {
        if a != b {
            note.push(format!("country of issue {b}"));
        }
    }
    note.extend(field(e, "NOTE"));
    let Some(number) = field(e, "NUMBER") else {
        if note.is_empty() && issuing.is_none() && country_of_issue.is_none() {
            // `<INDIVIDUAL_DOCUMENT/>`: an empty placeholder.
            return;
        }
        let mut text = note.join("; ");
        if let Some(c) = issuing.as_ref().or(country_of_issue.as_ref()) {
            text = format!("{text} ({c})");
        }
        rec.remarks.add(format!("Document: {text}"));
        out.repair(
            Some(e.line()),
            Some(rec.id),
            format!("expected a NUMBER in the INDIVIDUAL_DOCUMENT, found none: {text:?} kept in the remarks"),
        );
        return;
    };
    let labels: Vec<&str> = type1
        .iter()
        .chain(type2.iter())
        .map(String::as_str)
        .collect();
    // The holder's name as the document writes it (`name in Arabic script: سالم مصطفى محمد`).
    if let Some(n) = field(e, "NOTE") {
        for v in spellings_in_note(&n) {
            if Script::detect(&v) != Script::Latin && !rec.entity.names.iter().any(|n| n.text == v)
            {
                rec.entity.names.push(Name::new(v).with_kind(NameKind::Aka));
            }
        }
    }
    let mut ident = Identifier::new(document_kind(&labels), number);
    ident.country = issuing.or(country_of_issue).map(|c| country(&c));
    ident.note = Some(note.join("; ")).filter(|n| !n.is_empty());
    push_unique(&mut rec.entity.identifiers, ident);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Script;
    use crate::sources::IssueAction;

    const VALID: &[u8] = include_bytes!("../../tests/data/un/valid.xml");

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    fn ident(kind: IdentifierKind, value: &str, country: Option<&str>, note: &str) -> Identifier {
        let mut i = Identifier::new(kind, value);
        i.country = country.map(str::to_string);
        i.note = Some(note.to_string());
        i
    }

    fn names(e: &Entity) -> Vec<(&str, NameKind)> {
        e.names.iter().map(|n| (n.text.as_str(), n.kind)).collect()
    }

    #[test]
    fn individual_field_by_field() {
        let loaded = read(VALID).unwrap();
        assert_eq!(loaded.list.source, Source::Un);
        assert_eq!(loaded.list.published, Some(d("2026-02-27")));
        let e = &loaded.list.entities[0];
        assert_eq!(e.id, EntityId::new(Source::Un, "6908048"));
        assert_eq!(e.kind, EntityKind::Person);
        assert_eq!(
            names(e),
            vec![
                ("SADDAM HUSSEIN AL-TIKRITI", NameKind::Primary),
                ("صدام حسين التكريتي", NameKind::Aka),
                ("Abu Ali", NameKind::WeakAka),
                ("Saddam Hussein Al-Majid", NameKind::Aka),
            ]
        );
        assert_eq!(e.names[1].script, Script::Arabic);
        assert_eq!(e.names[1].lang, None);
        assert_eq!(e.programs, vec!["Iraq"]);
        assert_eq!(e.listed_on, Some(d("2003-06-27")));
        assert_eq!(e.gender, Some(Gender::Male));
        // `na` is "not available"; a name without a code is kept as written.
        assert_eq!(e.nationalities, vec!["IQ", "former Soviet Union"]);
        assert_eq!(
            e.birth_dates,
            vec![
                BirthDate::On(d("1937-04-29")),
                BirthDate::On(d("1937-04-28")),
                BirthDate::Circa { circa: d("1938") },
                BirthDate::Between {
                    from: d("1935"),
                    to: d("1939")
                },
                BirthDate::On(d("1936-09")),
                BirthDate::On(d("1934-11")),
            ]
        );
        assert_eq!(
            e.birth_places,
            vec!["Tikrit, Iraq", "al-Awja, near Tikrit, Iraq"]
        );
        assert_eq!(e.countries, vec!["IQ"]);
        assert_eq!(
            e.addresses,
            vec![Address {
                full: None,
                street: Some("1 Palace Road".into()),
                city: Some("Baghdad".into()),
                region: None,
                postal_code: None,
                country: Some("IQ".into()),
            }]
        );
        assert_eq!(
            e.identifiers,
            vec![
                ident(
                    IdentifierKind::Other,
                    "IQi.001",
                    None,
                    "UN reference number"
                ),
                ident(
                    IdentifierKind::Passport,
                    "AB850901",
                    Some("IQ"),
                    "Numéro de passeport; Expired 28 Nov. 2016"
                ),
                ident(
                    IdentifierKind::NationalId,
                    "1-78-09-44621-80",
                    None,
                    "National Identification Number; FARDC ID"
                ),
            ]
        );
        assert_eq!(
            e.remarks.as_deref(),
            Some(
                "Former President.\n\
                 Title: Dr.\n\
                 Designation: President of Iraq\n\
                 Alias Saddam Hussein Al-Majid: used in 1990\n\
                 Address 1 Palace Road, Baghdad, IQ: as of 2003\n\
                 Date of birth: NOTE 30-35 years old\n\
                 Document: Passport; Libyan passport number 347834"
            )
        );
    }

    #[test]
    fn entity_aliases_are_aka_and_fka_and_records_merge() {
        let loaded = read(VALID).unwrap();
        assert_eq!(loaded.list.entities.len(), 3);
        let e = &loaded.list.entities[1];
        assert_eq!(e.id.id, "110405");
        assert_eq!(e.kind, EntityKind::Organization);
        assert_eq!(
            names(e),
            vec![
                ("ALLIED DEMOCRATIC FORCES", NameKind::Primary),
                ("ADF", NameKind::Aka),
                ("ADF/NALU", NameKind::Fka),
                ("Forces Démocratiques Alliées", NameKind::Aka),
            ]
        );
        assert_eq!(e.programs, vec!["DRC", "Al-Qaida"]);
        // An `xs:date` with a time zone.
        assert_eq!(e.listed_on, Some(d("2014-06-30")));
        assert_eq!(e.countries, vec!["CD"]);
        assert_eq!(e.addresses[0].region.as_deref(), Some("North Kivu"));
        assert_eq!(e.remarks, None);
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
                    Some(47),
                    Some("6908048"),
                    IssueAction::Skipped,
                    "expected an ALIAS_NAME in the <INDIVIDUAL_ALIAS>, found an empty alias placeholder"
                ),
                (
                    Some(83),
                    Some("6908048"),
                    IssueAction::Repaired,
                    "expected a date of birth, found \"NOTE 30-35 years old\": kept in the remarks"
                ),
                (
                    Some(109),
                    Some("6908048"),
                    IssueAction::Repaired,
                    "expected a NUMBER in the INDIVIDUAL_DOCUMENT, found none: \"Passport; Libyan passport number 347834\" kept in the remarks"
                ),
                (
                    Some(138),
                    Some("110405"),
                    IssueAction::Skipped,
                    "expected an ALIAS_NAME in the <ENTITY_ALIAS>, found an empty alias placeholder"
                ),
                (
                    Some(150),
                    Some("110405"),
                    IssueAction::Repaired,
                    "the UN record shares its id with an earlier one: one entity with the union of their names, programs and facts"
                ),
                (
                    Some(159),
                    None,
                    IssueAction::Skipped,
                    "expected a DATAID in the <ENTITY>, found none"
                ),
                (
                    Some(166),
                    Some("7"),
                    IssueAction::Skipped,
                    "expected a known element in the <ENTITY>, found <VESSEL_FLAG>"
                ),
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
                include_bytes!("../../tests/data/un/truncated.xml"),
                ErrorKind::Malformed,
                "expected the rest of the UN consolidated XML document, found the end of the file (truncated?)",
                Some(61),
            ),
            (
                "namespaced",
                include_bytes!("../../tests/data/un/namespaced.xml"),
                ErrorKind::UnknownFormat,
                "expected <CONSOLIDATED_LIST> without a namespace, found the namespace http://example.org/un",
                Some(2),
            ),
            (
                "wrong root",
                include_bytes!("../../tests/data/un/wrong_root.xml"),
                ErrorKind::UnknownFormat,
                "expected the root element <CONSOLIDATED_LIST> of the UN consolidated XML, found <SANCTIONS_LIST>",
                Some(2),
            ),
            (
                "bad utf-8",
                include_bytes!("../../tests/data/un/bad_utf8.xml"),
                ErrorKind::Encoding,
                "expected UTF-8 text in the UN consolidated XML",
                Some(98),
            ),
        ];
        for (name, bytes, kind, message, line) in cases {
            let err = read(bytes).unwrap_err();
            assert_eq!(err.kind(), kind, "{name}: {err}");
            assert!(err.to_string().contains(message), "{name}: {err}");
            assert_eq!(err.line(), line, "{name}: {err}");
        }
    }

    #[test]
    fn dates_with_time_zones() {
        assert_eq!(xs_date("2015-04-07-04:00"), Some(d("2015-04-07")));
        assert_eq!(xs_date("2015-04-07Z"), Some(d("2015-04-07")));
        assert_eq!(xs_date("2015-04-07+02:00"), Some(d("2015-04-07")));
        assert_eq!(xs_date("2015-04-07 junk"), None);
        assert_eq!(xs_date("2015-02-30-04:00"), None);
    }
}

#[cfg(test)]
mod split_tests {
    use super::{spellings_in_note, split_alias};
    use crate::model::NameKind;

    #[test]
    fn notes_that_give_spellings_give_names() {
        // Labelled, in another script than Latin, after other text of the note too.
        for (note, name) in [
            ("original script: Абу Банат", "Абу Банат"),
            ("in Arabic script: شركة الكوثر", "شركة الكوثر"),
            (
                "DOB: 11 Apr. 1963. POB: Monufia Governorate, Egypt. Nationality: Egypt. In Arabic: سيف العدل",
                "سيف العدل",
            ),
            ("previously listed as, in Arabic: مرعي زغبي.", "مرعي زغبي"),
            (
                "expires on 31 Aug. 2021; name in Arabic script: سالم مصطفى محمد ال منصور",
                "سالم مصطفى محمد ال منصور",
            ),
        ] {
            assert_eq!(spellings_in_note(note), [name], "{note}");
        }
        // Lists of names, whole or in a parenthesis.
        assert_eq!(
            spellings_in_note(
                "Yunis al-Mauritani; Younis al-Mauritani; Shaykh Yunis the Mauritanian"
            ),
            [
                "Yunis al-Mauritani",
                "Younis al-Mauritani",
                "Shaykh Yunis the Mauritanian"
            ]
        );
        assert_eq!(
            spellings_in_note("(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre"),
            ["Abu Du’a", "Abu Duaa’"]
        );
        // Remarks stay remarks.
        for note in [
            "formerly listed as",
            "combat name",
            "in Baghdad, Iraq (DPOB - 1970) - Passport No. 284158, expires 21 August 2005 (Iraq)",
            "Passport number: B0515260; DOB: 1948; POB: Anefif (Kidal), Mali",
            "Mali ID Number 073/SPICRE; POB: Anefif, Mali; Date of issue: 6 Dec 2011",
            "original script: Abu Banat",
            "In Arabic: 1963",
        ] {
            assert!(spellings_in_note(note).is_empty(), "{note}");
        }
    }

    #[test]
    fn an_alias_note_spelling_is_a_name_of_the_alias_kind() {
        let xml = r#"<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z"><INDIVIDUALS/><ENTITIES>
          <ENTITY><DATAID>6908660</DATAID><FIRST_NAME>AL-KAWTHAR MONEY EXCHANGE</FIRST_NAME>
            <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Al Kawthar Co.</ALIAS_NAME>
              <NOTE>in Arabic script: شركة الكوثر</NOTE></ENTITY_ALIAS>
            <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Kawthar Hawala</ALIAS_NAME>
              <NOTE>formerly listed as</NOTE></ENTITY_ALIAS>
          </ENTITY></ENTITIES></CONSOLIDATED_LIST>"#;
        let loaded = super::read(xml.as_bytes()).unwrap();
        let e = &loaded.list.entities[0];
        let names: Vec<(&str, NameKind)> =
            e.names.iter().map(|n| (n.text.as_str(), n.kind)).collect();
        assert_eq!(
            names,
            [
                ("AL-KAWTHAR MONEY EXCHANGE", NameKind::Primary),
                ("Al Kawthar Co.", NameKind::Aka),
                ("شركة الكوثر", NameKind::Aka),
                ("Kawthar Hawala", NameKind::Fka),
            ]
        );
        // The notes stay in the remarks.
        assert!(
            e.remarks
                .as_deref()
                .is_some_and(|r| r.contains("in Arabic script"))
        );
    }

    #[test]
    fn aliases_with_spellings_in_parentheses_split() {
        let (m, v, n) = split_alias("حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)");
        assert_eq!(m, "حسن غول");
        assert_eq!(v, ["Hassan Ghul", "Hassan Gul", "Hasan Gul"]);
        assert_eq!(n, None);
        let (m, v, _) = split_alias("Jin Tiesan (金铁三)");
        assert_eq!(
            (m.as_str(), v.as_slice()),
            ("Jin Tiesan", &["金铁三".to_string()][..])
        );
        let (_, v, _) = split_alias("Amir Khazmat (original script: Амир Хазмат)");
        assert_eq!(v, ["Амир Хазмат"]);
        let (m, v, n) = split_alias("Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ),");
        assert_eq!(m, "Akhter Mohmad son of Noor Mohmad");
        assert_eq!(v, ["اختر محمد ولد نور محمد"]);
        assert_eq!(n, None);
        // Notes stay notes.
        let (m, v, n) = split_alias("Encep Nurjaman (birth name)");
        assert_eq!(
            (m.as_str(), v.len(), n.as_deref()),
            ("Encep Nurjaman", 0, Some("birth name"))
        );
        let (m, v, n) = split_alias("(Sheikh) Musa Hilal");
        assert_eq!((m.as_str(), v.len(), n), ("(Sheikh) Musa Hilal", 0, None));
        // A spelling that holds a parenthesis of its own.
        let (m, v, _) = split_alias("أنصار الشريعة بليبيا (Ansar al Charia in Libya (ASL))");
        assert_eq!(m, "أنصار الشريعة بليبيا");
        assert_eq!(v, ["Ansar al Charia in Libya (ASL)"]);
    }
}
