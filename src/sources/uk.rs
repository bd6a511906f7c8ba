//! Readers of the UK OFSI Consolidated List of Financial Sanctions Targets: the
//! "2022 format" as CSV ([`read_csv`]) or XLSX ([`read_xlsx`]), and the legacy pre-2022
//! `ConList.csv` ([`read_legacy`]).
//!
//! # Layout
//!
//! The file is a table with **one row per name variant**. A target is the set of rows that
//! share a `Group ID`, and every row repeats the target's other fields. The rows of a group
//! are not adjacent (the list is sorted by name), so the reader gathers them itself and adds
//! one entity per group: a group of many rows is the normal layout, not a duplicate, and the
//! report says nothing about it.
//!
//! The 2022-format file starts with a `Last Updated,dd/mm/yyyy` line (the list's publication
//! date), then a header of 36 columns: `Name 6` (surname or entity name), `Name 1`..`Name 5`,
//! `Title`, `Name Non-Latin Script`, `Non-Latin Script Type`, `Non-Latin Script Language`,
//! `DOB`, `Town of Birth`, `Country of Birth`, `Nationality`, `Passport Number`,
//! `Passport Details`, `National Identification Number`, `National Identification Details`,
//! `Position`, `Address 1`..`Address 6`, `Post/Zip Code`, `Country`, `Other Information`,
//! `Group Type`, `Alias Type`, `Alias Quality`, `Regime`, `Listed On`,
//! `UK Sanctions List Date Designated`, `Last Updated`, `Group ID`. Columns are found by
//! their header name, so their order does not matter. The legacy layout has 29 of them
//! (no non-Latin columns, no `Alias Quality`, one `Passport Details` and one `NI Number`
//! column holding numbers and details together); the legacy file is Windows-1252.
//!
//! # Fields
//!
//! | column | model |
//! | --- | --- |
//! | `Group ID` | [`EntityId`] |
//! | `Group Type` `Individual` / `Entity` / `Ship` | [`EntityKind`] person / organization / vessel |
//! | `Name 6`, `Name 1`..`5` | a name: `NAME6, Name1 Name2 ...` for persons, the parts joined for others |
//! | `Alias Type` `Primary name`, `Prime Alias` | [`NameKind::Primary`] |
//! | `Alias Type` `Primary name variation`, `AKA` | [`NameKind::Aka`] |
//! | `Alias Type` `FKA` | [`NameKind::Fka`] |
//! | `Alias Quality` `Low quality` | [`NameKind::WeakAka`] |
//! | `Name Non-Latin Script` | one more name (a.k.a., or the row's kind when weaker), `lang` from `Non-Latin Script Language`; the script is detected from the text, since `Non-Latin Script Type` has typos (`Cryillic`) and mixed Latin/Cyrillic names (`TOO КАЗСТАНЭКС`) occur |
//! | `DOB` | birth dates (`00` for an unknown day or month, a bare year, `mm/yyyy`) |
//! | `Town of Birth`, `Country of Birth` | birth places, `(1) .. (2) ..` enumerations paired |
//! | `Nationality` | nationalities, ISO codes where the name is known |
//! | `Passport Number` + `Details`, `National Identification Number` + `Details` | typed identifiers, paired by their `(n)` enumeration, the details as note (INN, TIN → tax id; BIN, OGRN → registration) |
//! | `Address 1`..`6`, `Post/Zip Code`, `Country` | an address, and the country in `countries` |
//! | `Other Information` | remarks; `(IMO number)`, `(Business Reg No)`, `(UK Sanctions List Ref)` and `(UN Ref)` as identifiers, `(Gender)`, `(Flag of ship)` as a country |
//! | `Regime` | programs |
//! | `Listed On` | listing date (the earliest, when a target is listed under several regimes) |
//! | `Title`, `Position`, `UK Sanctions List Date Designated`, `Last Updated` | remarks lines (dates as `YYYY-MM-DD`) |
//!
//! A value the reader cannot use (an unreadable date, an unknown group type or alias type)
//! is kept in the remarks where it can be, and reported in the [`LoadReport`](super::LoadReport).
//!
//! ```
//! use sanctions::model::{EntityKind, NameKind};
//! use sanctions::sources::uk;
//!
//! let csv = "Last Updated,10/04/2025\n\
//! Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Passport Number,Passport Details,National Identification Number,National Identification Details,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,UK Sanctions List Date Designated,Last Updated,Group ID\n\
//! KAZSTANEX LLP,,,,,,,,,,,,,,,,,,,,,,,,,,Kazakhstan,(UK Sanctions List Ref):RUS2271.,Entity,Primary name variation,,Russia,07/11/2024,07/11/2024,07/11/2024,16678\n\
//! TOO KAZSTANEX,,,,,,,TOO КАЗСТАНЭКС,Cyrillic,Russian,,,,,,,,,,,,,,,,,Kazakhstan,(UK Sanctions List Ref):RUS2271.,Entity,Primary name variation,,Russia,07/11/2024,07/11/2024,07/11/2024,16678\n";
//! let loaded = uk::read_csv(csv.as_bytes())?;
//! let e = &loaded.list.entities[0];
//! assert_eq!(loaded.list.entities.len(), 1);
//! assert_eq!(e.kind, EntityKind::Organization);
//! assert_eq!(e.names.len(), 3);
//! assert_eq!(e.names[2].text, "TOO КАЗСТАНЭКС");
//! assert_eq!(e.names[2].lang.as_deref(), Some("ru"));
//! assert_eq!(e.countries, ["KZ"]);
//! assert!(loaded.report.issues.is_empty());
//! # Ok::<(), sanctions::Error>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use super::Loaded;
use super::collect::Collector;
use super::fields::{country_code, decode_cp1252, parse_birth_date, parse_partial_date};
use super::xlsx::Workbook;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Address, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name, NameKind,
    PartialDate, Source,
};

/// The columns the reader knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Name6,
    Name1,
    Name2,
    Name3,
    Name4,
    Name5,
    Title,
    NonLatin,
    ScriptType,
    ScriptLang,
    Dob,
    TownOfBirth,
    CountryOfBirth,
    Nationality,
    PassportNumber,
    PassportDetails,
    NiNumber,
    NiDetails,
    Position,
    Address1,
    Address2,
    Address3,
    Address4,
    Address5,
    Address6,
    PostCode,
    Country,
    OtherInfo,
    GroupType,
    AliasType,
    AliasQuality,
    Regime,
    ListedOn,
    Designated,
    LastUpdated,
    GroupId,
}

const COL_COUNT: usize = 36;

/// Header names; `NI Number` is the legacy name of the national id column.
const HEADER_NAMES: [(&str, Col); 37] = [
    ("Name 6", Col::Name6),
    ("Name 1", Col::Name1),
    ("Name 2", Col::Name2),
    ("Name 3", Col::Name3),
    ("Name 4", Col::Name4),
    ("Name 5", Col::Name5),
    ("Title", Col::Title),
    ("Name Non-Latin Script", Col::NonLatin),
    ("Non-Latin Script Type", Col::ScriptType),
    ("Non-Latin Script Language", Col::ScriptLang),
    ("DOB", Col::Dob),
    ("Town of Birth", Col::TownOfBirth),
    ("Country of Birth", Col::CountryOfBirth),
    ("Nationality", Col::Nationality),
    ("Passport Number", Col::PassportNumber),
    ("Passport Details", Col::PassportDetails),
    ("National Identification Number", Col::NiNumber),
    ("National Identification Details", Col::NiDetails),
    ("NI Number", Col::NiNumber),
    ("Position", Col::Position),
    ("Address 1", Col::Address1),
    ("Address 2", Col::Address2),
    ("Address 3", Col::Address3),
    ("Address 4", Col::Address4),
    ("Address 5", Col::Address5),
    ("Address 6", Col::Address6),
    ("Post/Zip Code", Col::PostCode),
    ("Country", Col::Country),
    ("Other Information", Col::OtherInfo),
    ("Group Type", Col::GroupType),
    ("Alias Type", Col::AliasType),
    ("Alias Quality", Col::AliasQuality),
    ("Regime", Col::Regime),
    ("Listed On", Col::ListedOn),
    ("UK Sanctions List Date Designated", Col::Designated),
    ("Last Updated", Col::LastUpdated),
    ("Group ID", Col::GroupId),
];

/// The legacy ConList.csv columns, in order: the layout of the headerless file.
const LEGACY_HEADER: [&str; 29] = [
    "Name 6",
    "Name 1",
    "Name 2",
    "Name 3",
    "Name 4",
    "Name 5",
    "Title",
    "DOB",
    "Town of Birth",
    "Country of Birth",
    "Nationality",
    "Passport Details",
    "NI Number",
    "Position",
    "Address 1",
    "Address 2",
    "Address 3",
    "Address 4",
    "Address 5",
    "Address 6",
    "Post/Zip Code",
    "Country",
    "Other Information",
    "Group Type",
    "Alias Type",
    "Regime",
    "Listed On",
    "Last Updated",
    "Group ID",
];

/// Columns a header must have.
const REQUIRED: [Col; 4] = [Col::Name6, Col::GroupType, Col::AliasType, Col::GroupId];

/// Where each known column is in a row.
#[derive(Clone, Debug)]
struct Layout {
    /// Position of each [`Col`] (indexed by `Col as usize`), when the header has it.
    pos: [Option<usize>; COL_COUNT],
    /// Number of columns of the header.
    width: usize,
    /// The legacy layout: numbers and details share one passport and one NI column, and the
    /// file is Windows-1252.
    legacy: bool,
}

impl Layout {
    /// The layout of a header line. Unknown column names come back to be reported.
    fn from_header(names: &[impl AsRef<str>]) -> Result<(Layout, Vec<String>)> {
        let mut pos = [None; COL_COUNT];
        let mut unknown = Vec::new();
        let mut legacy = false;
        for (i, name) in names.iter().enumerate() {
            let name = name.as_ref().trim().trim_start_matches('\u{feff}');
            match HEADER_NAMES
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some(&(n, col)) => {
                    legacy |= n == "NI Number";
                    let slot = pos.get_mut(col as usize);
                    if let Some(slot @ None) = slot {
                        *slot = Some(i);
                    }
                }
                None if name.is_empty() => {}
                None => unknown.push(name.to_string()),
            }
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .filter(|c| pos.get(**c as usize).copied().flatten().is_none())
            .filter_map(|c| HEADER_NAMES.iter().find(|(_, k)| k == c).map(|(n, _)| *n))
            .collect();
        if !missing.is_empty() {
            let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
            let shown: String = names.join(",").chars().take(80).collect();
            return Err(Error::new(
                ErrorKind::Malformed,
                format!(
                    "expected the UK list header (Name 6, ..., Group Type, Alias Type, ..., Group ID), found a line without {}: {shown:?}",
                    missing.join(", ")
                ),
            ));
        }
        Ok((
            Layout {
                pos,
                width: names.len(),
                legacy,
            },
            unknown,
        ))
    }

    fn legacy_headerless() -> Layout {
        let names: Vec<String> = LEGACY_HEADER.iter().map(|s| s.to_string()).collect();
        // The fixed legacy names are all known and include the required ones.
        match Layout::from_header(&names) {
            Ok((layout, _)) => layout,
            Err(_) => {
                debug_assert!(false, "the legacy header is a valid header");
                Layout {
                    pos: [None; COL_COUNT],
                    width: LEGACY_HEADER.len(),
                    legacy: true,
                }
            }
        }
    }
}

/// One row of the table, with its line (CSV) or row number (XLSX).
struct Row<'a> {
    layout: &'a Layout,
    fields: &'a [&'a str],
    line: u64,
}

impl Row<'_> {
    fn get(&self, col: Col) -> &str {
        self.layout
            .pos
            .get(col as usize)
            .copied()
            .flatten()
            .and_then(|i| self.fields.get(i))
            .map_or("", |s| s.trim())
    }
}

/// The facts of one group that have no model field of their own, kept for its remarks.
#[derive(Default)]
struct Extra {
    others: Vec<String>,
    titles: Vec<String>,
    positions: Vec<String>,
    /// Regime and listing date of each row, to show when a target has several.
    listed: Vec<(String, PartialDate)>,
    designated: Vec<String>,
    updated: Vec<String>,
    unread: Vec<String>,
}

struct Group {
    entity: Entity,
    line: u64,
    extra: Extra,
}

/// Gathers rows into groups and groups into entities.
struct Builder {
    collector: Collector,
    groups: Vec<Group>,
    by_id: HashMap<String, usize>,
    /// Issues already reported, by record and reason, so a value repeated on every row of a
    /// group is reported once.
    reported: HashSet<(String, String)>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            collector: Collector::new(Source::Uk, "group of rows"),
            groups: Vec::new(),
            by_id: HashMap::new(),
            reported: HashSet::new(),
        }
    }

    fn repair(&mut self, line: u64, id: &str, reason: String) {
        if self.reported.insert((id.to_string(), reason.clone())) {
            self.collector.repair(Some(line), Some(id), reason);
        }
    }

    fn add_row(&mut self, row: &Row<'_>) {
        let id = row.get(Col::GroupId);
        if id.is_empty() {
            self.collector.skip(
                Some(row.line),
                None,
                "expected a Group ID in the row, found an empty cell",
            );
            return;
        }
        let kind_text = row.get(Col::GroupType);
        let kind = [
            ("individual", EntityKind::Person),
            ("entity", EntityKind::Organization),
            ("ship", EntityKind::Vessel),
        ]
        .into_iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(kind_text))
        .map(|(_, kind)| kind);
        if kind.is_none() {
            self.repair(
                row.line,
                id,
                format!(
                    "expected Group Type Individual, Entity or Ship, found {kind_text:?}: kind left unknown"
                ),
            );
        }
        let at = match self.by_id.get(id) {
            Some(&at) => at,
            None => {
                let at = self.groups.len();
                self.groups.push(Group {
                    entity: Entity::new(
                        EntityId::new(Source::Uk, id),
                        kind.unwrap_or(EntityKind::Unknown),
                    ),
                    line: row.line,
                    extra: Extra::default(),
                });
                self.by_id.insert(id.to_string(), at);
                at
            }
        };
        let mut issues = Vec::new();
        if let Some(group) = self.groups.get_mut(at) {
            if let Some(kind) = kind {
                if group.entity.kind == EntityKind::Unknown {
                    group.entity.kind = kind;
                } else if group.entity.kind != kind {
                    issues.push(format!(
                        "expected one Group Type for the group, found {kind_text:?} after {}: kept {}",
                        group.entity.kind, group.entity.kind
                    ));
                }
            }
            map_row(row, group, &mut issues);
        }
        for reason in issues {
            self.repair(row.line, id, reason);
        }
    }

    fn finish(mut self) -> Loaded {
        for group in std::mem::take(&mut self.groups) {
            let Group {
                mut entity,
                line,
                extra,
            } = group;
            entity.remarks = remarks(&extra);
            self.collector.push(entity, Some(line));
        }
        self.collector.finish()
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, x: T) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// [`push_unique`] of a text, copied only when it is new.
fn push_unique_str(v: &mut Vec<String>, x: &str) {
    if !v.iter().any(|s| s == x) {
        v.push(x.to_string());
    }
}

/// Maps one row's fields into its group.
fn map_row(row: &Row<'_>, group: &mut Group, issues: &mut Vec<String>) {
    let entity = &mut group.entity;
    let extra = &mut group.extra;
    let legacy = row.layout.legacy;

    // Names.
    let alias = row.get(Col::AliasType);
    // ASCII case-insensitive comparisons, rather than a lower-case copy of each cell.
    let is = |text: &str, words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
    let mut kind = if is(alias, &["primary name", "prime alias"]) {
        NameKind::Primary
    } else if is(alias, &["primary name variation", "aka"]) {
        NameKind::Aka
    } else if is(alias, &["fka"]) {
        NameKind::Fka
    } else {
        issues.push(format!(
            "expected Alias Type Primary name, Primary name variation, AKA or FKA, found {alias:?}: read as an a.k.a."
        ));
        NameKind::Aka
    };
    let quality = row.get(Col::AliasQuality);
    if is(quality, &["low quality", "low"]) {
        if kind != NameKind::Primary {
            kind = NameKind::WeakAka;
        }
    } else if !is(quality, &["", "good quality", "good"]) {
        issues.push(format!(
            "expected Alias Quality Good quality or Low quality, found {quality:?}: ignored"
        ));
    }
    let text = full_name(row, entity.kind);
    if !text.is_empty() {
        push_unique(&mut entity.names, Name::new(text).with_kind(kind));
    }
    let non_latin = row.get(Col::NonLatin);
    if !non_latin.is_empty() {
        let nl_kind = match kind {
            NameKind::Primary => NameKind::Aka,
            other => other,
        };
        let mut name = Name::new(non_latin).with_kind(nl_kind);
        let lang_text = row.get(Col::ScriptLang);
        if !lang_text.is_empty() {
            match language_code(lang_text) {
                Some(code) => name = name.with_lang(code),
                None => issues.push(format!(
                    "expected a language in Non-Latin Script Language, found {lang_text:?}: name kept without a language"
                )),
            }
        }
        push_unique(&mut entity.names, name);
    }

    // Person facts.
    let dob = row.get(Col::Dob);
    if !dob.is_empty() {
        match parse_birth_date(dob) {
            Some(d) => push_unique(&mut entity.birth_dates, d),
            None => {
                issues.push(format!(
                    "expected a DOB as dd/mm/yyyy, mm/yyyy or yyyy, found {dob:?}: kept in the remarks"
                ));
                push_unique(&mut extra.unread, format!("DOB: {dob}"));
            }
        }
    }
    for place in birth_places(row.get(Col::TownOfBirth), row.get(Col::CountryOfBirth)) {
        push_unique(&mut entity.birth_places, place);
    }
    for n in enumerated(row.get(Col::Nationality)) {
        push_unique(&mut entity.nationalities, country_or_text(n));
    }

    // Documents.
    if legacy {
        for (kind, text) in [
            (IdentifierKind::Passport, row.get(Col::PassportDetails)),
            (IdentifierKind::NationalId, row.get(Col::NiNumber)),
        ] {
            for item in enumerated(text) {
                match number_token(item, false) {
                    Some(value) => {
                        let kind = id_kind_words(item, kind);
                        push_unique(&mut entity.identifiers, identifier(kind, value, Some(item)));
                    }
                    None => {
                        let label = match kind {
                            IdentifierKind::Passport => "Passport Details",
                            _ => "NI Number",
                        };
                        push_unique(&mut extra.unread, format!("{label}: {item}"));
                    }
                }
            }
        }
    } else {
        for (kind, numbers, details) in [
            (
                IdentifierKind::Passport,
                row.get(Col::PassportNumber),
                row.get(Col::PassportDetails),
            ),
            (
                IdentifierKind::NationalId,
                row.get(Col::NiNumber),
                row.get(Col::NiDetails),
            ),
        ] {
            let numbers = enumerated(numbers);
            let notes = enumerated(details);
            for (i, value) in numbers.iter().enumerate() {
                let note = if notes.len() == numbers.len() {
                    notes.get(i).copied()
                } else if notes.is_empty() {
                    None
                } else {
                    Some(details)
                };
                let kind = note.map_or(kind, |n| id_kind_words(n, kind));
                push_unique(&mut entity.identifiers, identifier(kind, value, note));
            }
            if numbers.is_empty() && !details.is_empty() {
                push_unique(&mut extra.unread, format!("{kind:?} details: {details}"));
            }
        }
    }

    // Address and country.
    let parts: Vec<&str> = [
        Col::Address1,
        Col::Address2,
        Col::Address3,
        Col::Address4,
        Col::Address5,
        Col::Address6,
        Col::PostCode,
        Col::Country,
    ]
    .iter()
    .map(|c| row.get(*c))
    .filter(|s| !s.is_empty())
    .collect();
    let country = row.get(Col::Country);
    if !parts.is_empty() {
        let mut address = Address {
            full: Some(parts.join(", ")),
            ..Address::default()
        };
        let post = row.get(Col::PostCode);
        if !post.is_empty() {
            address.postal_code = Some(post.to_string());
        }
        if !country.is_empty() {
            address.country = Some(country_or_text(country));
        }
        push_unique(&mut entity.addresses, address);
    }
    if !country.is_empty() {
        push_unique(&mut entity.countries, country_or_text(country));
    }

    // Other Information.
    let other = row.get(Col::OtherInfo);
    if !other.is_empty() && !extra.others.iter().any(|o| o == other) {
        other_information(other, entity);
        extra.others.push(other.to_string());
    }

    // Classification and dates.
    let regime = row.get(Col::Regime);
    if !regime.is_empty() {
        push_unique_str(&mut entity.programs, regime);
    }
    let listed = row.get(Col::ListedOn);
    if !listed.is_empty() {
        match parse_partial_date(listed) {
            Some(d) => {
                if entity.listed_on.is_none_or(|l| d < l) {
                    entity.listed_on = Some(d);
                }
                if !extra.listed.iter().any(|(r, l)| r == regime && *l == d) {
                    extra.listed.push((regime.to_string(), d));
                }
            }
            None => {
                issues.push(format!(
                    "expected Listed On as dd/mm/yyyy, found {listed:?}: kept in the remarks"
                ));
                push_unique(&mut extra.unread, format!("Listed On: {listed}"));
            }
        }
    }
    for (col, into) in [
        (Col::Title, &mut extra.titles),
        (Col::Position, &mut extra.positions),
    ] {
        let v = row.get(col);
        if !v.is_empty() {
            push_unique_str(into, v);
        }
    }
    // Dates as `YYYY-MM-DD`, whether the file wrote text or (XLSX) a serial day.
    for (col, into) in [
        (Col::Designated, &mut extra.designated),
        (Col::LastUpdated, &mut extra.updated),
    ] {
        let v = row.get(col);
        if !v.is_empty() {
            let text = parse_partial_date(v).map_or_else(|| v.to_string(), |d| d.to_string());
            push_unique(into, text);
        }
    }
}

/// The row's name: `NAME6, Name1 Name2 ...` for a person, the parts in order for others.
fn full_name(row: &Row<'_>, kind: EntityKind) -> String {
    let surname = row.get(Col::Name6);
    let given: Vec<&str> = [Col::Name1, Col::Name2, Col::Name3, Col::Name4, Col::Name5]
        .iter()
        .map(|c| row.get(*c))
        .filter(|s| !s.is_empty())
        .collect();
    let given = given.join(" ");
    match (surname.is_empty(), given.is_empty()) {
        (_, true) => surname.to_string(),
        (true, false) => given,
        (false, false) if kind == EntityKind::Person => format!("{surname}, {given}"),
        (false, false) => format!("{given} {surname}"),
    }
}

fn remarks(extra: &Extra) -> Option<String> {
    let mut lines: Vec<String> = extra.others.clone();
    let mut add = |label: &str, values: &[String]| {
        if !values.is_empty() {
            lines.push(format!("{label}: {}", values.join("; ")));
        }
    };
    add("Title", &extra.titles);
    add("Position", &extra.positions);
    if extra.listed.len() > 1 {
        let by_regime: Vec<String> = extra
            .listed
            .iter()
            .map(|(r, d)| {
                if r.is_empty() {
                    d.to_string()
                } else {
                    format!("{r} {d}")
                }
            })
            .collect();
        add("Listed On", &by_regime);
    }
    add("UK Sanctions List Date Designated", &extra.designated);
    add("Last Updated", &extra.updated);
    lines.extend(extra.unread.iter().cloned());
    if lines.is_empty() {
        None
    } else {
        Some(lines.join("\n"))
    }
}

/// The items of a cell that enumerates values as `(1) a (2) b`, `1) a 2) b` or `a) x b) y`;
/// a cell without such markers is one item. Empty and `-` items are left out.
fn enumerated(text: &str) -> Vec<&str> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let bytes = t.as_bytes();
    // The marker style is the one the cell starts with.
    let style = marker_at(bytes, 0).map(|(style, _)| style);
    let Some(style) = style else {
        return clean_item(t).into_iter().collect();
    };
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || bytes.get(i - 1).is_some_and(u8::is_ascii_whitespace);
        if boundary || style == Marker::Paren {
            if let Some((s, len)) = marker_at(bytes, i) {
                if s == style {
                    cuts.push((i, i + len));
                    i += len;
                    continue;
                }
            }
        }
        i += 1;
    }
    let mut items = Vec::new();
    for (k, &(_, start)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(t.len(), |&(s, _)| s);
        if let Some(item) = t.get(start..end).and_then(clean_item) {
            items.push(item);
        }
    }
    items
}

fn clean_item(item: &str) -> Option<&str> {
    let item = item
        .trim()
        .trim_end_matches([',', ';'])
        .trim_end_matches('.')
        .trim();
    (!item.is_empty() && item != "-").then_some(item)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    /// `(1)`
    Paren,
    /// `1)`
    Number,
    /// `a)` or `(a)`
    Letter,
}

/// The enumeration marker at a position, and its length.
fn marker_at(bytes: &[u8], i: usize) -> Option<(Marker, usize)> {
    let rest = bytes.get(i..)?;
    let digits = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
    if rest.first() == Some(&b'(') {
        let inner = rest.get(1..)?;
        let n = digits(inner);
        if (1..=3).contains(&n) && inner.get(n) == Some(&b')') {
            return Some((Marker::Paren, n + 2));
        }
        if inner.first().is_some_and(u8::is_ascii_lowercase) && inner.get(1) == Some(&b')') {
            return Some((Marker::Letter, 3));
        }
        return None;
    }
    let n = digits(rest);
    if (1..=2).contains(&n) && rest.get(n) == Some(&b')') {
        return Some((Marker::Number, n + 1));
    }
    if rest.first().is_some_and(u8::is_ascii_lowercase) && rest.get(1) == Some(&b')') {
        return Some((Marker::Letter, 2));
    }
    None
}

/// Birth places from the town and country cells, paired item by item when both enumerate
/// the same number of values.
fn birth_places(towns: &str, countries: &str) -> Vec<String> {
    let towns = enumerated(towns);
    let countries = enumerated(countries);
    if towns.len() == countries.len() {
        return towns
            .iter()
            .zip(&countries)
            .map(|(t, c)| format!("{t}, {c}"))
            .collect();
    }
    match (towns.is_empty(), countries.as_slice()) {
        (true, _) => countries.iter().map(|c| c.to_string()).collect(),
        (false, []) => towns.iter().map(|t| t.to_string()).collect(),
        (false, [c]) => towns.iter().map(|t| format!("{t}, {c}")).collect(),
        (false, _) => towns
            .iter()
            .chain(&countries)
            .map(|s| s.to_string())
            .collect(),
    }
}

/// The ISO code of a country name, or the text as written.
fn country_or_text(text: &str) -> String {
    country_code(text).map_or_else(|| text.to_string(), str::to_string)
}

/// The country a free-text label starts with (`Libya number`, `Kazakhstan BIN - ..`).
fn country_in(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ':' || c == '-' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    (1..=words.len())
        .rev()
        .find_map(|n| words.get(..n).and_then(|w| country_code(&w.join(" "))))
}

/// Label words that tell an identifier's kind, in lower case.
const ID_WORDS: [(&str, IdentifierKind); 22] = [
    ("passport", IdentifierKind::Passport),
    ("inn", IdentifierKind::TaxId),
    ("tin", IdentifierKind::TaxId),
    ("tax", IdentifierKind::TaxId),
    ("vat", IdentifierKind::TaxId),
    ("kpp", IdentifierKind::TaxId),
    ("unp", IdentifierKind::TaxId),
    ("инн", IdentifierKind::TaxId),
    ("унн", IdentifierKind::TaxId),
    ("nif", IdentifierKind::TaxId),
    ("rfc", IdentifierKind::TaxId),
    ("ogrn", IdentifierKind::Registration),
    ("bin", IdentifierKind::Registration),
    ("registration", IdentifierKind::Registration),
    ("reg", IdentifierKind::Registration),
    ("okpo", IdentifierKind::Registration),
    ("br", IdentifierKind::Registration),
    ("cr", IdentifierKind::Registration),
    ("огрн", IdentifierKind::Registration),
    ("imo", IdentifierKind::Imo),
    ("swift", IdentifierKind::Bic),
    ("bic", IdentifierKind::Bic),
];

/// The kind of an identifier from the words of its label; `default` when no word tells.
/// Words, not substrings: `Argentina` is no `tin`.
fn id_kind_words(label: &str, default: IdentifierKind) -> IdentifierKind {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            // ASCII words compare without case (no allocation); others by their lower case,
            // which may be ASCII (the Kelvin sign lowers to `k`).
            let found = if w.is_ascii() {
                ID_WORDS.iter().find(|(k, _)| k.eq_ignore_ascii_case(w))
            } else {
                let lower = w.to_lowercase();
                ID_WORDS.iter().find(|(k, _)| *k == lower)
            };
            found.map(|&(_, kind)| kind)
        })
        .unwrap_or(default)
}

fn identifier(kind: IdentifierKind, value: &str, note: Option<&str>) -> Identifier {
    let mut id = Identifier::new(kind, value);
    if let Some(note) = note {
        id.country = country_in(note).map(str::to_string);
        if note != value {
            id.note = Some(note.to_string());
        }
    }
    id
}

/// The first (or last) whitespace-separated token of a text that holds a digit, without
/// surrounding punctuation: the number in `Passport No: 592667 (Qatari ...)`.
fn number_token(text: &str, last: bool) -> Option<&str> {
    let tokens = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '(' | ')' | '"')));
    let mut found = tokens.filter(|t| t.chars().any(|c| c.is_ascii_digit()) && t.len() >= 3);
    if last {
        found.next_back()
    } else {
        found.next()
    }
}

/// The ISO 639-1 code of a language as the list names it.
fn language_code(text: &str) -> Option<&'static str> {
    let lower = text.trim().to_ascii_lowercase();
    Some(match lower.as_str() {
        // `Russia` and `Ukraine` are the publisher's slips for the language.
        "russian" | "russia" => "ru",
        "ukrainian" | "ukraine" => "uk",
        "belarusian" | "belarussian" => "be",
        "persian" | "farsi" | "persian/farsi" => "fa",
        "arabic" => "ar",
        "chinese" | "mandarin" => "zh",
        "georgian" => "ka",
        "hebrew" => "he",
        "korean" => "ko",
        "bulgarian" => "bg",
        "turkish" => "tr",
        "kazakh" => "kk",
        "serbian" => "sr",
        "spanish" => "es",
        "thai" => "th",
        "greek" => "el",
        "bosnian" => "bs",
        "japanese" => "ja",
        "burmese" => "my",
        "romanian" => "ro",
        "kyrgyz" | "kirghiz" => "ky",
        "uzbek" => "uz",
        "tajik" => "tg",
        "armenian" => "hy",
        "azerbaijani" => "az",
        "pashto" => "ps",
        "urdu" => "ur",
        "french" => "fr",
        "german" => "de",
        "english" => "en",
        _ => return None,
    })
}

/// The `(Key):value` parts of an Other Information text, in order.
fn key_values(text: &str) -> Vec<(&str, &str)> {
    let mut keys: Vec<(usize, usize, &str)> = Vec::new();
    let mut search = 0;
    while let Some(rel) = text.get(search..).and_then(|s| s.find("):")) {
        let close = search + rel;
        let open = text.get(..close).and_then(|s| s.rfind('('));
        if let Some(open) = open {
            let key = text.get(open + 1..close).unwrap_or("");
            if !key.is_empty() && key.len() <= 40 && !key.contains(')') {
                keys.push((open, close + 2, key.trim()));
            }
        }
        search = close + 2;
    }
    keys.iter()
        .enumerate()
        .map(|(i, &(_, start, key))| {
            let end = keys.get(i + 1).map_or(text.len(), |&(s, _, _)| s);
            (key, text.get(start..end).unwrap_or("").trim())
        })
        .collect()
}

/// Reads the facts of Other Information: keyed (2022) or free text (legacy).
fn other_information(text: &str, entity: &mut Entity) {
    for imo in imo_numbers(text) {
        push_unique(
            &mut entity.identifiers,
            Identifier::new(IdentifierKind::Imo, imo),
        );
    }
    for (key, value) in key_values(text) {
        match key.to_ascii_lowercase().as_str() {
            "gender" => match value
                .trim_end_matches('.')
                .trim()
                .to_ascii_lowercase()
                .as_str()
            {
                "male" => entity.gender = Some(Gender::Male),
                "female" => entity.gender = Some(Gender::Female),
                _ => {}
            },
            "uk sanctions list ref" | "un ref" => {
                if let Some(v) = value.split_whitespace().next() {
                    let v = v.strip_suffix('.').unwrap_or(v);
                    if !v.is_empty() {
                        let mut id = Identifier::new(IdentifierKind::Other, v);
                        id.note = Some(key.to_string());
                        push_unique(&mut entity.identifiers, id);
                    }
                }
            }
            "business reg no" => {
                for item in enumerated(value) {
                    if let Some(v) = number_token(item, true) {
                        let kind = id_kind_words(item, IdentifierKind::Registration);
                        push_unique(&mut entity.identifiers, identifier(kind, v, Some(item)));
                    }
                }
            }
            "flag of ship" => {
                for flag in enumerated(value) {
                    push_unique(&mut entity.countries, country_or_text(flag));
                }
            }
            _ => {}
        }
    }
}

/// IMO numbers written after `IMO` (`(IMO number):7408873`, `IMO: 8937675`, `IMO No. ..`).
fn imo_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(rel) = text.get(search..).and_then(|s| s.find("IMO")) {
        let at = search + rel;
        search = at + 3;
        let before_ok = text
            .get(..at)
            .and_then(|s| s.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric());
        if !before_ok {
            continue;
        }
        let rest = text.get(at + 3..).unwrap_or("");
        let lead: usize = rest
            .char_indices()
            .take_while(|(i, c)| *i < 16 && !c.is_ascii_digit())
            .map(|(_, c)| c.len_utf8())
            .sum();
        let gap = rest.get(..lead).unwrap_or("");
        let gap_ok = gap.chars().all(|c| {
            c.is_whitespace() || matches!(c, ':' | '.' | '(' | ')' | '#') || c.is_ascii_alphabetic()
        }) && gap
            .split(|c: char| !c.is_ascii_alphabetic())
            .all(|w| matches!(w.to_ascii_lowercase().as_str(), "" | "number" | "no" | "nr"));
        let digits: String = rest
            .get(lead..)
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if gap_ok && digits.len() == 7 && !out.contains(&digits) {
            out.push(digits);
        }
    }
    out
}

/// Which table a CSV reader expects.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CsvKind {
    Format2022,
    Legacy,
}

/// Reads the 2022-format CSV: an optional `Last Updated,dd/mm/yyyy` line, the header, then
/// one row per name variant, UTF-8 (a byte-order mark is allowed). A legacy header is read as
/// the legacy layout.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line for a missing or unknown header, a row whose column
/// count differs from the header's, or broken CSV quoting; [`ErrorKind::Encoding`] for bytes
/// that are not UTF-8; [`ErrorKind::Io`] when reading fails.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::uk};
///
/// // A header without the columns the reader needs is an error on its line.
/// let err = uk::read_csv(&b"Last Updated,10/04/2025\nName 6,Name 1\nKAZSTANEX LLP,\n"[..]).unwrap_err();
/// assert_eq!((err.kind(), err.line()), (ErrorKind::Malformed, Some(2)));
/// ```
pub fn read_csv(reader: impl BufRead) -> Result<Loaded> {
    read_table(reader, CsvKind::Format2022)
}

/// Reads the 2022-format XLSX workbook (the list's first sheet), from the bytes of the file.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] for a zip that is no XLSX workbook, a truncated or malformed
/// sheet, or a missing or unknown header.
/// # Example
///
/// ```
/// use sanctions::{ErrorKind, sources::uk};
///
/// // let loaded = uk::read_xlsx(std::fs::read("UK_Sanctions_List.xlsx")?)?;
/// let err = uk::read_xlsx(b"Name 6,Name 1".to_vec()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::Malformed);
/// assert!(err.to_string().starts_with("expected an XLSX workbook (a zip archive)"));
/// ```
pub fn read_xlsx(bytes: Vec<u8>) -> Result<Loaded> {
    let mut workbook = Workbook::open(bytes)?;
    let mut builder = Builder::new();
    let mut layout: Option<Layout> = None;
    workbook.rows(|number, cells| {
        match &layout {
            None => {
                let first = cells.first().map_or("", |s| s.trim());
                if first.eq_ignore_ascii_case("Last Updated") {
                    builder
                        .collector
                        .published(cells.get(1).and_then(|d| parse_partial_date(d)));
                    return Ok(());
                }
                if cells.iter().all(|c| c.trim().is_empty()) {
                    return Ok(());
                }
                let (l, unknown) = Layout::from_header(cells)
                    .map_err(|e| Error::new(e.kind(), format!("row {number}: {e}")))?;
                report_unknown(&mut builder, number, &unknown);
                layout = Some(l);
            }
            Some(l) => {
                if cells.iter().all(|c| c.trim().is_empty()) {
                    return Ok(());
                }
                if let Some(extra) = cells
                    .get(l.width..)
                    .filter(|rest| rest.iter().any(|c| !c.trim().is_empty()))
                {
                    builder.collector.repair(
                        Some(number),
                        None,
                        format!(
                            "expected at most {} cells in the row, found {} more with text: left out",
                            l.width,
                            extra.iter().filter(|c| !c.trim().is_empty()).count()
                        ),
                    );
                }
                builder.add_row(&Row {
                    layout: l,
                    fields: cells,
                    line: number,
                });
            }
        }
        Ok(())
    })?;
    if layout.is_none() {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected the UK list header row (Name 6, ..., Group ID) in the first sheet, found none",
        ));
    }
    Ok(builder.finish())
}

/// Reads the legacy `ConList.csv` (Windows-1252): with its `Last Updated` and header lines,
/// or without them as some copies are. A 2022-format header is read as that format (UTF-8),
/// since both files start with a `Last Updated` line.
///
/// # Errors
///
/// [`ErrorKind::Malformed`] with the line for a row whose column count differs from the
/// header's (29 without a header), or broken CSV quoting; [`ErrorKind::Io`] when reading
/// fails.
/// # Example
///
/// ```
/// use sanctions::{EntityKind, sources::uk};
///
/// // A headerless copy; the file is Windows-1252 (`\xe9` is `é`).
/// let csv = b"TONG SAN 2,,,,,,,,,,,,,,,,,,,,,,IMO: 8937675. MMSI: 445539000. Caf\xe9,Entity,Prime Alias,North Korea (Democratic People's Republic of Korea),19/10/2017,19/10/2017,13556\r\n";
/// let loaded = uk::read_legacy(&csv[..])?;
/// let e = &loaded.list.entities[0];
/// assert_eq!((e.id.id.as_str(), e.kind), ("13556", EntityKind::Organization));
/// assert_eq!(e.names[0].text, "TONG SAN 2");
/// assert!(e.remarks.as_deref().is_some_and(|r| r.contains("Café")));
/// # Ok::<(), sanctions::Error>(())
/// ```
pub fn read_legacy(reader: impl BufRead) -> Result<Loaded> {
    read_table(reader, CsvKind::Legacy)
}

fn report_unknown(builder: &mut Builder, line: u64, unknown: &[String]) {
    if !unknown.is_empty() {
        builder.collector.repair(
            Some(line),
            None,
            format!(
                "expected only UK list columns in the header, found {}: left out",
                unknown
                    .iter()
                    .map(|u| format!("{u:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}

fn csv_error(e: csv::Error, crlf: Option<bool>) -> Error {
    let line = e
        .position()
        .map(|p| p.line() + u64::from(crlf == Some(true)));
    let kind = if e.is_io_error() {
        ErrorKind::Io
    } else {
        ErrorKind::Malformed
    };
    let mut err = Error::new(
        kind,
        format!("expected well-formed CSV, found an error: {e}"),
    );
    if let Some(line) = line {
        err = err.with_line(line);
    }
    err.with_source(e)
}

fn decode(record: &csv::ByteRecord, cp1252: bool, line: u64) -> Result<Vec<String>> {
    record
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let field = if i == 0 {
                field.strip_prefix(b"\xef\xbb\xbf").unwrap_or(field)
            } else {
                field
            };
            if cp1252 {
                Ok(decode_cp1252(field))
            } else {
                String::from_utf8(field.to_vec()).map_err(|e| {
                    Error::new(
                        ErrorKind::Encoding,
                        format!(
                            "expected UTF-8 text in the UK OFSI CSV, found invalid bytes in field {}: {e}",
                            i + 1
                        ),
                    )
                    .with_line(line)
                })
            }
        })
        .collect()
}

fn read_table(reader: impl BufRead, kind: CsvKind) -> Result<Loaded> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut builder = Builder::new();
    let mut layout: Option<Layout> = None;
    let mut record = csv::ByteRecord::new();
    // The csv crate counts a line at its `\n`, and ends a CRLF record at the `\r`: the
    // position it gives a record after the first is then one line short. Whether the file
    // ends its lines in CRLF shows after the first record.
    let mut crlf: Option<bool> = None;
    let fix = |pos: u64, crlf: Option<bool>| pos + u64::from(crlf == Some(true));
    loop {
        let more = csv
            .read_byte_record(&mut record)
            .map_err(|e| csv_error(e, crlf))?;
        if !more {
            break;
        }
        let start = record.position().map_or(0, csv::Position::line);
        let line = fix(start, crlf);
        if crlf.is_none() {
            crlf = Some(csv.position().line() == start);
        }
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let Some(l) = &layout else {
            // Before the header, every line is ASCII or the file is the headerless legacy one.
            let fields = decode(&record, true, line)?;
            let first = fields.first().map_or("", |s| s.trim());
            if first.eq_ignore_ascii_case("Last Updated") {
                builder
                    .collector
                    .published(fields.get(1).and_then(|d| parse_partial_date(d)));
                continue;
            }
            if first.to_ascii_lowercase().starts_with("report date") {
                continue;
            }
            if first.eq_ignore_ascii_case("Name 6") {
                let (l, unknown) = Layout::from_header(&fields).map_err(|e| with_line(e, line))?;
                report_unknown(&mut builder, line, &unknown);
                layout = Some(l);
                continue;
            }
            if kind == CsvKind::Format2022 {
                let shown: String = fields.join(",").chars().take(60).collect();
                return Err(Error::new(
                    ErrorKind::Malformed,
                    format!(
                        "expected the UK list header (Name 6, Name 1, ..., Group ID), found a line starting {shown:?}"
                    ),
                )
                .with_line(line));
            }
            let l = Layout::legacy_headerless();
            check_width(&l, fields.len(), line)?;
            builder.add_row(&Row {
                layout: &l,
                fields: &strs(&fields),
                line,
            });
            layout = Some(l);
            continue;
        };
        check_width(l, record.len(), line)?;
        let fields = decode(&record, l.legacy, line)?;
        builder.add_row(&Row {
            layout: l,
            fields: &strs(&fields),
            line,
        });
    }
    if layout.is_none() && kind == CsvKind::Format2022 {
        return Err(Error::new(
            ErrorKind::Malformed,
            "expected the UK list header (Name 6, Name 1, ..., Group ID), found the end of the file",
        ));
    }
    Ok(builder.finish())
}

/// The fields of a decoded CSV record as a [`Row`] takes them.
fn strs(fields: &[String]) -> Vec<&str> {
    fields.iter().map(String::as_str).collect()
}

fn with_line(e: Error, line: u64) -> Error {
    Error::new(e.kind(), e.to_string()).with_line(line)
}

fn check_width(layout: &Layout, found: usize, line: u64) -> Result<()> {
    if found == layout.width {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Malformed,
        format!(
            "expected {} fields in the row, as in the header, found {found}",
            layout.width
        ),
    )
    .with_line(line))
}

/// Whether the start of a text is the header of the 2022-format CSV, as the first line or
/// after a `Last Updated` or `Report Date` line.
pub(crate) fn is_2022_csv_head(start: &str) -> bool {
    let start = start.trim_start_matches('\u{feff}');
    start.lines().take(2).any(|line| {
        let fields: Vec<&str> = line
            .split(',')
            .map(|f| f.trim().trim_matches('"'))
            .collect();
        fields
            .first()
            .is_some_and(|f| f.eq_ignore_ascii_case("Name 6"))
            && fields.iter().any(|f| f.eq_ignore_ascii_case("Group ID"))
            && fields.iter().any(|f| {
                f.eq_ignore_ascii_case("Alias Quality")
                    || f.eq_ignore_ascii_case("Name Non-Latin Script")
            })
    })
}

/// Whether the start of a file is the legacy ConList CSV without its header lines: each
/// complete line among the first few has 29 fields, a Group Type of `Individual`, `Entity`
/// or `Ship`, an Alias Type, and a numeric Group ID last.
pub(crate) fn is_legacy_head(head: &[u8]) -> bool {
    // Only complete lines: a cut line would miscount its fields.
    let Some(end) = head.iter().rposition(|&b| b == b'\n') else {
        return false;
    };
    let text = decode_cp1252(head.get(..end).unwrap_or(&[]));
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut seen = 0;
    for record in csv.records().take(3) {
        let Ok(record) = record else {
            return false;
        };
        let ok = record.len() == LEGACY_HEADER.len()
            && record.get(28).is_some_and(|id| {
                let id = id.trim();
                (1..=9).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
            })
            && record.get(23).is_some_and(|t| {
                matches!(
                    t.trim().to_ascii_lowercase().as_str(),
                    "individual" | "entity" | "ship"
                )
            })
            && record.get(24).is_some_and(|a| !a.trim().is_empty());
        if !ok {
            return false;
        }
        seen += 1;
    }
    seen > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("plain", "Kazakhstan", &["Kazakhstan"]),
            ("paren", "(1) Germany. (2) Morocco", &["Germany", "Morocco"]),
            (
                "double space",
                "(1) 600320653786  (2) 820523399043",
                &["600320653786", "820523399043"],
            ),
            (
                "number",
                "1) Saudi Arabia 2) Qatar",
                &["Saudi Arabia", "Qatar"],
            ),
            (
                "letters",
                "a) Saudi Arabia 2135314355 b) Saudi Arabia 202112421",
                &["Saudi Arabia 2135314355", "Saudi Arabia 202112421"],
            ),
            (
                "inner parens kept",
                "Passport No: 592667 (Qatari passport issued on 3 May 2007).",
                &["Passport No: 592667 (Qatari passport issued on 3 May 2007)"],
            ),
            (
                "glued",
                "(11) C-267185 (12)H-123259.",
                &["C-267185", "H-123259"],
            ),
            ("dash items", "(1) Manzil Tmim (2)-(6) -", &["Manzil Tmim"]),
            ("empty", "  ", &[]),
        ];
        for (name, input, want) in cases {
            assert_eq!(enumerated(input), *want, "{name}");
        }
    }

    #[test]
    fn other_information_keys() {
        let text = "(UK Sanctions List Ref):RUS2271. Financial sanctions: Trust services. (UK Statement of Reasons):KAZSTANEX (a) is involved. (Gender):Male (IMO number):7408873 (Business Reg No): (1) Kazakhstan BIN - 170440031562 (2) Russian TIN: 7718763393 (Flag of ship):North Korea";
        let kv = key_values(text);
        let keys: Vec<&str> = kv.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "UK Sanctions List Ref",
                "UK Statement of Reasons",
                "Gender",
                "IMO number",
                "Business Reg No",
                "Flag of ship"
            ]
        );
        let mut e = Entity::new(EntityId::new(Source::Uk, "1"), EntityKind::Vessel);
        other_information(text, &mut e);
        assert_eq!(e.gender, Some(Gender::Male));
        assert_eq!(e.countries, ["KP"]);
        let ids: Vec<(IdentifierKind, &str, Option<&str>)> = e
            .identifiers
            .iter()
            .map(|i| (i.kind, i.value.as_str(), i.country.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                (IdentifierKind::Imo, "7408873", None),
                (IdentifierKind::Other, "RUS2271", None),
                (IdentifierKind::Registration, "170440031562", Some("KZ")),
                (IdentifierKind::TaxId, "7718763393", None),
            ]
        );
    }

    #[test]
    fn imo_forms() {
        assert_eq!(imo_numbers("IMO: 8937675. MMSI: 445539000."), ["8937675"]);
        assert_eq!(imo_numbers("(IMO number):7408873 "), ["7408873"]);
        assert_eq!(imo_numbers("IMO No. 9122552"), ["9122552"]);
        assert!(imo_numbers("PRIMO 1234567").is_empty());
        assert!(imo_numbers("IMO 12345").is_empty());
        assert!(imo_numbers("IMO member since 1234567").is_empty());
    }

    #[test]
    fn identifier_words() {
        use IdentifierKind::*;
        assert_eq!(id_kind_words("TRN", NationalId), NationalId);
        assert_eq!(id_kind_words("INN", NationalId), TaxId);
        assert_eq!(
            id_kind_words("Argentina national id", NationalId),
            NationalId
        );
        assert_eq!(id_kind_words("Kazakhstan BIN", Registration), Registration);
        assert_eq!(country_in("Libya number"), Some("LY"));
        assert_eq!(country_in("British passport number"), None);
        assert_eq!(
            number_token("Passport No: 592667 (Qatari)", false),
            Some("592667")
        );
        assert_eq!(number_token("Uganda Passport", false), None);
    }

    #[test]
    fn heads() {
        assert!(is_2022_csv_head(
            "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Group ID\n"
        ));
        assert!(is_2022_csv_head(
            "Report Date: 10-Apr-2025\nName 6,Alias Quality,Group ID\n"
        ));
        assert!(!is_2022_csv_head("Name 6,Name 1,Group ID\n"));
        let row = b"AL-QAHTANI,Sheikh,Farooq,,,,,00/00/1981,,Saudi Arabia,1) Saudi Arabia 2) Qatar,\"Passport, No\",,,,,,,,,,Afghanistan,UN Ref QDe.004.,Individual,AKA,Regime,01/04/2016,01/04/2016,13349\r\n";
        assert!(is_legacy_head(row));
        let cut = row.get(..40).unwrap();
        assert!(!is_legacy_head(cut));
        let mut short = row.to_vec();
        short.splice(0..0, b"x,".iter().copied());
        assert!(!is_legacy_head(&short));
        assert!(!is_legacy_head(b"a,b,c\r\n"));
    }

    #[test]
    fn person_names_put_the_surname_first() {
        let names: Vec<String> = [
            "Name 6",
            "Name 1",
            "Name 2",
            "Group Type",
            "Alias Type",
            "Group ID",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (layout, unknown) = Layout::from_header(&names).unwrap();
        assert!(unknown.is_empty());
        let fields = ["ABRAMOV", "Vasily", "Vitalyevich", "Individual", "AKA", "1"];
        let row = Row {
            layout: &layout,
            fields: &fields,
            line: 1,
        };
        assert_eq!(
            full_name(&row, EntityKind::Person),
            "ABRAMOV, Vasily Vitalyevich"
        );
        assert_eq!(
            full_name(&row, EntityKind::Organization),
            "Vasily Vitalyevich ABRAMOV"
        );
    }
}
