//! Georgian to Latin: the national system of Georgia (adopted in February 2002 by the State
//! Department of Geodesy and Cartography and the Institute of Linguistics of the Georgian
//! Academy of Sciences, approved by Presidential Decree 109 of 24 February 2011; adopted by
//! BGN/PCGN in 2009 as "Romanization of Georgian", superseding BGN/PCGN 1981), without its
//! apostrophes, which is letter for letter the US ODNI ICS-630-01 (2015) Annex E table for
//! Georgian personal names and the usual spelling of names in passports and lists
//! (შევარდნაძე → SHEVARDNADZE, სააკაშვილი → SAAKASHVILI). All 33 letters of the modern
//! Mkhedruli alphabet.
//!
//! The national system writes the ejectives with an apostrophe (კ kʼ, პ pʼ, ტ tʼ, წ tsʼ,
//! ჭ chʼ, ყ qʼ) and the aspirates plain (ქ k, ფ p, თ t, ც ts, ჩ ch); passports and lists drop
//! the apostrophe, and so does the table: each pair meets in one ASCII spelling. ISO 9984:1996
//! (like BGN/PCGN 1981) marks the opposite member (aspirates with an apostrophe: თ tʼ, ქ kʼ;
//! ejectives plain) and uses single letters with diacritics where the national system has digraphs (ჟ ž, შ š,
//! ჩ čʼ, ც cʼ, ძ j, წ c, ჭ č, ხ x, ჯ ǰ, ღ ḡ); the table does not follow it.
//!
//! Mtavruli capitals (U+1C90..U+1CBF) lower-case to these letters. The archaic letters
//! (ჱ ჲ ჳ ჴ ჵ ჶ) and the ecclesiastical Asomtavruli/Nuskhuri are outside the national system
//! and not in the table.
//!
//! Data only: the matcher lower-cases the text and removes combining marks BEFORE looking
//! letters up, so keys are lower-case letters. Longest key wins (all keys are single letters).

/// Sequences of the script (one or more characters, lower case, no combining marks) and their
/// ASCII Latin spelling (lower case).
pub(crate) const TABLE: &[(&str, &str)] = &[
    // National system 2002 / BGN/PCGN 2009 table, in alphabetical order.
    ("ა", "a"),
    ("ბ", "b"),
    ("გ", "g"),
    ("დ", "d"),
    ("ე", "e"),
    ("ვ", "v"),
    ("ზ", "z"),
    ("თ", "t"), // aspirate: t (ISO 9984 tʼ)
    ("ი", "i"),
    ("კ", "k"), // ejective: kʼ in the national system
    ("ლ", "l"),
    ("მ", "m"),
    ("ნ", "n"),
    ("ო", "o"),
    ("პ", "p"), // ejective: pʼ
    ("ჟ", "zh"),
    ("რ", "r"),
    ("ს", "s"),
    ("ტ", "t"), // ejective: tʼ
    ("უ", "u"),
    ("ფ", "p"), // aspirate: p (ISO 9984 pʼ)
    ("ქ", "k"), // aspirate: k (ISO 9984 kʼ)
    ("ღ", "gh"),
    ("ყ", "q"), // ejective: qʼ
    ("შ", "sh"),
    ("ჩ", "ch"),
    ("ც", "ts"),
    ("ძ", "dz"),
    ("წ", "ts"), // ejective: tsʼ
    ("ჭ", "ch"), // ejective: chʼ
    ("ხ", "kh"),
    ("ჯ", "j"),
    ("ჰ", "h"),
];

#[cfg(test)]
mod tests {
    use super::TABLE;

    /// Romanizes each word through the crate's own transliteration path.
    fn romanize(text: &str) -> String {
        text.split_whitespace()
            .map(|w| {
                let mut out = String::new();
                super::super::romanize_word(w, super::super::Lang::Russian, &mut out);
                out
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn words() {
        // All cases: national system 2002 / BGN/PCGN 2009, apostrophes dropped.
        let cases = [
            ("ბარაკ ობამა", "barak obama"),
            ("თბილისი", "tbilisi"),
            ("შევარდნაძე", "shevardnadze"),
            ("მიხეილ სააკაშვილი", "mikheil saakashvili"),
            ("ბიძინა ივანიშვილი", "bidzina ivanishvili"),
            ("ჯუღაშვილი", "jughashvili"),
            ("ქუთაისი", "kutaisi"),
            ("წყალტუბო", "tsqaltubo"), // national tsʼqʼaltʼubo
            ("ჭიათურა", "chiatura"),   // national chʼiatura
            ("ᲗᲑᲘᲚᲘᲡᲘ", "tbilisi"),    // Mtavruli capitals
        ];
        for (georgian, want) in cases {
            assert_eq!(romanize(georgian), want, "{georgian}");
        }
    }

    #[test]
    fn table_is_well_formed() {
        for (i, (k, v)) in TABLE.iter().enumerate() {
            assert!(!k.is_empty(), "empty key");
            assert_eq!(k.to_lowercase(), *k, "{k} is not lower case");
            assert!(v.bytes().all(|b| b.is_ascii_lowercase()), "{k} → {v}");
            assert!(TABLE[..i].iter().all(|(p, _)| p != k), "{k} twice");
        }
        // The 33 modern Mkhedruli letters ა..ჰ (U+10D0..U+10F0).
        for c in '\u{10D0}'..='\u{10F0}' {
            assert!(TABLE.iter().any(|(k, _)| k.chars().eq([c])), "{c} missing");
        }
        assert_eq!(TABLE.len(), 33);
    }
}
