//! The OFAC classic XML and legacy CSV readers on the real files (`SANCTIONS_DATA_DIR`),
//! against the counts of `ofac/README.md`, and the CSV remarks parser against the XML.

use std::collections::{BTreeSet, HashMap};

use sanctions::model::{
    BirthDate, Entity, EntityKind, Gender, IdentifierKind, NameKind, SanctionsList,
};
use sanctions::sources::{IssueAction, LoadIssue, Loaded, load_path};

use crate::util::{data_dir, data_file};

fn load(rel: &str) -> Option<Loaded> {
    let dir = data_dir()?;
    let path = data_file(&dir, rel);
    Some(load_path(&path).unwrap_or_else(|e| panic!("{rel}: {e}")))
}

fn kinds(list: &SanctionsList) -> [usize; 4] {
    let n = |k| list.entities.iter().filter(|e| e.kind == k).count();
    [
        n(EntityKind::Organization),
        n(EntityKind::Person),
        n(EntityKind::Vessel),
        n(EntityKind::Aircraft),
    ]
}

fn names_of(list: &SanctionsList, kind: NameKind) -> usize {
    list.entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.kind == kind)
        .count()
}

fn entity<'a>(list: &'a SanctionsList, id: &str) -> &'a Entity {
    list.entities
        .iter()
        .find(|e| e.id.id == id)
        .unwrap_or_else(|| panic!("entity {id} missing"))
}

#[test]
fn sdn_xml_counts_match_the_readme() {
    let Some(loaded) = load("ofac/sdn.xml") else {
        return;
    };
    let list = &loaded.list;
    assert!(
        loaded.report.issues.is_empty(),
        "{:?}",
        loaded.report.issues
    );
    assert_eq!(
        list.published.map(|d| d.to_string()).as_deref(),
        Some("2024-05-07")
    );
    assert_eq!(list.entities.len(), 14_966);
    assert_eq!(kinds(list), [6_884, 6_855, 851, 376]);
    // 21,754 aka: 3,694 weak; of the strong ones 653 - 87 weak = 566 f.k.a.
    assert_eq!(names_of(list, NameKind::Primary), 14_966);
    assert_eq!(names_of(list, NameKind::WeakAka), 3_694);
    assert_eq!(names_of(list, NameKind::Fka), 566);
    assert_eq!(names_of(list, NameKind::Aka), 21_754 - 3_694 - 566);
    assert_eq!(loaded.report.weak_aliases, 3_694);
    // Every DOB parses (no issue): 7,533 dateOfBirthItem on persons, and the 1,830
    // `Organization Established Date` ids as organizations' birth dates.
    let dobs = |k| -> usize {
        list.entities
            .iter()
            .filter(|e| e.kind == k)
            .map(|e| e.birth_dates.len())
            .sum()
    };
    // uid 6703 lists `31 Jul 1964` twice: one birth date.
    assert_eq!(dobs(EntityKind::Person), 7_533 - 1);
    assert_eq!(
        dobs(EntityKind::Organization) + dobs(EntityKind::Vessel) + dobs(EntityKind::Aircraft),
        1_830
    );
    let genders = list.entities.iter().filter(|e| e.gender.is_some()).count();
    assert_eq!(genders, 4_265);
    let programs: BTreeSet<&str> = list
        .entities
        .iter()
        .flat_map(|e| e.programs.iter().map(String::as_str))
        .collect();
    assert_eq!(programs.len(), 75);
    let with = |p: &str| {
        list.entities
            .iter()
            .filter(|e| e.programs.iter().any(|x| x == p))
            .count()
    };
    assert_eq!(
        [
            with("RUSSIA-EO14024"),
            with("SDGT"),
            with("SDNTK"),
            with("IFSR")
        ],
        [4_439, 2_386, 1_439, 1_171]
    );
    let ids = |k: IdentifierKind| {
        list.entities
            .iter()
            .flat_map(|e| &e.identifiers)
            .filter(|i| i.kind == k)
            .count()
    };
    assert_eq!(ids(IdentifierKind::Bic), 162);
    assert_eq!(ids(IdentifierKind::Imo), 857);
    assert!(ids(IdentifierKind::Crypto) >= 390 + 150);
    assert!(ids(IdentifierKind::Passport) >= 2_123);
}

#[test]
fn consolidated_xml_counts_match_the_readme() {
    let Some(loaded) = load("ofac/consolidated/consolidated.xml") else {
        return;
    };
    let list = &loaded.list;
    assert!(
        loaded.report.issues.is_empty(),
        "{:?}",
        loaded.report.issues
    );
    assert_eq!(
        list.published.map(|d| d.to_string()).as_deref(),
        Some("2025-03-28")
    );
    assert_eq!(list.entities.len(), 443);
    assert_eq!(kinds(list), [363, 80, 0, 0]);
    assert_eq!(names_of(list, NameKind::WeakAka), 70);
    assert_eq!(
        names_of(list, NameKind::Aka) + names_of(list, NameKind::Fka),
        1_066
    );
    let with = |p: &str| {
        list.entities
            .iter()
            .filter(|e| e.programs.iter().any(|x| x == p))
            .count()
    };
    assert_eq!(
        [
            with("UKRAINE-EO13662"),
            with("RUSSIA-EO14024"),
            with("NS-PLC"),
            with("CMIC-EO13959")
        ],
        [286, 82, 78, 68]
    );
    let vtb = entity(list, "18723");
    assert_eq!(vtb.names[0].text, "BANK VTB KAZAKHSTAN JOINT STOCK COMPANY");
}

#[test]
fn spotlight_vtb_bank_kazakhstan_and_da_group_22_from_sdn_xml() {
    let Some(loaded) = load("ofac/sdn.xml") else {
        return;
    };
    let vtb = entity(&loaded.list, "18723");
    assert_eq!(vtb.kind, EntityKind::Organization);
    let names: Vec<(&str, NameKind)> = vtb
        .names
        .iter()
        .map(|n| (n.text.as_str(), n.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("BANK VTB KAZAKHSTAN JOINT STOCK COMPANY", NameKind::Primary),
            ("BANK VTB KAZAKHSTAN JSC", NameKind::Aka),
            ("SUBSIDIARY JSC BANK VTB KAZAKHSTAN", NameKind::Aka),
            ("JOINT STOCK COMPANY VTB BANK KAZAKHSTAN", NameKind::Aka),
        ]
    );
    assert_eq!(vtb.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"]);
    let ids: Vec<(IdentifierKind, &str)> = vtb
        .identifiers
        .iter()
        .map(|i| (i.kind, i.value.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (IdentifierKind::Other, "http://en.vtb-bank.kz/"),
            (IdentifierKind::Bic, "VTBAKZKZ"),
        ]
    );
    let remarks = vtb.remarks.as_deref().unwrap();
    for fact in [
        "(Linked To: VTB BANK PUBLIC JOINT STOCK COMPANY)",
        "Executive Order 13662 Directive Determination - Subject to Directive 1",
        "Target Type Financial Institution",
        "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209",
    ] {
        assert!(remarks.contains(fact), "{fact} not in {remarks}");
    }
    assert_eq!(vtb.countries, ["KZ"]);
    assert_eq!(vtb.addresses.len(), 1);
    let a = &vtb.addresses[0];
    assert_eq!(
        (
            a.street.as_deref(),
            a.city.as_deref(),
            a.postal_code.as_deref(),
            a.country.as_deref()
        ),
        (
            Some("28 Timiryazev Street"),
            Some("Almaty"),
            Some("050040"),
            Some("KZ")
        )
    );
    assert!(vtb.birth_dates.is_empty() && vtb.nationalities.is_empty() && vtb.gender.is_none());

    let da = entity(&loaded.list, "47923");
    assert_eq!(da.kind, EntityKind::Organization);
    assert_eq!(da.names.len(), 1);
    assert_eq!(
        da.names[0].text,
        "LIMITED LIABILITY PARTNERSHIP DA GROUP 22"
    );
    assert_eq!(da.programs, ["RUSSIA-EO14024"]);
    let id = &da.identifiers[0];
    assert_eq!(da.identifiers.len(), 1);
    assert_eq!(
        (
            id.kind,
            id.value.as_str(),
            id.country.as_deref(),
            id.note.as_deref()
        ),
        (
            IdentifierKind::Registration,
            "220340015320",
            Some("KZ"),
            Some("Identification Number")
        )
    );
    assert_eq!(da.countries, ["KZ"]);
    let a = &da.addresses[0];
    assert_eq!(
        a.street.as_deref(),
        Some("13 Abay Avenue, Sariarka District")
    );
    assert_eq!(a.city.as_deref(), Some("Astana"));
    assert_eq!(a.country.as_deref(), Some("KZ"));
    let elix = entity(&loaded.list, "47936");
    assert_eq!(elix.names[1].text, "ELIX ST GMBH");
    assert!(
        elix.remarks
            .as_deref()
            .unwrap()
            .contains("(Linked To: LIMITED LIABILITY PARTNERSHIP DA GROUP 22)")
    );
    let elem = entity(&loaded.list, "47950");
    assert_eq!(elem.identifiers[0].value, "220340015717");
}

fn skipped_with<'a>(issues: &'a [LoadIssue], part: &str) -> Vec<&'a LoadIssue> {
    issues
        .iter()
        .filter(|i| i.action == IssueAction::Skipped && i.reason.contains(part))
        .collect()
}

#[test]
fn csv_2021_set_joins_resolve_and_counts_match_the_readme() {
    let Some(dir) = data_dir() else {
        return;
    };
    let loaded = load_path(dir.join("ofac/csv-2021-set")).unwrap();
    let list = &loaded.list;
    assert_eq!(list.entities.len(), 8_976);
    let skipped: Vec<&LoadIssue> = loaded
        .report
        .issues
        .iter()
        .filter(|i| i.action == IssueAction::Skipped)
        .collect();
    assert!(skipped.is_empty(), "{skipped:?}");
    // ALT: 11,910 rows, each a name (nka read as aka), but rows repeating a name of their
    // entity, which are reported.
    let repeats = loaded
        .report
        .issues
        .iter()
        .filter(|i| i.reason.contains("repeats a name"))
        .count();
    assert_eq!(
        names_of(list, NameKind::Aka) + names_of(list, NameKind::Fka) + repeats,
        11_910
    );
    assert_eq!(names_of(list, NameKind::Fka), 369);
    // 13,837 ADD rows, of which 2,397 have every part `-0-`: no address.
    let addresses: usize = list.entities.iter().map(|e| e.addresses.len()).sum();
    assert_eq!(addresses, 13_837 - 2_397);
    // Remarks continued in COMMENTS are joined mid-word.
    let e = entity(list, "28263");
    assert!(
        e.names
            .iter()
            .any(|n| n.text == "snowsjohn" && n.kind == NameKind::WeakAka),
        "{:?}",
        e.names
    );
    assert!(
        e.remarks
            .as_deref()
            .unwrap()
            .ends_with("Linked To: LAZARUS GROUP.")
    );
}

#[test]
fn csv_newer_companions_report_exactly_the_unresolved_rows() {
    let Some(dir) = data_dir() else {
        return;
    };
    let loaded = load_path(data_file(&dir, "ofac/csv/sdn.csv")).unwrap();
    let list = &loaded.list;
    assert_eq!(list.entities.len(), 12_632);
    assert_eq!(kinds(list), [5_229, 6_286, 740, 377]);
    let issues = &loaded.report.issues;
    let add = skipped_with(issues, "add.csv row");
    let alt = skipped_with(issues, "alt.csv row");
    let comments = skipped_with(issues, "sdn_comments.csv row in sdn.csv, found none");
    let other_publication = skipped_with(issues, "belongs to another publication");
    assert_eq!(add.len(), 8_632);
    assert_eq!(alt.len(), 4_850);
    assert_eq!(comments.len(), 10);
    // 22985, 34682, 35163 and 36025 have remarks shorter than 1,000 characters in this
    // sdn.csv: the 2025 COMMENTS rows for them cannot continue them.
    let mut ids: Vec<&str> = other_publication
        .iter()
        .filter_map(|i| i.record.as_deref())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, ["22985", "34682", "35163", "36025"]);
    assert_eq!(loaded.report.skipped(), 8_632 + 4_850 + 10 + 4);
    assert_eq!(
        names_of(list, NameKind::Aka) + names_of(list, NameKind::Fka),
        20_260 - 4_850
    );
    let vtb = entity(list, "18723");
    assert_eq!(vtb.programs, ["UKRAINE-EO13662", "RUSSIA-EO14024"]);
    assert!(
        vtb.identifiers
            .iter()
            .any(|i| i.kind == IdentifierKind::Bic && i.value == "VTBAKZKZ")
    );
    assert_eq!(
        vtb.addresses[0].full.as_deref(),
        Some("28 Timiryazev Street, Almaty 050040, Kazakhstan")
    );
}

#[test]
fn consolidated_csv_set_counts_match_the_readme() {
    let Some(dir) = data_dir() else {
        return;
    };
    let loaded = load_path(data_file(&dir, "ofac/consolidated/cons_prim.csv")).unwrap();
    let list = &loaded.list;
    assert_eq!(loaded.report.skipped(), 0, "{:?}", loaded.report.issues);
    assert_eq!(list.entities.len(), 442);
    assert_eq!(names_of(list, NameKind::Aka), 932);
    assert_eq!(names_of(list, NameKind::Fka), 141);
    // 574 ADD rows, of which 52 have every part `-0-`: no address.
    let addresses: usize = list.entities.iter().map(|e| e.addresses.len()).sum();
    assert_eq!(addresses, 574 - 52);
}

/// What the CSV remarks give and the XML gives in fields, for one entity.
#[derive(Debug, PartialEq)]
struct Facts {
    birth_dates: BTreeSet<String>,
    identifiers: BTreeSet<(String, String, Option<String>)>,
    nationalities: BTreeSet<String>,
    weak: BTreeSet<String>,
    gender: Option<Gender>,
}

fn facts(e: &Entity) -> Facts {
    Facts {
        birth_dates: e.birth_dates.iter().map(birth).collect(),
        identifiers: e
            .identifiers
            .iter()
            .map(|i| (format!("{:?}", i.kind), i.value.clone(), i.country.clone()))
            .collect(),
        nationalities: e.nationalities.iter().cloned().collect(),
        weak: e
            .names
            .iter()
            .filter(|n| n.kind == NameKind::WeakAka)
            .map(|n| n.text.clone())
            .collect(),
        gender: e.gender,
    }
}

fn birth(b: &BirthDate) -> String {
    serde_json::to_string(b).unwrap()
}

#[test]
fn csv_remarks_agree_with_the_xml_for_unchanged_records() {
    let Some(dir) = data_dir() else {
        return;
    };
    let csv = load_path(dir.join("ofac/csv-2021-set")).unwrap();
    let xml = load_path(data_file(&dir, "ofac/sdn.xml")).unwrap();
    let by_id: HashMap<&str, &Entity> = xml
        .list
        .entities
        .iter()
        .map(|e| (e.id.id.as_str(), e))
        .collect();
    // A record "changed" between the 2021 CSV and the 2024 XML when its primary name, its
    // program list, its kind or its strong aliases differ: OFAC republishes the whole record
    // when it amends it.
    let strong = |e: &Entity| -> BTreeSet<String> {
        e.names
            .iter()
            .filter(|n| matches!(n.kind, NameKind::Aka | NameKind::Fka))
            .map(|n| n.text.clone())
            .collect()
    };
    // Or when the XML holds an item (id, date or place of birth, nationality, citizenship,
    // aka, address) newer than the CSV publication: each item kind has its own uid sequence,
    // and an item whose uid is at least the smallest uid of that kind given to a record
    // listed after the CSV (ent_num above its largest) was added after it.
    let xml_text = std::fs::read_to_string(data_file(&dir, "ofac/sdn.xml")).unwrap();
    let items = item_uids(&xml_text);
    let last_csv: u64 = csv
        .list
        .entities
        .iter()
        .filter_map(|e| e.id.id.parse().ok())
        .max()
        .unwrap();
    let mut first_after: HashMap<&str, u64> = HashMap::new();
    for (ent, list) in &items {
        if *ent > last_csv {
            for &(tag, uid) in list {
                let f = first_after.entry(tag).or_insert(u64::MAX);
                *f = (*f).min(uid);
            }
        }
    }
    let newer = |id: &str| -> bool {
        let Ok(ent) = id.parse::<u64>() else {
            return false;
        };
        items.get(&ent).is_some_and(|list| {
            list.iter()
                .any(|(tag, uid)| first_after.get(tag).is_some_and(|f| uid >= f))
        })
    };
    let (mut both, mut unchanged, mut agree) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for c in &csv.list.entities {
        let Some(x) = by_id.get(c.id.id.as_str()) else {
            continue;
        };
        both += 1;
        if c.names[0].text != x.names[0].text
            || c.programs != x.programs
            || c.kind != x.kind
            || strong(c) != strong(x)
            || newer(&c.id.id)
        {
            continue;
        }
        unchanged += 1;
        let (fc, fx) = (facts(c), facts(x));
        if fc == fx {
            agree += 1;
        } else {
            disagreements.push((c.id.id.clone(), fc, fx));
        }
    }
    eprintln!(
        "CSV 2021 vs XML 2024: {both} records in both, {unchanged} unchanged, {agree} agree, {} disagree",
        disagreements.len()
    );
    for (id, c, x) in disagreements.iter().take(15) {
        eprintln!("{id}:\n  csv {c:?}\n  xml {x:?}");
    }
    assert!(both > 8_000, "{both}");
    assert!(unchanged > 3_500, "{unchanged}");
    // Each remaining disagreement is a change the uids cannot show: 4249 gained its IMO
    // number in an existing id slot, 11748 lost its DOBs, 12870 and 12871 lost their
    // websites. (20882's nationality was renamed, Macedonia → North Macedonia: both spellings
    // give MK.)
    let ids: Vec<&str> = disagreements.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, ["4249", "11748", "12870", "12871"]);
    assert_eq!(agree + disagreements.len(), unchanged);
}

/// The uids of each sdnEntry's items, by item tag, from the XML text (one tag per line).
fn item_uids(xml: &str) -> HashMap<u64, Vec<(&'static str, u64)>> {
    const TAGS: [&str; 7] = [
        "id",
        "dateOfBirthItem",
        "placeOfBirthItem",
        "nationality",
        "citizenship",
        "aka",
        "address",
    ];
    let mut out: HashMap<u64, Vec<(&'static str, u64)>> = HashMap::new();
    let mut entry: Option<u64> = None;
    let mut tag: Option<&'static str> = None;
    for line in xml.lines().map(str::trim) {
        if line == "<sdnEntry>" {
            entry = None;
            tag = None;
        } else if let Some(t) = TAGS
            .iter()
            .find(|t| line.strip_prefix('<').and_then(|l| l.strip_suffix('>')) == Some(**t))
        {
            tag = Some(t);
        } else if let Some(uid) = line
            .strip_prefix("<uid>")
            .and_then(|l| l.strip_suffix("</uid>"))
        {
            let uid: u64 = uid.parse().unwrap();
            match (entry, tag.take()) {
                (None, _) => entry = Some(uid),
                (Some(e), Some(t)) => out.entry(e).or_default().push((t, uid)),
                (Some(_), None) => {}
            }
        }
    }
    out
}
