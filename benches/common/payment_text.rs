//! Name-dense payment text made from the real lists, for measuring `screen_text`.
//!
//! Remittance-style filler (invoice and contract references, goods, banks, cities, amounts,
//! field tags such as `/BNF/`) with list names planted at a stated density of names per KiB.
//! A planted name is one of the names the lists publish for the entity (primary names,
//! aliases, original-script spellings), written in one of four ways: as published, upper
//! case, lower case, or, for a person of two or more words, with the last word moved to the
//! front (`PRIGOZHIN Yevgeniy Viktorovich`). The text is the same for the same seed.

use std::ops::Range;

use sanctions::model::NameKind;
use sanctions::{EntityKind, Screener};

/// Words of payment messages' free-text fields, generic trade words included: a scan must
/// not raise a hit on `TRADING`, `GROUP` or `BANK` alone.
const FILLER: &[&str] = &[
    "PAYMENT",
    "FOR",
    "INVOICE",
    "INV",
    "NO",
    "REF",
    "CONTRACT",
    "DATED",
    "GOODS",
    "SERVICES",
    "ELECTRONIC",
    "COMPONENTS",
    "SPARE",
    "PARTS",
    "DELIVERY",
    "VIA",
    "BANK",
    "ACCOUNT",
    "TRANSFER",
    "ORDER",
    "OF",
    "ON",
    "BEHALF",
    "BENEFICIARY",
    "/BNF/",
    "/ROC/",
    "/INV/",
    "ADVANCE",
    "PREPAYMENT",
    "FREIGHT",
    "CHARGES",
    "OUR",
    "USD",
    "EUR",
    "TOTAL",
    "AS",
    "PER",
    "AGREEMENT",
    "CUSTOMS",
    "CLEARANCE",
    "LOGISTICS",
    "TRADING",
    "GROUP",
    "INTERNATIONAL",
    "ALMATY",
    "ISTANBUL",
    "DUBAI",
    "BISHKEK",
    "TASHKENT",
    "SHANGHAI",
    "KZ",
    "TR",
    "AE",
    "CN",
    "MACHINERY",
    "EQUIPMENT",
    "SUPPLY",
    "TO",
    "FROM",
    "AND",
    "THE",
    "BALANCE",
    "SETTLEMENT",
];

/// A name planted in the text.
pub struct Planted {
    /// Byte span of the name in the text.
    pub span: Range<usize>,
    /// Position of the entity in `Screener::entities`.
    pub entity: usize,
}

/// Generated text and the names planted in it.
pub struct PaymentText {
    pub text: String,
    pub planted: Vec<Planted>,
}

/// splitmix64: a small, well-mixed generator, so the text needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// About `bytes` of payment text with `per_kib` list names per KiB, from the screener's
/// persons and organizations (weak aliases left out: they are matched only near-exact).
pub fn generate(screener: &Screener, bytes: usize, per_kib: f64, seed: u64) -> PaymentText {
    let pool: Vec<(usize, &str, bool)> = screener
        .entities()
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
        .flat_map(|(i, e)| {
            let person = e.kind == EntityKind::Person;
            e.names
                .iter()
                .filter(|n| n.kind != NameKind::WeakAka)
                .map(move |n| (i, n.text.as_str(), person))
        })
        .collect();
    let mut rng = Rng(seed);
    let mut text = String::with_capacity(bytes + 256);
    let mut planted = Vec::new();
    // The mean gap between names, in bytes.
    let gap = (1024.0 / per_kib) as usize;
    while text.len() < bytes {
        let until = text.len() + gap / 2 + rng.below(gap);
        while text.len() < until {
            if rng.below(4) == 0 {
                text.push_str(&(rng.below(99_999) + 1).to_string());
            } else {
                text.push_str(FILLER[rng.below(FILLER.len())]);
            }
            text.push(if rng.below(8) == 0 { ',' } else { ' ' });
            if rng.below(12) == 0 {
                text.push(' ');
            }
        }
        let Some(&(entity, name, person)) = pool.get(rng.below(pool.len())) else {
            break;
        };
        let written = match rng.below(4) {
            0 => name.to_string(),
            1 => name.to_uppercase(),
            2 => name.to_lowercase(),
            _ => {
                let words: Vec<&str> = name.split_whitespace().collect();
                match words.split_last() {
                    Some((last, rest)) if person && !rest.is_empty() => {
                        format!("{last} {}", rest.join(" "))
                    }
                    _ => name.to_string(),
                }
            }
        };
        let start = text.len();
        text.push_str(&written);
        planted.push(Planted {
            span: start..text.len(),
            entity,
        });
        text.push_str(", ");
    }
    PaymentText { text, planted }
}

/// How a scan did on a generated text: planted names found (by their entity), those missed,
/// and hits that overlap no planted name.
pub struct Outcome {
    pub found: usize,
    pub planted: usize,
    /// The planted names not found, as written in the text.
    pub missed: Vec<String>,
    /// Hits outside the planted names: the text hit and the list name.
    pub stray: Vec<(String, String)>,
}

/// Scores the hits of a scan of `text`.
pub fn outcome(screener: &Screener, text: &PaymentText, hits: &[sanctions::TextHit]) -> Outcome {
    let entities = screener.entities();
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let missed: Vec<String> = text
        .planted
        .iter()
        .filter(|p| {
            let want = &entities[p.entity].id;
            !hits
                .iter()
                .any(|h| h.entity_id() == want && overlap(&h.span(), &p.span))
        })
        .map(|p| text.text[p.span.clone()].to_string())
        .collect();
    let stray = hits
        .iter()
        .filter(|h| !text.planted.iter().any(|p| overlap(&h.span(), &p.span)))
        .map(|h| (h.text().to_string(), h.name().to_string()))
        .collect();
    Outcome {
        found: text.planted.len() - missed.len(),
        planted: text.planted.len(),
        missed,
        stray,
    }
}
