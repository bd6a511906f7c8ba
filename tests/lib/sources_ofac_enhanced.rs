//! OFAC Enhanced XML on the published zip: the README's counts, the original-script names,
//! and agreement with the classic XML of the same list.

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
