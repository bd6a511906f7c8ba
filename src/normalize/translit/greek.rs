//! Greek to Latin: ELOT 743:1982 (2nd ed. 2001), type 2 (transcription), identical for these
//! letters to ISO 843:1997 type 2 (TR) and to the table of UN resolution V/19 (1987, annex
//! "ELOT 743 conversion table"). Greek and Cypriot passports and identity cards write names
//! in it (ICAO 9303 leaves the national transcription to the issuing state): Μπαλής → BALIS,
//! Γκεσούλης → GKESOULIS, Χαράλαμπος → CHARALAMPOS.
//!
//! Where ELOT 743 depends on context, the table keeps one spelling:
//! - αυ ευ ηυ: av ev iv (ELOT: af ef if before θ κ ξ π σ τ φ χ ψ and at the end of a word;
//!   Ευθύμιος is Efthymios in a passport, evthymios here: the key's v/f pair is cheap).
//! - μπ: mp (ELOT: b at the start and end of a word, mp inside). Inside a word `mp` is the
//!   passport spelling and one cheap b/p substitution from the traditional `mb` (Lambrakis);
//!   `b` would miss both by a deletion. The cost falls on word-initial μπ (Μπακογιάννη:
//!   mpakogianni against BAKOGIANNI, one insertion and a cheap b/p), judged the less frequent
//!   place in names than inside a word (Χαράλαμπος, Λάμπρος, Λαμπράκης, Καμπάνης, ...).
//! - ντ: nt everywhere (ELOT 743 2nd ed. and ISO 843; older practice wrote d initially).
//! - γκ: gk everywhere (ELOT 743 2nd ed.; traditional g initially, ng inside).
//!
//! Data only: the matcher lower-cases the text and removes combining marks (tonos, dialytika)
//! BEFORE looking letters up, so keys are lower-case letters without accents. Longest key wins.
//! Because the dialytika is gone by then, αϋ/εϋ/οϋ (a vowel then a separate υ: Ταΰγετος) read
//! as the digraphs αυ/ευ/ου; names rarely have them.

/// Sequences of the script (one or more characters, lower case, no combining marks) and their
/// ASCII Latin spelling (lower case).
pub(crate) const TABLE: &[(&str, &str)] = &[
    // Vowel digraphs: ELOT 743 / ISO 843 table, rows ΟΥ, ΑΥ, ΕΥ, ΗΥ (v/f rule: one spelling,
    // the one before vowels and voiced consonants).
    ("ου", "ou"),
    ("αυ", "av"),
    ("ευ", "ev"),
    ("ηυ", "iv"),
    // αι ει οι υι are spelled letter by letter in ELOT 743 (ai ei oi yi): no row needed.
    // Consonant digraphs: ELOT 743 / ISO 843 table, rows ΓΓ, ΓΚ, ΓΞ, ΓΧ, ΜΠ, ΝΤ.
    ("γγ", "ng"),
    ("γκ", "gk"),
    ("γξ", "nx"),
    ("γχ", "nch"),
    ("μπ", "mp"), // b word-initially in ELOT 743: see the module note
    ("ντ", "nt"),
    // τζ and τσ: letter by letter in ELOT 743 (tz, ts), listed so the units are visible.
    ("τζ", "tz"),
    ("τσ", "ts"),
    // The 24 letters and final sigma: ELOT 743 / ISO 843 table, single-letter rows.
    ("α", "a"),
    ("β", "v"),
    ("γ", "g"),
    ("δ", "d"),
    ("ε", "e"),
    ("ζ", "z"),
    ("η", "i"),
    ("θ", "th"),
    ("ι", "i"),
    ("κ", "k"),
    ("λ", "l"),
    ("μ", "m"),
    ("ν", "n"),
    ("ξ", "x"),
    ("ο", "o"),
    ("π", "p"),
    ("ρ", "r"),
    ("σ", "s"),
    ("ς", "s"),
    ("τ", "t"),
    ("υ", "y"),
    ("φ", "f"),
    ("χ", "ch"),
    ("ψ", "ps"),
    ("ω", "o"),
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
            // ELOT 743 letter rows and ΟΥ.
            ("Παπαδόπουλος", "papadopoulos"),
            ("Αθήνα", "athina"),
            ("Γεώργιος", "georgios"),
            ("Κυριάκος Μητσοτάκης", "kyriakos mitsotakis"),
            ("ΤΣΙΠΡΑΣ", "tsipras"), // capitals, final Σ
            ("Ψαρράς", "psarras"),
            // ELOT 743 ΜΠ inside a word (passport CHARALAMPOS); word-initially ELOT writes b
            // (BAKOGIANNI), the table mp: see the module note.
            ("Χαράλαμπος", "charalampos"),
            ("Μπακογιάννη", "mpakogianni"),
            // ELOT 743 ΓΓ, ΓΚ, ΓΞ, ΓΧ, ΝΤ.
            ("Ευάγγελος", "evangelos"),
            ("Γκεσούλης", "gkesoulis"),
            ("Σφίγξ", "sfinx"),
            ("Ελεγχος", "elenchos"),
            ("Ντόρα", "ntora"),
            // ELOT 743 ΑΥ/ΕΥ: af/ef before a voiceless consonant, av/ev here (Efthymios).
            ("Ευθύμιος", "evthymios"),
            ("Αύρα", "avra"),
        ];
        for (greek, want) in cases {
            assert_eq!(romanize(greek), want, "{greek}");
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
        let letters = TABLE.iter().filter(|(k, _)| k.chars().count() == 1).count();
        assert_eq!(letters, 25); // 24 letters and final sigma
    }
}
