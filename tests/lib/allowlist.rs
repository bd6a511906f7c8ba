//! `Allowlist`: a cleared match stays suppressed until its list entry changes, for that
//! customer only; the JSON Lines store; the `screen --allowlist` flag.

use std::path::PathBuf;

use sanctions::allowlist::Status;
use sanctions::model::{Entity, EntityId, Identifier, IdentifierKind, Name, NameKind, Source};
use sanctions::{Allowlist, Decision, ErrorKind, ListDiff, SanctionsList, Screener, sources};

use crate::util::{json_lines, run_screen};

const LIST: &str = r#"{"id":"c-1","kind":"organization","names":[{"text":"KAZSTANEX LLP"},{"text":"ТОО Казстанэкс","kind":"aka"}],"programs":["RUSSIA-EO14024"],"identifiers":[{"kind":"registration","value":"150140016453"}]}
{"id":"c-2","kind":"organization","names":[{"text":"KAZSTANEX TRADING LLP"}],"programs":["RUSSIA-EO14024"]}
"#;

fn list() -> SanctionsList {
    sources::read(LIST.as_bytes()).unwrap().list
}

fn screener(list: SanctionsList) -> Screener {
    Screener::builder().list(list).build().unwrap()
}

fn id(s: &str) -> EntityId {
    EntityId::new(Source::Custom, s)
}

fn ids(ms: &[sanctions::Match]) -> Vec<&str> {
    ms.iter().map(|m| m.entity_id().id.as_str()).collect()
}

fn cleared(customer: &str, screener: &Screener, entity: &str) -> Allowlist {
    let mut a = Allowlist::new();
    let e = screener.entity(&id(entity)).unwrap();
    a.allow(
        Decision::new(customer, e)
            .with_note("our customer is Kazstanex GmbH, Vienna")
            .with_decided_by("a.analyst")
            .with_decided_at("2025-06-01T10:00:00Z"),
    );
    a
}

#[test]
fn a_cleared_match_is_suppressed_with_its_decision() {
    let s = screener(list());
    let matches = s.screen("Kazstanex LLP");
    assert_eq!(
        ids(&matches),
        ["c-1", "c-2"],
        "both match before the allowlist"
    );
    let a = cleared("cust-1", &s, "c-1");
    let f = a.filter("cust-1", matches.clone(), &s);
    assert_eq!(ids(f.kept()), ["c-2"]);
    assert_eq!(f.suppressed().len(), 1);
    assert_eq!(f.suppressed()[0].matched(), &matches[0]);
    assert_eq!(
        f.suppressed()[0].decision().note(),
        "our customer is Kazstanex GmbH, Vienna"
    );
    assert!(f.stale().is_empty());
    assert!(a.is_cleared("cust-1", s.entity(&id("c-1")).unwrap()));
    assert!(!a.is_cleared("cust-1", s.entity(&id("c-2")).unwrap()));
    let h = s.entity(&id("c-1")).unwrap().content_hash();
    assert!(
        matches!(a.status("cust-1", &id("c-1"), h), Status::Cleared(d) if d.decided_by() == "a.analyst")
    );
}

#[test]
fn another_customer_is_not_suppressed() {
    let s = screener(list());
    let a = cleared("cust-1", &s, "c-1");
    let f = a.filter("cust-2", s.screen("Kazstanex LLP"), &s);
    assert_eq!(ids(f.kept()), ["c-1", "c-2"]);
    assert!(f.suppressed().is_empty() && f.stale().is_empty());
    assert!(!a.is_cleared("cust-2", s.entity(&id("c-1")).unwrap()));
    let h = s.entity(&id("c-1")).unwrap().content_hash();
    assert_eq!(a.status("cust-2", &id("c-1"), h), Status::Undecided);
}

#[test]
fn a_change_of_name_identifier_or_program_alerts_again() {
    type Edit = fn(&mut Entity);
    let edits: &[(&str, Edit)] = &[
        ("alias added", |e| {
            e.names
                .push(Name::new("KAZSTANEKS TOO").with_kind(NameKind::Aka))
        }),
        ("alias removed", |e| {
            e.names.pop();
        }),
        ("identifier added", |e| {
            e.identifiers
                .push(Identifier::new(IdentifierKind::TaxId, "600400123456"))
        }),
        ("identifier changed", |e| {
            e.identifiers[0].value = "150140016454".into()
        }),
        ("program added", |e| {
            e.programs.push("UKRAINE-EO13662".into())
        }),
        ("remarks set", |e| e.remarks = Some("Linked To: X.".into())),
    ];
    let before = screener(list());
    let a = cleared("cust-1", &before, "c-1");
    for (name, edit) in edits {
        let mut updated = list();
        edit(&mut updated.entities[0]);
        let diff = ListDiff::between(&list(), &updated);
        let after = screener(updated);
        let now = after.entity(&id("c-1")).unwrap();
        assert!(!a.is_cleared("cust-1", now), "{name}");
        let f = a.filter("cust-1", after.screen("Kazstanex LLP"), &after);
        assert_eq!(ids(f.kept()), ["c-1", "c-2"], "{name}: the match is back");
        assert!(f.suppressed().is_empty(), "{name}");
        assert_eq!(f.stale().len(), 1, "{name}");
        let stale = f.stale_decision(&id("c-1")).unwrap();
        assert_eq!(stale.current_hash(), Some(now.content_hash()), "{name}");
        assert_eq!(stale.decision().decided_by(), "a.analyst");
        // The list diff tells the same before anyone screens.
        let gone: Vec<&EntityId> = a.stale_after(&diff).iter().map(|d| d.entity_id()).collect();
        assert_eq!(gone, [&id("c-1")], "{name}");
        // Deciding again on the new version clears it again, replacing the old decision.
        let mut renewed = a.clone();
        let old = renewed.allow(Decision::new("cust-1", now)).unwrap();
        assert_eq!(old.decided_by(), "a.analyst");
        assert_eq!(renewed.len(), 1);
        assert!(renewed.is_cleared("cust-1", now), "{name}");
    }
    // A list update that leaves the entity alone leaves the decision current.
    let mut updated = list();
    updated.entities[1].programs.push("SDGT".into());
    assert!(
        a.stale_after(&ListDiff::between(&list(), &updated))
            .is_empty()
    );
    // Removing the entity makes the decision stale too.
    let mut updated = list();
    updated.entities.remove(0);
    assert_eq!(
        a.stale_after(&ListDiff::between(&list(), &updated)).len(),
        1
    );
}

#[test]
fn filter_with_asks_only_for_decided_matches_and_keeps_unknown_ones() {
    let s = screener(list());
    let a = cleared("cust-1", &s, "c-1");
    let mut asked = Vec::new();
    let f = a.filter_with("cust-1", s.screen("Kazstanex LLP"), |i| {
        asked.push(i.clone());
        None
    });
    assert_eq!(
        asked,
        [id("c-1")],
        "only the entity with a decision is hashed"
    );
    assert_eq!(
        ids(f.kept()),
        ["c-1", "c-2"],
        "an entity not found is not suppressed"
    );
    assert_eq!(f.stale()[0].current_hash(), None);
    let mut asked = 0;
    let _ = a.filter_with("nobody", s.screen("Kazstanex LLP"), |_| {
        asked += 1;
        None
    });
    assert_eq!(asked, 0, "no hashing for a customer without decisions");
}

#[test]
fn allow_remove_and_counts() {
    let s = screener(list());
    let mut a = Allowlist::new();
    assert!(a.is_empty());
    let e1 = s.entity(&id("c-1")).unwrap();
    let e2 = s.entity(&id("c-2")).unwrap();
    assert!(a.allow(Decision::new("x", e1)).is_none());
    assert!(a.allow(Decision::new("x", e2)).is_none());
    assert!(a.allow(Decision::new("y", e1)).is_none());
    assert!(a.allow(Decision::new("y", e1).with_note("again")).is_some());
    assert_eq!(
        (
            a.len(),
            a.count_for("x"),
            a.count_for("y"),
            a.count_for("z")
        ),
        (3, 2, 1, 0)
    );
    assert_eq!(a.decision("y", &id("c-1")).unwrap().note(), "again");
    assert!(a.remove("x", &id("c-1")).is_some());
    assert!(a.remove("x", &id("c-1")).is_none());
    assert_eq!(a.len(), 2);
    let order: Vec<(&str, &str)> = a
        .decisions()
        .iter()
        .map(|d| (d.customer(), d.entity_id().id.as_str()))
        .collect();
    assert_eq!(order, [("x", "c-2"), ("y", "c-1")]);
}

#[test]
fn save_and_load_round_trip_in_a_stable_form() {
    let s = screener(list());
    let mut a = cleared("cust-1", &s, "c-1");
    a.allow(Decision::new("cust-0", s.entity(&id("c-2")).unwrap()));
    let mut bytes = Vec::new();
    a.save(&mut bytes).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let h1 = s.entity(&id("c-1")).unwrap().content_hash();
    assert_eq!(
        lines[1],
        format!(
            r#"{{"customer":"cust-1","source":"custom","entity_id":"c-1","content_hash":"{h1}","note":"our customer is Kazstanex GmbH, Vienna","decided_by":"a.analyst","decided_at":"2025-06-01T10:00:00Z"}}"#
        )
    );
    assert!(
        lines[0].starts_with(r#"{"customer":"cust-0","#),
        "sorted by customer"
    );
    let back = Allowlist::load(bytes.as_slice()).unwrap();
    assert_eq!(back.decisions(), a.decisions());
    let mut again = Vec::new();
    back.save(&mut again).unwrap();
    assert_eq!(again, bytes, "the same bytes");

    // Blank lines are skipped, unknown fields ignored, optional ones default to empty, and a
    // later line for the same customer and entity replaces an earlier one.
    let log = format!(
        "\n{}\n  \n{{\"customer\":\"cust-1\",\"source\":\"custom\",\"entity_id\":\"c-1\",\"content_hash\":\"{h1}\",\"ticket\":7}}\n",
        lines[1]
    );
    let a = Allowlist::load(log.as_bytes()).unwrap();
    assert_eq!(a.len(), 1);
    let d = a.decision("cust-1", &id("c-1")).unwrap();
    assert_eq!((d.note(), d.decided_by(), d.decided_at()), ("", "", ""));
    assert_eq!(d.content_hash(), h1);
}

#[test]
fn malformed_stores_are_errors_with_the_line() {
    let h = "0".repeat(64);
    let good =
        format!(r#"{{"customer":"c","source":"ofac","entity_id":"1","content_hash":"{h}"}}"#);
    let expected = "expected a decision: a JSON object with customer, source, entity_id and content_hash, found";
    let cases: Vec<(&str, String, u64, String)> = vec![
        (
            "invalid JSON",
            format!("{good}\n{{\"customer\": }}"),
            2,
            format!("{expected} invalid JSON at column 14"),
        ),
        (
            "not an object",
            format!("{good}\n\n[1, 2]"),
            3,
            format!("{expected} [1,2]"),
        ),
        (
            "missing field",
            r#"{"customer":"c","source":"ofac","entity_id":"1"}"#.into(),
            1,
            format!("{expected} missing field `content_hash`"),
        ),
        (
            "bad hash",
            r#"{"customer":"c","source":"ofac","entity_id":"1","content_hash":"abc"}"#.into(),
            1,
            format!(r#"{expected} expected a content hash of 64 hex digits, found "abc""#),
        ),
        (
            "bad source",
            format!(r#"{{"customer":"c","source":"fbi","entity_id":"1","content_hash":"{h}"}}"#),
            1,
            format!(
                "{expected} unknown variant `fbi`, expected one of `ofac`, `eu`, `uk`, `un`, `csl`, `canada`, `opensanctions`, `custom`"
            ),
        ),
        (
            "numeric id",
            format!(r#"{{"customer":"c","source":"ofac","entity_id":1,"content_hash":"{h}"}}"#),
            1,
            format!("{expected} invalid type: integer `1`, expected a string"),
        ),
    ];
    for (name, input, line, message) in cases {
        let err = Allowlist::load(input.as_bytes()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed, "{name}");
        assert_eq!(err.line(), Some(line), "{name}");
        assert_eq!(err.to_string(), format!("line {line}: {message}"), "{name}");
    }
    let err = Allowlist::load(&b"\xff\n"[..]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Encoding);
    assert_eq!(
        err.to_string(),
        "line 1: expected UTF-8, found an invalid byte at column 1"
    );

    let path = temp_file("malformed", "\n\nnot json\n");
    let err = Allowlist::load_path(&path).unwrap_err();
    assert_eq!(err.file(), Some(path.as_path()));
    assert_eq!(
        err.to_string(),
        format!("{}:3: {expected} invalid JSON at column 2", path.display())
    );
    let _ = std::fs::remove_file(&path);
    let err = Allowlist::load_path("/nonexistent/allow.jsonl").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Io);
}

/// A file in the temporary folder, named for the test and the process.
fn temp_file(name: &str, content: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!(
        "sanctions-allowlist-{name}-{}.jsonl",
        std::process::id()
    ));
    std::fs::write(&p, content).unwrap();
    p
}

/// A demo entity (uk:16678, Kazstanex, by default) cleared for `customer` in an allowlist
/// file; a second decision for `stale_customer` holds another hash.
fn demo_allowlist(name: &str, customer: &str, stale_customer: &str) -> PathBuf {
    demo_allowlist_of(
        name,
        EntityId::new(Source::Uk, "16678"),
        customer,
        stale_customer,
    )
}

fn demo_allowlist_of(
    name: &str,
    entity: EntityId,
    customer: &str,
    stale_customer: &str,
) -> PathBuf {
    let s = Screener::demo().unwrap();
    let kazstanex = s.entity(&entity).unwrap();
    let mut a = Allowlist::new();
    a.allow(
        Decision::new(customer, kazstanex)
            .with_note("not our customer's firm")
            .with_decided_by("a.analyst"),
    );
    let mut older = kazstanex.clone();
    older.programs.clear();
    a.allow(
        Decision::new(stale_customer, &older)
            .with_note("cleared before")
            .with_decided_by("b.analyst"),
    );
    let mut bytes = Vec::new();
    a.save(&mut bytes).unwrap();
    temp_file(name, &String::from_utf8(bytes).unwrap())
}

#[test]
fn screen_example_with_an_allowlist() {
    let path = demo_allowlist("cli", "cust-1", "cust-2");
    let p = path.to_str().unwrap();
    let input = [
        r#"{"name": "KAZSTANEX LLP", "customer": "cust-1"}"#,
        r#"{"name": "KAZSTANEX LLP", "customer": "cust-2"}"#,
        r#"{"name": "KAZSTANEX LLP", "customer": "cust-3"}"#,
        "KAZSTANEX LLP",
    ]
    .join("\n");
    let out = run_screen(&["--json", "--allowlist", p], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    let first_id = |l: &serde_json::Value| l["matches"][0]["entity_id"].clone();

    // cust-1 is cleared: the match moves to "suppressed", with the decision's note.
    assert!(
        lines[0]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["entity_id"] != "16678")
    );
    let sup = &lines[0]["suppressed"][0];
    assert_eq!(
        (sup["source"].as_str(), sup["entity_id"].as_str()),
        (Some("uk"), Some("16678"))
    );
    assert_eq!(sup["note"], "not our customer's firm");
    assert_eq!(sup["decided_by"], "a.analyst");
    assert_eq!(sup["content_hash"].as_str().unwrap().len(), 64);

    // Lines filtered by the allowlist carry the audit stamp too.
    assert_eq!(lines[0]["audit"]["lists"][0]["source"], "custom");
    // cust-2's decision is on an older version: the match alerts, flagged stale.
    assert_eq!(first_id(&lines[1]), "16678");
    assert_eq!(lines[1]["matches"][0]["allowlist"], "stale");
    assert_eq!(
        lines[1]["matches"][0]["decision"]["decided_by"],
        "b.analyst"
    );
    assert_eq!(lines[1]["suppressed"].as_array().unwrap().len(), 0);

    // cust-3 has no decision; a plain line's customer is the name itself.
    for l in &lines[2..] {
        assert_eq!(first_id(l), "16678");
        assert!(l["matches"][0].get("allowlist").is_none());
        assert_eq!(
            l["matches"][0]["content_hash"], sup["content_hash"],
            "what a decision records"
        );
        assert_eq!(l["suppressed"].as_array().unwrap().len(), 0);
    }

    // Without the flag: no "suppressed" key, no hash, the customer key ignored.
    let out = run_screen(&["--json"], r#"{"name": "KAZSTANEX LLP", "customer": 5}"#);
    assert!(out.status.success());
    let l = &json_lines(&out)[0];
    assert_eq!(
        l.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["audit", "matches", "query"]
    );
    assert!(l["matches"][0].get("content_hash").is_none());
    let _ = std::fs::remove_file(&path);
}

#[test]
fn screen_example_keeps_the_limit_after_suppression() {
    let top = EntityId::new(Source::Canada, "Russia / Russie/1, Part 2/74");
    let path = demo_allowlist_of("limit", top, "Sberbank", "nobody");
    let p = path.to_str().unwrap();
    let args = ["--json", "--threshold", "0.3", "--limit", "2", "Sberbank"];
    let plain = json_lines(&run_screen(&args, ""));
    let all = plain[0]["matches"].as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["entity_id"], "Russia / Russie/1, Part 2/74");
    let mut with = args.to_vec();
    with.extend(["--allowlist", p]);
    let out = run_screen(&with, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let l = &json_lines(&out)[0];
    let kept = l["matches"].as_array().unwrap();
    assert_eq!(kept.len(), 2, "still --limit matches: {l}");
    assert_eq!(kept[0]["entity_id"], all[1]["entity_id"]);
    assert_eq!(kept[1]["entity_id"], "15076", "the third match moves up");
    assert_eq!(
        l["suppressed"][0]["entity_id"],
        "Russia / Russie/1, Part 2/74"
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn screen_example_allowlist_errors() {
    let bad = temp_file("cli-bad", "{\"customer\": \"c\"}\n");
    let out = run_screen(&["--allowlist", bad.to_str().unwrap(), "x"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:1: expected a decision", bad.display())),
        "{err}"
    );
    let _ = std::fs::remove_file(&bad);

    let out = run_screen(&["--scan", "--allowlist", "a.jsonl"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = run_screen(&["--allowlist"], "");
    assert_eq!(out.status.code(), Some(2));

    let path = demo_allowlist("cli-customer", "c", "d");
    let out = run_screen(
        &["--json", "--allowlist", path.to_str().unwrap()],
        r#"{"name": "x", "customer": 5}"#,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains(r#"standard input line 1: expected "customer" as a string, found 5"#)
    );
    let _ = std::fs::remove_file(&path);
}

#[test]
fn allowlist_and_diff_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Allowlist>();
    check::<Decision>();
    check::<sanctions::allowlist::Filtered>();
    check::<ListDiff>();
}
