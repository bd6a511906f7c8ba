//! OpenSanctions exports on the shared files: every row or entity accounted for against the
//! README's counts.

use sanctions::model::{EntityKind, IdentifierKind};
use sanctions::sources::{IssueAction, load_path};

use crate::util::{data_dir, data_file};

#[test]
fn targets_simple_csv_counts_match_the_readme() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(
        &dir,
        "opensanctions/ua_war_sanctions/targets.simple.csv",
    ))
    .unwrap();
    let r = &loaded.report;
    // README: 5,600 rows: Person 1,543, Company 1,524, Vessel 1,340, LegalEntity 1,193.
    assert_eq!(r.entities(), 5_600);
    assert_eq!(r.entities_by_kind[&EntityKind::Person], 1_543);
    assert_eq!(r.entities_by_kind[&EntityKind::Organization], 1_524 + 1_193);
    assert_eq!(r.entities_by_kind[&EntityKind::Vessel], 1_340);
    assert!(r.issues.is_empty(), "{:?}", r.issues.first());
    // 3,869 rows have aliases: at least that many entities have more than one name.
    let with_aliases = loaded
        .list
        .entities
        .iter()
        .filter(|e| e.names.len() > 1)
        .count();
    assert_eq!(with_aliases, 3_869);
    let imo = loaded
        .list
        .entities
        .iter()
        .flat_map(|e| &e.identifiers)
        .filter(|i| i.kind == IdentifierKind::Imo)
        .count();
    assert!(imo >= 1_300, "{imo}");
}

#[test]
fn ftm_exports_account_for_every_entity() {
    let Some(dir) = data_dir() else { return };
    // (file, README entity count, parties kept, records reported as skipped)
    let cases = [
        // 7 entities: 4 Person, 2 Organization, 1 Address (given to its organization).
        ("opensanctions/yente_fixtures/t1/entities.ftm.json", 7, 6, 0),
        // 91: 41 Sanction and 11 Address given to their targets; 11 Company and 6 Person, of
        // which 14 are targets (3 reported); 14 Ownership, 4 Family, 3 Directorship reported;
        // 1 Passport without a number reported.
        (
            "opensanctions/yente_fixtures/zala/entities.ftm.json",
            91,
            14,
            25,
        ),
        // 1,565: Family 756, Occupancy 102, Position 100 reported; 607 Person, 423 targets.
        (
            "opensanctions/wd_peps_bundle/entities.ftm.json",
            1_565,
            423,
            756 + 102 + 100 + 184,
        ),
    ];
    for (file, total, kept, skipped) in cases {
        let loaded = load_path(data_file(&dir, file)).unwrap();
        let r = &loaded.report;
        assert_eq!(r.entities(), kept, "{file}");
        assert_eq!(r.skipped(), skipped, "{file}");
        let lines = std::fs::read_to_string(data_file(&dir, file))
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count();
        assert_eq!(lines, total, "{file}");
        assert!(
            r.issues
                .iter()
                .filter(|i| i.action == IssueAction::Skipped)
                .all(|i| i.record.is_some()),
            "{file}: a skipped record without its id"
        );
    }
}
