//! Generic words of organization names stand for their concept, whatever their language
//! ([`concepts_table`](super::concepts_table)): the key of `grupo`, `Gruppe`, `группа` and
//! `group` is `@group`, so translations of a name's generic words meet.
//!
//! Countries and their adjectives ([`countries_table`](super::countries_table)) are read the
//! same way, under a key of their own kind: the key of `Syria`, `syrská` and `Siriei` is
//! `%siria`, the key of the English name marked. A concept weighs as a generic word; a country
//! is an ordinary word, with the rarity of its key.

use std::collections::{HashMap, HashSet};

use super::concepts_table::CONCEPTS;
use super::countries_table::COUNTRIES;
use super::{Token, TokenKind, tokenize};

/// The mark in front of a concept's key (`@group`): a generic word (see `score::weights`).
pub(crate) const CONCEPT_MARK: char = '@';
/// The mark in front of a country's key (`%siria`): an ordinary word. Two countries do not
/// meet however near their keys are (`%iran`, `%irak`); a word not read as a country meets
/// one as it meets the country's English name (see `score::keys_similarity`).
pub(crate) const COUNTRY_MARK: char = '%';

/// The prepared tables: keys of one-word entries to their concept key (`@group`) or country
/// key (`%siria`).
pub(crate) struct Concepts {
    by_key: HashMap<String, String>,
    /// The concept keys of the table's words in Arabic script, by their keys: a word of a
    /// name in Arabic script is looked up here alone, and a Latin word never is (the key of
    /// `دولة`, state, is the key of a Latin `Dula`).
    by_abjad_key: HashMap<String, String>,
    /// Entries of at least [`STEM`] key symbols by their first [`STEM`] symbols, for the
    /// inflected forms the table does not list.
    by_stem: HashMap<String, Vec<(String, String)>>,
    /// The romanized texts of the concepts' one-word entries: the parts a compound is read
    /// into (see [`Concepts::split_compounds`]).
    texts: HashSet<String>,
    /// The length of the longest of `texts`: no longer part is looked up, so that a word of
    /// any length is read in time bounded by it.
    longest: usize,
    /// The last [`COMPOUND_PART`] letters of each of `texts`: a word that ends otherwise is no
    /// compound, and most words are passed over by this alone.
    endings: HashSet<[u8; COMPOUND_PART]>,
}

/// The Arabic proclitics written joined to the word they precede: the conjunction `و` (and)
/// and the prepositions `ب` (by, with) and `ل` (for), the inseparable particles of W. Wright,
/// *A Grammar of the Arabic Language*, 3rd ed., 1896, vol. 1. Joined to the article they
/// are read apart by the tokenizer (`والتصدير`, `للتجارة`); joined to a generic word without
/// it they are read here, with the word.
const ARABIC_PROCLITICS: &[&str] = &["و", "ب", "ل"];

/// Marks a word of the concepts' table read as written only, never by its inflections: a
/// romanization whose inflections would take in surnames (`=sarafi`, not `Sarafian`).
const EXACT_ONLY: char = '=';

/// The least length of each part of a compound, in romanized letters.
const COMPOUND_PART: usize = 4;

/// The last [`COMPOUND_PART`] bytes of a text, if it has as many.
fn ending(text: &str) -> Option<[u8; COMPOUND_PART]> {
    let bytes = text.as_bytes();
    bytes
        .get(bytes.len().checked_sub(COMPOUND_PART)?..)?
        .try_into()
        .ok()
}

/// Endings of East Slavic surnames and patronymics as the romanizations write them
/// (`Islamov`, `Komissarov`, German and Polish `Komissarow`, `Boyevich`, `Radionovna`,
/// `Prysienko`; BGN/PCGN and the Polish and German practice of NAMES.md): a word ending so
/// is a name, never an inflected form of a word of the table (`Islamov` is no form of
/// `islamic`, `Komissarov` none of `комиссия`). Matched on the romanized text, not the key,
/// which writes the `w` of the Polish adjectives `państwowe` and `wojskowa` as `v`. The
/// forms of the table that end so are listed whole (`продуктов`, `регионов`).
const SURNAME_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "ow", "ina", "yna", "ovich", "evich", "ovna", "evna", "enko", "man",
];

/// Whether a word's romanized text may be an inflected form of a word of the table: it does
/// not end as a surname does (see [`SURNAME_ENDINGS`]).
fn may_be_inflected(text: &str) -> bool {
    !SURNAME_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// The least common prefix of an inflected form and a word of the table.
const STEM: usize = 5;
/// The longest ending of either after the common prefix.
const ENDING: usize = 4;

/// How long a common prefix `word` shares with `entry` when it is `entry` with another ending
/// (`industriju` / `industria`, `Islamului` / `islamic`), if it is.
fn inflection(entry: &str, word: &str) -> Option<usize> {
    let common = entry
        .bytes()
        .zip(word.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let shorter = entry.len().min(word.len());
    (common >= STEM
        && common * 10 >= 6 * shorter
        && entry.len() <= common + ENDING
        && word.len() <= common + ENDING)
        .then_some(common)
}

/// The key of a country: the key of its English name, marked (`Syria` is `%siria`), so that a
/// word the table does not read as the country meets it as it met the English name.
fn country_key(name: &str) -> String {
    let key = tokenize(name)
        .into_iter()
        .next()
        .map_or_else(String::new, |t| t.key);
    format!("{COUNTRY_MARK}{key}")
}

impl Concepts {
    pub(crate) fn build() -> Concepts {
        let mut by_key = HashMap::new();
        let mut by_abjad_key = HashMap::new();
        let mut with_clitic = Vec::new();
        let mut by_stem: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut texts = HashSet::new();
        let tables = [(CONCEPT_MARK, CONCEPTS), (COUNTRY_MARK, COUNTRIES)];
        for (mark, concept, words) in tables
            .iter()
            .flat_map(|(mark, table)| table.iter().map(move |(c, w)| (*mark, c, w)))
        {
            for word in *words {
                // `=` marks a spelling read as written only, not by its inflections.
                let (word, exact) = match word.strip_prefix(EXACT_ONLY) {
                    Some(w) => (w, true),
                    None => (*word, false),
                };
                let tokens = tokenize(word);
                // Entries of several words are left to the words themselves.
                if let [t] = tokens.as_slice() {
                    if t.kind == TokenKind::Word && t.abjad {
                        if mark == CONCEPT_MARK {
                            let key = format!("{mark}{concept}");
                            // With a proclitic written joined to it (`وشراء`, and buying;
                            // `ببيع`, by selling): the word's concept too, unless the table
                            // has that spelling as a word of its own.
                            for clitic in ARABIC_PROCLITICS {
                                if let [t] = tokenize(&format!("{clitic}{word}")).as_slice() {
                                    with_clitic.push((t.key.clone(), key.clone()));
                                }
                            }
                            by_abjad_key.entry(t.key.clone()).or_insert(key);
                        }
                    } else if t.kind == TokenKind::Word {
                        if mark == CONCEPT_MARK {
                            texts.insert(t.text.clone());
                        }
                        let key = if mark == COUNTRY_MARK {
                            country_key(concept)
                        } else {
                            format!("{mark}{concept}")
                        };
                        by_key.entry(t.key.clone()).or_insert_with(|| key.clone());
                        // A country's words are listed in full: by their inflections, they
                        // would take in compounds and other words (`Belaruskali`, `crimes`,
                        // the Iranian city of `Sirjan`).
                        if let Some(stem) =
                            t.key.get(..STEM).filter(|_| mark == CONCEPT_MARK && !exact)
                        {
                            by_stem
                                .entry(stem.to_string())
                                .or_default()
                                .push((t.key.clone(), key));
                        }
                    }
                }
            }
        }
        for (k, concept) in with_clitic {
            by_abjad_key.entry(k).or_insert(concept);
        }
        let longest = texts.iter().map(String::len).max().unwrap_or(0);
        let endings = texts.iter().filter_map(|t| ending(t)).collect();
        Concepts {
            by_key,
            by_abjad_key,
            by_stem,
            texts,
            longest,
            endings,
        }
    }

    /// Reads a word written as two generic words in one, as the compounding languages of the
    /// EU's aliases write them (Estonian `kaubanduskorporatsioon`, trading corporation; German
    /// `Handelsgesellschaft`, with the linking `s`), as those two words, so that each meets its
    /// translation. Both parts must be words of the concepts'
    /// table, of at least [`COMPOUND_PART`] letters, the first one as the table writes it
    /// (or with a linking `s`), the second as written: a name that is not two such words is
    /// left whole (`Gazprombank`, `Transgroup`). A word the table knows whole (or inflected)
    /// is not split. Run before legal forms are read, so that a part may be one
    /// (`korporatsioon`).
    pub(crate) fn split_compounds(&self, tokens: &mut Vec<Token>) {
        let split = |t: &Token| {
            let fits = t.kind == TokenKind::Word
                // Two parts, the first with a linking `s`, each no longer than the longest word.
                && (2 * COMPOUND_PART..=2 * self.longest + 1).contains(&t.text.len())
                && ending(&t.text).is_some_and(|e| self.endings.contains(&e))
                && t.text.is_ascii()
                && self.concept_of(&t.key, &t.text).is_none();
            fits.then(|| self.compound_split(&t.text)).flatten()
        };
        let Some(first) = tokens.iter().position(|t| split(t).is_some()) else {
            return;
        };
        // Made again in one pass from the first compound: inserting each second part would
        // move the tokens after it, quadratic in a long scanned text of compounds.
        let mut out = Vec::with_capacity(tokens.len() + 1);
        let rest = tokens.split_off(first);
        out.append(tokens);
        for t in rest {
            let parts = split(&t).and_then(|(head_len, tail_at)| {
                Some((t.text.get(..head_len)?, t.text.get(tail_at..)?))
            });
            match parts {
                Some((head, tail)) => {
                    let part = |text: &str| {
                        let mut p = t.clone();
                        p.text = text.to_string();
                        p.key = super::variant::key(text);
                        p
                    };
                    out.push(part(head));
                    out.push(part(tail));
                }
                None => out.push(t),
            }
        }
        *tokens = out;
    }

    /// Where a word's romanized text splits into two words of the table: the length of the
    /// first part (a linking `s` left out) and where the second starts.
    fn compound_split(&self, text: &str) -> Option<(usize, usize)> {
        (COMPOUND_PART..=text.len().saturating_sub(COMPOUND_PART))
            .filter(|&at| text.is_char_boundary(at))
            .find_map(|at| {
                let (head, tail) = text.split_at(at);
                if !self.texts.contains(tail) {
                    return None;
                }
                if self.texts.contains(head) {
                    return Some((at, at));
                }
                head.strip_suffix('s')
                    .filter(|h| h.len() >= COMPOUND_PART && self.texts.contains(*h))
                    .map(|h| (h.len(), at))
            })
    }

    /// Gives each word of the table the key of its concept or country; a word that is a word
    /// of the concepts' table with another ending (the nominative is listed, the genitive is
    /// not) too.
    pub(crate) fn apply(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut().filter(|t| t.kind == TokenKind::Word) {
            if let Some(key) = t.abjad.then(|| self.by_abjad_key.get(&t.key)).flatten() {
                t.key.clone_from(key);
            } else if let Some(key) = self.by_key.get(&t.key) {
                // A word romanized from Arabic script is read by its letters, not as a
                // country: the romanization of `كريم` (Karim) is keyed as `Krim`.
                if !(t.abjad && key.starts_with(COUNTRY_MARK)) {
                    t.key.clone_from(key);
                }
            } else if let Some(concept) = self.inflected(&t.key, &t.text) {
                t.key = concept;
            }
        }
    }

    /// The concept key of a word of key `key` and romanized text `text`, if the word is one
    /// of the table (or an inflected form of one).
    pub(crate) fn concept_of(&self, key: &str, text: &str) -> Option<String> {
        self.by_key
            .get(key)
            .cloned()
            .or_else(|| self.inflected(key, text))
    }

    /// Whether a word of key `key` and romanized text `text` is one of the table's (or an
    /// inflected form of one): whether [`concept_of`](Self::concept_of) has a concept for
    /// it, without making its key.
    pub(crate) fn knows(&self, key: &str, text: &str) -> bool {
        self.by_key.contains_key(key)
            || (may_be_inflected(text)
                && key
                    .get(..STEM)
                    .and_then(|stem| self.by_stem.get(stem))
                    .is_some_and(|entries| {
                        entries
                            .iter()
                            .any(|(entry, _)| inflection(entry, key).is_some())
                    }))
    }

    /// The concept of a word that is an inflected form of a word of the table: the entry
    /// sharing the longest prefix with it.
    fn inflected(&self, key: &str, text: &str) -> Option<String> {
        if !may_be_inflected(text) {
            return None;
        }
        let entries = self.by_stem.get(key.get(..STEM)?)?;
        entries
            .iter()
            .filter_map(|(entry, concept)| inflection(entry, key).map(|n| (n, concept)))
            .max_by_key(|(n, _)| *n)
            .map(|(_, concept)| concept.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::{CONCEPTS, Concepts, EXACT_ONLY, HashMap, tokenize};
    use crate::normalize::tests::keys;

    #[test]
    fn knows_a_word_when_it_has_its_concept() {
        let concepts = Concepts::build();
        for text in [
            "group",
            "gruppe",
            "Islamului",
            "Rusijos",
            "opytnoye",
            "verf",
            "Verfassung",
            "organizatsiya",
            "Prigozhin",
            "Kazstanex",
            "al",
            "Islamov",
            "Komissarow",
        ] {
            for t in tokenize(text) {
                assert_eq!(
                    concepts.knows(&t.key, &t.text),
                    concepts.concept_of(&t.key, &t.text).is_some(),
                    "{text}"
                );
            }
        }
        let knows = |text: &str| {
            let t = &tokenize(text)[0];
            concepts.knows(&t.key, &t.text)
        };
        assert!(knows("Islamului"));
        assert!(!knows("Prigozhin"));
    }

    #[test]
    fn surnames_are_no_inflected_forms_of_generic_words() {
        // Read by their inflections these were `islamic`, `committee`, `security`, `combat`.
        assert_eq!(
            keys("Dmitry ISLAMOV, Alexey Komissarow, Yulia Drozhzhyna, Boyevich"),
            [
                "dmitri",
                "islamov",
                "aleXei",
                "komisarov",
                "Julia",
                "droSina",
                "boJeviC"
            ]
        );
        // The Lithuanian `karinis` (military) is read as written only: `Karin` is a name.
        assert_eq!(keys("Karin Gül, Karinės"), ["karin", "gul", "@military"]);
        // The table's forms that end so are listed whole; the Polish adjectives, whose `-owe`
        // is keyed as `-ov`, are inflected forms still.
        assert_eq!(
            keys("Регионов продуктов państwowe wojskowe"),
            ["@regional", "@production", "@state", "@military"]
        );
    }

    #[test]
    fn translations_of_generic_words_share_a_key() {
        assert_eq!(
            keys("Grupo empresarial Mansudae"),
            ["@group", "@company", "mansudae"]
        );
        assert_eq!(keys("Mansudae Group of Companies")[1], "@group");
        assert_eq!(keys("Группа компаний")[0], "@group");
        assert_eq!(keys("Islamiska revolutionsgardet")[0], "@islamic");
        // Inflected forms the table does not list.
        assert_eq!(keys("Apărătorii Islamului")[1], "@islamic");
        assert_eq!(keys("Rusijos Federacijos")[1], "@federal");
        // Plurals keyed otherwise than their singular, listed.
        assert_eq!(keys("Repair Plants")[1], "@plant");
        assert_eq!(keys("Кабинет, offices")[..], ["@office", "@office"]);
        // Names are untouched.
        assert_eq!(keys("Ivan Petrov"), ["ivan", "petrov"]);
    }

    #[test]
    fn sector_words_of_the_russia_listings_share_their_concepts_key() {
        assert_eq!(
            keys("Казанский вертолетный завод")[1..],
            ["@helicopter", "@plant"]
        );
        assert_eq!(
            keys("Kazan Helicopter Plant")[1..],
            ["@helicopter", "@plant"]
        );
        assert_eq!(keys("Алексинский Химический Комбинат")[1], "@chemical");
        assert_eq!(keys("Federalinė naujienų agentūra")[1], "@news");
        assert_eq!(keys("Centralna Komisja Wyborcza")[2], "@election");
        assert_eq!(keys("Kolonia karna")[0], "@colony");
        // The experimental design bureaus (OKB), romanized and translated.
        let okb = ["@experimental", "@design", "@office", "fakel"];
        assert_eq!(keys("Опытное конструкторское бюро Факел"), okb);
        assert_eq!(keys("OPYTNOE KONSTRUKTORSKOE BYURO FAKEL"), okb);
        assert_eq!(keys("Experimental Design Bureau Fakel"), okb);
        // Shipyards, and the Russian shipbuilding plant the EU translates as one.
        assert_eq!(
            keys("Судостроительный завод «Залив»"),
            ["@shipyard", "@plant", "zaliv"]
        );
        assert_eq!(keys("Zaliv Shipyard"), ["zaliv", "@shipyard"]);
        assert_eq!(keys("SUDOSTROITELNY ZAVOD ZALIV")[0], "@shipyard");
        assert_eq!(
            keys("Scheepswerf JSC Zaliv"),
            ["@shipyard", "#jsc", "zaliv"]
        );
        // `verf` and `werft` as written only.
        assert_eq!(keys("Verfassung"), ["verfasung"]);
        // A compound of two words of the table, the second inflected as the table lists it.
        assert_eq!(keys("научноизследователско"), ["@research", "@research"]);
        // An airline is named with `Air` alone as often.
        for name in [
            "Syrian Air",
            "Syrian Arab Airlines",
            "Yangon Airways",
            "Khors Aircompany",
        ] {
            assert_eq!(
                keys(name).last().map(String::as_str),
                Some("@air"),
                "{name}"
            );
        }
        assert_eq!(keys("Авиакомпания Белавиа")[0], "@air");
        // The Russian `концерн` as OFAC romanizes it and the EU translates it.
        for name in [
            "Концерн Созвездие",
            "KONTSERN SOZVEZDIE",
            "Koncern Sozvezdie",
        ] {
            assert_eq!(keys(name)[0], keys("Concern Sozvezdie")[0], "{name}");
        }
        // A penal colony's adjective, and not the Russian `казенное` (treasury).
        for name in [
            "Kolonia karna",
            "kazenska kolonija",
            "Исправительная колония",
        ] {
            let mut k = keys(name);
            k.sort();
            assert_eq!(k, ["@colony", "@prison"], "{name}");
        }
        assert!(!keys("Казенное предприятие")[0].starts_with('@'));
        // Bulgarian and Croatian `народна`, `narodna`: people's, as the Russian `народная`.
        for name in ["Донецка народна република", "Donecka narodna republika"]
        {
            assert_eq!(
                keys(name)[1],
                keys("Донецкая народная республика")[1],
                "{name}"
            );
        }
        // Read as written only: the words their inflections would take in stay words.
        for word in [
            "Colonel", "Kolunov", "Electric", "Electron", "Novin", "Kimia",
        ] {
            assert!(!keys(word)[0].starts_with('@'), "{word}");
        }
    }

    #[test]
    fn generic_words_in_arabic_script_share_their_concepts_key() {
        // `Al-Kawthar Company for Trading and Export`; Persian `Iran Trading Company`.
        assert_eq!(
            keys("شركة الكوثر للتجارة والتصدير"),
            ["@company", "al", "kutr", "al", "@trade", "al", "@export"]
        );
        assert_eq!(keys("الجبهة الإسلامية")[1], "@front");
        assert_eq!(keys("شرکت بازرگانی ایران")[..2], ["@company", "@trade"]);
        // A Latin word with the key of an Arabic one stays a word: `دولة` (state) is `dula`.
        assert_eq!(keys("دولة"), ["@state"]);
        assert_eq!(keys("Dula"), ["dula"]);
        // With a proclitic joined (`ببيع وشراء العملات`, by selling and buying currencies);
        // the common names stay names (`score::tests`).
        assert_eq!(
            keys("ببيع وشراء العملات"),
            ["@sale", "@purchase", "al", "@currency"]
        );
        // The UN's romanization of the Persian `صرافی`, as written only: not the surnames.
        assert_eq!(keys("Sattar Sarafi")[1], "@exchange");
        for surname in [
            "Saraf", "Sarraf", "Sarafian", "Zahrani", "Ester", "Selina", "Valiulin", "Vendi",
            "Sanayev",
        ] {
            assert_ne!(keys(surname)[0].chars().next(), Some('@'), "{surname}");
        }
    }

    #[test]
    fn a_word_of_two_generic_words_is_read_as_both() {
        // Estonian, with a legal form for a part; German, with the linking `s`.
        assert_eq!(
            keys("Korea Kumsan kaubanduskorporatsioon"),
            ["%korea", "kumsan", "@trade", "#inc"]
        );
        assert_eq!(
            keys("Alfa Handelsgesellschaft"),
            ["alfa", "@trade", "@company"]
        );
        assert_eq!(keys("TRADINGCOMPANY"), ["@trade", "@company"]);
        // A name of a generic word and another word is not two generic words.
        assert_eq!(keys("Gazprombank"), ["gazprombank"]);
        assert_eq!(keys("Transgroup"), ["transgrup"]);
        // Parts shorter than four letters are no parts.
        assert_eq!(keys("Oilbank").len(), 1);
    }

    #[test]
    fn every_word_of_the_countries_table_stands_for_its_country() {
        // No concept and no other country takes a country's word.
        for (country, words) in super::COUNTRIES {
            let key = super::country_key(country);
            for word in *words {
                assert_eq!(keys(word), [key.as_str()], "{word} of {country}");
            }
        }
    }

    #[test]
    fn words_of_two_concepts_with_one_key_are_the_known_ones() {
        // A key stands for the first concept that lists it: a word written alike in two
        // languages, or translating two concepts, reads as that one only. These are the
        // words that do; a new one must be a choice, not an accident (the Slovak `národná`,
        // national, once took the key of the Bulgarian and Croatian `народна`, people's).
        let mut by_key: HashMap<(bool, String), Vec<&str>> = HashMap::new();
        for (concept, words) in CONCEPTS {
            for word in *words {
                if let [t] = tokenize(word.trim_start_matches(EXACT_ONLY)).as_slice() {
                    let concepts = by_key.entry((t.abjad, t.key.clone())).or_default();
                    if !concepts.contains(concept) {
                        concepts.push(concept);
                    }
                }
            }
        }
        let mut shared: Vec<String> = by_key
            .into_iter()
            .filter(|(_, concepts)| concepts.len() > 1)
            .map(|((_, key), concepts)| format!("{key}: {}", concepts.join(" ")))
            .collect();
        shared.sort();
        assert_eq!(
            shared,
            [
                // Spanish, Portuguese, Estonian, Latvian: one word for both.
                "empresa: company enterprise",
                // Greek ένωση: association and union.
                "enosi: association union",
                // Greek εταιρεία, Hungarian vállalat: company and corporation.
                "etaireJa: company corporation",
                "etevot: company enterprise",
                // Greek υπηρεσία: agency and service.
                "ipiresia: agency service",
                // The Czech `národní` (national, 9 names of the EU file) before the Russian
                // and Ukrainian `народный`, `народний` (people's, 2).
                "narodni: national people",
                // Russian служба: service (the table's first) and office.
                "sluSba: service office",
                "uznemums: company enterprise",
                "valalat: company corporation",
            ]
        );
    }
}
