//! `batch --rescreen-diff OLD_LIST`: every customer screened only against the entities whose
//! names changed between OLD_LIST and the `--list` file of its source: on the batch fixture
//! with an update of the demo list the test writes, and on OFAC's SDN list of 2021 and of
//! today when `SANCTIONS_DATA_DIR` is set.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;

use sanctions::model::{Entity, EntityId, Source};
use sanctions::{ListDiff, Screener, sources};

use crate::batch::{COLUMNS, entity, fixture, jsonl, on_fixture, run, stderr};
use crate::util::{data_dir, data_file};

/// A list file in the crate's `custom` format (JSON Lines of entities) in the temporary
/// folder, removed when dropped.
struct ListFile(PathBuf);

impl ListFile {
    fn new(name: &str, entities: &[Entity]) -> ListFile {
        let mut text = String::new();
        for e in entities {
            text.push_str(&serde_json::to_string(e).unwrap());
            text.push('\n');
        }
        let path = std::env::temp_dir().join(format!(
            "sanctions-batch-rescreen-{}-{name}.jsonl",
            std::process::id()
        ));
        std::fs::write(&path, text).unwrap();
        ListFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for ListFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The demo list now, and before an update that added the Kazstanex partnership
/// (uk:16678), gave OFAC's Prigozhin (ofac:21171) an alias, and changed only the programs of
/// OFAC's Sberbank (ofac:17018).
fn demo_update(name: &str) -> (ListFile, ListFile) {
    let now = Screener::demo_list().unwrap().entities;
    let mut before = Vec::new();
    for e in &now {
        let mut e = e.clone();
        match (e.id.source, e.id.id.as_str()) {
            (Source::Uk, "16678") => continue,
            (Source::Ofac, "21171") => {
                e.names.pop();
            }
            (Source::Ofac, "17018") => e.programs = vec!["UKRAINE-EO13662".to_string()],
            _ => {}
        }
        before.push(e);
    }
    (
        ListFile::new(&format!("{name}-old"), &before),
        ListFile::new(&format!("{name}-new"), &now),
    )
}

/// Each screened row's matches, by key: entity → score.
fn matches_by_key(out: &Output) -> BTreeMap<String, BTreeMap<String, f64>> {
    jsonl(out)
        .iter()
        .filter(|l| l.get("error").is_none())
        .map(|l| {
            let ms = l["matches"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| (entity(m), m["score"].as_f64().unwrap()))
                .collect();
            (l["key"].as_str().unwrap().to_string(), ms)
        })
        .collect()
}

#[test]
fn only_the_entities_whose_names_changed_are_screened() {
    let (old, new) = demo_update("fixture");
    let out = on_fixture(
        &[
            "--format",
            "jsonl",
            "--list",
            new.path(),
            "--rescreen-diff",
            old.path(),
        ],
        &[],
    );
    let err = stderr(&out);
    assert!(
        err.contains("batch: --rescreen-diff: 73 -> 74 entities: 1 added, 0 removed, 2 changed (2 in content, 0 reordered only), 2 with names changed, 0 duplicate ids"),
        "{err}"
    );
    assert!(
        err.contains(
            "batch: --rescreen-diff: screening against the 2 entities whose names changed"
        ),
        "{err}"
    );
    // The audit stamp says what was screened against: the two entities.
    assert!(
        err.contains("batch:   custom, 2 entities, sha256 "),
        "{err}"
    );
    assert!(
        err.contains("batch: 43 rows, 7 matched, 5 errors in "),
        "{err}"
    );

    let rescreened = matches_by_key(&out);
    assert_eq!(rescreened.len(), 38, "every row that can be screened");
    // The same entities as a full run finds among the two, for every customer.
    let full = matches_by_key(&on_fixture(
        &["--format", "jsonl", "--list", new.path()],
        &[],
    ));
    let changed = ["uk:16678", "ofac:21171"];
    for (key, ms) in &full {
        let expected: BTreeSet<&String> = ms
            .keys()
            .filter(|e| changed.contains(&e.as_str()))
            .collect();
        let found: BTreeSet<&String> = rescreened[key].keys().collect();
        assert_eq!(found, expected, "{key}");
        for e in found {
            assert!((rescreened[key][e] - ms[e]).abs() < 0.01, "{key} {e}");
        }
    }
    for key in ["C001", "C002", "C004", "C035"] {
        assert_eq!(rescreened[key].keys().collect::<Vec<_>>(), ["uk:16678"]);
    }
    for key in ["C005", "C007", "C009"] {
        assert_eq!(rescreened[key].keys().collect::<Vec<_>>(), ["ofac:21171"]);
    }
    // Sberbank's update changed its programs only: its customers are not screened again.
    assert!(rescreened["C011"].is_empty() && rescreened["C014"].is_empty());
}

#[test]
fn no_name_changed_means_no_match() {
    let (_, new) = demo_update("same");
    let out = on_fixture(&["--list", new.path(), "--rescreen-diff", new.path()], &[]);
    assert!(
        stderr(&out).contains("screening against the 0 entities whose names changed"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "key,row,name,source,entity_id,list_name,score,kind\n"
    );
}

#[test]
fn rescreen_diff_usage_errors_exit_2() {
    let (old, _) = demo_update("usage");
    let uk = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/uk/conlist_2022.csv");
    let input = fixture();
    let mut without_list = COLUMNS.to_vec();
    without_list.extend(["--rescreen-diff", old.path(), input.to_str().unwrap()]);
    let mut other_source = COLUMNS.to_vec();
    other_source.extend([
        "--list",
        uk.to_str().unwrap(),
        "--rescreen-diff",
        old.path(),
        input.to_str().unwrap(),
    ]);
    let cases: &[(&[&str], String)] = &[
        (
            &without_list,
            "--rescreen-diff needs the current lists, given with --list".to_string(),
        ),
        (
            &other_source,
            format!(
                "--rescreen-diff {}: expected a --list of the same source (custom), found --list sources uk",
                old.path()
            ),
        ),
        (
            &[input.to_str().unwrap(), "--rescreen-diff"],
            "--rescreen-diff needs a path".to_string(),
        ),
    ];
    for (args, message) in cases {
        let out = run(args, b"", &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn rescreens_ofac_2021_to_today() {
    let Some(dir) = data_dir() else { return };
    let old = data_file(&dir, "ofac/csv-2021-set/sdn.csv");
    let new = data_file(&dir, "ofac/csv/sdn.csv");
    let (old_s, new_s) = (old.to_str().unwrap(), new.to_str().unwrap());
    let rescreen = on_fixture(
        &[
            "--format",
            "jsonl",
            "--list",
            new_s,
            "--rescreen-diff",
            old_s,
        ],
        &[],
    );
    let full = on_fixture(&["--format", "jsonl", "--list", new_s], &[]);
    let old_list = sources::load_path(&old).unwrap().list;
    let new_list = sources::load_path(&new).unwrap().list;
    let diff = ListDiff::between(&old_list, &new_list);
    let changed: BTreeSet<String> = diff
        .names_changed()
        .into_iter()
        .map(EntityId::to_string)
        .collect();
    assert!(
        stderr(&rescreen).contains(&format!(
            "screening against the {} entities whose names changed",
            changed.len()
        )),
        "{}",
        stderr(&rescreen)
    );
    let (rescreened, full) = (matches_by_key(&rescreen), matches_by_key(&full));
    let mut found = 0;
    for (key, ms) in &full {
        let again = &rescreened[key];
        assert!(
            again.keys().all(|e| changed.contains(e)),
            "{key}: {again:?}"
        );
        // Token rarity counts the names loaded, so scores move a little: an entity one run
        // finds and the other does not must be at the threshold's edge, or beyond the full
        // run's limit of 10.
        let expected: BTreeMap<&String, f64> = ms
            .iter()
            .filter(|(e, _)| changed.contains(*e))
            .map(|(e, s)| (e, *s))
            .collect();
        for (e, s) in again {
            match expected.get(e) {
                Some(full_score) => assert!((s - full_score).abs() < 0.01, "{key} {e}"),
                None => assert!(*s < 0.76 || ms.len() == 10, "{key} {e} {s}"),
            }
        }
        for (e, s) in &expected {
            assert!(again.contains_key(*e) || *s < 0.76, "{key} {e} {s}");
        }
        found += again.len();
    }
    assert!(found >= 10, "{rescreened:?}");
}
