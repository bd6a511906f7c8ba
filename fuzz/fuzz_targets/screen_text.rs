//! `Screener::screen_text` of the demo screener on arbitrary text (invalid UTF-8 read
//! lossily): never panics; every hit's span is a range of the text on character boundaries
//! and `TextHit::text` is that range; hits come in order of position; scores are in [0, 1].
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let hits = sanctions_fuzz::demo().screen_text(&text);
    let mut last = 0;
    for hit in &hits {
        let span = hit.span();
        assert_eq!(
            text.get(span.clone()),
            Some(hit.text()),
            "span {span:?} of {hit:?}"
        );
        assert!(span.start >= last, "hits out of order: {hits:?}");
        last = span.start;
        let score = hit.score().value();
        assert!((0.0..=1.0).contains(&score), "score {score}");
    }
});
