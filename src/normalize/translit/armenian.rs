//! Armenian to Latin: BGN/PCGN 1981 "Romanization of Armenian" (Eastern Armenian; the UNGEGN
//! Working Group on Romanization Systems report, version 2.2 of 2003, reproduces its table, and
//! ISO 9985:1996 is close to it, with diacritics where BGN/PCGN has digraphs: ž for zh, x for
//! kh, ç for ts, ...). Apostrophes of the aspirates (tʼ chʼ tsʼ pʼ kʼ) are dropped. Armenian
//! passports (ICAO 9303 machine-readable names) use a similar scheme without apostrophes:
//! Ռոբերտ Քոչարյան → ROBERT KOCHARYAN, Սերժ Սարգսյան → SERZH SARGSYAN.
//!
//! Where BGN/PCGN depends on context, the table keeps the spelling of the other positions:
//! - ե: e (BGN/PCGN: ye at the start of a word and after a vowel: Yerevan). The matcher's
//!   key treats an initial y before a vowel as a soft glide, so yerevan meets erevan.
//! - ո: o (BGN/PCGN: vo at the start of a word except ով: Voskanyan); oskanyan is one
//!   insertion away from it.
//! - և (and եւ): ev (BGN/PCGN: yev at the start of a word and after a vowel).
//! - ռ: r, the passport spelling (Ռոբերտ → ROBERT); BGN/PCGN 1981 writes rr.
//! - ւ alone (classical orthography: աւ, իւ): v, its modern sound; BGN/PCGN's 1997 note and
//!   ISO 9985 write w.
//!
//! Western Armenian (diaspora) pronunciation swaps voiced and voiceless stops (Քարտաշեան is
//! Kardashian); the table reads every name as Eastern Armenian.
//!
//! Data only: the matcher lower-cases the text and removes combining marks BEFORE looking
//! letters up, so keys are lower-case letters. Longest key wins.

/// Sequences of the script (one or more characters, lower case, no combining marks) and their
/// ASCII Latin spelling (lower case).
pub(crate) const TABLE: &[(&str, &str)] = &[
    // Digraph and ligature: BGN/PCGN 1981 rows 34 (ու) and 37 (և). The matcher applies NFKC
    // first, which splits the ligature և (U+0587) into ե + ւ, so եւ is a key as well (the
    // BGN/PCGN note names both forms).
    ("ու", "u"),
    ("և", "ev"), // yev initially
    ("եւ", "ev"),
    // The 38 letters: BGN/PCGN 1981 rows 1-39 (row numbers of the UNGEGN report).
    ("ա", "a"),
    ("բ", "b"),
    ("գ", "g"),
    ("դ", "d"),
    ("ե", "e"), // ye initially and after a vowel (matcher folds ye/e)
    ("զ", "z"),
    ("է", "e"),
    ("ը", "y"),
    ("թ", "t"), // tʼ
    ("ժ", "zh"),
    ("ի", "i"),
    ("լ", "l"),
    ("խ", "kh"),
    ("ծ", "ts"),
    ("կ", "k"),
    ("հ", "h"),
    ("ձ", "dz"),
    ("ղ", "gh"),
    ("ճ", "ch"),
    ("մ", "m"),
    ("յ", "y"),
    ("ն", "n"),
    ("շ", "sh"),
    ("ո", "o"),  // vo initially
    ("չ", "ch"), // chʼ
    ("պ", "p"),
    ("ջ", "j"),
    ("ռ", "r"), // rr in BGN/PCGN 1981, r in passports
    ("ս", "s"),
    ("վ", "v"),
    ("տ", "t"),
    ("ր", "r"),
    ("ց", "ts"), // tsʼ
    ("ւ", "v"),  // w in ISO 9985; alone only in classical spelling
    ("փ", "p"),  // pʼ
    ("ք", "k"),  // kʼ
    ("օ", "o"),
    ("ֆ", "f"),
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
        let cases = [
            // BGN/PCGN 1981 letter rows.
            ("Բարակ Օբամա", "barak obama"),
            ("Սերժ Սարգսյան", "serzh sargsyan"),
            ("Նիկոլ Փաշինյան", "nikol pashinyan"), // pʼ without its apostrophe
            ("Մկրտչյան", "mkrtchyan"),
            ("Ղազարյան", "ghazaryan"),
            ("ԾԱՌՈՒԿՅԱՆ", "tsarukyan"), // capitals; ռ as in passports (BGN/PCGN rr)
            ("Ռոբերտ Քոչարյան", "robert kocharyan"), // passport ROBERT KOCHARYAN
            // BGN/PCGN 1981 rows 5 and 37: yerevan (initial ye); the table writes e and the
            // matcher folds ye/e.
            ("Երևան", "erevan"),
            ("Երեւան", "erevan"), // classical spelling with ե + ւ
            ("Լևոն", "levon"),
            // BGN/PCGN 1981 row 24: Voskanyan (initial vo); the table writes o.
            ("Ոսկանյան", "oskanyan"),
        ];
        for (armenian, want) in cases {
            assert_eq!(romanize(armenian), want, "{armenian}");
        }
    }

    #[test]
    fn table_is_well_formed() {
        for (i, (k, v)) in TABLE.iter().enumerate() {
            assert!(!k.is_empty(), "empty key");
            assert_eq!(k.to_lowercase(), *k, "{k} is not lower case");
            assert_eq!(
                unicode_normalization::UnicodeNormalization::nfd(*k).collect::<String>(),
                *k,
                "{k} has a combining mark"
            );
            assert!(v.bytes().all(|b| b.is_ascii_lowercase()), "{k} → {v}");
            assert!(TABLE[..i].iter().all(|(p, _)| p != k), "{k} twice");
        }
        // The 38 letters ա..ֆ (U+0561..U+0586) and the ligature և (U+0587).
        for c in '\u{0561}'..='\u{0587}' {
            assert!(TABLE.iter().any(|(k, _)| k.chars().eq([c])), "{c} missing");
        }
    }
}
