//! Property tests: normalization never panics and is idempotent; screening never panics;
//! every list name finds its entity at 1.0; results do not change under case, marks,
//! invisible characters, look-alike letters or spacing; the index finds what a brute-force
//! screener finds.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use sanctions::normalize::normalize;
use sanctions::{Query, Screener};

fn demo() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::demo().expect("demo list"))
}

fn demo_names() -> Vec<(String, String, bool)> {
    demo()
        .entities()
        .iter()
        .flat_map(|e| {
            e.names
                .iter()
                .map(move |n| (n.text.clone(), e.id.to_string(), n.kind.is_weak()))
        })
        .collect()
}

fn texts(s: &str) -> String {
    normalize(s).to_string()
}

/// Entity id → rounded score, for comparing result sets.
fn result_map(s: &Screener, q: &str) -> BTreeMap<String, f64> {
    s.screen(Query::new(q).limit(1000))
        .iter()
        .map(|m| (m.entity_id().to_string(), m.score().rounded()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn normalize_never_panics_and_is_idempotent(s in "\\PC{0,60}") {
        let once = texts(&s);
        prop_assert_eq!(texts(&once), once);
    }

    #[test]
    fn normalize_is_idempotent_on_name_like_text(s in "[A-Za-zА-Яа-яЁёӘәҚқІіЇїŞşİıÇç .,'&-]{0,40}") {
        let once = texts(&s);
        prop_assert_eq!(texts(&once), once);
    }

    #[test]
    fn screening_never_panics(s in "\\PC{0,80}") {
        let _ = demo().screen(s.as_str());
        let _ = demo().screen_text(&s);
        let _ = demo().compare(&s, "KAZSTANEX LLP");
    }

    #[test]
    fn results_survive_evasion(idx in 0usize..10_000, op in 0u8..6, seed in any::<u64>()) {
        let names = demo_names();
        let (name, _, _) = &names[idx % names.len()];
        let perturbed = perturb(name, op, seed);
        prop_assert_eq!(
            result_map(demo(), name),
            result_map(demo(), &perturbed),
            "{:?} perturbed by {} into {:?}", name, op, perturbed
        );
    }

    #[test]
    fn index_finds_what_brute_force_finds(picks in proptest::collection::vec((0usize..10_000, 0usize..8), 1..4)) {
        let s = demo();
        let names = demo_names();
        // A query made of tokens of list names, as an analyst would type a partial name.
        let words: Vec<String> = picks
            .iter()
            .filter_map(|&(n, t)| {
                let (name, _, _) = &names[n % names.len()];
                let ws: Vec<&str> = name.split_whitespace().collect();
                ws.get(t % ws.len().max(1)).map(|w| w.to_string())
            })
            .collect();
        let q = words.join(" ");
        let mut brute: BTreeMap<String, f64> = BTreeMap::new();
        // A weak alias below the weak aliases' least counts when met word for word, which the
        // brute force does not judge: the scores such a name may give, by entity.
        let mut weak: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for e in s.entities() {
            let best = e
                .names
                .iter()
                .map(|n| {
                    let c = s.compare_as(&q, &n.text, e.kind).score();
                    if n.kind.is_weak() && c.value() < sanctions::WEAK_ALIAS_MIN {
                        weak.entry(e.id.to_string()).or_default().push(c.rounded());
                        0.0
                    } else {
                        c.value()
                    }
                })
                .fold(0.0, f32::max);
            if best >= s.threshold() {
                brute.insert(e.id.to_string(), sanctions::Score::new(best).rounded());
            }
        }
        // A match across two names of one person is none that one name gives: the brute
        // force, which compares name by name, finds it lower or not at all.
        let mut found = BTreeMap::new();
        for m in s.screen(Query::new(q.as_str()).limit(1000)) {
            let across = m
                .explanation()
                .factors()
                .iter()
                .any(|f| matches!(f, sanctions::score::Factor::CombinedNames { .. }));
            let id = m.entity_id().to_string();
            if across {
                prop_assert!(
                    brute.remove(&id).is_none_or(|b| b <= m.score().rounded()),
                    "query {:?}: {} across names", q, id
                );
            } else if m.is_weak()
                && m.score().value() < sanctions::WEAK_ALIAS_MIN
                && brute.get(&id).is_none_or(|&b| b < m.score().rounded())
            {
                // Met word for word: the score is one its weak alias gives.
                prop_assert!(
                    weak.get(&id).is_some_and(|w| w.contains(&m.score().rounded())),
                    "query {:?}: {} through a weak alias at {}", q, id, m.score().value()
                );
                brute.remove(&id);
            } else {
                found.insert(id, m.score().rounded());
            }
        }
        prop_assert_eq!(found, brute, "query {:?}", q);
    }
}

/// Case, marks, invisible characters, look-alike letters, spacing.
fn perturb(name: &str, op: u8, seed: u64) -> String {
    let mut rng = seed;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    match op {
        0 => name.to_uppercase(),
        1 => name.to_lowercase(),
        // Zero-width space, joiner, soft hyphen, left-to-right mark inside words.
        2 => name
            .chars()
            .flat_map(|c| {
                let inv = ['\u{200b}', '\u{200d}', '\u{00ad}', '\u{200e}'][(next() % 4) as usize];
                if c.is_alphabetic() && next() % 3 == 0 {
                    vec![c, inv]
                } else {
                    vec![c]
                }
            })
            .collect(),
        // A combining acute accent after ASCII letters.
        3 => name
            .chars()
            .flat_map(|c| {
                if c.is_ascii_alphabetic() && next() % 3 == 0 {
                    vec![c, '\u{0301}']
                } else {
                    vec![c]
                }
            })
            .collect(),
        // Extra spaces around words.
        4 => format!("  {}  ", name.split(' ').collect::<Vec<_>>().join("   ")),
        // A Cyrillic look-alike for one Latin letter in words of four letters or more.
        _ => name
            .split(' ')
            .map(|w| {
                let letters = w.chars().filter(char::is_ascii_alphabetic).count();
                if letters < 4 || !w.is_ascii() {
                    return w.to_string();
                }
                let mut done = false;
                w.chars()
                    .map(|c| {
                        let alike = match c {
                            'a' => 'а',
                            'e' => 'е',
                            'o' => 'о',
                            'c' => 'с',
                            'p' => 'р',
                            'A' => 'А',
                            'E' => 'Е',
                            'O' => 'О',
                            'C' => 'С',
                            'P' => 'Р',
                            'K' => 'К',
                            'T' => 'Т',
                            _ => c,
                        };
                        if !done && alike != c {
                            done = true;
                            alike
                        } else {
                            c
                        }
                    })
                    .collect()
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

#[test]
fn every_list_name_finds_its_entity_at_one() {
    let s = demo();
    for (name, id, _) in demo_names() {
        let m = s.screen(Query::new(name.as_str()).any_kind().limit(1000));
        let top = m.first().map(|m| m.score().value()).unwrap_or(0.0);
        let own = m.iter().find(|m| m.entity_id().to_string() == id);
        let own = own.unwrap_or_else(|| panic!("{name:?} does not find {id}: {m:?}"));
        assert!(
            own.score().value() >= 0.9999,
            "{name:?} finds {id} at {}",
            own.score()
        );
        assert!(
            top <= own.score().value(),
            "{name:?}: another entity scores higher"
        );
    }
}
