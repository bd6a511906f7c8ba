//! `sanctions::normalize::normalize` on arbitrary text (invalid UTF-8 read lossily): never
//! panics; every token's span is a range of the text on character boundaries; every token's
//! text is non-empty lower-case ASCII letters and digits, as `Token::text` documents; and
//! normalizing is idempotent (normalizing the normalized text gives it back), as
//! RELIABILITY.md claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions::normalize::normalize;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let once = normalize(&text);
    for token in once.tokens() {
        assert!(
            text.get(token.span()).is_some(),
            "span {:?} of {token:?}",
            token.span()
        );
        let t = token.text();
        assert!(
            !t.is_empty()
                && t.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "token text {t:?}"
        );
    }
    let once = once.to_string();
    let twice = normalize(&once).to_string();
    assert_eq!(once, twice, "normalize is not idempotent on {text:?}");
});
