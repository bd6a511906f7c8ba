//! `batch --allowlist`: on the batch fixture (tests/data/batch/customers.csv) and small inputs,
//! with allowlists the tests write from the demo list's entities: a cleared match is left out
//! for that customer only, a decision on an earlier version of the entity alerts again, the
//! CSV `status` column, the summary counts, `--limit` after suppression, the row-number key,
//! bad allowlists, and the same output on one thread and four.

use std::path::PathBuf;
use std::process::Output;

use sanctions::model::{Entity, EntityId, Source};
use sanctions::{Allowlist, Decision, Screener};
use serde_json::Value;

use crate::batch::{entity, fixture, jsonl, on_fixture, run, stderr};

/// A demo list entity by source and id.
#[track_caller]
fn demo(source: Source, id: &str) -> Entity {
    let id = EntityId::new(source, id);
    Screener::demo_list()
        .unwrap()
        .entities
        .into_iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} is not in the demo list"))
}

const CANADA_SBERBANK: &str = "Russia / Russie/1, Part 2/74";

/// The demo's Prigozhin on OFAC's list before an update: one name fewer.
fn old_prigozhin() -> Entity {
    let mut old = demo(Source::Ofac, "21171");
    old.names.pop();
    assert_ne!(
        old.content_hash(),
        demo(Source::Ofac, "21171").content_hash()
    );
    old
}

/// An allowlist file in the temporary folder, removed when dropped.
struct AllowlistFile(PathBuf);

impl AllowlistFile {
    fn new(name: &str, decisions: impl IntoIterator<Item = Decision>) -> AllowlistFile {
        let mut a = Allowlist::new();
        for d in decisions {
            a.allow(d);
        }
        let path = std::env::temp_dir().join(format!(
            "sanctions-batch-allowlist-{}-{name}.jsonl",
            std::process::id()
        ));
        a.save(std::fs::File::create(&path).unwrap()).unwrap();
        AllowlistFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for AllowlistFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The fixture's decisions: C001 cleared of the Kazstanex partnership, C011 of two Sberbank
/// records, C005 of Prigozhin as OFAC listed him before, and a customer the file does not
/// have.
fn fixture_allowlist(name: &str) -> AllowlistFile {
    AllowlistFile::new(
        name,
        [
            Decision::new("C001", &demo(Source::Uk, "16678"))
                .with_note("our customer is Kazstanex GmbH, Vienna")
                .with_decided_by("a.analyst")
                .with_decided_at("2025-06-01T10:00:00Z"),
            Decision::new("C011", &demo(Source::Ofac, "17018")),
            Decision::new("C011", &demo(Source::Uk, "15076")),
            Decision::new("C005", &old_prigozhin()).with_decided_by("b.analyst"),
            Decision::new("C999", &demo(Source::Uk, "16678")),
        ],
    )
}

fn by_key<'a>(lines: &'a [Value], key: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["key"] == key)
        .unwrap_or_else(|| panic!("no line for {key}"))
}

fn entities(list: &Value) -> Vec<String> {
    list.as_array().unwrap().iter().map(entity).collect()
}

/// The CSV output's header and rows.
fn csv_table(out: &Output) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn a_cleared_customer_is_suppressed_and_a_stale_decision_alerts_again() {
    let file = fixture_allowlist("jsonl");
    let out = on_fixture(&["--format", "jsonl", "--allowlist", file.path()], &[]);
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 43, "one line per data row still");
    let kazstanex = demo(Source::Uk, "16678").content_hash().to_string();

    // C001 is cleared of its only match: no match, the suppressed one with its decision.
    let c001 = by_key(&lines, "C001");
    assert_eq!(c001["matches"], Value::Array(vec![]), "{c001}");
    let suppressed = c001["suppressed"].as_array().unwrap();
    assert_eq!(entities(&c001["suppressed"]), ["uk:16678"]);
    assert_eq!(
        suppressed[0]["note"],
        "our customer is Kazstanex GmbH, Vienna"
    );
    assert_eq!(suppressed[0]["decided_by"], "a.analyst");
    assert_eq!(suppressed[0]["decided_at"], "2025-06-01T10:00:00Z");
    assert_eq!(suppressed[0]["content_hash"], kazstanex.as_str());
    assert_eq!(suppressed[0]["score"], 1.0);

    // Other customers who match the same entity still alert, with its hash to decide on.
    for key in ["C002", "C004", "C035"] {
        let line = by_key(&lines, key);
        let m = &line["matches"][0];
        assert_eq!(entity(m), "uk:16678", "{line}");
        assert_eq!(m["content_hash"], kazstanex.as_str(), "{line}");
        assert!(m.get("allowlist").is_none(), "{line}");
        assert_eq!(line["suppressed"], Value::Array(vec![]), "{line}");
    }

    // C005's decision was on an earlier version of OFAC's Prigozhin: kept and flagged.
    let c005 = by_key(&lines, "C005");
    let flagged: Vec<&Value> = c005["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m.get("allowlist").is_some())
        .collect();
    assert_eq!(flagged.len(), 1, "{c005}");
    let m = flagged[0];
    assert_eq!(entity(m), "ofac:21171");
    assert_eq!(m["allowlist"], "stale");
    assert_eq!(
        m["decision"]["content_hash"],
        old_prigozhin().content_hash().to_string()
    );
    assert_eq!(m["decision"]["decided_by"], "b.analyst");
    assert_eq!(
        m["content_hash"],
        demo(Source::Ofac, "21171").content_hash().to_string()
    );
    assert_eq!(c005["matches"].as_array().unwrap().len(), 5, "{c005}");

    // C011 is cleared of two of its four matches.
    let c011 = by_key(&lines, "C011");
    assert_eq!(
        entities(&c011["matches"]),
        [format!("canada:{CANADA_SBERBANK}"), "eu:142064".to_string()]
    );
    assert_eq!(entities(&c011["suppressed"]), ["ofac:17018", "uk:15076"]);

    // A bad row is an error object, as without the allowlist.
    assert!(by_key(&lines, "C008")["error"].is_string());
    assert!(by_key(&lines, "C008").get("suppressed").is_none());

    let err = stderr(&out);
    assert!(
        err.contains(&format!("batch: {}: 5 decisions", file.path())),
        "{err}"
    );
    assert!(
        err.contains("batch: 43 rows, 20 matched, 5 errors, 3 suppressed, 1 stale in "),
        "{err}"
    );
    assert!(!err.contains("warning"), "{err}");
}

#[test]
fn csv_has_a_status_column_and_no_row_for_a_suppressed_match() {
    let file = fixture_allowlist("csv");
    let out = on_fixture(&["--allowlist", file.path()], &[]);
    let (header, rows) = csv_table(&out);
    assert_eq!(
        header,
        [
            "key",
            "row",
            "name",
            "source",
            "entity_id",
            "list_name",
            "score",
            "kind",
            "status"
        ]
    );
    // The rows without the allowlist, less the suppressed ones, with their status.
    let (plain_header, plain) = csv_table(&on_fixture(&[], &[]));
    assert_eq!(
        plain_header.len(),
        8,
        "no status column without --allowlist"
    );
    let suppressed = [
        ("C001", "uk", "16678"),
        ("C011", "ofac", "17018"),
        ("C011", "uk", "15076"),
    ];
    let expected: Vec<Vec<String>> = plain
        .into_iter()
        .filter(|r| !suppressed.contains(&(r[0].as_str(), r[3].as_str(), r[4].as_str())))
        .map(|mut r| {
            let stale = r[0] == "C005" && r[3] == "ofac" && r[4] == "21171";
            r.push(if stale { "stale" } else { "alert" }.to_string());
            r
        })
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(rows.iter().filter(|r| r[8] == "stale").count(), 1);
    assert!(
        stderr(&out).contains("batch: 43 rows, 20 matched, 5 errors, 3 suppressed, 1 stale in "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_same_name_under_another_key_is_not_suppressed() {
    let file = AllowlistFile::new(
        "same-name",
        [Decision::new("k1", &demo(Source::Uk, "16678"))],
    );
    let input = "id,name\nk1,KAZSTANEX LLP\nk2,KAZSTANEX LLP\nk1,KAZSTANEX LLP\n";
    let out = run(
        &[
            "--format",
            "jsonl",
            "--key-col",
            "id",
            "--allowlist",
            file.path(),
            "-",
        ],
        input.as_bytes(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 3);
    // The key decides, not the row: both k1 rows are cleared.
    for i in [0, 2] {
        assert_eq!(lines[i]["matches"], Value::Array(vec![]), "{}", lines[i]);
        assert_eq!(entities(&lines[i]["suppressed"]), ["uk:16678"]);
    }
    assert_eq!(entities(&lines[1]["matches"]), ["uk:16678"]);
    assert_eq!(lines[1]["suppressed"], Value::Array(vec![]));
    assert!(
        stderr(&out).contains("3 rows, 1 matched, 0 errors, 2 suppressed, 0 stale in "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_a_key_column_the_row_number_is_the_customer_and_a_warning_says_so() {
    let file = AllowlistFile::new(
        "row-number",
        [Decision::new("2", &demo(Source::Uk, "16678"))],
    );
    let input = "name\nKAZSTANEX LLP\nKAZSTANEX LLP\n";
    let out = run(
        &["--format", "jsonl", "--allowlist", file.path(), "-"],
        input.as_bytes(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = jsonl(&out);
    assert_eq!(entities(&lines[0]["matches"]), ["uk:16678"]);
    assert_eq!(lines[1]["key"], "2");
    assert_eq!(lines[1]["matches"], Value::Array(vec![]));
    assert!(
        stderr(&out).contains(
            "batch: warning: --allowlist without --key-col: the customer key is the row number"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_limit_counts_the_matches_left_after_suppression() {
    // Sberbank of Russia's first match is Canada's record; cleared of it, C011 still shows
    // one match: the next one.
    let file = AllowlistFile::new(
        "limit",
        [Decision::new(
            "C011",
            &demo(Source::Canada, CANADA_SBERBANK),
        )],
    );
    let plain = jsonl(&on_fixture(&["--format", "jsonl", "--limit", "2"], &[]));
    assert_eq!(
        entities(&by_key(&plain, "C011")["matches"]),
        [
            format!("canada:{CANADA_SBERBANK}"),
            "ofac:17018".to_string()
        ]
    );
    let lines = jsonl(&on_fixture(
        &[
            "--format",
            "jsonl",
            "--limit",
            "2",
            "--allowlist",
            file.path(),
        ],
        &[],
    ));
    let c011 = by_key(&lines, "C011");
    assert_eq!(entities(&c011["matches"]), ["ofac:17018", "uk:15076"]);
    assert_eq!(
        entities(&c011["suppressed"]),
        [format!("canada:{CANADA_SBERBANK}")]
    );
    // The audit stamp records the limit asked for, not the one the example screened with.
    assert_eq!(c011["audit"]["limit"], 2, "{}", c011["audit"]);
}

#[test]
fn output_is_the_same_on_one_thread_and_four() {
    // The fixture's names under 400 keys, several chunks; decisions on a third of them.
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let names: Vec<String> = r
        .records()
        .map(|rec| rec.unwrap()[1].replace('\n', " "))
        .collect();
    let mut input = String::from("key,name\n");
    let mut decisions = Vec::new();
    let kazstanex = demo(Source::Uk, "16678");
    let prigozhin = demo(Source::Uk, "13968");
    let mut old_prigozhin = prigozhin.clone();
    old_prigozhin.names.pop();
    for i in 0..400 {
        let key = format!("k{i}");
        input.push_str(&format!("{key},\"{}\"\n", names[i % names.len()]));
        if i % 3 == 0 {
            decisions.push(Decision::new(&key, &kazstanex));
            decisions.push(Decision::new(&key, &old_prigozhin));
        }
    }
    let file = AllowlistFile::new("threads", decisions);
    for format in ["csv", "jsonl"] {
        let args = [
            "--format",
            format,
            "--chunk-size",
            "64",
            "--key-col",
            "key",
            "--allowlist",
            file.path(),
            "-",
        ];
        let one = run(&args, input.as_bytes(), &[("RAYON_NUM_THREADS", "1")]);
        let four = run(&args, input.as_bytes(), &[("RAYON_NUM_THREADS", "4")]);
        assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
        assert_eq!(four.status.code(), Some(0), "{}", stderr(&four));
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, four.stdout, "--format {format}");
        // Both decisions met customers: the counts say so, the same on both runs.
        let summary = |out: &Output| {
            let err = stderr(out);
            let line = err
                .lines()
                .find(|l| l.starts_with("batch: 400 rows, "))
                .unwrap_or_else(|| panic!("no summary in {err}"))
                .to_string();
            line.split(" in ").next().unwrap().to_string()
        };
        let counts = summary(&one);
        assert_eq!(counts, summary(&four));
        let number = |what: &str| -> u64 {
            let at = counts.find(&format!(" {what}")).unwrap();
            counts[..at].rsplit(' ').next().unwrap().parse().unwrap()
        };
        assert!(number("suppressed") > 0, "{counts}");
        assert!(number("stale") > 0, "{counts}");
    }
}

#[test]
fn a_bad_allowlist_exits_1_naming_the_file_and_line() {
    let path = std::env::temp_dir().join(format!(
        "sanctions-batch-allowlist-{}-bad.jsonl",
        std::process::id()
    ));
    std::fs::write(&path, "\n{\"customer\": \"C001\"}\n").unwrap();
    let shown = path.to_str().unwrap();
    let out = run(
        &["--allowlist", shown, "--name-col", "full_name"]
            .into_iter()
            .chain([fixture().to_str().unwrap()])
            .collect::<Vec<_>>(),
        b"",
        &[],
    );
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "batch: {shown}:2: expected a decision: a JSON object with customer, source, entity_id and content_hash, found missing field"
        )),
        "{}",
        stderr(&out)
    );
    assert!(
        out.stdout.is_empty(),
        "nothing written before the allowlist is read"
    );

    let out = run(
        &["--allowlist", "no/such/allowlist.jsonl", "-"],
        b"name\nx\n",
        &[],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("batch: no/such/allowlist.jsonl: cannot open the allowlist: "),
        "{}",
        stderr(&out)
    );

    let out = run(&["-", "--allowlist"], b"name\nx\n", &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--allowlist needs a path"));
}
