//! The US Consolidated Screening List: the 13-row sample of the shared folder (one row of each
//! source list), every row kept with its source and id.

use sanctions::model::{EntityKind, IdentifierKind, NameKind};
use sanctions::sources::load_path;

use crate::util::{data_dir, data_file};

#[test]
fn csl_sample_loads_every_row() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "us_csl/consolidated.csv")).unwrap();
    let r = &loaded.report;
    // README: 13 rows, one per source list; 7 Treasury rows carry a type (4 Individual,
    // 3 Entity); the Commerce and State rows have none and no personal field: organizations.
    assert_eq!(r.entities(), 13);
    assert_eq!(r.entities_by_kind[&EntityKind::Person], 4);
    assert_eq!(r.entities_by_kind[&EntityKind::Organization], 9);
    assert!(r.issues.is_empty(), "{:?}", r.issues);
    // Every row's source list is a program; ids are as the file writes them.
    let sources: std::collections::BTreeSet<&str> = loaded
        .list
        .entities
        .iter()
        .filter_map(|e| e.programs.first().map(String::as_str))
        .collect();
    assert_eq!(sources.len(), 10, "{sources:?}");
    let sme = loaded
        .list
        .entities
        .iter()
        .find(|e| e.id.id == "18283")
        .unwrap();
    assert_eq!(sme.names[0].text, "SME BANK");
    assert_eq!(
        sme.names.iter().filter(|n| n.kind == NameKind::Aka).count(),
        5
    );
    assert!(
        sme.identifiers
            .iter()
            .any(|i| i.kind == IdentifierKind::Bic && i.value == "RUDVRUMM")
    );
    assert_eq!(sme.countries, ["RU"]);
    let el = loaded
        .list
        .entities
        .iter()
        .find(|e| e.id.id.starts_with("99ed1b05"))
        .unwrap();
    // The Entity List's tail is not part of the name.
    assert!(!el.names.iter().any(|n| n.text.contains("successor")));
    assert_eq!(el.names.len(), 7);
}
