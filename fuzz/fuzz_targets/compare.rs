//! `Screener::compare` of the demo screener on two arbitrary names (the input split at its
//! first tab; without a tab, the name against itself; invalid UTF-8 read lossily): never
//! panics; scores are in [0, 1]; `is_match` is the score reaching the screener's threshold;
//! `compare` is `compare_as` with `EntityKind::Unknown`, or with `EntityKind::Organization`
//! (where either name has a legal form).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions::EntityKind;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (query, candidate) = text.split_once('\t').unwrap_or((&text, &text));
    let screener = sanctions_fuzz::demo();
    let c = screener.compare(query, candidate);
    let score = c.score().value();
    assert!((0.0..=1.0).contains(&score), "score {score}");
    assert!(
        (0.0..=1.0).contains(&c.ofac_score().value()),
        "ofac score {:?}",
        c.ofac_score()
    );
    assert_eq!(
        c.is_match(),
        score >= screener.threshold(),
        "is_match at {score}"
    );
    let unknown = screener.compare_as(query, candidate, EntityKind::Unknown);
    assert!(
        c == unknown || c == screener.compare_as(query, candidate, EntityKind::Organization),
        "{c:?} is neither {unknown:?} nor the organizations' comparison"
    );
});
