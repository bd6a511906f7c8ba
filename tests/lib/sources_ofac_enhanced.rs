//! OFAC Enhanced XML (the published zip) and Advanced XML: the README's counts, the
//! original-script names, and agreement with the classic XML of the same list.

use std::collections::HashMap;

use sanctions::model::{EntityKind, NameKind, Script};
use sanctions::sources::load_path;

use crate::util::{data_dir, data_file};

#[test]
fn enhanced_zip_counts_match_the_readme() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "ofac/consolidated/CONS_ENHANCED.ZIP")).unwrap();
    let r = &loaded.report;
    assert_eq!(loaded.list.published, "2025-01-10".parse().ok());
    // README: 443 entities (Entity 363, Individual 80) and 1,579 names; 45 names carry a
    // second spelling (a Cyrillic or Chinese translation), each kept as a name.
    assert_eq!(r.entities(), 443);
    assert_eq!(r.entities_by_kind[&EntityKind::Organization], 363);
    assert_eq!(r.entities_by_kind[&EntityKind::Person], 80);
    assert_eq!(r.names, 1_579 + 45);
    assert!(r.issues.is_empty(), "{:?}", r.issues.first());
    let scripts = |s: Script| {
        loaded
            .list
            .entities
            .iter()
            .flat_map(|e| &e.names)
            .filter(|n| n.script == s)
            .count()
    };
    assert!(
        scripts(Script::Cyrillic) >= 39,
        "{}",
        scripts(Script::Cyrillic)
    );
    assert!(scripts(Script::Han) >= 5, "{}", scripts(Script::Han));
    // Sberbank (17018) with its Russian name.
    let sber = loaded
        .list
        .entities
        .iter()
        .find(|e| e.id.id == "17018")
        .unwrap();
    assert!(
        sber.names.iter().any(
            |n| n.text == "ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО СБЕРБАНК РОССИИ"
                && n.kind == NameKind::Aka
        ),
        "{:?}",
        sber.names
    );
}

#[test]
fn enhanced_and_classic_agree_on_primary_names() {
    let Some(dir) = data_dir() else { return };
    let enhanced = load_path(data_file(&dir, "ofac/consolidated/CONS_ENHANCED.ZIP")).unwrap();
    let classic = load_path(data_file(&dir, "ofac/consolidated/consolidated.xml")).unwrap();
    let primary = |l: &sanctions::sources::Loaded| -> HashMap<String, String> {
        l.list
            .entities
            .iter()
            .filter_map(|e| Some((e.id.id.clone(), e.primary_name()?.text.clone())))
            .collect()
    };
    let (a, b) = (primary(&enhanced), primary(&classic));
    let both: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
    assert!(both.len() > 400, "{}", both.len());
    let differ: Vec<&&String> = both.iter().filter(|k| a[**k] != b[**k]).collect();
    // The two publications are 2.5 months apart (2025-01-10 and 2025-03-28), and no primary
    // name changed between them.
    assert!(differ.is_empty(), "{differ:?}");
}

#[test]
fn advanced_counts_match_the_readme() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "ofac/consolidated/cons_advanced.xml")).unwrap();
    let r = &loaded.report;
    assert_eq!(loaded.list.published, "2020-03-17".parse().ok());
    // README: 375 DistinctParty; 1,290 Alias, 31 LowQuality, 375 Primary. One weak alias of
    // 18769 repeats another word for word: kept once, and reported.
    assert_eq!(r.entities(), 375);
    assert_eq!(r.names, 1_290 - 1);
    assert_eq!(r.weak_aliases, 31 - 1);
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].record.as_deref(), Some("18769"));
    let primaries = loaded
        .list
        .entities
        .iter()
        .filter(|e| e.names.iter().any(|n| n.kind == NameKind::Primary))
        .count();
    assert_eq!(primaries, 375);
    // Every party has its programs and listing date from SanctionsEntries.
    assert!(
        loaded
            .list
            .entities
            .iter()
            .all(|e| !e.programs.is_empty() && e.listed_on.is_some())
    );
}

#[test]
fn advanced_and_classic_agree_on_names_of_the_same_parties() {
    let Some(dir) = data_dir() else { return };
    let advanced = load_path(data_file(&dir, "ofac/consolidated/cons_advanced.xml")).unwrap();
    let classic = load_path(data_file(&dir, "ofac/consolidated/consolidated.xml")).unwrap();
    let names = |l: &sanctions::sources::Loaded| -> HashMap<String, Vec<String>> {
        l.list
            .entities
            .iter()
            .map(|e| {
                let ns = e.names.iter().map(|n| n.text.to_uppercase()).collect();
                (e.id.id.clone(), ns)
            })
            .collect()
    };
    let (a, b) = (names(&advanced), names(&classic));
    let both: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
    assert!(both.len() > 300, "{}", both.len());
    // Five years apart (2020-03 and 2025-03), OFAC renamed many Russian parties (primary
    // `AK TRANSNEFT OAO` became `PUBLIC JOINT STOCK COMPANY TRANSNEFT`), but a party keeps
    // most of its names: the two readers give the same party at least one same name.
    let sharing = both
        .iter()
        .filter(|k| a[**k].iter().any(|n| b[**k].contains(n)))
        .count();
    assert!(
        sharing * 100 >= both.len() * 95,
        "{sharing} of {}",
        both.len()
    );
}

/// The SDN_ADVANCED excerpts are fragments without their root or value sets; wrapped in a
/// document with the consolidated file's `ReferenceValueSets` (the same OFAC code tables),
/// their parties read, and every reference those tables lack is reported, not guessed.
#[test]
fn advanced_excerpts_read_with_the_published_value_sets() {
    let Some(dir) = data_dir() else { return };
    let read = |rel: &str| std::fs::read_to_string(data_file(&dir, rel)).unwrap();
    let cons = read("ofac/consolidated/cons_advanced.xml");
    let start = cons.find("<ReferenceValueSets>").unwrap();
    let end = cons.find("</ReferenceValueSets>").unwrap() + "</ReferenceValueSets>".len();
    let doc = format!(
        "<?xml version=\"1.0\"?>\n<Sanctions xmlns=\"http://www.un.org/sanctions/1.0\">\n{}\n{}\n<DistinctParties>\n{}\n{}\n</DistinctParties>\n</Sanctions>\n",
        read("ofac/sdn_advanced_excerpts/minified_DateOfIssue.xml"),
        &cons[start..end],
        read("ofac/sdn_advanced_excerpts/minified_DistinctParties.xml"),
        // Mislabelled by its source: this fragment holds a DistinctParty.
        read("ofac/sdn_advanced_excerpts/minified_ReferenceValueSets.xml"),
    );
    let loaded = sanctions::sources::read(doc.as_bytes()).unwrap();
    assert_eq!(loaded.list.published, "2024-03-06".parse().ok());
    let ids: Vec<&str> = loaded
        .list
        .entities
        .iter()
        .map(|e| e.id.id.as_str())
        .collect();
    assert_eq!(ids, ["36", "25057"]);
    for e in &loaded.list.entities {
        assert!(e.primary_name().is_some(), "{}", e.id);
    }
    assert_eq!(
        loaded.list.entities[0].primary_name().unwrap().text,
        "AEROCARIBBEAN AIRLINES"
    );
    // The excerpts leave out the Locations section: the address of 36 points at a Location
    // the document does not hold, and the report says so.
    let issues: Vec<String> = loaded.report.issues.iter().map(|i| i.to_string()).collect();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert!(
        issues[0].contains("record 36") && issues[0].contains("LocationID"),
        "{issues:?}"
    );
}
