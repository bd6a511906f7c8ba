//! `ListDiff`: every kind of change on small hand-made lists, and the OFAC SDN legacy CSV of
//! 2021 against the newer one, checked against facts computed here from the files.

use std::collections::BTreeSet;

use sanctions::diff::{Field, ListDiff};
use sanctions::model::{
    Address, BirthDate, Entity, EntityId, EntityKind, Gender, Identifier, IdentifierKind, Name,
    NameKind, PartialDate, SanctionsList, Source,
};
use sanctions::sources::load_path;

use crate::util::{data_dir, data_file};

fn id(s: &str) -> EntityId {
    EntityId::new(Source::Custom, s)
}

fn person(i: &str, name: &str) -> Entity {
    let mut e = Entity::new(id(i), EntityKind::Person).with_name(Name::new(name));
    e.programs.push("RUSSIA-EO14024".into());
    e
}

fn list(entities: Vec<Entity>) -> SanctionsList {
    let mut l = SanctionsList::new(Source::Custom);
    l.entities = entities;
    l
}

/// The diff of a one-entity list before and after `edit`.
#[track_caller]
fn one_change(edit: impl FnOnce(&mut Entity)) -> sanctions::diff::EntityChange {
    let old = person("p-1", "Ivan Sidorov");
    let mut new = old.clone();
    edit(&mut new);
    let diff = ListDiff::between(&list(vec![old.clone()]), &list(vec![new.clone()]));
    assert!(diff.added().is_empty() && diff.removed().is_empty());
    assert_eq!(diff.changed().len(), 1, "{diff}");
    let c = diff.changed()[0].clone();
    assert_eq!(c.id(), &id("p-1"));
    assert_eq!(c.old_hash(), old.content_hash());
    assert_eq!(c.new_hash(), new.content_hash());
    assert_ne!(c.old_hash(), c.new_hash());
    c
}

#[test]
fn equal_lists_give_an_empty_diff_in_any_entity_order() {
    let a = person("a", "Ivan Sidorov");
    let b = person("b", "Petr Ivanov");
    let diff = ListDiff::between(&list(vec![a.clone(), b.clone()]), &list(vec![b, a]));
    assert!(diff.is_empty(), "{diff}");
    let s = diff.summary();
    assert_eq!((s.old_entities, s.new_entities), (2, 2));
    assert_eq!(
        (s.added, s.removed, s.changed, s.duplicates, s.names_changed),
        (0, 0, 0, 0, 0)
    );
}

#[test]
fn added_and_removed_entities_sorted_by_id_with_their_summary() {
    let kept = person("k", "Kept Person");
    let old = list(vec![
        person("z-old", "Zed Old"),
        kept.clone(),
        person("a-old", "Al Old"),
    ]);
    let new = list(vec![
        person("y-new", "Yan New"),
        kept,
        person("b-new", "Bo New"),
    ]);
    let diff = ListDiff::between(&old, &new);
    let ids = |v: &[sanctions::diff::EntitySummary]| {
        v.iter().map(|e| e.id().id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(diff.added()), ["b-new", "y-new"]);
    assert_eq!(ids(diff.removed()), ["a-old", "z-old"]);
    let added = &diff.added()[0];
    assert_eq!(added.name(), Some("Bo New"));
    assert_eq!(added.kind(), EntityKind::Person);
    assert_eq!(added.programs(), ["RUSSIA-EO14024"]);
    assert_eq!(added.hash(), new.entities[2].content_hash());
    assert!(diff.changed().is_empty());
    let names: Vec<&str> = diff.names_changed().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        names,
        ["b-new", "y-new"],
        "added entities count, removed do not"
    );
}

#[test]
fn names_added_removed_and_kind_changed() {
    let c = one_change(|e| {
        e.names
            .push(Name::new("Iwan Sidorow").with_kind(NameKind::Aka));
    });
    assert_eq!(c.names().added().len(), 1);
    assert_eq!(c.names().added()[0].text, "Iwan Sidorow");
    assert_eq!(c.names().added()[0].kind, NameKind::Aka);
    assert!(c.names().removed().is_empty());
    assert!(c.names_changed() && !c.is_reordered_only());

    let c = one_change(|e| e.names[0].text = "Ivan Petrovich Sidorov".into());
    assert_eq!(c.names().removed()[0].text, "Ivan Sidorov");
    assert_eq!(c.names().added()[0].text, "Ivan Petrovich Sidorov");
    assert_eq!(
        c.name(),
        Some("Ivan Petrovich Sidorov"),
        "the new primary name"
    );

    // A name whose kind changes is removed with its old kind and added with its new one.
    let c = one_change(|e| e.names[0].kind = NameKind::Fka);
    assert_eq!(c.names().removed()[0].kind, NameKind::Primary);
    assert_eq!(c.names().added()[0].kind, NameKind::Fka);
    assert_eq!(c.names().added()[0].text, "Ivan Sidorov");

    let c = one_change(|e| e.names.clear());
    assert_eq!(c.names().removed().len(), 1);
    assert!(c.names().added().is_empty());
    assert_eq!(c.name(), None);
}

#[test]
fn identifiers_and_programs_added_and_removed() {
    let c = one_change(|e| {
        e.identifiers
            .push(Identifier::new(IdentifierKind::Passport, "4510 123456"));
    });
    assert_eq!(c.identifiers().added()[0].value, "4510 123456");
    assert_eq!(c.identifiers().added()[0].kind, IdentifierKind::Passport);
    assert!(!c.names_changed(), "an identifier is not a name");
    assert!(c.fields().is_empty() && c.programs().is_empty());

    let with_id = |e: &mut Entity| {
        e.identifiers
            .push(Identifier::new(IdentifierKind::TaxId, "7702070139"));
    };
    let mut old = person("p-1", "Ivan Sidorov");
    with_id(&mut old);
    let mut new = old.clone();
    new.identifiers[0].kind = IdentifierKind::Registration;
    let diff = ListDiff::between(&list(vec![old]), &list(vec![new]));
    let c = &diff.changed()[0];
    assert_eq!(c.identifiers().removed()[0].kind, IdentifierKind::TaxId);
    assert_eq!(
        c.identifiers().added()[0].kind,
        IdentifierKind::Registration
    );

    let c = one_change(|e| {
        e.programs = vec!["UKRAINE-EO13662".into(), "SDGT".into()];
    });
    assert_eq!(c.programs().removed(), ["RUSSIA-EO14024"]);
    assert_eq!(c.programs().added(), ["UKRAINE-EO13662", "SDGT"]);
}

#[test]
fn every_other_field_by_name_with_old_and_new_values() {
    let d = |s: &str| s.parse::<PartialDate>().unwrap();
    /// A named edit, the field it changes, the values removed and added.
    type Case = (
        &'static str,
        fn(&mut Entity),
        Field,
        &'static [&'static str],
        &'static [&'static str],
    );
    let cases: &[Case] = &[
        (
            "kind",
            |e| e.kind = EntityKind::Organization,
            Field::Kind,
            &["person"],
            &["organization"],
        ),
        (
            "birth date",
            |e| {
                e.birth_dates.push(BirthDate::Circa {
                    circa: "1961".parse().unwrap(),
                })
            },
            Field::BirthDates,
            &[],
            &["circa 1961"],
        ),
        (
            "birth place",
            |e| e.birth_places.push("Leningrad".into()),
            Field::BirthPlaces,
            &[],
            &["Leningrad"],
        ),
        (
            "nationality",
            |e| e.nationalities.push("RU".into()),
            Field::Nationalities,
            &[],
            &["RU"],
        ),
        (
            "country",
            |e| e.countries.push("KZ".into()),
            Field::Countries,
            &[],
            &["KZ"],
        ),
        (
            "address",
            |e| {
                let mut a = Address::default();
                a.city = Some("Almaty".into());
                a.country = Some("KZ".into());
                e.addresses.push(a);
            },
            Field::Addresses,
            &[],
            &["Almaty, KZ"],
        ),
        (
            "gender",
            |e| e.gender = Some(Gender::Male),
            Field::Gender,
            &[],
            &["male"],
        ),
        (
            "listed on",
            |e| e.listed_on = Some("2022-02-24".parse().unwrap()),
            Field::ListedOn,
            &[],
            &["2022-02-24"],
        ),
        (
            "remarks",
            |e| e.remarks = Some("Linked To: X.".into()),
            Field::Remarks,
            &[],
            &["Linked To: X."],
        ),
    ];
    for (name, edit, field, removed, added) in cases {
        let c = one_change(edit);
        assert_eq!(c.fields().len(), 1, "{name}: {c}");
        let f = c.field(*field).unwrap_or_else(|| panic!("{name}: {c}"));
        assert_eq!(f.removed(), *removed, "{name}");
        assert_eq!(f.added(), *added, "{name}");
        assert!(!c.names_changed() && !c.is_reordered_only(), "{name}");
    }

    // A single-valued field replaced: old value removed, new one added.
    let mut old = person("p-1", "Ivan Sidorov");
    old.listed_on = Some(d("2014-03-20"));
    let mut new = old.clone();
    new.listed_on = Some(d("2022-02-24"));
    let diff = ListDiff::between(&list(vec![old]), &list(vec![new]));
    let f = diff.changed()[0].field(Field::ListedOn).unwrap().clone();
    assert_eq!(
        (f.removed(), f.added()),
        (
            &["2014-03-20".to_string()][..],
            &["2022-02-24".to_string()][..]
        )
    );
    assert_eq!(f.to_string(), r#"listed_on: "2014-03-20" -> "2022-02-24""#);

    // Long values are cut; the hashes still tell the whole change.
    let c = one_change(|e| e.remarks = Some("x".repeat(1000)));
    let added = &c.field(Field::Remarks).unwrap().added()[0];
    assert_eq!(added.chars().count(), sanctions::diff::MAX_VALUE_CHARS + 1);
    assert!(added.ends_with('…'));
}

#[test]
fn a_reorder_only_change_is_told_apart_and_not_rescreened() {
    let mut old = person("p-1", "Ivan Sidorov");
    old.names
        .push(Name::new("Iwan Sidorow").with_kind(NameKind::Aka));
    old.names
        .push(Name::new("Ivan Sydorov").with_kind(NameKind::Aka));
    old.countries = vec!["RU".into(), "KZ".into()];
    let mut new = old.clone();
    new.names.swap(1, 2);
    new.countries.reverse();
    let diff = ListDiff::between(&list(vec![old.clone()]), &list(vec![new.clone()]));
    let c = &diff.changed()[0];
    assert!(c.is_reordered_only(), "{c}");
    assert!(c.names().is_empty() && c.fields().is_empty());
    assert_ne!(c.old_hash(), c.new_hash());
    assert!(diff.names_changed().is_empty());
    assert!(diff.rescreen().is_empty());
    assert_eq!(diff.summary().reordered_only, 1);
    assert!(c.to_string().ends_with("reordered only"), "{c}");

    // A reorder together with a content change is a content change.
    new.countries.push("AE".into());
    let diff = ListDiff::between(&list(vec![old]), &list(vec![new]));
    let c = &diff.changed()[0];
    assert!(!c.is_reordered_only());
    assert_eq!(c.field(Field::Countries).unwrap().added(), ["AE"]);
    assert!(c.field(Field::Countries).unwrap().removed().is_empty());
    assert_eq!(diff.rescreen().len(), 1);
    assert!(diff.names_changed().is_empty());
}

#[test]
fn duplicated_ids_are_reported_not_merged() {
    let a1 = person("dup", "Ivan Sidorov");
    let a2 = person("dup", "Petr Ivanov");
    let other = person("other", "Other One");
    // Twice in the old version, once in the new: not paired, reported with both hashes.
    let diff = ListDiff::between(
        &list(vec![a1.clone(), other.clone(), a2.clone()]),
        &list(vec![a1.clone(), other.clone()]),
    );
    assert!(diff.added().is_empty() && diff.removed().is_empty() && diff.changed().is_empty());
    let d = &diff.duplicates()[0];
    assert_eq!(d.id(), &id("dup"));
    assert_eq!(d.old_hashes(), [a1.content_hash(), a2.content_hash()]);
    assert_eq!(d.new_hashes(), [a1.content_hash()]);
    assert!(d.is_changed());
    assert!(!diff.is_empty());
    assert!(
        diff.names_changed().contains(&id("dup")),
        "changed duplicates are re-screened"
    );

    // The same duplicates on both sides, in another order: reported, unchanged.
    let diff = ListDiff::between(
        &list(vec![a1.clone(), a2.clone()]),
        &list(vec![a2.clone(), a1.clone()]),
    );
    assert_eq!(diff.duplicates().len(), 1);
    assert!(!diff.duplicates()[0].is_changed());
    assert!(diff.is_empty() && diff.names_changed().is_empty());

    // Duplicated only in the new version.
    let diff = ListDiff::between(&list(vec![other.clone()]), &list(vec![other, a1, a2]));
    assert!(diff.added().is_empty());
    assert_eq!(diff.duplicates()[0].old_hashes(), []);
    assert_eq!(diff.duplicates()[0].new_hashes().len(), 2);
    assert!(
        diff.to_string().contains(
            "! custom:dup duplicated: 0 records in the old version, 2 in the new, changed"
        )
    );
}

#[test]
fn several_lists_at_once_pair_by_source_and_id() {
    let ofac = |i: &str, name: &str| {
        let mut e = person(i, name);
        e.id = EntityId::new(Source::Ofac, i);
        e
    };
    let mut ofac_old = SanctionsList::new(Source::Ofac);
    ofac_old.entities = vec![ofac("1", "Ivan Sidorov")];
    let mut ofac_new = SanctionsList::new(Source::Ofac);
    ofac_new.entities = vec![ofac("1", "Ivan Sidorov"), ofac("2", "New Name")];
    // The same record id "1" in the custom list is another entity.
    let custom_old = list(vec![person("1", "Custom One")]);
    let custom_new = list(vec![person("1", "Custom Renamed")]);
    let diff = ListDiff::between_all([&ofac_old, &custom_old], [&custom_new, &ofac_new]);
    assert_eq!(diff.added().len(), 1);
    assert_eq!(diff.added()[0].id(), &EntityId::new(Source::Ofac, "2"));
    assert_eq!(diff.changed().len(), 1);
    assert_eq!(diff.changed()[0].id(), &id("1"));
    assert!(diff.duplicates().is_empty());
    assert_eq!(diff.summary().old_entities, 2);
    assert_eq!(diff.summary().new_entities, 3);
    assert_eq!(diff.new_lists()[0].source(), Source::Custom);
}

#[test]
fn output_is_deterministic_serializable_and_readable() {
    let entities = |n: usize| -> Vec<Entity> {
        (0..n)
            .map(|i| {
                let mut e = person(&format!("e-{i:03}"), &format!("Person Number {i}"));
                if i % 3 == 0 {
                    e.names
                        .push(Name::new(format!("Alias {i}")).with_kind(NameKind::Aka));
                }
                e
            })
            .collect()
    };
    let old = entities(40);
    let mut new: Vec<Entity> = entities(50)
        .into_iter()
        .filter(|e| e.id.id != "e-007")
        .collect();
    for e in new.iter_mut().step_by(4) {
        e.programs.push("SDGT".into());
    }
    let a = ListDiff::between(&list(old.clone()), &list(new.clone()));
    new.reverse();
    let mut old_rev = old;
    old_rev.reverse();
    let b = ListDiff::between(&list(old_rev), &list(new));
    assert_eq!(a, b, "the order of entities in the files does not matter");
    let ids: Vec<&EntityId> = a.changed().iter().map(|c| c.id()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "changed sorted by id");
    assert_eq!(a.added().len(), 10);
    assert_eq!(a.removed()[0].id(), &id("e-007"));

    let json = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::to_string(&b).unwrap(), json, "same bytes");
    let back: ListDiff = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a, "stored and read back");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &v["changed"][0];
    assert_eq!(first["source"], "custom");
    assert_eq!(first["id"], "e-000");
    assert_eq!(first["programs"]["added"][0], "SDGT");
    assert_eq!(first["old_hash"].as_str().unwrap().len(), 64);
    assert_eq!(first["reordered_only"], false);

    let text = a.to_string();
    assert!(text.starts_with("old: custom (40 entities)\nnew: custom (49 entities)\n40 -> 49 entities: 10 added, 1 removed, 10 changed (10 in content, 0 reordered only), 10 with names changed, 0 duplicate ids"), "{text}");
    assert!(
        text.contains("\n+ custom:e-040 person \"Person Number 40\" [RUSSIA-EO14024]"),
        "{text}"
    );
    assert!(
        text.contains("\n- custom:e-007 person \"Person Number 7\""),
        "{text}"
    );
    assert!(text.contains("\n    + program SDGT"), "{text}");
}

/// The ent_num of every record of an OFAC legacy CSV main file, read here with the `csv`
/// crate, apart from the crate's reader (the file ends with an SUB character, not a record).
fn csv_ids(path: &std::path::Path) -> BTreeSet<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .unwrap();
    r.byte_records()
        .map(|rec| String::from_utf8_lossy(&rec.unwrap()[0]).trim().to_string())
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

#[test]
fn ofac_sdn_csv_2021_against_the_newer_file() {
    let Some(dir) = data_dir() else { return };
    let old_path = data_file(&dir, "ofac/csv-2021-set/sdn.csv");
    let new_path = data_file(&dir, "ofac/csv/sdn.csv");
    let old = load_path(&old_path).unwrap().list;
    let new = load_path(&new_path).unwrap().list;
    let diff = ListDiff::between(&old, &new);

    let (old_ids, new_ids) = (csv_ids(&old_path), csv_ids(&new_path));
    assert_eq!(
        (old_ids.len(), new_ids.len()),
        (8976, 12632),
        "the README's row counts"
    );
    let only_new: BTreeSet<&str> = new_ids.difference(&old_ids).map(String::as_str).collect();
    let only_old: BTreeSet<&str> = old_ids.difference(&new_ids).map(String::as_str).collect();
    assert_eq!((only_new.len(), only_old.len()), (4245, 589));
    let added: BTreeSet<&str> = diff.added().iter().map(|e| e.id().id.as_str()).collect();
    let removed: BTreeSet<&str> = diff.removed().iter().map(|e| e.id().id.as_str()).collect();
    assert_eq!(added, only_new);
    assert_eq!(removed, only_old);
    assert!(diff.duplicates().is_empty());
    let s = diff.summary();
    assert_eq!(s.old_entities - s.removed + s.added, s.new_entities);
    assert!(s.changed > 0 && s.changed <= 8976 - 589);

    // VTB Bank: sectoral sanctions only in 2021, on the SDN list under RUSSIA-EO14024 since.
    let vtb = diff.added().iter().find(|e| e.id().id == "17013").unwrap();
    assert_eq!(vtb.name(), Some("VTB BANK PUBLIC JOINT STOCK COMPANY"));
    assert!(
        vtb.programs().iter().any(|p| p == "RUSSIA-EO14024"),
        "{vtb}"
    );
    assert!(
        diff.names_changed()
            .contains(&EntityId::new(Source::Ofac, "17013"))
    );
    // Manuel Noriega (died 2017), removed.
    let noriega = diff.removed().iter().find(|e| e.id().id == "1572").unwrap();
    assert_eq!(noriega.kind(), EntityKind::Person);

    let changed = |i: &str| diff.changed().iter().find(|c| c.id().id == i).unwrap();
    // The IRGC Air Force gained the RUSSIA-EO14024 program, and kept its others.
    let irgc = changed("12055");
    assert_eq!(irgc.programs().added(), ["RUSSIA-EO14024"]);
    assert!(irgc.programs().removed().is_empty());
    // The vessel SAND SWAN was renamed EBANO.
    let vessel = changed("4243");
    let primary = |ns: &[Name]| {
        ns.iter()
            .filter(|n| n.kind == NameKind::Primary)
            .map(|n| n.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(primary(vessel.names().removed()), ["SAND SWAN"], "{vessel}");
    assert_eq!(primary(vessel.names().added()), ["EBANO"], "{vessel}");
    assert!(diff.names_changed().contains(vessel.id()));
}

/// Runs the `list_diff` example.
fn run_list_diff(args: &[&str]) -> std::process::Output {
    std::process::Command::new(crate::util::example_bin("list_diff"))
        .args(args)
        .output()
        .expect("runs list_diff")
}

/// Issue 7: the `list_diff` example on the project's fixtures: one alias added, one program
/// added, one entity removed, one added, one reordered only.
#[test]
fn issue_7_list_diff_example_on_the_fixtures() {
    let out = run_list_diff(&[
        "--json",
        "tests/data/diff/old.jsonl",
        "tests/data/diff/new.jsonl",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let o: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let s = &o["summary"];
    assert_eq!(
        [
            &s["old_entities"],
            &s["new_entities"],
            &s["added"],
            &s["removed"],
            &s["changed"],
            &s["reordered_only"]
        ],
        [4, 4, 1, 1, 3, 1]
    );
    // Names moved for the entity added and the one with an alias added: re-screen those.
    let moved: Vec<&str> = o["names_changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(moved, ["c-1", "c-5"]);
    let table = run_list_diff(&["tests/data/diff/old.jsonl", "tests/data/diff/new.jsonl"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("+ custom:c-5"), "{text}");
    assert!(text.contains("- custom:c-3"), "{text}");
    let usage = run_list_diff(&["tests/data/diff/old.jsonl"]);
    assert_eq!(usage.status.code(), Some(2));
    let missing = run_list_diff(&["tests/data/diff/old.jsonl", "tests/data/diff/none.jsonl"]);
    assert_eq!(missing.status.code(), Some(1));
}

/// Issue 7: the `list_diff` example on OFAC's SDN list of 2021 and a newer one: the counts
/// the library test checks against the files' first columns.
#[test]
fn issue_7_list_diff_example_on_the_ofac_csv_sets() {
    let Some(dir) = data_dir() else { return };
    let old = data_file(&dir, "ofac/csv-2021-set/sdn.csv");
    let new = data_file(&dir, "ofac/csv/sdn.csv");
    let out = run_list_diff(&["--json", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let o: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(
        (
            o["summary"]["added"].as_u64(),
            o["summary"]["removed"].as_u64()
        ),
        (Some(4245), Some(589))
    );
}
