//! All real official lists loaded at once into one screener: one entity per source and
//! official id, and every result naming its source and id as the files write them.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use sanctions::model::{EntityId, EntityKind, Source};
use sanctions::{Query, Screener, sources};

use crate::util::{MAIN_LISTS, data_dir, data_file};

/// Every full official list of the shared folder, in the formats the crate reads: the six
/// main sources and these.
const MORE_FILES: &[&str] = &[
    "us_csl/consolidated.csv",
    "opensanctions/ua_war_sanctions/targets.simple.csv",
];

#[test]
fn all_lists_in_one_screener_keep_one_entity_per_official_id() {
    let Some(dir) = data_dir() else { return };
    let mut lists = Vec::new();
    let mut ids: BTreeMap<Source, BTreeSet<String>> = BTreeMap::new();
    for rel in MAIN_LISTS.iter().chain(MORE_FILES) {
        let loaded = sources::load_path(data_file(&dir, rel)).unwrap();
        assert!(loaded.report.entities() > 0, "{rel}: {}", loaded.report);
        for e in &loaded.list.entities {
            assert_eq!(e.id.source, loaded.list.source, "{rel}: {}", e.id);
            assert!(!e.id.id.is_empty(), "{rel}: an entity without an id");
            ids.entry(e.id.source).or_default().insert(e.id.id.clone());
        }
        lists.push(loaded.list);
    }
    let screener = Screener::builder().lists(lists).build().unwrap();

    // One entity per (source, id): OFAC's SDN and non-SDN files share uids, and they merge.
    let mut seen = HashSet::new();
    for e in screener.entities() {
        assert!(seen.insert(e.id.clone()), "{} appears twice", e.id);
    }
    let expected: usize = ids.values().map(BTreeSet::len).sum();
    assert_eq!(screener.entities().len(), expected);
    for source in [
        Source::Ofac,
        Source::Eu,
        Source::Uk,
        Source::Un,
        Source::Canada,
    ] {
        assert!(ids.contains_key(&source), "no {source} entities");
    }

    // VTB Bank Kazakhstan is on the SDN list and the non-SDN consolidated list under one uid:
    // one entity, found first, with the programs of both files.
    let vtb = EntityId::new(Source::Ofac, "18723");
    let entity = screener.entity(&vtb).unwrap();
    assert!(
        entity.programs.iter().any(|p| p == "RUSSIA-EO14024"),
        "{:?}",
        entity.programs
    );
    let matches = screener.screen("VTB Bank Kazakhstan");
    assert_eq!(
        matches.first().map(|m| m.entity_id()),
        Some(&vtb),
        "{matches:?}"
    );
    assert_eq!(matches.iter().filter(|m| m.entity_id() == &vtb).count(), 1);

    // The same person on several lists: one match per source and official id, each naming an
    // id that its file gives.
    let query = Query::new("Yevgeniy Viktorovich Prigozhin").kind(EntityKind::Person);
    let matches = screener.screen(query);
    let mut found = HashSet::new();
    for m in &matches {
        assert!(
            found.insert(m.entity_id().clone()),
            "{} twice",
            m.entity_id()
        );
        let known = ids.get(&m.entity_id().source).unwrap();
        assert!(known.contains(&m.entity_id().id), "{}", m.entity_id());
    }
    let sources: BTreeSet<Source> = matches.iter().map(|m| m.entity_id().source).collect();
    for source in [Source::Ofac, Source::Eu, Source::Uk, Source::Canada] {
        assert!(
            sources.contains(&source),
            "Prigozhin not found on {source}: {matches:?}"
        );
    }

    // KAZSTANEX: the UK record, by its Group ID.
    let matches = screener.screen("TOO Kazstaneks");
    assert_eq!(
        matches.first().map(|m| m.entity_id().to_string()),
        Some("uk:16678".to_string()),
        "{matches:?}"
    );
}
