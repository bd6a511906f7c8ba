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
    // The two publications are 2.5 months apart (2025-01-10 and 2025-03-28).
    assert!(differ.len() <= 5, "{differ:?}");
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
