//! `Screener::screen` of the demo screener on a fuzzed query. The input (invalid UTF-8 read
//! lossily) is tab-separated fields: the name, then optionally the kind (its first letter:
//! `p`erson, `o`rganization, `v`essel, `a`ircraft, `u`nknown, `*` any kind), an identifier
//! (`kind:value`, kind by its first letter: `p`assport, `n`ational id, `t`ax id,
//! `r`egistration, `i`mo, `b`ic, `c`rypto, other), a country, a birth date (`YYYY[-MM[-DD]]`),
//! a threshold and a limit. Never panics; at most `limit` matches, one per entity, ordered by
//! score descending, each in [0, 1] and at or above the threshold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions::model::{Identifier, IdentifierKind, PartialDate};
use sanctions::{EntityKind, Query};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut fields = text.split('\t');
    let mut query = Query::new(fields.next().unwrap_or_default());
    match fields.next().and_then(|k| k.chars().next()) {
        Some('p') => query = query.kind(EntityKind::Person),
        Some('o') => query = query.kind(EntityKind::Organization),
        Some('v') => query = query.kind(EntityKind::Vessel),
        Some('a') => query = query.kind(EntityKind::Aircraft),
        Some('u') => query = query.kind(EntityKind::Unknown),
        Some('*') => query = query.any_kind(),
        _ => {}
    }
    if let Some(id) = fields.next().filter(|f| !f.is_empty()) {
        let (kind, value) = id.split_once(':').unwrap_or(("", id));
        let kind = match kind.chars().next() {
            Some('p') => IdentifierKind::Passport,
            Some('n') => IdentifierKind::NationalId,
            Some('t') => IdentifierKind::TaxId,
            Some('r') => IdentifierKind::Registration,
            Some('i') => IdentifierKind::Imo,
            Some('b') => IdentifierKind::Bic,
            Some('c') => IdentifierKind::Crypto,
            _ => IdentifierKind::Other,
        };
        query = query.identifier(Identifier::new(kind, value));
    }
    if let Some(country) = fields.next().filter(|f| !f.is_empty()) {
        query = query.country(country);
    }
    if let Some(date) = fields.next().and_then(|f| f.parse::<PartialDate>().ok()) {
        query = query.birth_date(date);
    }
    let screener = sanctions_fuzz::demo();
    let mut threshold = screener.threshold();
    if let Some(t) = fields.next().and_then(|f| f.trim().parse::<f32>().ok()) {
        query = query.threshold(t);
        threshold = t;
    }
    if let Some(limit) = fields.next().and_then(|f| f.trim().parse::<usize>().ok()) {
        query = query.limit(limit);
    }
    let limit = query.get_limit();
    let matches = screener.screen(query);
    assert!(
        matches.len() <= limit,
        "{} matches over the limit {limit}",
        matches.len()
    );
    let mut ids = std::collections::HashSet::new();
    for pair in matches.windows(2) {
        assert!(
            pair[0].score() >= pair[1].score(),
            "out of order: {matches:?}"
        );
    }
    for m in &matches {
        assert!(ids.insert(m.entity_id()), "entity {} twice", m.entity_id());
        let score = m.score().value();
        assert!((0.0..=1.0).contains(&score), "score {score}");
        assert!(
            threshold.is_nan() || score >= threshold,
            "score {score} under the threshold {threshold}"
        );
    }
});
