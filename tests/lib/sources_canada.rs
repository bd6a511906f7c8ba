//! The Canadian SEMA list on the official file: the README's counts, and records field by
//! field.

use sanctions::model::{EntityKind, IdentifierKind, NameKind};
use sanctions::sources::{IssueAction, load_path};

use crate::util::{data_dir, data_file};

#[test]
fn canada_counts_match_the_readme() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "canada/cannada.xml")).unwrap();
    let r = &loaded.report;
    // README: 4,759 records; 3,334 with a LastName (persons), 109 ships with an IMO number,
    // the other 1,316 entities.
    assert_eq!(r.entities(), 4_759);
    assert_eq!(r.entities_by_kind[&EntityKind::Person], 3_334);
    assert_eq!(r.entities_by_kind[&EntityKind::Vessel], 109);
    assert_eq!(r.entities_by_kind[&EntityKind::Organization], 1_316);
    assert_eq!(r.identifiers, 109);
    // No record is skipped; the dates that are no date (`Sep-99`, `born in the early 1970s`)
    // are kept in the remarks and reported.
    assert_eq!(r.skipped(), 0);
    assert_eq!(r.issues.len(), 2);
    assert!(r.issues.iter().all(|i| i.action == IssueAction::Repaired));
    // Every record has a name; 2,877 have an Aliases field, which gives one name or more.
    let with_aliases = loaded
        .list
        .entities
        .iter()
        .filter(|e| e.names.iter().any(|n| n.kind != NameKind::Primary))
        .count();
    assert!(with_aliases >= 2_877, "{with_aliases}");
    // One-word aliases of persons (`Andrei`) are weak.
    assert!(
        r.weak_aliases > 0 && r.weak_aliases < 200,
        "{}",
        r.weak_aliases
    );
}

#[test]
fn canada_records_field_by_field() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "canada/cannada.xml")).unwrap();
    let find = |id: &str| {
        loaded
            .list
            .entities
            .iter()
            .find(|e| e.id.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let p = find("Belarus / Bélarus/1, Part 1/99");
    assert_eq!(p.kind, EntityKind::Person);
    assert_eq!(p.names[0].text, "MASHADZIYEU, Ruslan Khikmetavich");
    let ru: Vec<&str> = p
        .names
        .iter()
        .filter(|n| n.lang.as_deref() == Some("ru"))
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(ru, ["Руслан Хикметович МАШАДИЕВ"]);
    assert!(p.names.iter().any(|n| n.lang.as_deref() == Some("be")));
    assert_eq!(p.names.len(), 7);
    let ship = find("Russia / Russie/1.1/1");
    assert_eq!(ship.kind, EntityKind::Vessel);
    assert_eq!(ship.names[0].text, "Balitiyskiy III");
    assert_eq!(ship.identifiers[0].kind, IdentifierKind::Imo);
    assert_eq!(ship.identifiers[0].value, "7612448");
    // `1963 or 1964`: two birth dates.
    assert_eq!(find("Iran/1, Part 2.1/107").birth_dates.len(), 2);
}
