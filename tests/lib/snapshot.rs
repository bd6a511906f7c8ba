//! Screener snapshots (issue 5): a loaded snapshot screens exactly as the screener saved;
//! snapshots of another crate version or format, truncated or corrupt ones are refused with
//! exact messages, and no bytes make loading (or screening what loads) panic.

use std::sync::OnceLock;

use proptest::prelude::*;
use sanctions::sources::custom;
use sanctions::{ErrorKind, Query, Screener};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Queries of every script and outcome against the demo list and the custom list below.
const QUERIES: &[&str] = &[
    "KAZSTANEX LLP",
    "ТОО «Казстанекс»",
    "Jewgeni Prigoschin",
    "Евгений Пригожин",
    "Sberbank",
    "صدام حسين",
    "Ivan Sidorov",
    "Иван Сидоров",
    "Northwind Trading",
    "Nordwind Handels GmbH",
    "Jane Doe",
    "",
];

const TEXTS: &[&str] = &[
    "/BNF/PAYMENT FOR INVOICE 2291 TO KAZSTANEX LLP ALMATY KZ, VIA SBERBANK",
    "Transfer to Northwind Trading LLC for Ivan Petrovich Sidorov, ref 1027700132195",
    "nothing to see here",
];

/// A small list that uses every field of an entity: birth dates of the three kinds,
/// addresses, identifiers with notes, weak aliases, remarks.
const CUSTOM: &str = r#"{"id":"c-1","kind":"person","names":[{"text":"Ivan Petrovich Sidorov"},{"text":"Иван Петрович Сидоров","kind":"aka","lang":"ru"},{"text":"Vanya","kind":"weak_aka"}],"birth_dates":["1970-05",{"circa":"1968"},{"from":"1969","to":"1971"}],"birth_places":["Tula"],"nationalities":["RU"],"countries":["RU"],"gender":"male","listed_on":"2022-03-15","programs":["RUSSIA-EO14024"],"remarks":"A made-up person."}
{"id":"c-2","kind":"organization","names":[{"text":"Northwind Trading LLC"},{"text":"Nordwind Handels GmbH","kind":"fka","lang":"de"}],"identifiers":[{"kind":"registration","value":"1027700132195","country":"RU","note":"OGRN"}],"addresses":[{"street":"Lenina 1","city":"Moscow","postal_code":"101000","country":"RU"},{"full":"Almaty, Kazakhstan"}]}
{"id":"c-3","kind":"vessel","names":[{"text":"SEA STAR 7"}]}
"#;

fn demo() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::demo().expect("demo list"))
}

fn custom_screener() -> Screener {
    let list = custom::read(CUSTOM.as_bytes()).expect("custom list").list;
    Screener::builder()
        .list(list)
        .list(Screener::demo_list().expect("demo list"))
        .threshold(0.7)
        .build()
        .expect("builds")
}

fn demo_bytes() -> &'static [u8] {
    static B: OnceLock<Vec<u8>> = OnceLock::new();
    B.get_or_init(|| demo().to_bytes().expect("saves"))
}

/// Where the payload starts: magic, version length and text, format, length, checksum.
fn payload_at() -> usize {
    8 + 1 + VERSION.len() + 4 + 8 + 4
}

/// The error message of loading `bytes`, which must fail as a snapshot error.
#[track_caller]
fn load_error(bytes: &[u8]) -> String {
    let e = Screener::from_bytes(bytes).expect_err("must not load");
    assert_eq!(e.kind(), ErrorKind::Snapshot, "{e}");
    e.to_string()
}

/// The screener loaded from its own snapshot screens as it does: matches (as the CLI's JSON
/// writes them, explanations included), text hits, entities, sources and threshold.
/// The queries must find at least `min_found` matches in all, so that there is something to
/// compare.
#[track_caller]
fn assert_round_trip(screener: &Screener, min_found: usize) {
    let mut bytes = Vec::new();
    screener.save(&mut bytes).expect("saves");
    assert_eq!(bytes, screener.to_bytes().expect("saves"));
    let loaded = Screener::load(bytes.as_slice()).expect("loads");
    assert_eq!(loaded.entities(), screener.entities());
    assert_eq!(
        loaded.sources().collect::<Vec<_>>(),
        screener.sources().collect::<Vec<_>>()
    );
    assert_eq!(loaded.threshold(), screener.threshold());
    assert_eq!(loaded.audit_stamp(), screener.audit_stamp());
    // Entities are found by id in the loaded screener too (its id map is made again).
    for e in screener.entities() {
        assert_eq!(loaded.entity(&e.id), Some(e));
    }
    let json = |m: Vec<sanctions::Match>| serde_json::to_string(&m).expect("serializes");
    let mut found = 0;
    for q in QUERIES {
        let want = screener.screen(Query::new(*q).threshold(0.5).limit(50));
        found += want.len();
        let got = loaded.screen(Query::new(*q).threshold(0.5).limit(50));
        assert_eq!(json(got), json(want), "{q}");
        assert_eq!(
            json(loaded.screen(*q)),
            json(screener.screen(*q)),
            "{q} at the default threshold"
        );
    }
    assert!(
        found >= min_found,
        "the queries find too little to compare: {found}"
    );
    for t in TEXTS {
        assert_eq!(loaded.screen_text(t), screener.screen_text(t), "{t}");
    }
    assert_eq!(
        loaded.compare("KAZSTANEX", "KAZSTANEKS"),
        screener.compare("KAZSTANEX", "KAZSTANEKS")
    );
}

#[test]
fn issue_5_demo_screener_round_trips() {
    assert_round_trip(demo(), 10);
}

#[test]
fn issue_5_custom_screener_round_trips() {
    let screener = custom_screener();
    assert!(!screener.screen_text(TEXTS[1]).is_empty());
    assert_round_trip(&screener, 20);
}

#[test]
fn issue_5_empty_screener_round_trips() {
    assert_round_trip(&Screener::builder().build().expect("builds"), 0);
}

#[test]
fn issue_5_snapshot_of_another_version_or_format_is_refused() {
    let bytes = demo_bytes();
    let header = |version: &str, format: u32| {
        let mut b = b"SANCSNAP".to_vec();
        b.push(version.len() as u8);
        b.extend_from_slice(version.as_bytes());
        b.extend_from_slice(&format.to_le_bytes());
        b.extend_from_slice(bytes.get(9 + VERSION.len() + 4..).unwrap());
        b
    };
    assert!(Screener::from_bytes(&header(VERSION, 47)).is_ok());
    assert_eq!(
        load_error(&header("0.0.9", 47)),
        format!("expected a snapshot of sanctions {VERSION}, found one of 0.0.9")
    );
    assert_eq!(
        load_error(&header("10.20.30-beta.1", 47)),
        format!("expected a snapshot of sanctions {VERSION}, found one of 10.20.30-beta.1")
    );
    // Format 1 held no entity kind and token sums beside each indexed name, format 2 no
    // content hashes of the lists, format 3 a vector per neighbourhood key and per
    // vocabulary entry's postings, format 4 no sums of a long name's heaviest tokens, format
    // 5 no vocabulary entries for the spellings of a common name (`#group`), format 6 no
    // country keys (`%siria`): its vocabulary keys a country's words apart; format 7 no
    // unmatched weight of a name beside its sums, format 8 no Czech and Slovak feminine
    // surnames (`-ová`) among its tokens, format 9 no weight of a name's initials beside its
    // sums, format 10 no coarse keys of long vocabulary keys, format 11 the weight of a
    // name's Burmese honorific (`U Than Soe`) as a name's, format 12 no word keys of the
    // skeleton keys, format 13 no organizations' last words kept apart, format 14 `Chief` as
    // a name's word, not a title, and compounds of generic words whole; format 20 left as
    // words the long words of a legal form with three letters or more written twice or left
    // out, format 21 two Arabic letters romanized as `sh`, `zh` or `kh` as one sound, format
    // 22 the generic words of names in Arabic script as words, format 23 `ee`, `ue` and `oe`
    // before `v` as one vowel (and the token frequencies before them), format 24 the EU's
    // Slovenian, Croatian, Romanian and Spanish non-public joint-stock companies as words,
    // format 25 the prepositions inside an organization's name (`по`, `da`, `do`) as words,
    // format 26 the words of money changers' and Turkish firms' trades (`صرافة`, `hawala`,
    // `ticaret`, `ithalat`) as words, and generic words in Arabic script weighed by their
    // skeletons, format 27 the given names `Amina` and `Halina` as generic words (the
    // inflections of the Greek `άμυνας` and the Finnish `hallinto`), format 28 every word
    // with a patronymic's ending as a patronymic (the surnames `YANUKOVYCH`, `ABRAMOVICH`),
    // format 29 `management`, `managing` and `управляющая` as words, format 30 no weight of
    // a name's later given names beside its sums, format 31 the romanized Arabic `wa`, `ila`
    // and `fi` inside an organization's name as words, format 32 the Arabic article written
    // `el`, `ul` or assimilated (`ad-Din`) as words of their own, format 33 Arabic letters
    // romanized `el` or `ul` before a word as such, format 34 the words of chemical and
    // helicopter plants, penal colonies, election commissions and news agencies as words,
    // format 35 no mark on the words that may end an `al-Din` compound, format 36 the
    // Wade-Giles `hs` at a word's start as two letters, format 37 the initial `i` of `Iyad`
    // as a glide, format 38 the words for an airline as words, format 39
    // the Bulgarian and Croatian `narodna` as national, format 40 the words for
    // number before a number (`No. 3`) and the adjectives of penal colonies as words, format 41 no
    // weight of a name's words written again beside its sums, format 42 no mark on the
    // tokens whose key another token of the name has, format 43 the words for a concern
    // (`концерн`) as words, format 44 the first of two words for number before a number kept,
    // format 45 the final `e` of `-iye` dropped from the key (`Sozvezdiye`), the words of the
    // experimental design bureaus (`опытное`) as words, and a short legal form after a name's
    // first generic words (`Организация АО “ДУКС”`) as a word, format 46 the elided
    // articles of French, Italian and Maltese (`d'Iran`) and the state enterprise's EU
    // translations as legal forms, plurals keyed otherwise than their singular as words,
    // surnames never inflected forms of generic words, and the words of a former name left
    // out.
    for other in [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 48,
    ] {
        assert_eq!(
            load_error(&header(VERSION, other)),
            format!("expected snapshot format 47, found format {other}")
        );
    }
}

#[test]
fn issue_5_what_is_not_a_snapshot_is_refused() {
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "empty",
            b"",
            r#"expected a screener snapshot, starting with "SANCSNAP", found """#,
        ),
        (
            "a list",
            br#"{"id":"c-1","names":[]}"#,
            r#"expected a screener snapshot, starting with "SANCSNAP", found "{\"id\":\"c""#,
        ),
        (
            "magic alone",
            b"SANCSNAP",
            "expected the crate version, found the end of the snapshot: it is truncated",
        ),
    ];
    for (name, bytes, message) in cases {
        assert_eq!(load_error(bytes), *message, "{name}");
    }
}

#[test]
fn issue_5_truncated_or_corrupt_snapshot_is_refused() {
    let bytes = demo_bytes();
    let at = payload_at();
    let payload = bytes.len() - at;
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        (
            "cut in the format number",
            bytes[..at - 14].to_vec(),
            "expected the format number, found the end of the snapshot: it is truncated".into(),
        ),
        (
            "cut in the checksum",
            bytes[..at - 1].to_vec(),
            "expected the payload checksum, found the end of the snapshot: it is truncated".into(),
        ),
        (
            "cut in the payload",
            bytes[..bytes.len() - 10].to_vec(),
            format!(
                "expected a payload of {payload} bytes, found {}: it is truncated",
                payload - 10
            ),
        ),
        (
            "bytes after it",
            [bytes, b"\n".as_slice()].concat(),
            format!(
                "expected a payload of {payload} bytes, found {}: bytes follow it",
                payload + 1
            ),
        ),
    ];
    for (name, bytes, message) in cases {
        assert_eq!(load_error(&bytes), message, "{name}");
    }
    let mut flipped = bytes.to_vec();
    flipped[at + payload / 2] ^= 0x10;
    let message = load_error(&flipped);
    assert!(
        message.starts_with("expected a payload of checksum ")
            && message.ends_with(": the snapshot is corrupt"),
        "{message}"
    );
}

#[test]
fn issue_5_io_errors_are_io() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    impl std::io::Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let e = Screener::load(Failing).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(e.to_string(), "cannot read the snapshot: disk on fire");
    let e = demo().save(Failing).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(e.to_string(), "cannot write the snapshot: disk on fire");
}

#[test]
fn issue_5_every_cut_and_every_header_bit_flip_is_refused() {
    let bytes = demo_bytes();
    let at = payload_at();
    // Every cut in the header, and a spread of cuts in the payload.
    let cuts = (0..at + 64).chain((at + 64..bytes.len()).step_by(997));
    for cut in cuts {
        let e = Screener::from_bytes(&bytes[..cut]).expect_err("a cut snapshot");
        assert_eq!(e.kind(), ErrorKind::Snapshot, "cut at {cut}: {e}");
    }
    // Every bit of the header and of the payload's first bytes, and a spread of the rest.
    let flips = (0..(at + 64) * 8).chain(((at + 64) * 8..bytes.len() * 8).step_by(7919));
    for bit in flips {
        let mut b = bytes.to_vec();
        b[bit / 8] ^= 1 << (bit % 8);
        let e = Screener::from_bytes(&b).expect_err("a flipped snapshot");
        assert_eq!(e.kind(), ErrorKind::Snapshot, "bit {bit}: {e}");
    }
}

/// A snapshot whose payload is `payload`, with its length and checksum made to agree: what
/// gets past every check of the header, to the decoder.
fn forged(payload: &[u8]) -> Vec<u8> {
    let bytes = demo_bytes();
    let mut b = bytes[..payload_at() - 12].to_vec();
    b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    b.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    b.extend_from_slice(payload);
    b
}

/// Screening what a forged snapshot gave, when it loads, must not panic either.
fn screen_all(s: &Screener) {
    for q in QUERIES {
        let _ = s.screen(*q);
    }
    for t in TEXTS {
        let _ = s.screen_text(t);
    }
}

#[test]
fn issue_5_forged_payloads_do_not_panic() {
    let bytes = demo_bytes();
    let payload = &bytes[payload_at()..];
    // Cut payloads with a checksum that agrees (a few dozen: each decodes in a debug build).
    for cut in (0..payload.len()).step_by(payload.len() / 40) {
        assert!(Screener::from_bytes(&forged(&payload[..cut])).is_err());
    }
    // Flipped bits with a checksum that agrees: most still decode, into other tables.
    for bit in (0..payload.len() * 8).step_by(payload.len() * 8 / 40 + 1) {
        let mut p = payload.to_vec();
        p[bit / 8] ^= 1 << (bit % 8);
        if let Ok(s) = Screener::from_bytes(&forged(&p)) {
            screen_all(&s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn issue_5_random_bytes_never_load(b in proptest::collection::vec(any::<u8>(), 0..512)) {
        prop_assert!(Screener::from_bytes(&b).is_err());
        let mut with_magic = b"SANCSNAP".to_vec();
        with_magic.extend_from_slice(&b);
        prop_assert!(Screener::from_bytes(&with_magic).is_err());
    }

    #[test]
    fn issue_5_random_payloads_do_not_panic(b in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(s) = Screener::from_bytes(&forged(&b)) {
            screen_all(&s);
        }
    }
}
