//! The `batch` example, run as a binary on `tests/data/batch/customers.csv` (43 invented
//! customers of the demo list's world: listed names in several spellings and scripts, clean
//! names, a near miss, and five rows it cannot screen): matches, row errors, order, threads,
//! output shapes and exit codes.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::util::{data_dir, data_file, example_bin};

pub(crate) fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/batch/customers.csv")
}

/// The fixture's columns, every one of them used.
pub(crate) const COLUMNS: &[&str] = &[
    "--name-col",
    "full_name",
    "--kind-col",
    "type",
    "--birth-date-col",
    "dob",
    "--country-col",
    "country",
    "--key-col",
    "customer_id",
    "--id-col",
    "passport=passport",
    "--id-col",
    "tax_id=tax_no",
];

/// Rows the example cannot screen, with what its message says of each.
const BAD_ROWS: &[(&str, &str)] = &[
    (
        "row 8 (line 9, key \"C008\")",
        "expected a name in column \"full_name\", found an empty cell",
    ),
    (
        "row 12 (line 13, key \"C012\")",
        "column \"dob\": expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"01/06/1961\"",
    ),
    (
        "row 16 (line 17, key \"C016\")",
        "column \"type\": expected a kind person, organization, vessel or aircraft, found \"robot\"",
    ),
    // Row 21 holds a line break in a quoted field: from there on, lines run one ahead.
    (
        "row 28 (line 30, key \"C028\")",
        "column \"country\": expected a two-letter ISO country code, found \"Russia\"",
    ),
    (
        "row 36 (line 38, key \"C036\")",
        "expected 8 fields as in the header, found 3",
    ),
];

/// Customers of the fixture who are not listed: none may match.
const CLEAN: &[&str] = &[
    "C003", "C006", "C010", "C013", "C018", "C019", "C021", "C023", "C025", "C026", "C030", "C032",
    "C034", "C038", "C040", "C042", "C043",
];

/// Listed customers and an entity each must match (`source:entity_id`).
const LISTED: &[(&str, &str)] = &[
    ("C001", "uk:16678"),   // KAZSTANEX LLP
    ("C002", "uk:16678"),   // ТОО «Казстанекс»
    ("C004", "uk:16678"),   // "KAZSTANEKS, TOO"
    ("C005", "ofac:21171"), // Yevgeniy Prigozhin
    ("C005", "uk:13968"),
    ("C007", "ofac:21171"), // Евгений Пригожин
    ("C009", "ofac:21171"), // Jewgeni Prigoschin
    ("C011", "ofac:17018"), // Sberbank of Russia
    ("C014", "ofac:17018"), // ПАО Сбербанк
    ("C015", "eu:136051"),  // Alisher Usmanov
    ("C017", "uk:14212"),   // Roman Abramovich
    ("C020", "uk:15015"),   // GAZPROMBANK
    ("C022", "ofac:22543"), // Wagner Group
    ("C024", "ofac:47923"), // DA GROUP 22
    ("C027", "ofac:23343"), // Ramzan Kadyrov
    ("C029", "ofac:35301"), // DILBAR
    ("C031", "ofac:35173"), // Sergei Shoigu
    ("C033", "ofac:17022"), // Rosneft
    ("C035", "uk:16678"),   // K A Z S T A N E X  L L P
    ("C037", "ofac:24283"), // Oleg Deripaska
    ("C039", "uk:15015"),   // GАZРRОМВАNК, Cyrillic look-alikes
    ("C041", "ofac:16666"), // Timchenko Gennady
];

/// Runs `batch` with arguments, standard input and environment variables.
pub(crate) fn run(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(example_bin("batch"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn batch");
    // Written from another thread: the example writes results while it still reads.
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for batch");
    writer.join().expect("stdin writer");
    out
}

/// Runs `batch` on the fixture with all its columns and more arguments; it must succeed.
#[track_caller]
pub(crate) fn on_fixture(more: &[&str], env: &[(&str, &str)]) -> Output {
    let path = fixture();
    let mut args = COLUMNS.to_vec();
    args.extend_from_slice(more);
    args.push(path.to_str().unwrap());
    let out = run(&args, b"", env);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[track_caller]
pub(crate) fn jsonl(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[track_caller]
fn csv_rows(out: &Output) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "key",
            "row",
            "name",
            "source",
            "entity_id",
            "list_name",
            "score",
            "kind"
        ]
    );
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

pub(crate) fn entity(m: &Value) -> String {
    format!(
        "{}:{}",
        m["source"].as_str().unwrap(),
        m["entity_id"].as_str().unwrap()
    )
}

#[test]
fn listed_customers_match_and_clean_ones_do_not() {
    let lines = jsonl(&on_fixture(&["--format", "jsonl"], &[]));
    let by_key = |key: &str| {
        lines
            .iter()
            .find(|l| l["key"] == key)
            .unwrap_or_else(|| panic!("no line for {key}"))
    };
    for (key, expected) in LISTED {
        let line = by_key(key);
        let found: Vec<String> = line["matches"]
            .as_array()
            .unwrap_or_else(|| panic!("{key} has no matches: {line}"))
            .iter()
            .map(entity)
            .collect();
        assert!(
            found.iter().any(|e| e == expected),
            "{key} {}: expected {expected} among {found:?}",
            line["name"]
        );
    }
    for key in CLEAN {
        let line = by_key(key);
        assert_eq!(line["matches"], Value::Array(vec![]), "{key}: {line}");
    }
    // The passport column reaches the query: Usmanov's listed passport is in the explanation.
    let usmanov = &by_key("C015")["matches"][0];
    assert_eq!(entity(usmanov), "eu:136051");
    assert!(
        usmanov["explanation"]["factors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["factor"] == "identifier_match" && f["value"] == "55 0314316"),
        "{usmanov}"
    );
    // The kind column too: a person matches persons only.
    for m in by_key("C005")["matches"].as_array().unwrap() {
        assert_eq!(m["kind"], "person", "{m}");
    }
}

#[test]
fn every_row_has_one_line_in_input_order() {
    let lines = jsonl(&on_fixture(&["--format", "jsonl"], &[]));
    assert_eq!(lines.len(), 43, "one line per data row");
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["row"], i + 1, "{line}");
        assert_eq!(line["key"], format!("C{:03}", i + 1), "{line}");
    }
    assert_eq!(lines[20]["name"], "Pacific Freight\nServices Ltd");
    // The match shape of `screen --json`.
    let m = &lines[0]["matches"][0];
    for field in [
        "source",
        "entity_id",
        "name",
        "name_kind",
        "score",
        "ofac_score",
        "kind",
        "explanation",
    ] {
        assert!(m.get(field).is_some(), "{field} missing: {m}");
    }
    assert_eq!(m["name"], "KAZSTANEX LIMITED LIABILITY PARTNERSHIP");
}

#[test]
fn bad_rows_are_reported_counted_and_the_run_goes_on() {
    let out = on_fixture(&["--format", "jsonl"], &[]);
    let err = stderr(&out);
    for (row, message) in BAD_ROWS {
        let expected = format!("{row}: {message}");
        assert!(err.contains(&expected), "{expected}\nnot in:\n{err}");
    }
    assert!(
        err.contains("batch: 43 rows, 21 matched, 5 errors in "),
        "{err}"
    );
    // Standard error is not a terminal here: no progress bar, only whole messages.
    for line in err.lines() {
        assert!(line.starts_with("batch: "), "{line:?}");
    }
    // In the JSON lines, a bad row is an error object with no matches.
    let lines = jsonl(&out);
    let errors: Vec<&Value> = lines.iter().filter(|l| l.get("error").is_some()).collect();
    assert_eq!(errors.len(), BAD_ROWS.len());
    for (e, (_, message)) in errors.iter().zip(BAD_ROWS) {
        assert_eq!(e["error"], *message);
        assert!(e.get("matches").is_none(), "{e}");
    }
    assert_eq!(errors[1]["key"], "C012");
    assert_eq!(errors[1]["name"], "Evgueni Prigojine");
}

#[test]
fn csv_output_is_one_row_per_match() {
    let csv = csv_rows(&on_fixture(&[], &[]));
    let lines = jsonl(&on_fixture(&["--format", "jsonl"], &[]));
    // The same matches as the JSON lines, flattened, in the same order.
    let mut flat = Vec::new();
    for line in &lines {
        for m in line["matches"].as_array().into_iter().flatten() {
            flat.push(vec![
                line["key"].as_str().unwrap().to_string(),
                line["row"].to_string(),
                line["name"].as_str().unwrap().to_string(),
                m["source"].as_str().unwrap().to_string(),
                m["entity_id"].as_str().unwrap().to_string(),
                m["name"].as_str().unwrap().to_string(),
                m["score"].as_f64().unwrap().to_string(),
                m["kind"].as_str().unwrap().to_string(),
            ]);
        }
    }
    assert_eq!(csv, flat);
    // Clean and bad rows have none; listed ones are there.
    let keys: BTreeSet<&str> = csv.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(keys.len(), 21);
    for key in CLEAN
        .iter()
        .chain(["C008", "C012", "C016", "C028", "C036"].iter())
    {
        assert!(!keys.contains(key), "{key}");
    }
    // The Canadian record id holds commas and slashes: quoted, read back whole.
    assert!(
        csv.iter()
            .any(|r| r[0] == "C005" && r[4] == "Russia / Russie/1, Part 1/472"),
        "{csv:?}"
    );
    for r in &csv {
        let score: f64 = r[6].parse().unwrap();
        assert!((0.0..=1.0).contains(&score), "{r:?}");
    }
}

#[test]
fn output_is_the_same_whatever_the_chunk_size() {
    for format in ["csv", "jsonl"] {
        let whole = on_fixture(&["--format", format], &[]).stdout;
        for chunk in ["1", "5"] {
            let out = on_fixture(&["--format", format, "--chunk-size", chunk], &[]);
            assert_eq!(out.stdout, whole, "--format {format} --chunk-size {chunk}");
        }
    }
}

#[test]
fn output_is_the_same_on_one_thread_and_several() {
    // Enough rows (the fixture's names, repeated) for several chunks on several threads.
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut input = String::from("name\n");
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let names: Vec<String> = r
        .records()
        .map(|rec| rec.unwrap()[1].replace('\n', " "))
        .collect();
    for i in 0..400 {
        input.push_str(&format!("\"{}\"\n", names[i % names.len()]));
    }
    for format in ["csv", "jsonl"] {
        let args = ["--format", format, "--chunk-size", "64", "-"];
        let one = run(&args, input.as_bytes(), &[("RAYON_NUM_THREADS", "1")]);
        let four = run(&args, input.as_bytes(), &[("RAYON_NUM_THREADS", "4")]);
        assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
        assert_eq!(four.status.code(), Some(0), "{}", stderr(&four));
        assert!(!one.stdout.is_empty());
        assert_eq!(one.stdout, four.stdout, "--format {format}");
        assert!(stderr(&one).contains("400 rows, "), "{}", stderr(&one));
    }
}

#[test]
fn reads_standard_input_and_finds_columns_by_number_or_case() {
    let input = "ID;Name\nk1;KAZSTANEX LLP\nk2;Jane Doe\n".replace(';', ",");
    // `name` finds `Name`; the key by its number.
    let out = run(
        &["--format", "jsonl", "--key-col", "1", "-"],
        input.as_bytes(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["key"], "k1");
    assert_eq!(entity(&lines[0]["matches"][0]), "uk:16678");
    assert_eq!(lines[1]["key"], "k2");
    // Without --key-col, the key is the row number.
    let out = run(
        &["--format", "jsonl", "--name-col", "2", "-"],
        input.as_bytes(),
        &[],
    );
    assert_eq!(jsonl(&out)[1]["key"], "2");
}

#[test]
fn rows_with_invalid_utf8_or_no_key_are_row_errors() {
    let mut input =
        b"id,name\nk1,KAZSTANEX LLP\nk2,Bad \xff bytes\n,Jane Doe\nk4,Sberbank\n".to_vec();
    input.extend_from_slice(b"\n");
    let out = run(&["--format", "jsonl", "--key-col", "id", "-"], &input, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("row 2 (line 3, key \"k2\"): column \"name\": expected UTF-8 text, found Bad \u{fffd} bytes"),
        "{err}"
    );
    assert!(
        err.contains(
            "row 3 (line 4, key \"\"): expected a key in column \"id\", found an empty cell"
        ),
        "{err}"
    );
    assert!(err.contains("4 rows, 2 matched, 2 errors"), "{err}");
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 4);
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].is_string());
    assert_eq!(lines[3]["key"], "k4");
    assert!(!lines[3]["matches"].as_array().unwrap().is_empty());
}

#[test]
fn writes_the_output_file() {
    let path = std::env::temp_dir().join(format!("sanctions-batch-{}.csv", std::process::id()));
    let out = on_fixture(&["--output", path.to_str().unwrap()], &[]);
    let written = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(out.stdout.is_empty());
    assert_eq!(written, on_fixture(&[], &[]).stdout);
}

#[test]
fn usage_errors_exit_2() {
    let path = fixture();
    let path = path.to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &[path],
            "--name-col: expected a column of the header or a number from 1 to 8, found \"name\" (the header has \"customer_id\", \"full_name\", ",
        ),
        (
            &["--name-col", "full_name", "--id-col", "visa=passport", path],
            "expected an identifier kind passport, national_id, tax_id, registration, imo, bic, crypto or other in --id-col, found \"visa\"",
        ),
        (
            &["--name-col", "full_name", "--id-col", "passport", path],
            "expected --id-col as KIND=COLUMN, found \"passport\"",
        ),
        (
            &["--name-col", "full_name", "--kind-col", "9", path],
            "--kind-col: expected a column of the header or a number from 1 to 8, found \"9\"",
        ),
        (&["--name-col", "full_name"], "expected an input file"),
        (
            &["a.csv", "b.csv"],
            "expected one input file, found 2: a.csv, b.csv",
        ),
        (
            &["--format", "xml", path],
            "expected --format csv or jsonl, found \"xml\"",
        ),
        (
            &["--threshold", "2", path],
            "expected a threshold between 0 and 1, found \"2\"",
        ),
        (
            &["--chunk-size", "0", path],
            "expected a --chunk-size of at least 1, found 0",
        ),
        (&["--bogus", path], "unknown option --bogus"),
        (&[path, "--list"], "--list needs a path"),
        (
            &["--name-col", "full_name", "--output", path, path],
            "expected an --output other than the input, found ",
        ),
    ];
    for (args, message) in cases {
        let out = run(args, b"", &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("usage:"));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn bad_lists_and_unreadable_input_exit_1() {
    let path = fixture();
    let path = path.to_str().unwrap();
    let cases: &[(&[&str], &[u8], &str)] = &[
        (
            &["no/such/customers.csv"],
            b"",
            "batch: cannot read no/such/customers.csv: ",
        ),
        (
            &[
                "--name-col",
                "full_name",
                "--list",
                "no/such/list.xml",
                path,
            ],
            b"",
            "no/such/list.xml",
        ),
        (
            &["-"],
            b"",
            "batch: standard input: expected a header row naming the columns, found an empty input",
        ),
        (
            &["-"],
            b"na\xffme\nx\n",
            "batch: standard input: the header row: ",
        ),
    ];
    for (args, stdin, message) in cases {
        let out = run(args, stdin, &[]);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn screens_against_a_real_list() {
    let Some(dir) = data_dir() else { return };
    let list = data_file(&dir, "uk/UK_Sanctions_List.xlsx");
    let out = on_fixture(
        &["--format", "jsonl", "--list", list.to_str().unwrap()],
        &[],
    );
    let lines = jsonl(&out);
    assert_eq!(lines.len(), 43);
    for key in ["C001", "C002", "C004", "C035"] {
        let line = lines.iter().find(|l| l["key"] == key).unwrap();
        assert_eq!(entity(&line["matches"][0]), "uk:16678", "{line}");
    }
}
