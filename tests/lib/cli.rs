//! The command-line contract of the `screen` example (DESIGN.md): JSON shape, order, exit
//! codes and messages.

use crate::util::{json_lines, run_screen};

#[test]
fn screens_names_from_arguments_as_json() {
    let out = run_screen(
        &["--json", "ТОО «Казстанекс»", "nothing like a listed name"],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["query"], "ТОО «Казстанекс»");
    let first = &lines[0]["matches"][0];
    assert_eq!(first["source"], "uk");
    assert_eq!(first["entity_id"], "16678");
    assert!(first["entity_id"].is_string());
    assert!(first["score"].as_f64().unwrap() >= 0.9);
    assert_eq!(first["kind"], "organization");
    assert!(first["explanation"]["matched"].is_array());
    assert_eq!(lines[1]["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn reads_plain_and_json_lines_from_stdin_in_order() {
    let input = "KAZSTANEX LLP\n{\"name\": \"Jewgeni Prigoschin\", \"kind\": \"person\", \"birth_date\": \"1961\", \"unknown\": 1}\n\n";
    let out = run_screen(&["--json"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 3, "one output line per input line");
    assert_eq!(lines[0]["query"], "KAZSTANEX LLP");
    assert_eq!(lines[1]["query"], "Jewgeni Prigoschin");
    let m = lines[1]["matches"].as_array().unwrap();
    assert!(!m.is_empty());
    assert!(
        m.iter().all(|x| x["kind"] == "person"),
        "a person query matches persons only"
    );
    assert_eq!(lines[2]["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn matches_are_one_per_entity_and_ordered() {
    let out = run_screen(
        &["--json", "--limit", "50", "--threshold", "0.3", "Sberbank"],
        "",
    );
    assert!(out.status.success());
    let lines = json_lines(&out);
    let ms = lines[0]["matches"].as_array().unwrap();
    let mut seen = std::collections::HashSet::new();
    for w in ms.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (sa, sb) = (a["score"].as_f64().unwrap(), b["score"].as_f64().unwrap());
        assert!(
            sa > sb
                || (sa == sb
                    && (a["source"].as_str(), a["entity_id"].as_str())
                        <= (b["source"].as_str(), b["entity_id"].as_str())),
            "order: {a} before {b}"
        );
    }
    for m in ms {
        assert!(
            seen.insert((m["source"].to_string(), m["entity_id"].to_string())),
            "entity twice: {m}"
        );
        assert!(m["score"].as_f64().unwrap() >= 0.3);
    }
}

#[test]
fn limit_bounds_the_matches() {
    let out = run_screen(
        &["--json", "--limit", "1", "--threshold", "0.1", "Group"],
        "",
    );
    assert!(out.status.success());
    assert!(json_lines(&out)[0]["matches"].as_array().unwrap().len() <= 1);
}

#[test]
fn compare_gives_score_and_decision() {
    let input = concat!(
        "{\"query\": \"ТОО «Казстанекс»\", \"candidate\": \"KAZSTANEX\"}\n",
        "{\"query\": \"DA GROUP 23\", \"candidate\": \"DA GROUP 22\", \"kind\": \"organization\"}\n",
    );
    let out = run_screen(&["--compare", "--json"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["match"], true);
    assert!(lines[0]["score"].as_f64().unwrap() >= 0.9);
    assert_eq!(lines[1]["match"], false);
    assert!(lines[1]["explanation"]["factors"].is_array());
}

#[test]
fn scan_gives_byte_spans_per_line() {
    let input = "payment to KAZSTANEX LLP, Almaty for goods\nnothing here\n";
    let out = run_screen(&["--scan", "--json"], input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 1);
    let hit = &lines[0]["hits"][0];
    let (start, end) = (
        hit["start"].as_u64().unwrap() as usize,
        hit["end"].as_u64().unwrap() as usize,
    );
    let line = input.lines().next().unwrap();
    assert_eq!(&line[start..end], hit["text"].as_str().unwrap());
    assert!(hit["text"].as_str().unwrap().contains("KAZSTANEX"));
    assert_eq!(hit["entity_id"], "16678");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["hits"].as_array().unwrap().len(), 0);
}

#[test]
fn bad_input_line_exits_1_naming_the_line() {
    let out = run_screen(&["--json"], "Ivan\n{\"name\": 5}\n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
    assert!(
        err.contains("expected \"name\" as a string, found 5"),
        "{err}"
    );

    let out = run_screen(&["--json"], "{\"name\": \"x\", \"kind\": \"robot\"}\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("found \"robot\""));

    let out = run_screen(
        &["--json"],
        "{\"name\": \"x\", \"birth_date\": \"1961-13\"}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("1961-13"));

    let out = run_screen(&["--json"], "{not json\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1: expected a JSON object"));

    let out = run_screen(&["--compare", "--json"], "{\"query\": \"a\"}\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected a \"candidate\" field"));
}

#[test]
fn bad_list_file_exits_1_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("sanctions-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"id\": \"1\", \"names\": [{\"text\": \"A\"}]}\n{broken\n",
    )
    .unwrap();
    let out = run_screen(&["--json", "--list", bad.to_str().unwrap(), "A"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.jsonl:2"), "{err}");
    assert!(out.stdout.is_empty());

    let out = run_screen(
        &[
            "--json",
            "--list",
            dir.join("missing.xml").to_str().unwrap(),
            "A",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.xml"));

    let unknown = dir.join("list.txt");
    std::fs::write(&unknown, "just some text\n").unwrap();
    let out = run_screen(&["--json", "--list", unknown.to_str().unwrap(), "A"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected a list format"));
}

#[test]
fn custom_list_is_used_and_skips_are_reported() {
    let out = run_screen(
        &[
            "--json",
            "--list",
            "tests/data/custom.jsonl",
            "Ivan Petrovich Sidorov",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped"),
        "the load report names the skipped record: {err}"
    );
    let lines = json_lines(&out);
    assert_eq!(lines[0]["matches"][0]["source"], "custom");
    assert_eq!(lines[0]["matches"][0]["entity_id"], "c-1");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--threshold", "2"][..],
        &["--bogus"],
        &["--limit"],
        &["--compare", "--scan"],
        &["--scan", "name"],
    ] {
        let out = run_screen(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("usage"),
            "{args:?}"
        );
    }
}

#[test]
fn table_output_without_json() {
    let out = run_screen(&["KAZSTANEX"], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("uk:16678"), "{text}");
}

#[test]
fn output_is_deterministic() {
    let input = "Sberbank\nRotenberg\nJewgeni Prigoschin\nVTB Bank Kazakhstan\n";
    let a = run_screen(&["--json"], input);
    let b = run_screen(&["--json"], input);
    assert_eq!(a.stdout, b.stdout);
}

/// Every format's fixture loads through `screen --list`, detected from its content (the
/// file names say nothing: each is copied under a neutral name first), and its names screen.
#[test]
fn every_format_loads_through_list_by_content() {
    let dir = std::env::temp_dir().join(format!("sanctions-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    // (fixture, a name it lists, the source and id it must give)
    let cases = [
        ("custom.jsonl", None, "custom"),
        ("ofac/sdn_tempuri.xml", None, "ofac"),
        ("ofac/sdn_new_ns.xml", None, "ofac"),
        (
            "ofac_advanced/advanced.xml",
            Some("HANIYA, Ismail Abdul Salah"),
            "ofac",
        ),
        (
            "ofac_enhanced/enhanced.xml",
            Some("HANIYA, Ismail Abdul Salah"),
            "ofac",
        ),
        ("csl/consolidated.csv", Some("SME BANK"), "csl"),
        ("eu/valid.xml", None, "eu"),
        ("uk/conlist_2022.csv", None, "uk"),
        ("uk/legacy_headerless.csv", None, "uk"),
        ("uk/legacy_with_header.csv", None, "uk"),
        ("un/valid.xml", None, "un"),
        ("canada/sema.xml", Some("Balitiyskiy III"), "canada"),
        (
            "opensanctions/entities.ftm.json",
            Some("LLC CST"),
            "opensanctions",
        ),
        (
            "opensanctions/targets.simple.csv",
            Some("ROSALIN"),
            "opensanctions",
        ),
    ];
    for (i, (fixture, name, source)) in cases.iter().enumerate() {
        let copy = dir.join(format!("list{i}.dat"));
        std::fs::copy(data.join(fixture), &copy).unwrap();
        let name = name.unwrap_or("A");
        let out = run_screen(&["--json", "--list", copy.to_str().unwrap(), name], "");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{fixture}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!(": {source}: ")), "{fixture}: {err}");
        if name != "A" {
            let lines = json_lines(&out);
            let top = &lines[0]["matches"][0];
            assert_eq!(top["source"], *source, "{fixture}: {}", lines[0]);
            assert_eq!(top["score"], 1.0, "{fixture}: {}", lines[0]);
        }
    }
    // The OFAC CSV set is read from its folder.
    let out = run_screen(
        &[
            "--json",
            "--list",
            data.join("ofac/csv_set").to_str().unwrap(),
            "A",
        ],
        "",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(": ofac: "));
}
