//! `sanctions::payment::read` on arbitrary bytes (SWIFT MT or ISO 20022, detected from the
//! content), then `Screener::screen_payment` of the demo screener on every message read.
//! Never panics; an `Err` has a message; messages are numbered in order; a party's name and
//! BIC fields are fields of its message; every hit's field is a field of its message, a text
//! hit's span is its text in that field's value, and scores are in [0, 1].
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let messages = match sanctions::payment::read(data) {
        Ok(messages) => messages,
        Err(e) => {
            assert!(!e.to_string().trim().is_empty(), "an error without a message: {e:?}");
            return;
        }
    };
    for (i, m) in messages.iter().enumerate() {
        assert_eq!(m.index(), i);
        for p in m.parties() {
            for field in [p.name_field(), p.bic_field()].into_iter().flatten() {
                assert!(m.field(field).is_some(), "party field {field} missing: {m:?}");
            }
        }
        for hit in sanctions_fuzz::demo().screen_payment(m) {
            let field = m.field(hit.field());
            assert!(field.is_some(), "hit in a field the message lacks: {hit}");
            if let (Some(span), Some(field)) = (hit.span(), field) {
                assert_eq!(field.value().get(span), Some(hit.text()), "{hit}");
            }
            let score = hit.score().value();
            assert!((0.0..=1.0).contains(&score), "score {score}");
        }
    }
});
