//! API contracts: thread safety, exact error messages, determinism, the custom reader.

use sanctions::model::{Entity, EntityId, EntityKind, Name, NameKind, PartialDate};
use sanctions::sources::{self, custom};
use sanctions::{ErrorKind, Query, SanctionsList, Screener, Source};

#[test]
fn screener_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Screener>();
    let s = Screener::demo().unwrap();
    let t = s.clone();
    let h = std::thread::spawn(move || t.screen("Sberbank").len());
    assert_eq!(h.join().unwrap(), s.screen("Sberbank").len());
}

#[test]
fn error_messages_are_exact() {
    let e = custom::read("{\"id\": \"1\", \"names\": [{\"text\": \"A\"}]}\n{\"id\": 2".as_bytes())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Malformed);
    assert_eq!(e.line(), Some(2));
    assert!(
        e.to_string()
            .starts_with("line 2: expected a JSON entity, found an error: "),
        "{e}"
    );

    let e = sources::read("<?xml version=\"1.0\"?><foo/>".as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownFormat);
    assert_eq!(
        e.to_string(),
        "expected the XML root element of a list format the crate reads (sdnList, Sanctions, sanctionsData, export, CONSOLIDATED_LIST, data-set), found <foo>"
    );

    let e = Screener::builder().threshold(1.5).build().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Build);
    assert_eq!(
        e.to_string(),
        "expected a threshold between 0 and 1, found 1.5"
    );

    let e = "2024-02-30".parse::<PartialDate>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"2024-02-30\""
    );

    let e = sources::load_path("/nonexistent/list.xml").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(
        e.to_string()
            .starts_with("/nonexistent/list.xml: cannot open the list file: "),
        "{e}"
    );
}

#[test]
fn custom_reader_reports_skips_and_merges() {
    let data = concat!(
        "{\"id\":\"a\",\"kind\":\"person\",\"names\":[{\"text\":\"Ivan Petrov\"}]}\n",
        "{\"id\":\"b\",\"names\":[{\"text\":\"  \"}]}\n",
        "{\"id\":\"a\",\"names\":[{\"text\":\"Иван Петров\",\"kind\":\"aka\"}],\"programs\":[\"X\"]}\n",
    );
    let loaded = custom::read(data.as_bytes()).unwrap();
    assert_eq!(loaded.list.entities.len(), 1);
    let e = &loaded.list.entities[0];
    assert_eq!(e.names.len(), 2, "the repeated id merges its names");
    assert_eq!(e.programs, ["X"]);
    assert_eq!(loaded.report.issues.len(), 2);
    assert_eq!(loaded.report.skipped(), 1);
    assert_eq!(loaded.report.issues[0].line, Some(2));
    assert_eq!(loaded.report.issues[0].record.as_deref(), Some("b"));
    assert_eq!(loaded.report.names, 2);
}

#[test]
fn model_round_trips_through_json() {
    let list = Screener::demo_list().unwrap();
    for e in &list.entities {
        let text = serde_json::to_string(e).unwrap();
        let back: Entity = serde_json::from_str(&text).unwrap();
        assert_eq!(&back, e);
    }
}

#[test]
fn screening_is_deterministic_and_ordered() {
    let s = Screener::demo().unwrap();
    for q in ["Sberbank", "Rotenberg", "Prigozhin", "Group", "Bank"] {
        let a = s.screen(Query::new(q).threshold(0.2).limit(100));
        let b = s.screen(Query::new(q).threshold(0.2).limit(100));
        assert_eq!(a, b);
        for w in a.windows(2) {
            assert!(w[0].score() >= w[1].score());
        }
    }
}

#[test]
fn person_query_does_not_match_organizations_unless_asked() {
    let list = SanctionsList::new(Source::Custom);
    let mut list = list;
    list.entities.push(
        Entity::new(EntityId::new(Source::Custom, "o"), EntityKind::Organization)
            .with_name(Name::new("Ivan Petrov Trading")),
    );
    list.entities.push(
        Entity::new(EntityId::new(Source::Custom, "p"), EntityKind::Person)
            .with_name(Name::new("Ivan Petrov")),
    );
    let s = Screener::builder().list(list).build().unwrap();
    let persons = s.screen(
        Query::new("Ivan Petrov")
            .kind(EntityKind::Person)
            .threshold(0.3),
    );
    assert!(persons.iter().all(|m| m.kind() == EntityKind::Person));
    let all = s.screen(
        Query::new("Ivan Petrov")
            .kind(EntityKind::Person)
            .any_kind()
            .threshold(0.3),
    );
    assert!(all.iter().any(|m| m.kind() == EntityKind::Organization));
}

#[test]
fn weak_aliases_match_only_near_exact_and_are_flagged() {
    let mut list = SanctionsList::new(Source::Custom);
    list.entities.push(
        Entity::new(EntityId::new(Source::Custom, "w"), EntityKind::Person)
            .with_name(Name::new("Abdul Karim Muradov"))
            .with_name(Name::new("Abu Salim").with_kind(NameKind::WeakAka)),
    );
    let s = Screener::builder().list(list).build().unwrap();
    let exact = s.screen("Abu Salim");
    assert_eq!(exact.len(), 1);
    assert!(exact[0].is_weak());
    let near = s.screen(Query::new("Abu Saleem Trading").threshold(0.5));
    assert!(near.iter().all(|m| !m.is_weak()), "{near:?}");
}

#[test]
fn empty_and_hostile_queries_do_not_fail() {
    let s = Screener::demo().unwrap();
    for q in [
        "",
        "   ",
        "\u{200b}\u{200b}",
        "...",
        &"a".repeat(100_000),
        &"ab ".repeat(20_000),
        "\u{0301}\u{0301}x",
    ] {
        let _ = s.screen(q);
        let _ = s.screen_text(q);
        let _ = s.compare(q, "KAZSTANEX");
    }
    let long = format!("{} KAZSTANEX", "word ".repeat(100));
    let m = s.screen(Query::new(long).threshold(0.0));
    assert!(m.iter().all(|m| {
        m.explanation()
            .factors()
            .iter()
            .any(|f| matches!(f, sanctions::score::Factor::QueryTruncated { .. }))
    }));
}

#[test]
fn identifiers_lift_a_match() {
    use sanctions::model::{Identifier, IdentifierKind};
    let s = Screener::builder()
        .list(
            custom::read(
                std::fs::File::open("tests/data/custom.jsonl")
                    .map(std::io::BufReader::new)
                    .unwrap(),
            )
            .unwrap()
            .list,
        )
        .build()
        .unwrap();
    let m = s.screen(Query::new("Northwind").identifier(Identifier::new(
        IdentifierKind::Registration,
        "1027700132195",
    )));
    assert_eq!(m.first().map(|m| m.entity_id().id.as_str()), Some("c-3"));
}

#[test]
fn huge_inputs_take_bounded_time() {
    let s = Screener::demo().unwrap();
    let one_token = "k".repeat(1 << 20);
    let marks = format!("a{}", "\u{0301}".repeat(10_000));
    let invisible = format!("KAZ{}STANEX", "\u{200b}".repeat(100_000));
    for q in [one_token.as_str(), marks.as_str(), invisible.as_str()] {
        let t = std::time::Instant::now();
        let _ = s.screen(q);
        let _ = s.screen_text(q);
        assert!(
            t.elapsed().as_secs() < 20,
            "{} bytes took {:?}",
            q.len(),
            t.elapsed()
        );
    }
    assert_eq!(s.screen(invisible.as_str())[0].entity_id().id, "16678");
}

/// The JSON shape of an explanation, as README.md documents it: `matched` links with their
/// tokens, similarity and weight; the unmatched tokens of each side; the name score; and the
/// factors, each tagged by `factor` with its own fields.
#[test]
fn explanation_json_shape_is_documented() {
    let s = Screener::demo().unwrap();
    let c = s.compare(
        "DA GROUP 23 LLP",
        "LIMITED LIABILITY PARTNERSHIP DA GROUP 22",
    );
    let v = serde_json::to_value(c.explanation()).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "factors",
            "matched",
            "name_score",
            "unmatched_candidate",
            "unmatched_query"
        ]
    );
    let link = &v["matched"][0];
    let mut link_keys: Vec<&str> = link
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    link_keys.sort_unstable();
    assert_eq!(link_keys, ["candidate", "query", "similarity", "weight"]);
    assert!(link["query"].is_array() && link["similarity"].is_number());
    assert_eq!(v["unmatched_query"], serde_json::json!(["23"]));
    assert_eq!(v["unmatched_candidate"], serde_json::json!(["22"]));
    let f = &v["factors"][0];
    assert_eq!(f["factor"], "number_conflict");
    assert!(f["multiplier"].is_number());
    // Every factor serializes with its tag.
    use sanctions::score::Factor;
    let tags: Vec<String> = [
        Factor::WeakAlias,
        Factor::BirthDateAgrees,
        Factor::QueryTruncated { tokens: 32 },
        Factor::IdentifierMatch { value: "X".into() },
        Factor::RespelledOnly { multiplier: 0.9 },
        Factor::Acronym,
        Factor::KindConflict { multiplier: 0.85 },
        Factor::CombinedNames {
            with: "X".into(),
            multiplier: 0.9,
        },
    ]
    .iter()
    .map(|f| {
        serde_json::to_value(f).unwrap()["factor"]
            .as_str()
            .unwrap()
            .to_string()
    })
    .collect();
    assert_eq!(
        tags,
        [
            "weak_alias",
            "birth_date_agrees",
            "query_truncated",
            "identifier_match",
            "respelled_only",
            "acronym",
            "kind_conflict",
            "combined_names"
        ]
    );
}
