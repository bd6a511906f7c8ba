//! Issue 7: every result carries the audit stamp: the lists with their publication dates and
//! content hashes, the crate version, and the threshold and limit it was decided at.

use sanctions::model::{EntityKind, Name, PartialDate, SanctionsList, Source};
use sanctions::{Query, Screener, sources};

use crate::util::{data_dir, data_file, json_lines, run_screen};

fn two_lists() -> (SanctionsList, SanctionsList) {
    let demo = Screener::demo_list().unwrap();
    let mut uk = SanctionsList::new(Source::Uk)
        .with_published(PartialDate::new(2024, Some(5), Some(13)).unwrap());
    uk.entities = demo
        .entities
        .iter()
        .filter(|e| e.id.source == Source::Uk)
        .cloned()
        .collect();
    let mut ofac = SanctionsList::new(Source::Ofac);
    ofac.entities = demo
        .entities
        .iter()
        .filter(|e| e.id.source == Source::Ofac)
        .cloned()
        .collect();
    assert!(!uk.entities.is_empty() && !ofac.entities.is_empty());
    (uk, ofac)
}

#[test]
fn issue_7_the_stamp_names_every_list_with_its_date_size_and_hash() {
    let (uk, ofac) = two_lists();
    let screener = Screener::builder()
        .list(uk.clone())
        .list(ofac.clone())
        .threshold(0.8)
        .build()
        .unwrap();
    let stamp = screener.audit_stamp();
    assert_eq!(stamp.crate_version(), env!("CARGO_PKG_VERSION"));
    assert_eq!(stamp.default_threshold(), 0.8);
    let lists = stamp.lists();
    assert_eq!(lists.len(), 2);
    assert_eq!(
        (lists[0].source(), lists[0].published()),
        (Source::Uk, uk.published)
    );
    assert_eq!(
        (lists[1].source(), lists[1].published()),
        (Source::Ofac, None)
    );
    assert_eq!(lists[0].entities(), uk.entities.len());
    assert_eq!(lists[0].content_hash(), uk.content_hash());
    assert_eq!(lists[1].content_hash(), ofac.content_hash());
    assert_ne!(lists[0].content_hash(), lists[1].content_hash());
    let shown = stamp.to_string();
    assert!(
        shown.contains(&format!(
            "uk published 2024-05-13, {} entities, sha256 {}",
            uk.entities.len(),
            uk.content_hash()
        )),
        "{shown}"
    );
}

#[test]
fn issue_7_any_change_to_an_entity_changes_the_list_hash() {
    let (uk, _) = two_lists();
    let base = uk.content_hash();
    let mut renamed = uk.clone();
    renamed.entities[0].names.push(Name::new("Another Alias"));
    let mut reprogrammed = uk.clone();
    reprogrammed.entities[0].programs.push("NEW-PROGRAM".into());
    let mut rekinded = uk.clone();
    rekinded.entities[0].kind = EntityKind::Vessel;
    let mut shorter = uk.clone();
    shorter.entities.pop();
    for (what, list) in [
        ("name", renamed),
        ("program", reprogrammed),
        ("kind", rekinded),
        ("entity", shorter),
    ] {
        assert_ne!(list.content_hash(), base, "{what}");
    }
    // Re-reading the same content gives the same hash.
    let line = serde_json::to_string(&uk.entities[0]).unwrap();
    let read = sources::read(line.as_bytes()).unwrap().list;
    assert_eq!(
        read.entities[0].content_hash(),
        uk.entities[0].content_hash()
    );
}

#[test]
fn issue_7_matches_hits_and_comparisons_carry_the_stamp_and_their_settings() {
    let screener = Screener::demo().unwrap();
    let stamp = screener.audit_stamp();
    let query = Query::new("KAZSTANEX LLP").threshold(0.6).limit(3);
    let matches = screener.screen(query.clone());
    assert!(!matches.is_empty());
    for m in &matches {
        assert_eq!(m.audit().stamp(), stamp);
        assert_eq!((m.audit().threshold(), m.audit().limit()), (0.6, Some(3)));
        assert_eq!(m.audit(), &screener.query_audit(&query));
    }
    let defaults = screener.screen("KAZSTANEX LLP");
    assert_eq!(
        (defaults[0].audit().threshold(), defaults[0].audit().limit()),
        (0.75, Some(10))
    );
    let hits = screener.screen_text("/BNF/ KAZSTANEX LLP ALMATY");
    assert!(!hits.is_empty());
    assert_eq!(hits[0].audit(), &screener.text_audit());
    assert_eq!(hits[0].audit().limit(), None);
    let cmp = screener.compare("Kazstanex", "KAZSTANEX LLP");
    assert_eq!(cmp.audit().stamp(), stamp);
    // A match's own JSON leaves the stamp out: output writes it once beside the matches.
    let json = serde_json::to_value(&matches[0]).unwrap();
    assert!(json.get("audit").is_none(), "{json}");
}

#[test]
fn issue_7_the_audit_json_shape() {
    let screener = Screener::demo().unwrap();
    let audit = screener.query_audit(&Query::new("x"));
    let json = serde_json::to_value(&audit).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "crate",
            "default_threshold",
            "limit",
            "lists",
            "max_query_tokens",
            "threshold",
            "version",
            "weak_alias_min"
        ]
    );
    assert_eq!(json["crate"], "sanctions");
    assert_eq!(json["weak_alias_min"], 0.95);
    let list = &json["lists"][0];
    assert_eq!(list["source"], "custom");
    assert_eq!(list["sha256"].as_str().unwrap().len(), 64);
    assert!(list["entities"].as_u64().unwrap() > 50);
}

#[test]
fn issue_7_screen_json_lines_carry_the_audit() {
    let out = run_screen(
        &["--json", "--threshold", "0.7", "--limit", "4", "KAZSTANEX"],
        "",
    );
    assert!(out.status.success());
    let line = &json_lines(&out)[0];
    assert_eq!(line["audit"]["threshold"], 0.7);
    assert_eq!(line["audit"]["limit"], 4);
    assert_eq!(line["audit"]["version"], env!("CARGO_PKG_VERSION"));
    let scan = run_screen(&["--scan", "--json"], "KAZSTANEX LLP\n");
    assert_eq!(
        json_lines(&scan)[0]["audit"]["lists"][0]["source"],
        "custom"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("sha256 "), "{stderr}");
}

/// The official files: every list's stamp has the publication date its file states, and
/// reading a file twice gives the same hash.
#[test]
fn issue_7_real_lists_are_stamped_with_their_dates_and_stable_hashes() {
    let Some(dir) = data_dir() else { return };
    for rel in [
        "eu/20240513-FULL-1_1(xsd).xml",
        "un/UN_consolidated.xml",
        "ofac/sdn.xml",
    ] {
        let path = data_file(&dir, rel);
        let a = sources::load_path(&path).unwrap().list;
        let b = sources::load_path(&path).unwrap().list;
        assert_eq!(a.content_hash(), b.content_hash(), "{rel}");
        let screener = Screener::builder().list(a.clone()).build().unwrap();
        let stamp = &screener.audit_stamp().lists()[0];
        assert_eq!(stamp.published(), a.published, "{rel}");
        assert!(
            stamp.published().is_some(),
            "{rel} states its publication date"
        );
        assert_eq!(stamp.content_hash(), a.content_hash(), "{rel}");
    }
}
