//! The spelling-variant key of a token, and the distance between two keys.
//!
//! Lists romanize one name in many systems: `Prigozhin` (BGN/PCGN, ICAO), `Prigojine`
//! (French), `Prigoschin` (German), `Prigožin` (ISO 9); `Yevgeniy`, `Evgenii`, `Jewgeni`,
//! `Evgenij`. The key rewrites each token so that the spellings of one letter in the
//! different systems become one symbol ([`KEY_RULES`]); what the key cannot decide (a French
//! `j` is ж, a German `j` is й) is left to [`key_distance`], where substitutions inside a
//! class of sounds cost less than other edits ([`CHEAP_PAIRS`]).
//!
//! Keys use lower-case ASCII letters and digits, plus four upper-case class symbols: `S` for
//! the hushing sibilants ш щ ж, `C` for ч, `J` for дж and the ambiguous `j`, `X` for x and ks.

use std::sync::OnceLock;

/// Where in the word a rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    /// Anywhere.
    Any,
    /// At the start of the word or after a vowel, and before a vowel: a glide (y, j, i before
    /// a vowel: `Yevgeniy`, `Jewgeni`, `Iakov`).
    Glide,
    /// As [`At::Glide`], but not at the start of a word before `y`: there the `i` is the
    /// vowel and the `y` its glide (`Iyad`, `Iyas`, romanizing إياد, إياس: Arabic
    /// writes the initial vowel on an alif, then the glide ي, as `Eyad` and `Ayad` do).
    GlideNotIy,
    /// After a vowel, and at the end of the word or before a consonant (`Andrej`, `Evgenij`:
    /// German and GOST й).
    AfterVowelNotBeforeVowel,
    /// Before e, i or y (French and Spanish `gu`: `Evguéni`).
    BeforeFrontVowel,
    /// After a consonant.
    AfterConsonant,
    /// At the end of the word (Arabic tāʾ marbūṭa: `Jumhuriyah` / `Jumhuriya`, `Abdullah` /
    /// `Abdulla`).
    Final,
    /// At the start of the word.
    Initial,
    /// Anywhere but before a `v`: there, a vowel and `e` are a Russian vowel and the `е` of
    /// the suffix `-ев` (`-eva`, `-evich`), which ICAO 9303 writes bare after a vowel and
    /// BGN/PCGN as `ye` (`Sergeev` / `Sergeyev`, `Kluev` / `Klyuyev`, `Boev` / `Boyev`).
    NotBeforeV,
}

/// A rewrite of the key: a pattern of the romanized token, its replacement, and where it
/// applies. Rules are tried in order at each position; the first that applies wins, so longer
/// patterns come first.
pub(crate) struct KeyRule {
    pub(crate) pattern: &'static str,
    pub(crate) replace: &'static str,
    pub(crate) at: At,
}

const fn rule(pattern: &'static str, replace: &'static str, at: At) -> KeyRule {
    KeyRule {
        pattern,
        replace,
        at,
    }
}

/// The key rules. Each group names the letters and the standards whose spellings it joins
/// (see the tables of NAMES.md: BGN/PCGN 1947, ICAO 9303, GOST 7.79-2000 System B, ISO 9:1995,
/// German Duden practice, French MVD-310 practice, Polish and Swedish EU spellings).
pub(crate) const KEY_RULES: &[KeyRule] = &[
    // The Arabic article before a sun letter is written as pronounced, assimilated (ad-Din,
    // ud-Din, ed-Din, ar-Rahman), or as spelled, al- (BGN/PCGN 1956 and ODNI 2015 write al-
    // always): the names that lists write both ways most often → al + the noun.
    rule("uddin", "aldin", At::Any),
    rule("eddin", "aldin", At::Any),
    rule("addin", "aldin", At::Any),
    rule("iddin", "aldin", At::Any),
    // ... with ī written ee (English practice: Salahuddeen, Tajideen) ...
    rule("uddeen", "aldin", At::Any),
    rule("eddeen", "aldin", At::Any),
    rule("addeen", "aldin", At::Any),
    rule("iddeen", "aldin", At::Any),
    rule("udeen", "aldin", At::Final),
    rule("edeen", "aldin", At::Final),
    rule("adeen", "aldin", At::Final),
    rule("ideen", "aldin", At::Final),
    // ... and with the doubled d written once, at the end of the word (Najmidin, Nuradin).
    rule("udine", "aldin", At::Final),
    rule("edine", "aldin", At::Final),
    rule("adine", "aldin", At::Final),
    rule("idine", "aldin", At::Final),
    rule("udin", "aldin", At::Final),
    rule("edin", "aldin", At::Final),
    rule("adin", "aldin", At::Final),
    rule("idin", "aldin", At::Final),
    rule("urrahman", "alrahman", At::Any),
    rule("arrahman", "alrahman", At::Any),
    rule("errahman", "alrahman", At::Any),
    rule("urrahim", "alrahim", At::Any),
    rule("arrahim", "alrahim", At::Any),
    rule("urrashid", "alrashid", At::Any),
    rule("arrashid", "alrashid", At::Any),
    // щ: shch (BGN/PCGN, ICAO), shh (GOST B), schtsch (German), chtch (French), sz-cz (Polish
    // szcz) → S, like ш and ж below.
    rule("schtsch", "S", At::Any),
    rule("szcz", "S", At::Any),
    rule("sjtj", "S", At::Any),
    rule("shch", "S", At::Any),
    rule("chtch", "S", At::Any),
    // ч: ch (BGN/PCGN, ICAO, GOST B), tsch (German), tch (French), cz (Polish), č (ISO 9,
    // after marks are dropped: c, left to the distance) → C.
    rule("tsch", "C", At::Any),
    rule("tch", "C", At::Any),
    // ч in the Swedish (tj, with щ sjtj) and Hungarian (cs) transcriptions of Russian, as the
    // EU file's SV and HU aliases write it (Tjernysjov, Cseljabinszk).
    rule("tj", "C", At::Any),
    rule("cs", "C", At::Any),
    // дж: dzh (BGN/PCGN), dsch (German), dj (French), j (English) → J.
    rule("dzh", "J", At::Any),
    rule("dsch", "J", At::Any),
    // ш and ж: sh, zh (BGN/PCGN, ICAO), sch (German, both), zj and sj (Swedish), zs
    // (Hungarian ж), sz and rz (Polish), ž and š (ISO 9 after marks are dropped: z, s, left to
    // the distance) → S.
    rule("sch", "S", At::Any),
    rule("shh", "S", At::Any),
    rule("sh", "S", At::Any),
    rule("zh", "S", At::Any),
    rule("zj", "S", At::Any),
    rule("sj", "S", At::Any),
    rule("zs", "S", At::Any),
    rule("sz", "S", At::Any),
    rule("ch", "C", At::Any),
    rule("cz", "C", At::Any),
    rule("dj", "J", At::Any),
    // х: kh (BGN/PCGN, ICAO), h (ISO 9, Ukrainian г), x (GOST B, left to the distance) → h.
    rule("kh", "h", At::Any),
    // Arabic غ and Kazakh ғ: gh (BGN/PCGN, ODNI) and g → g.
    rule("gh", "g", At::Any),
    // Arabic ث, ذ and Greek θ: th, dh (ODNI 2015, BGN/PCGN Arabic) and t, d (common practice:
    // QADHAFI / QADDAFI) → t, d.
    rule("th", "t", At::Any),
    rule("dh", "d", At::Any),
    rule("ph", "f", At::Any),
    rule("ck", "k", At::Any),
    // Kazakh қ and Arabic ق: q (BGN/PCGN 1979, ODNI) and k → k.
    rule("q", "k", At::Any),
    // x and ks: кс in Latin spellings (KAZSTANEX / KAZSTANEKS; Duden: Alexei), and х in GOST
    // 7.79 System B and the Uzbek Latin alphabet (Baxr): one symbol X, cheap against h.
    rule("ks", "X", At::Any),
    rule("x", "X", At::Any),
    // Chinese x: hs in Wade–Giles (the romanization of Taiwan's and older lists' names: Hsi,
    // Hsieh, Hsiung), x in Hanyu Pinyin (ISO 7098) → X, at the start of a syllable.
    rule("hs", "X", At::Initial),
    // в: v (all systems) and w (German, Polish) → v.
    rule("w", "v", At::Any),
    // ц: ts (BGN/PCGN, ICAO), tz (German practice), c (ISO 9, GOST B before e i y j, Polish,
    // Serbian) → c.
    rule("ts", "c", At::Any),
    rule("tz", "c", At::Any),
    // French gu before a front vowel is g (Evguéni, Guennadi: MVD-310 French practice).
    rule("gu", "g", At::BeforeFrontVowel),
    // Vowel digraphs: ou (French у: MVD-310; Arabic ū in French practice: Youssef, Abou), oo
    // and ee (English practice for Arabic ū and ī: Mahmood, Rasheed) → u, u, i; not ee before
    // v, the Russian -eev of ICAO 9303 (Sergeev, Sergeevich).
    rule("ou", "u", At::Any),
    rule("oo", "u", At::Any),
    rule("ee", "i", At::NotBeforeV),
    // German ö and ü written out (BGN/PCGN German 2000, ICAO 9303 MRZ: OE, UE): oe ue → o u, so
    // Mueller meets Müller (Muller); not before v, the Russian -oev, -uev (Boev, Kluev). Not ae:
    // Russian -aev (Tokaev) is far more frequent in lists than a written-out ä, which the
    // distance meets as one vowel anyway.
    rule("oe", "o", At::NotBeforeV),
    rule("ue", "u", At::NotBeforeV),
    // Korean ㅓ and ㅡ: eo and eu (Revised Romanization, South Korea 2000) against ŏ and ŭ
    // (McCune-Reischauer and the DPRK system the lists use, written o and u): Jeong / Jong,
    // Eun / Un.
    rule("eo", "o", At::Any),
    rule("eu", "u", At::Any),
    // ё after a consonant: yo (GOST 7.79 B, common practice), io (ICAO), e (BGN/PCGN without
    // its mark) → o, a vowel away from e.
    rule("yo", "o", At::AfterConsonant),
    // Iotated vowels е ё ю я (and Ukrainian є ї) at the start of a word and after a vowel: ye
    // yo yu ya (BGN/PCGN), ie iu ia (ICAO), je jo ju ja (German, ISO 9 Belarusian) → the
    // glide J and the vowel; ICAO and GOST write a bare e there (Evgenii), one cheap J away.
    // English and Arabic practice write дж and ج as j (Jamal, Djamel): J as well.
    rule("y", "J", At::Glide),
    rule("i", "J", At::GlideNotIy),
    // й at the end of a syllable: j (German, GOST B, ISO 9) and y, i (BGN/PCGN, ICAO) → i.
    rule("j", "i", At::AfterVowelNotBeforeVowel),
    rule("j", "J", At::Any),
    // ы and й elsewhere: y (BGN/PCGN, ICAO) and i → i.
    rule("y", "i", At::Any),
    // Final -ah (Arabic tāʾ marbūṭa, ODNI 2015 -ah / BGN/PCGN -a) → -a.
    rule("ah", "a", At::Final),
    // Czech and Slovak feminine surnames add -ová to a Russian feminine form (Bolotova →
    // Bolotovová, Tokareva → Tokarevová: the EU file's CS and SK aliases); marks are gone by
    // now.
    rule("ovova", "ova", At::Final),
    rule("evova", "eva", At::Final),
];

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn applies(at: At, text: &[u8], start: usize, len: usize) -> bool {
    let prev = start.checked_sub(1).and_then(|i| text.get(i)).copied();
    let next = text.get(start + len).copied();
    match at {
        At::Any => true,
        At::Glide => prev.is_none_or(is_vowel) && next.is_some_and(is_vowel),
        At::GlideNotIy => {
            prev.is_none_or(is_vowel)
                && next.is_some_and(is_vowel)
                && !(prev.is_none() && next == Some(b'y'))
        }
        At::AfterVowelNotBeforeVowel => prev.is_some_and(is_vowel) && !next.is_some_and(is_vowel),
        At::BeforeFrontVowel => matches!(next, Some(b'e' | b'i' | b'y')),
        At::Final => next.is_none(),
        At::AfterConsonant => prev.is_some_and(|p| p.is_ascii_lowercase() && !is_vowel(p)),
        At::NotBeforeV => next != Some(b'v'),
        At::Initial => prev.is_none(),
    }
}

/// Writes the spelling-variant key of a romanized token (lower-case ASCII letters and digits)
/// into `out`, replacing its content.
///
/// After the rules, runs of one letter are collapsed (doubled consonants are written or not:
/// Hassan / Hasan, Gaddafi / Qadhafi) and a final `e` after a consonant (not in `-iJe`) is
/// dropped when the key is long enough for it to be a silent French `e` (Prigojine).
/// The indexes of [`KEY_RULES`] by the first byte of their pattern, in rule order: the key
/// of every token of every name tries only the rules that can start at a position. Built
/// once.
fn rules_by_first_byte() -> &'static [Vec<usize>; 128] {
    static TABLE: OnceLock<[Vec<usize>; 128]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: [Vec<usize>; 128] = std::array::from_fn(|_| Vec::new());
        for (i, r) in KEY_RULES.iter().enumerate() {
            if let Some(slot) = r
                .pattern
                .as_bytes()
                .first()
                .and_then(|&b| table.get_mut(usize::from(b & 0x7f)))
            {
                slot.push(i);
            }
        }
        table
    })
}

pub(crate) fn key_into(text: &str, out: &mut String) {
    key_into_skipping(text, out, &[], &[]);
}

/// Patterns of [`KEY_RULES`] that a word romanized from Arabic script spells only with two
/// letters, which the rule would merge into one sound: س ج (`sj`, سجا Saja), ش ح (`shh`,
/// شحاته Shihata), ت س (`ts`), د ج (`dj`), ك س (`ks`), پ ه (`ph`), ح س (`hs`, حسن Hasan), and
/// the Slavic digraphs no Arabic letter is romanized as. (`sh`, `th`, `kh`, `dh`, `gh`, `zh`
/// stay: one Arabic letter romanized so is ش ث خ ذ غ ژ; two letters that meet as one of them
/// are split at their break, [`SPLIT_AT_BREAKS`].)
const ABJAD_SKIP: &[&str] = &[
    "schtsch", "szcz", "sjtj", "shch", "chtch", "tsch", "tch", "tj", "cs", "dzh", "dsch", "sch",
    "shh", "zj", "sj", "zs", "sz", "cz", "dj", "ph", "ck", "ks", "ts", "tz", "hs",
];

/// As [`key_into`], leaving out the rules whose pattern is in `skip`, and the rules of
/// [`SPLIT_AT_BREAKS`] that would join two consonants across one of the `breaks` (byte offsets
/// where a letter of the source script begins: ت ح romanized `th` is two letters, not ث).
fn key_into_skipping(text: &str, out: &mut String, skip: &[&str], breaks: &[usize]) {
    out.clear();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) {
        out.push_str(text);
        return;
    }
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let rest = bytes.get(i..).unwrap_or_default();
        // Only the rules whose pattern starts with this byte, in their order.
        let hit = rules_by_first_byte()
            .get(usize::from(b & 0x7f))
            .into_iter()
            .flatten()
            .filter_map(|&ri| KEY_RULES.get(ri))
            .find(|r| {
                starts_with(rest, r.pattern.as_bytes())
                    && applies(r.at, bytes, i, r.pattern.len())
                    && !skip.contains(&r.pattern)
                    && (breaks.is_empty()
                        || !(SPLIT_AT_BREAKS.contains(&r.pattern)
                            && joins_across(bytes, i, r.pattern.len(), breaks)))
            });
        match hit {
            Some(r) => {
                out.push_str(r.replace);
                i += r.pattern.len();
            }
            None => {
                out.push(char::from(b));
                i += 1;
            }
        }
    }
    collapse_runs(out);
    if out.len() >= 5 && out.ends_with('e') {
        let before = out.as_bytes().get(out.len() - 2).copied();
        // Not after the glide of `-iye`, the Russian -ие that ICAO 9303 writes -ie, kept
        // whole (`Sozvezdiye` / `Sozvezdie`, see [`GLIDE_E_INDEL`]).
        let iye = out.ends_with("iJe");
        if !iye && before.is_some_and(|b| !is_vowel(b) && b.is_ascii_alphabetic()) {
            out.pop();
        }
    }
}

/// Whether `text` starts with `pattern`, compared byte by byte: the patterns are a few bytes
/// long, shorter than the call a general comparison makes.
fn starts_with(text: &[u8], pattern: &[u8]) -> bool {
    text.len() >= pattern.len() && text.iter().zip(pattern).all(|(a, b)| a == b)
}

/// The digraphs a letter break splits: two Arabic letters whose romanizations meet as a Latin
/// digraph are two letters, not the one sound the digraph stands for (ت ح `th` is not ث, ز ه
/// `zh` is not ژ, س ه `sh` is not ش, ك ه `kh` is not خ). Arabic script writes no short vowel
/// between them, and Latin spellings mostly write one (زهير Zuhair, سهيل Suhail, الزهراني
/// al-Zahrani, كهرمان Kahraman), which the digraph would hide. Where they write none, as the
/// digraph (أزهر Azhar, إسحاق Ishaq, مظهر Mazhar), the comparison reads the pair joined too
/// ([`abjad_joined`]).
const SPLIT_AT_BREAKS: &[&str] = &["th", "dh", "gh", "sh", "zh", "kh"];

/// Whether the pattern at `start` of length `len` joins two consonants across a break.
fn joins_across(text: &[u8], start: usize, len: usize, breaks: &[usize]) -> bool {
    let consonant = |i: usize| {
        text.get(i).is_some_and(|b| {
            b.is_ascii_alphabetic() && !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
        })
    };
    breaks
        .iter()
        .any(|&p| start < p && p < start + len && consonant(p - 1) && consonant(p))
}

/// The spelling-variant key of a romanized token.
pub(crate) fn key(text: &str) -> String {
    let mut out = String::new();
    key_into(text, &mut out);
    out
}

/// The key of a word romanized from Arabic script: as [`key`], without the rules that would
/// read two Arabic letters as one sound ([`ABJAD_SKIP`]).
pub(crate) fn abjad_key(text: &str) -> String {
    abjad_key_with_breaks(text, &[])
}

/// As [`abjad_key`], knowing where each Arabic letter's spelling begins in `text`: two letters
/// whose spellings meet as a Latin digraph that drops the `h` stay two ([`SPLIT_AT_BREAKS`]:
/// `fath` of فاتح keeps its `t` and `h`).
pub(crate) fn abjad_key_with_breaks(text: &str, breaks: &[usize]) -> String {
    let mut out = String::new();
    key_into_skipping(text, &mut out, ABJAD_SKIP, breaks);
    out
}

/// The split pairs of an Arabic-script key ([`SPLIT_AT_BREAKS`]) read as the sound their
/// digraph keys as in Latin (`zh`, `sh`: `S`; `kh`: `h`; `th`, `dh`, `gh` keep both letters,
/// as Latin keys do): the key a Latin spelling that writes the two letters as the digraph
/// compares with (`azhr` of أزهر read `aSr`, as `Azhar` keys `aSar`). `None` when the key has
/// no such pair. Only a break makes these pairs in a key of Arabic script: one letter
/// romanized as a digraph (ش `sh`, خ `kh`) keys as its sound.
pub(crate) fn abjad_joined(key: &str) -> Option<String> {
    let mut buf = [0u8; MAX_KEY];
    abjad_joined_in(key, &mut buf).map(str::to_string)
}

/// [`abjad_joined`] of the key's first [`MAX_KEY`] bytes (what the distances compare), written
/// into `buf`: the comparison of a query word with list words reads it without allocating.
pub(crate) fn abjad_joined_in<'b>(key: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    let joined_as = |pair: &[u8]| match pair {
        b"zh" | b"sh" => Some(b'S'),
        b"kh" => Some(b'h'),
        _ => None,
    };
    let bytes = capped(key);
    if !bytes.windows(2).any(|w| joined_as(w).is_some()) {
        return None;
    }
    let (mut i, mut n) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (symbol, step) = match bytes.get(i..i + 2).and_then(joined_as) {
            Some(sound) => (sound, 2),
            None => (b, 1),
        };
        i += step;
        // Runs of one symbol collapse, as in every key.
        if n > 0 && buf.get(n - 1) == Some(&symbol) {
            continue;
        }
        if let Some(slot) = buf.get_mut(n) {
            *slot = symbol;
            n += 1;
        }
    }
    buf.get(..n)
        .and_then(|joined| std::str::from_utf8(joined).ok())
}

/// Collapses runs of one symbol of a key to one, in place (doubled letters are written or
/// not: Hassan / Hasan).
fn collapse_runs(out: &mut String) {
    let mut last = None;
    out.retain(|c| {
        let keep = Some(c) != last;
        last = Some(c);
        keep
    });
}

/// The consonant skeleton of a key: its vowels (and v, h, J) removed, runs collapsed. Arabic script writes
/// no short vowels (محمد is m-ḥ-m-d), so a token romanized from it is compared with Latin
/// spellings (Muhammad, Mohamed, Mohd) by skeleton.
pub(crate) fn skeleton(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut last = None;
    // و is w as a consonant and u as a long vowel (Tharwat / ثروت, Yunis / يونس): v, the key
    // of w, goes with the vowels; so does h, which Latin spellings of ح and ه often leave out
    // (Mohd, Salah / Salih, Shihata / شحاته).
    // J too: the glide of ي (Sayyid / سيد) and the j of ج that French and English write
    // differently (Djamel / Jamal).
    for c in key
        .chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'v' | 'h' | 'J'))
    {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Pairs of key symbols that stand for one sound in different romanizations, so substituting
/// one for the other costs [`CHEAP`] instead of 1:
/// - s z S c C J: ш ж щ ч дж and their ISO 9 / Turkish / Serbian forms without marks (š ž č
///   ş ç → s z c), French j for ж, English j for дж;
/// - k c g h: c for k (Latin practice), h for х (ISO 9) against k of Kazakh қ, g for г against
///   h (Ukrainian and Belarusian г), C h for х written ch (German, Czech, Polish);
/// - i J: German and GOST j for й;
/// - b p, d t, v f: voicing, as Arabic and Persian names are written either way; p f, for
///   the p of Persian and Pashto that Arabic writes f (Pazullah / Faizullah);
/// - J z: Persian ژ and Pashto ځ, written j or z (Jadran / Zadran);
/// - e i, o u, a e: vowels (Arabic and Persian short vowels are unwritten).
pub(crate) const CHEAP_PAIRS: &[(u8, u8)] = &[
    (b's', b'S'),
    (b'z', b'S'),
    (b'J', b'S'),
    (b'c', b'C'),
    (b'C', b'S'),
    (b'J', b'C'),
    (b's', b'z'),
    (b'c', b's'),
    (b'c', b'k'),
    (b'k', b'h'),
    (b'g', b'h'),
    (b'k', b'g'),
    (b'i', b'J'),
    (b'J', b'g'),
    (b'z', b'c'),
    (b'b', b'p'),
    (b'd', b't'),
    (b'v', b'f'),
    (b'v', b'u'),
    (b'X', b'h'),
    (b'X', b'k'),
    (b'J', b'z'),
    (b'p', b'f'),
    // х written ch (German Duden practice, Czech and Polish: Michail, Chodorkowski) against
    // kh and h (BGN/PCGN, ICAO, ISO 9).
    (b'C', b'h'),
];

/// Whether two key symbols are a pair of [`CHEAP_PAIRS`] (a lookup in a table made at
/// compile time: scoring asks it of every pair of words it weighs).
pub(crate) fn is_cheap_pair(a: u8, b: u8) -> bool {
    CHEAP_PAIR_BITS
        .get(usize::from(a))
        .is_some_and(|row| b < 128 && row & (1u128 << b) != 0)
}

/// Row `a` has bit `b` set when `(a, b)` or `(b, a)` is a pair of [`CHEAP_PAIRS`].
static CHEAP_PAIR_BITS: [u128; 128] = cheap_pair_bits();

// Evaluated at compile time only: an index out of range is a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
const fn cheap_pair_bits() -> [u128; 128] {
    let mut t = [0u128; 128];
    let mut k = 0;
    while k < CHEAP_PAIRS.len() {
        let (x, y) = CHEAP_PAIRS[k];
        if x < 128 && y < 128 {
            t[x as usize] |= 1u128 << y;
            t[y as usize] |= 1u128 << x;
        }
        k += 1;
    }
    t
}

/// Classes of key symbols that a coarse key ([`coarse_key`]) writes as their first: the
/// consonant classes of [`CHEAP_PAIRS`] cut where a symbol pairs across two (`c` goes with the
/// sibilants, whose pairs with it are more; `h`, paired with `k`, `g` and `C` alike, stays
/// itself). The vowels, paired with one another, are left out of a coarse key altogether.
const COARSE_CLASSES: &[&[u8]] = &[b"sSzcCJ", b"bpfv", b"dt", b"kgX"];

/// The symbols of [`COARSE_CLASSES`] as their class's first, made at compile time.
static COARSE_OF: [u8; 128] = coarse_of();

// Evaluated at compile time only: an index out of range is a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
const fn coarse_of() -> [u8; 128] {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = b as u8;
        b += 1;
    }
    let mut c = 0;
    while c < COARSE_CLASSES.len() {
        let class = COARSE_CLASSES[c];
        let mut i = 0;
        while i < class.len() {
            t[class[i] as usize] = class[0];
            i += 1;
        }
        c += 1;
    }
    t
}

/// The mark of a coarse key, which no other key starts with.
pub(crate) const COARSE_MARK: char = '&';

/// A plain key's coarse key: its vowels and `h` left out, the symbols of each class of cheap
/// pairs ([`COARSE_CLASSES`]) written alike, repeats written once, marked with
/// [`COARSE_MARK`]. Keys apart only in vowels, an `h` (a soft symbol like the vowels:
/// `aStari` / `ahstari`, `Ashtari` / `AHSTARI` with the letters swapped) and cheap pairs share
/// it however many there are (`mahaJar` / `muhaJir`, `turCin` / `torSin`), which a deletion
/// neighbourhood reaches for one substitution only. `None` for a key that is not ASCII or
/// whose coarse key has fewer than two symbols.
pub(crate) fn coarse_key(key: &str) -> Option<String> {
    coarse_key_leaving_out(key, |b| is_key_vowel(b) || b == b'h')
}

/// The coarse key of a key read as German and Swedish spellings of Russian names write it,
/// where it differs from [`coarse_key`]: `ch` is `х` (`kh`, `h`: DIN 1460 and Duden practice,
/// Swedish `Rjabuchin`), and `j` the glide of `й`, `я`, `ю`, `е` (`Rjabuchin` / `Ryabukhin`,
/// `Jevgenij` / `Yevgeniy`), so `C` and `J` are left out with the vowels and `h`. A key
/// without either has none.
pub(crate) fn coarse_glide_key(key: &str) -> Option<String> {
    if !key.bytes().any(|b| b == b'C' || b == b'J') {
        return None;
    }
    coarse_key_leaving_out(key, |b| is_key_vowel(b) || matches!(b, b'h' | b'C' | b'J'))
}

fn coarse_key_leaving_out(key: &str, left_out: impl Fn(u8) -> bool) -> Option<String> {
    if !key.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(key.len() + 1);
    out.push(COARSE_MARK);
    let mut last = None;
    for b in key.bytes().filter(|&b| !left_out(b)) {
        let c = COARSE_OF.get(usize::from(b)).copied().unwrap_or(b);
        if last != Some(c) {
            out.push(char::from(c));
        }
        last = Some(c);
    }
    (out.len() > 2).then_some(out)
}

/// Cost of a cheap substitution.
pub(crate) const CHEAP: f32 = 0.4;
/// Cost of substituting one vowel for another.
pub(crate) const VOWEL_SUB: f32 = 0.5;
/// Cost of inserting or deleting a vowel, `h` or `J` (unwritten short vowels, Arabic h:
/// Ahmad / Ahmed / Achmed, Muhammad / Muhamad; German j for the glide of я ю е: Jakow /
/// Yakov).
pub(crate) const SOFT_INDEL: f32 = 0.6;

/// Cost of inserting or deleting the glide `J` before an `e` at the start of a key or after
/// an `i`: the е that BGN/PCGN writes ye there, German practice and the Swedish and Serbian
/// spellings je, and ICAO 9303 (and GOST 7.79, ISO 9, the passports that follow ICAO) a bare
/// e: `Yermakov` / `Ermakov`, `Yezhov` / `Ezhov`, `Jelena` / `Elena`, `Dmitriyevich` /
/// `Dmitrijevic` / `Dmitrievich`, `Sozvezdiye` / `Sozvezdie`. Cheaper than a full soft edit
/// (nearly a spelling variant), but not free: the key keeps the glide, which Arabic names
/// (`Yehia`, `Jehad`) need against their `Yahya`, `Jihad`.
pub(crate) const GLIDE_E_INDEL: f32 = 0.1;

/// Whether the symbol at `i` of `key` is a glide of [`GLIDE_E_INDEL`].
fn is_e_glide(key: &[u8], i: usize) -> bool {
    key.get(i) == Some(&b'J')
        && key.get(i + 1) == Some(&b'e')
        && (i == 0 || key.get(i - 1) == Some(&b'i'))
}

/// The cost of inserting or deleting the symbol at `i` of `key`: [`GLIDE_E_INDEL`] for a
/// glide before `e` ([`is_e_glide`]), [`indel_cost`] for any other.
fn indel_at(key: &[u8], i: usize) -> f32 {
    match key.get(i) {
        _ if is_e_glide(key, i) => GLIDE_E_INDEL,
        Some(&c) => indel_cost(c),
        None => 1.0,
    }
}

/// How many glides of [`GLIDE_E_INDEL`] a key holds: each makes its edits cheaper than the
/// least costs the bounds assume ([`LEAST_EDIT`], [`LEAST_INDEL`]).
fn e_glides(key: &[u8]) -> usize {
    if !key.contains(&b'J') {
        return 0;
    }
    (0..key.len()).filter(|&i| is_e_glide(key, i)).count()
}

const fn is_key_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Substitution costs of every pair of ASCII key symbols, computed at compile time from the
/// rules above: the distance looks a cost up for every cell of its table.
static SUB_COSTS: [[f32; 128]; 128] = sub_costs();

/// The least an edit of each key symbol costs: deleting it, or substituting another symbol
/// for it. A symbol one key has more times than the other must be edited that many times
/// over (a transposition keeps the counts), so these costs summed over one key's surplus are
/// a floor of the distance that the counts alone give: `r`, `l`, `m` or `n`, which have no
/// cheap partner, cost a full edit each (see [`key_similarity_if_at_least`]).
static LEAST_EDIT: [f32; 128] = least_edit_costs();

// Evaluated at compile time only: an index out of range is a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
const fn least_edit_costs() -> [f32; 128] {
    let subs = sub_costs();
    let mut least = [1.0f32; 128];
    let mut a = 0;
    while a < 128 {
        let mut m = indel_cost(a as u8);
        let mut b = 0;
        while b < 128 {
            if b != a && subs[a][b] < m {
                m = subs[a][b];
            }
            b += 1;
        }
        least[a] = m;
        a += 1;
    }
    least
}

// Evaluated at compile time only: an index out of range is a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
const fn sub_costs() -> [[f32; 128]; 128] {
    let mut t = [[1.0f32; 128]; 128];
    let mut a = 0;
    while a < 128 {
        t[a][a] = 0.0;
        a += 1;
    }
    let vowels = *b"aeiou";
    let mut i = 0;
    while i < vowels.len() {
        let mut j = 0;
        while j < vowels.len() {
            if i != j {
                t[vowels[i] as usize][vowels[j] as usize] = VOWEL_SUB;
            }
            j += 1;
        }
        i += 1;
    }
    let mut k = 0;
    while k < CHEAP_PAIRS.len() {
        let (x, y) = CHEAP_PAIRS[k];
        if !(is_key_vowel(x) && is_key_vowel(y)) {
            t[(x & 0x7f) as usize][(y & 0x7f) as usize] = CHEAP;
            t[(y & 0x7f) as usize][(x & 0x7f) as usize] = CHEAP;
        }
        k += 1;
    }
    t
}

/// Calls `f` with every key one edit cheaper than a full one from `key` (an ASCII key):
/// each symbol replaced by one of a cheap substitution, a soft symbol (vowel, `h`, `J`)
/// inserted or deleted, two adjacent symbols swapped. What the index looks up for a key too
/// short for its deletion neighbourhood.
pub(crate) fn cheap_edits(key: &str, mut f: impl FnMut(&str)) {
    const SOFT: &[u8] = b"aeiouhJ";
    let bytes = key.as_bytes();
    if !key.is_ascii() {
        return;
    }
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len() + 1);
    let mut emit = |buf: &[u8]| {
        if let Ok(s) = std::str::from_utf8(buf) {
            f(s);
        }
    };
    for (i, &a) in bytes.iter().enumerate() {
        for b in 0u8..128 {
            if b != a && sub_cost(a, b) < 1.0 {
                buf.clear();
                buf.extend_from_slice(bytes);
                if let Some(slot) = buf.get_mut(i) {
                    *slot = b;
                }
                emit(&buf);
            }
        }
        if indel_cost(a) < 1.0 {
            buf.clear();
            buf.extend(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &c)| c),
            );
            emit(&buf);
        }
        if let Some(&next) = bytes.get(i + 1) {
            if next != a {
                buf.clear();
                buf.extend_from_slice(bytes);
                buf.swap(i, i + 1);
                emit(&buf);
            }
        }
    }
    for i in 0..=bytes.len() {
        for &s in SOFT {
            buf.clear();
            buf.extend_from_slice(bytes.get(..i).unwrap_or_default());
            buf.push(s);
            buf.extend_from_slice(bytes.get(i..).unwrap_or_default());
            emit(&buf);
        }
    }
}

fn sub_cost(a: u8, b: u8) -> f32 {
    if a == b {
        return 0.0;
    }
    SUB_COSTS
        .get(usize::from(a))
        .and_then(|row| row.get(usize::from(b)))
        .copied()
        .unwrap_or(1.0)
}

const fn indel_cost(a: u8) -> f32 {
    if is_key_vowel(a) || a == b'h' || a == b'J' {
        SOFT_INDEL
    } else {
        1.0
    }
}

/// The longest key the distance looks at; longer keys are compared on this prefix (names do
/// not have tokens this long; bounding it bounds the work per pair).
pub(crate) const MAX_KEY: usize = 48;

/// The weighted edit distance between two keys: Levenshtein with the costs above.
pub(crate) fn key_distance(a: &str, b: &str) -> f32 {
    key_distance_within(a, b, f32::MAX).unwrap_or(f32::MAX)
}

/// Two adjacent letters swapped (`FIAZULLAH` / `Faizullah`, `Mauwin` / `Muawin`): the
/// commonest slip in typed names, one edit.
pub(crate) const TRANSPOSE: f32 = 0.5;

/// Whether two final vowels are `a` and `i`: the ending that tells a man's name from a
/// woman's (`Aleksandri` is no spelling, `Giovanni` / `Giovanna`), a nisba from a tā'
/// marbūṭa (`Shihadi` / `Shehata`, `Hamdi` / `Hamda`), not a vowel of uncertain spelling.
/// A full edit at the end of a word.
fn is_gender_ending(x: u8, y: u8) -> bool {
    matches!((x, y), (b'a', b'i') | (b'i', b'a'))
}

/// One row of the distance table: row `i` of `a` (symbol `ca`) from the row before (`prev`)
/// and the one before it (`before`, for a transposition), written into `cur` over the
/// columns `band` (of `0..=b.len()`), with `ib` the insertion costs of `b`'s symbols. The
/// cells just outside the band are written as infinite: the next rows read them. Returns the
/// row's least cell.
#[allow(clippy::too_many_arguments)]
#[inline]
fn fill_row(
    a: &[u8],
    b: &[u8],
    i: usize,
    ca: u8,
    ib: &[f32],
    before: &[f32; MAX_KEY + 1],
    prev: &[f32; MAX_KEY + 1],
    cur: &mut [f32; MAX_KEY + 1],
    band: (usize, usize),
) -> f32 {
    let (lo, hi) = band;
    let ia = indel_at(a, i);
    let last_row = i + 1 == a.len();
    // The symbol before `ca`, for a transposition.
    let prev_a = i.checked_sub(1).and_then(|k| a.get(k)).copied();
    let subs = SUB_COSTS.get(usize::from(ca));
    if let Some(after) = cur.get_mut(hi + 1) {
        *after = f32::INFINITY;
    }
    let mut left = if lo == 0 {
        prev.first().copied().unwrap_or(f32::INFINITY) + ia
    } else {
        f32::INFINITY
    };
    if let Some(c) = cur.get_mut(lo.saturating_sub(1)) {
        // Column 0 in the band, or the cell left of the band.
        *c = left;
    }
    let mut row_min = left;
    // Columns `first..=hi`, each cell from `b`'s symbol `j = column - 1`.
    let first = lo.max(1);
    let (Some(bs), Some(ibs), Some(ps), Some(outs)) = (
        b.get(first - 1..hi),
        ib.get(first - 1..hi),
        prev.get(first - 1..=hi),
        cur.get_mut(first..=hi),
    ) else {
        return row_min;
    };
    let cells = bs.iter().zip(ibs).zip(ps.windows(2)).zip(outs);
    for (k, (((&cb, &icb), pw), out)) in cells.enumerate() {
        let j = first - 1 + k;
        let &[diag, up] = pw else { break };
        let sub = if ca == cb {
            0.0
        } else if last_row && j + 1 == b.len() && is_gender_ending(ca, cb) {
            1.0
        } else {
            subs.and_then(|row| row.get(usize::from(cb)))
                .copied()
                .unwrap_or(1.0)
        };
        let mut v = (diag + sub).min(up + ia).min(left + icb);
        if ca != cb && prev_a == Some(cb) && j > 0 && b.get(j - 1) == Some(&ca) {
            v = v.min(before.get(j - 1).copied().unwrap_or(f32::INFINITY) + TRANSPOSE);
        }
        *out = v;
        left = v;
        row_min = row_min.min(v);
    }
    row_min
}

/// Similarity of two keys in [0, 1]: one minus the weighted distance over the longer length.
pub(crate) fn key_similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let len = a.len().max(b.len()).min(MAX_KEY);
    if len == 0 {
        return 0.0;
    }
    (1.0 - key_distance(a, b) / len as f32).clamp(0.0, 1.0)
}

/// Similarity of the key of a word romanized from Arabic script (`abjad`) with the key of a
/// word written in Latin letters, in [0, 1].
///
/// Arabic script writes consonants and long vowels (ا و ي: a, u, i) but not short vowels, so
/// the comparison is asymmetric ([`abjad_distance`]): a vowel the Latin spelling adds inside
/// the word is nearly free (محمد m-h-m-d / Muhammad, Mohamed), but every letter Arabic writes
/// must be met, its long vowels included (نادری n-a-d-r-i is Naderi, not Andrei), and a
/// vowel the Latin spelling puts before the first letter must stand for a written alif. The
/// distance is taken over the Arabic word's length: short words must agree closely.
#[cfg(test)]
pub(crate) fn abjad_similarity(abjad: &str, latin: &str) -> f32 {
    let len = abjad.len().min(MAX_KEY);
    if len == 0 || latin.is_empty() {
        return 0.0;
    }
    (1.0 - abjad_distance(abjad, latin) / len as f32).clamp(0.0, 1.0)
}

/// A vowel of a Latin spelling that Arabic script leaves unwritten (a short vowel inside the
/// word).
const SHORT_VOWEL_INSERT: f32 = 0.05;
/// Substituting one vowel for another across the scripts (Mohamed / Muhammad).
const ABJAD_VOWEL_SUB: f32 = 0.2;
/// A written long vowel, h or glide that the Latin spelling leaves out (Mohd, Salah / Salih).
const ABJAD_SOFT_DROP: f32 = 0.5;
/// A final h that the Latin spelling leaves out or writes as a vowel.
const ABJAD_FINAL_H: f32 = 0.15;
/// A written long vowel met by a Latin vowel of another letter inside the word: ا (a) is not
/// ي (i, e) nor و (u, o), so `حامد` is Hamed but `الحمادي` (al-Hammadi) is not Hamid.
const ABJAD_OTHER_VOWEL: f32 = 0.5;
/// Pairs of key symbols that Latin spellings of other languages confuse (see
/// [`CHEAP_PAIRS`]) but that are distinct Arabic letters, never written for each other: س s
/// and ز z (سعيد Said / زيد Zaid), د d and ت t, ش sh (S) and ز z or ي y (J) (اليامي
/// al-Yami / al-Shami), ف f and و w (v). Not S and s: the romanization of ص ح (Sahrawi) is
/// sh too. Sorted pairs.
const ABJAD_DISTINCT_CONSONANTS: &[(u8, u8)] = &[
    (b's', b'z'),
    (b'd', b't'),
    (b'S', b'z'),
    (b'J', b'S'),
    (b'f', b'v'),
];

/// Whether a long vowel and a glide are one Arabic letter: ي is i and y (J), و is u and w (v);
/// ا is neither (أم is not Jum'ah).
fn abjad_glide(vowel: u8, glide: u8) -> bool {
    matches!(
        (abjad_vowel_class(vowel), glide),
        (b'i', b'J') | (b'u', b'v')
    )
}

/// The letter class of a key vowel as Arabic script writes it: ا a, ي i (Latin i, e), و u
/// (Latin u, o).
fn abjad_vowel_class(c: u8) -> u8 {
    match c {
        b'e' => b'i',
        b'o' => b'u',
        c => c,
    }
}

/// The asymmetric weighted edit distance of [`abjad_similarity`].
#[cfg(test)]
pub(crate) fn abjad_distance(abjad: &str, latin: &str) -> f32 {
    abjad_distance_within(abjad, latin, f32::MAX).unwrap_or(f32::MAX)
}

/// [`abjad_similarity`] when it is at least `min`; `None` when the symbols one key has more
/// of than the other already cost more ([`abjad_count_floor`]), or as soon as a row of the
/// distance table shows it cannot be (every cost is positive, so a row's least cell never
/// falls).
pub(crate) fn abjad_similarity_if_at_least(abjad: &str, latin: &str, min: f32) -> Option<f32> {
    let len = abjad.len().min(MAX_KEY);
    if len == 0 || latin.is_empty() {
        return (min <= 0.0).then_some(0.0);
    }
    // At or below 0, any distance will do: the similarity is clamped.
    let allowed = if min > 0.0 {
        (1.0 - min) * len as f32 + 1e-4
    } else {
        f32::MAX
    };
    if min > 0.0 && abjad_count_floor(abjad, latin) > allowed + 1e-4 {
        return None;
    }
    let d = abjad_distance_within(abjad, latin, allowed)?;
    let sim = (1.0 - d / len as f32).clamp(0.0, 1.0);
    (sim >= min).then_some(sim)
}

/// The cost of a Latin letter `c` with no Arabic counterpart, at position `j` of the Latin
/// key `l`. An i or u that ends the Latin word is a written letter in Arabic (علي Ali, not
/// ال al); a final a or e may stand for ة or ه, which keys often drop (شحاته Shihata).
/// Arabic short vowels are single: a second vowel in a row that Arabic does not write is a
/// letter it would write (فرح f-r-h is Farah, not Pharaoh).
fn abjad_insert(l: &[u8], c: u8, j: usize) -> f32 {
    let l_last = l.len().saturating_sub(1);
    let after_vowel = j > 0 && l.get(j - 1).copied().is_some_and(is_key_vowel);
    if is_key_vowel(c) {
        if j == 0 {
            1.0
        } else if j == l_last && c == b'i' {
            // The nisba -i (Mahmoudi, Sharifi) makes another name than محمود, شريف.
            1.0
        } else if (j == l_last && matches!(c, b'u' | b'o')) || after_vowel {
            ABJAD_SOFT_DROP
        } else {
            SHORT_VOWEL_INSERT
        }
    } else if is_abjad_soft(c) {
        ABJAD_SOFT_DROP
    } else {
        1.0
    }
}

/// A vowel, `h`, `J` or `v`: the long vowels, glides and `h` that Arabic writes and Latin
/// spellings may leave out.
const fn is_abjad_soft(c: u8) -> bool {
    is_key_vowel(c) || c == b'h' || c == b'J' || c == b'v'
}

/// The cost of the Arabic letter `c` at position `i` (of a word whose last is `last`) when
/// the Latin spelling does not write it. A final h (ه, ح) is often left out (Salah / صالح,
/// Shihata / شحاته, Juma / جمعه).
fn abjad_delete(c: u8, i: usize, last: usize) -> f32 {
    if c == b'h' && i == last {
        ABJAD_FINAL_H
    } else if is_abjad_soft(c) {
        ABJAD_SOFT_DROP
    } else {
        1.0
    }
}

/// The cost of the Arabic letter `x` at position `i` (of a word whose last is `last`) written
/// as the Latin letter `y`.
fn abjad_sub(x: u8, y: u8, i: usize, last: usize) -> f32 {
    if x == y {
        0.0
    } else if x == b'h' && i == last && is_key_vowel(y) {
        // Final ه read as a vowel (Persian and colloquial -a, -e: Hamada / حماده).
        ABJAD_FINAL_H
    } else if is_key_vowel(x) && is_key_vowel(y) {
        let inside = i > 0 && i < last;
        if inside && abjad_vowel_class(x) != abjad_vowel_class(y) {
            ABJAD_OTHER_VOWEL
        } else {
            ABJAD_VOWEL_SUB
        }
    } else if abjad_glide(x, y) || abjad_glide(y, x) {
        ABJAD_VOWEL_SUB
    } else if ABJAD_DISTINCT_CONSONANTS.contains(&(x.min(y), x.max(y))) {
        1.0
    } else {
        sub_cost(x, y)
    }
}

/// The least each symbol costs to edit in [`abjad_distance`], whatever its position: on the
/// Arabic side (deleted, or written as another Latin letter) and on the Latin side (inserted,
/// or written for another Arabic letter). Made once, from the cost functions themselves at
/// every kind of position (first, inside, last).
static ABJAD_LEAST: std::sync::LazyLock<([f32; 128], [f32; 128])> =
    std::sync::LazyLock::new(|| {
        // (position, last) pairs: first of one letter, first, inside and last of three.
        const PLACES: [(usize, usize); 4] = [(0, 0), (0, 2), (1, 2), (2, 2)];
        let mut arabic = [f32::MAX; 128];
        let mut latin = [f32::MAX; 128];
        for x in 0u8..128 {
            for (i, last) in PLACES {
                if let Some(slot) = arabic.get_mut(usize::from(x)) {
                    *slot = slot.min(abjad_delete(x, i, last));
                }
                for y in 0u8..128 {
                    if x == y {
                        continue;
                    }
                    let cost = abjad_sub(x, y, i, last);
                    if let Some(slot) = arabic.get_mut(usize::from(x)) {
                        *slot = slot.min(cost);
                    }
                    if let Some(slot) = latin.get_mut(usize::from(y)) {
                        *slot = slot.min(cost);
                    }
                }
            }
            // Inserted: first, inside after a consonant or a vowel, last; of a word of three.
            for l in [
                [x, b'b', b'b'],
                [b'b', x, b'b'],
                [b'a', x, b'b'],
                [b'b', b'b', x],
            ] {
                for j in 0..l.len() {
                    if l.get(j) == Some(&x) {
                        if let Some(slot) = latin.get_mut(usize::from(x)) {
                            *slot = slot.min(abjad_insert(&l, x, j));
                        }
                    }
                }
            }
        }
        (arabic, latin)
    });

/// Makes the tables the distances build on first use ([`ABJAD_LEAST`]), so that no query
/// pays for them: called when a screener is built or loaded.
pub(crate) fn prepare_tables() {
    std::sync::LazyLock::force(&ABJAD_LEAST);
}

/// A floor of [`abjad_distance`] from the symbols' counts alone ([`count_floor`], each symbol
/// at its least cost on its side, [`ABJAD_LEAST`]). No transposition keeps counts here: the
/// distance has none.
fn abjad_count_floor(abjad: &str, latin: &str) -> f32 {
    let (least_a, least_l) = &*ABJAD_LEAST;
    count_floor(capped(abjad), capped(latin), least_a, least_l)
}

/// A key's first [`MAX_KEY`] bytes, which the distances compare.
fn capped(key: &str) -> &[u8] {
    key.as_bytes()
        .get(..key.len().min(MAX_KEY))
        .unwrap_or_default()
}

/// A floor of an edit distance from the symbols' counts alone: each symbol one key has more
/// of than the other must be deleted or substituted that many times, each at no less than
/// its least edit cost on its side (`least_a`, `least_b`), and one substitution mends at most
/// one surplus on each side, so the larger side's sum is a floor. Summed over each key's
/// symbols (a count taken down as its surplus is summed), not over the whole table.
fn count_floor(a: &[u8], b: &[u8], least_a: &[f32; 128], least_b: &[f32; 128]) -> f32 {
    let mut counts = [0i16; 128];
    for &c in a {
        if let Some(slot) = counts.get_mut(usize::from(c & 0x7f)) {
            *slot += 1;
        }
    }
    for &c in b {
        if let Some(slot) = counts.get_mut(usize::from(c & 0x7f)) {
            *slot -= 1;
        }
    }
    let mut surplus = |key: &[u8], sign: i16, least: &[f32; 128]| {
        let mut sum = 0f32;
        for &c in key {
            let i = usize::from(c & 0x7f);
            if let (Some(slot), Some(&cost)) = (counts.get_mut(i), least.get(i)) {
                if *slot * sign > 0 {
                    sum += cost;
                    *slot -= sign;
                }
            }
        }
        sum
    };
    let only_a = surplus(a, 1, least_a);
    let only_b = surplus(b, -1, least_b);
    only_a.max(only_b)
}

/// [`abjad_distance`] when it is at most `max`.
fn abjad_distance_within(abjad: &str, latin: &str, max: f32) -> Option<f32> {
    let (a, l) = (capped(abjad), capped(latin));
    let last = a.len().saturating_sub(1);
    // The cost of inserting each Latin letter, made once for every row.
    let mut ins = [0f32; MAX_KEY];
    for ((j, &c), slot) in l.iter().enumerate().zip(ins.iter_mut()) {
        *slot = abjad_insert(l, c, j);
    }
    let ins = ins.get(..l.len()).unwrap_or_default();
    // prev[j]: distance of the Arabic prefix so far with the first j Latin letters. Two rows
    // in turn, swapped by reference.
    let mut rows = [[0f32; MAX_KEY + 1]; 2];
    let [r0, r1] = &mut rows;
    let (mut prev, mut cur) = (r0, r1);
    let mut acc = 0.0;
    for (slot, &cost) in prev.iter_mut().skip(1).zip(ins) {
        acc += cost;
        *slot = acc;
    }
    for (i, &ca) in a.iter().enumerate() {
        let del = abjad_delete(ca, i, last);
        let mut left = prev.first().copied().unwrap_or(f32::MAX) + del;
        if let Some(c0) = cur.first_mut() {
            *c0 = left;
        }
        let mut row_min = left;
        let cells = l
            .iter()
            .zip(ins)
            .zip(prev.windows(2))
            .zip(cur.iter_mut().skip(1));
        for (((&cl, &icl), pw), out) in cells {
            let &[diag, up] = pw else { break };
            let v = (diag + abjad_sub(ca, cl, i, last))
                .min(up + del)
                .min(left + icl);
            *out = v;
            left = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(l.len()).copied().filter(|&d| d <= max)
}

/// Whether the key similarity of `a` and `b` is at least `min`, answered without the full
/// distance when a cheap bound settles it.
///
/// Every edit costs at least [`CHEAP`], and each edit mends at most one byte of the multiset
/// difference of the two keys on each side, so `CHEAP` times the larger one-sided difference
/// is a lower bound of the distance. For the legal-form scan, which tries each long token
/// against every long spelling word sharing its first letter, the bound rejects nearly all
/// pairs: it cut the normalization of the real lists' names by about five times.
pub(crate) fn key_similarity_at_least(a: &str, b: &str, min: f32) -> bool {
    key_similarity_if_at_least(a, b, min).is_some()
}

/// The key similarity of `a` and `b` ([`key_similarity`]) when it is at least `min`, found as
/// [`key_similarity_at_least`] finds it, with one dynamic programme at most.
pub(crate) fn key_similarity_if_at_least(a: &str, b: &str, min: f32) -> Option<f32> {
    if a == b {
        return Some(1.0);
    }
    let len = a.len().max(b.len()).min(MAX_KEY);
    if len == 0 {
        return None;
    }
    let allowed = (1.0 - min) * len as f32;
    // The symbols one key has more of must each be edited, at least at their least edit
    // costs; with room for the rounding of sums the distance adds in another order.
    let (ca, cb) = (capped(a), capped(b));
    let floor = count_floor(ca, cb, &LEAST_EDIT, &LEAST_EDIT);
    // A glide of `GLIDE_E_INDEL` edits for less than its least: counted only when the floor
    // would turn the pair away (most keys have none).
    if floor > allowed + 1e-4 {
        let glide_saving = LEAST_EDIT
            .get(usize::from(b'J'))
            .map_or(0.0, |&l| l - GLIDE_E_INDEL);
        if floor - glide_saving * (e_glides(ca) + e_glides(cb)) as f32 > allowed + 1e-4 {
            return None;
        }
    }
    let d = key_distance_within(a, b, allowed + 1e-6)?;
    let sim = (1.0 - d / len as f32).clamp(0.0, 1.0);
    (sim >= min).then_some(sim)
}

/// The least cost of inserting or deleting a symbol: a path through the distance table moves
/// from one diagonal to the next only by such an edit.
const LEAST_INDEL: f32 = SOFT_INDEL;
const _: () = assert!(LEAST_INDEL <= 1.0 && LEAST_INDEL <= indel_cost(b'b'));

/// The weighted distance of two keys ([`key_distance`]) when it is at most `max`: its dynamic
/// programme over the band of diagonals a path within `max` can use (Ukkonen's cut-off:
/// leaving the last cell's diagonal and coming back to it takes insertions and deletions of
/// at least [`LEAST_INDEL`] each), stopped at the first row whose every cell exceeds `max`
/// (costs only grow down the rows).
fn key_distance_within(a: &str, b: &str, max: f32) -> Option<f32> {
    let (a, b) = (capped(a), capped(b));
    // Cell (r, c) lies on diagonal r - c; the last cell on diagonal `end`. With room for the
    // rounding of sums.
    let end = a.len() as isize - b.len() as isize;
    // A glide's indel before `e` costs less than the least the band assumes: its saving is
    // added to what the path may spend.
    let discount = (LEAST_INDEL - GLIDE_E_INDEL) * (e_glides(a) + e_glides(b)) as f32;
    let indels = (max + discount + 1e-3) / LEAST_INDEL;
    if end.unsigned_abs() as f32 > indels {
        return None;
    }
    // Diagonals a path may leave `0..=end` by on either side, there and back.
    let spare = (((indels - end.unsigned_abs() as f32) / 2.0) as isize).min(MAX_KEY as isize);
    let (low, high) = (end.min(0) - spare, end.max(0) + spare);
    let width = b.len() as isize;
    let band = |r: usize| {
        let r = r as isize;
        let lo = (r - high).clamp(0, width) as usize;
        let hi = (r - low).clamp(0, width) as usize;
        (lo, hi)
    };
    // Three rows in turn, swapped by reference.
    let mut rows = [[f32::INFINITY; MAX_KEY + 1]; 3];
    let [r0, r1, r2] = &mut rows;
    let (mut before, mut prev, mut cur) = (r0, r1, r2);
    let mut ib = [0f32; MAX_KEY];
    let mut acc = 0.0;
    if let Some(c0) = prev.first_mut() {
        *c0 = 0.0;
    }
    for (j, (slot, cost)) in prev
        .iter_mut()
        .skip(1)
        .zip(ib.iter_mut())
        .take(b.len())
        .enumerate()
    {
        *cost = indel_at(b, j);
        acc += *cost;
        *slot = acc;
    }
    let ib = ib.get(..b.len()).unwrap_or_default();
    let mut prev_min = 0.0;
    for (i, &ca) in a.iter().enumerate() {
        let row_min = fill_row(a, b, i, ca, ib, before, prev, cur, band(i + 1));
        // The next row is reached from this one, and by a transposition from the one before:
        // stop only when both exceed `max`.
        if row_min > max && prev_min > max {
            return None;
        }
        prev_min = row_min;
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.get(b.len()).copied().filter(|&d| d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::proptest;

    #[test]
    fn wade_giles_hs_is_pinyin_x_at_the_start_of_a_word() {
        assert_eq!(key("hsi"), key("xi"));
        assert_eq!(key("hsiung"), key("xiung"));
        // Inside a word it is two letters (`Ahsan`), and in a word romanized from Arabic
        // script two letters always (حسن, `hsn`).
        assert_eq!(key("ahsan"), "ahsan");
        assert_eq!(abjad_key("hsn"), "hsn");
    }

    #[test]
    fn an_initial_i_before_y_is_the_vowel_and_the_y_its_glide() {
        // إياد: the vowel on the alif, then the glide ي, as `Eyad` and `Ayad` write it.
        assert_eq!(abjad_key("iyad"), "iJad");
        assert_eq!(key("eyad"), "eJad");
        assert!(abjad_similarity("iJad", "eJad") >= 0.9);
        // Elsewhere an i before a vowel is still the glide (`Iakov`, ICAO я), and so is the
        // i of `Aiyub` after a vowel.
        assert_eq!(key("iakov"), key("yakov"));
        assert_eq!(key("aiyub"), key("ayub"));
    }

    #[test]
    fn an_e_glide_written_or_not_is_nearly_one_spelling() {
        // Е at the start of a word: ye (BGN/PCGN), je (German, Swedish), e (ICAO 9303).
        let [ye, je, e] = ["yermakov", "jermakov", "ermakov"].map(key);
        assert_eq!(ye, je);
        let sim = key_similarity(&ye, &e);
        assert!(sim >= 0.98, "{sim}");
        assert_eq!(key_distance(&e, &ye), GLIDE_E_INDEL);
        // So is е after и: -iye (BGN/PCGN), -ije (Serbian), -ie (ICAO 9303).
        let [iye, ije, ie] = ["dmitriyevich", "dmitrijevich", "dmitrievich"].map(key);
        assert_eq!(iye, ije);
        assert_eq!(key_distance(&ie, &iye), GLIDE_E_INDEL);
        // At the end of a word too (the е of a neuter noun): not a French silent e.
        assert_eq!(
            key_distance(&key("sozvezdie"), &key("sozvezdiye")),
            GLIDE_E_INDEL
        );
        // Only a glide before e, at the start or after i: Yakov / Akov, and a glide after
        // another vowel, are a full soft edit apart, as before.
        assert_eq!(key_distance(&key("yakov"), &key("akov")), SOFT_INDEL);
        assert_eq!(key_distance("aJeb", "aeb"), SOFT_INDEL);
        // The glide stays in the key: Yehia is still a vowel from Yahya.
        assert_eq!(key_distance(&key("yehia"), &key("yahia")), VOWEL_SUB);
    }

    #[test]
    fn split_pairs_read_joined_as_their_digraph() {
        assert_eq!(abjad_joined("azhr").as_deref(), Some("aSr"));
        assert_eq!(abjad_joined("ishak").as_deref(), Some("iSak"));
        assert_eq!(abjad_joined("khrman").as_deref(), Some("hrman"));
        assert_eq!(abjad_joined("shhab").as_deref(), Some("Shab"));
        assert_eq!(abjad_joined("hald"), None);
        assert_eq!(abjad_joined("fthi"), None);
        // What a break splits is what is joined back: the letters' own keys, apart.
        let tokens = crate::normalize::tokenize("الزهراني أزهر فتحي");
        let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["al", "zhrani", "azhr", "fthi"]);
    }

    #[test]
    fn bounded_abjad_similarity_agrees_with_the_full_one() {
        let arabic = [
            "mhmd", "ahmd", "aljwlani", "hsin", "sdam", "altkriti", "abd", "a", "",
        ];
        let latin = [
            "muhamad", "ahmad", "julani", "golani", "husain", "sadam", "tikriti", "abdul", "a",
        ];
        for a in arabic {
            for l in latin {
                let full = abjad_similarity(a, l);
                for min in [0.0, 0.5, 0.75, 0.8, 0.9] {
                    assert_eq!(
                        abjad_similarity_if_at_least(a, l, min),
                        (full >= min).then_some(full),
                        "{a} {l} {min}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_transposition_is_one_edit() {
        let swapped = key_distance(&key("fiazullah"), &key("faizullah"));
        assert!((swapped - TRANSPOSE).abs() < 1e-6, "{swapped}");
        assert!((key_distance("ab", "ba") - TRANSPOSE).abs() < 1e-6);
        // Not two letters apart.
        assert!(key_distance("abc", "cba") > TRANSPOSE);
    }

    #[test]
    fn bounded_similarity_agrees_with_the_full_one() {
        let words = [
            "ogranichennoi",
            "ogranichenoi",
            "otvetstvennostyu",
            "obshchestvo",
            "obsestvo",
            "aktsionernoe",
            "akcionernoe",
            "tovarishchestvo",
            "kazstaneks",
            "limited",
            "limitid",
            "sirketi",
            "shirketi",
            "ticaret",
            "tijaret",
            "faizullah",
            "fiazullah",
            "muavin",
            "mauvin",
            // Surplus symbols without a cheap partner (`r`, `l`, `m`, `n`): the counts' floor.
            "marina",
            "irina",
            "ruslan",
            "nurlan",
            "amal",
            "a",
            "",
        ];
        for a in words {
            for b in words {
                for min in [0.5, 0.7, 0.8, 0.9] {
                    assert_eq!(
                        key_similarity_at_least(a, b, min),
                        key_similarity(a, b) >= min,
                        "{a} {b} {min}"
                    );
                    let full = key_similarity(a, b);
                    assert_eq!(
                        key_similarity_if_at_least(a, b, min),
                        (full >= min).then_some(full),
                        "{a} {b} {min}"
                    );
                }
            }
        }
    }

    /// `key` with `edits` applied in turn, each (operation, position, symbol): an insertion
    /// (operations 0 and 1), a deletion (2) or a substitution (3), the position cut to the key.
    fn edited(key: &str, edits: Vec<(u8, usize, String)>) -> String {
        let mut out = key.as_bytes().to_vec();
        for (op, at, symbol) in edits {
            let at = at.min(out.len());
            let symbol = symbol.as_bytes().first().copied().unwrap_or(b'a');
            match op {
                0 | 1 => out.insert(at, symbol),
                2 if at < out.len() => {
                    out.remove(at);
                }
                _ => {
                    if let Some(slot) = out.get_mut(at) {
                        *slot = symbol;
                    }
                }
            }
        }
        String::from_utf8(out).unwrap_or_default()
    }

    /// The weighted distance over the whole table, every cell computed: what the banded
    /// programme must agree with.
    #[allow(clippy::indexing_slicing)]
    fn full_table_distance(a: &[u8], b: &[u8]) -> f32 {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0f32; m + 1]; n + 1];
        for r in 1..=n {
            d[r][0] = d[r - 1][0] + indel_at(a, r - 1);
        }
        for c in 1..=m {
            d[0][c] = d[0][c - 1] + indel_at(b, c - 1);
        }
        for r in 1..=n {
            for c in 1..=m {
                let (x, y) = (a[r - 1], b[c - 1]);
                let sub = if r == n && c == m && is_gender_ending(x, y) {
                    1.0
                } else {
                    sub_cost(x, y)
                };
                let mut v = (d[r - 1][c - 1] + sub)
                    .min(d[r - 1][c] + indel_at(a, r - 1))
                    .min(d[r][c - 1] + indel_at(b, c - 1));
                if r > 1 && c > 1 && x != y && a[r - 2] == y && b[c - 2] == x {
                    v = v.min(d[r - 2][c - 2] + TRANSPOSE);
                }
                d[r][c] = v;
            }
        }
        d[n][m]
    }

    #[test]
    fn the_band_keeps_the_distance_of_keys_of_unequal_length() {
        for (a, b) in [
            ("Jevgeni", "Jevgieni"),
            ("JevgeniprigoSin", "JevgenievnasavickaJa"),
            ("aaaaaa", "a"),
            ("muhamad", "mhmd"),
            ("fiazullah", "faizullah"),
            // A glide's indel before `e` is cheaper than the band's least.
            ("Jermakov", "ermakov"),
            ("eS", "JeSov"),
            ("JelisaJeva", "elisaveta"),
            ("dmitriJeviC", "dmitrieviC"),
            ("iJeiJeiJe", "ieieie"),
        ] {
            let full = full_table_distance(a.as_bytes(), b.as_bytes());
            assert!((key_distance(a, b) - full).abs() < 1e-4, "{a} {b}");
            assert!(key_distance_within(a, b, full + 1e-4).is_some(), "{a} {b}");
            assert_eq!(key_distance_within(a, b, full - 0.05), None, "{a} {b}");
        }
    }

    proptest! {
        /// The counts' floor of the letter-by-letter distance of Arabic script
        /// (`abjad_count_floor`) never turns away a pair the distance keeps.
        #[test]
        fn bounded_abjad_similarity_agrees_with_the_full_one_on_any_keys(
            abjad in "[a-zSJC]{1,9}",
            edits in proptest::collection::vec((0u8..4, 0usize..12, "[aeiouhJvbkszCSdt]"), 0..6),
            min in proptest::sample::select(vec![0.5f32, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]),
        ) {
            // The Latin spelling a few edits from the Arabic word: vowels put in above all.
            let latin = edited(&abjad, edits);
            let full = abjad_similarity(&abjad, &latin);
            proptest::prop_assert_eq!(
                abjad_similarity_if_at_least(&abjad, &latin, min),
                (full >= min).then_some(full)
            );
        }

        /// The band of diagonals and the early stop keep every distance within the bound, and
        /// only those.
        #[test]
        fn the_banded_distance_agrees_with_the_full_table(
            a in "(Je)?([a-zCSJX]|iJe){0,10}",
            edits in proptest::collection::vec((0u8..4, 0usize..16, "[aeiouhJbkszCS]"), 0..6),
            max in 0.0f32..6.0,
        ) {
            // `b` is `a` a few edits away, soft symbols inserted and deleted above all: the
            // paths that leave the last cell's diagonal and come back.
            let b = edited(&a, edits);
            let full = full_table_distance(a.as_bytes(), b.as_bytes());
            let within = key_distance_within(&a, &b, max);
            if full <= max - 1e-3 {
                proptest::prop_assert!(within.is_some_and(|d| (d - full).abs() < 1e-4), "{within:?} {full}");
            } else if full > max + 1e-3 {
                proptest::prop_assert_eq!(within, None);
            }
        }

        /// The counts' floor (`LEAST_EDIT`) never turns away a pair the distance keeps.
        #[test]
        fn bounded_similarity_agrees_with_the_full_one_on_any_keys(
            a in "(Je)?([a-zCSJX]|iJe){0,10}",
            b in "(Je)?([a-zCSJX]|iJe){0,10}",
            min in proptest::sample::select(vec![0.5f32, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]),
        ) {
            let full = key_similarity(&a, &b);
            proptest::prop_assert_eq!(
                key_similarity_if_at_least(&a, &b, min),
                (full >= min).then_some(full)
            );
        }
    }

    #[test]
    fn a_vowel_and_e_before_v_stay_two_letters() {
        // The Russian -ев after a vowel (ICAO 9303), not English ee for ī nor German ue for ü.
        assert_eq!(key("sergeev"), "sergev");
        assert_eq!(key("kluev"), "kluev");
        assert_eq!(key("boev"), "boev");
        // Elsewhere they are.
        assert_eq!(key("rasheed"), key("rashid"));
        assert_eq!(key("mueller"), key("muller"));
        assert_eq!(key("schoen"), key("schon"));
    }

    #[test]
    fn spellings_meet() {
        // (spellings that must share a key, the standards they follow)
        let groups: &[(&[&str], &str)] = &[
            (
                &["prigozhin", "prigoschin", "prigozjin"],
                "BGN/PCGN, German, Swedish ж",
            ),
            (
                &["yevgeniy", "evgenii", "jewgeni", "evgenij", "evguenii"],
                "BGN, ICAO, German, GOST B, French",
            ),
            (&["kazstanex", "kazstaneks"], "ks/x"),
            (
                &["khodorkovsky", "hodorkovsky", "khodorkovskiy"],
                "kh/h, -y/-iy",
            ),
            (&["mueller", "muller"], "German umlaut written out"),
            (
                &["qaddafi", "qadhafi", "gaddafi"],
                "dh/d, doubled letters (with q/g left to the distance)",
            ),
            (&["tokayev", "tokaev", "toqaev"], "ye after a vowel, q/k"),
            (&["yusuf", "youssef", "jusuf"], "ou/u, glides"),
            (&["shcherbakov", "shherbakov", "schtscherbakow"], "щ"),
            (
                &["sergeyevich", "sergeevich", "sergejewitsch"],
                "-еевич: BGN ye, ICAO e (ee before v no Arabic ī), German je",
            ),
            (
                &["kliuev", "klyuev", "kluev"],
                "-уев: ICAO, yu, u (ue before v no German ü)",
            ),
            (
                &["gagloyev", "gagloev"],
                "-оев: BGN, ICAO (oe before v no German ö)",
            ),
        ];
        for (words, why) in groups {
            let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
            for (i, k) in keys.iter().enumerate().skip(1) {
                let sim = key_similarity(k, &keys[0]);
                assert!(
                    sim >= 0.85,
                    "{why}: {} ({k}) vs {} ({}) similarity {sim}",
                    words[i],
                    words[0],
                    keys[0]
                );
            }
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("kazstal", "kazstanex"),
            ("ivanov", "mironov"),
            ("sergei", "andrei"),
        ] {
            let sim = key_similarity(&key(a), &key(b));
            assert!(sim < 0.75, "{a} vs {b}: {sim}");
        }
    }

    #[test]
    fn distance_is_symmetric_and_bounded() {
        let long = "a".repeat(500);
        assert!(key_distance(&long, "b") <= MAX_KEY as f32 + 1.0);
        assert_eq!(key_distance("abc", "abd"), key_distance("abd", "abc"));
        assert_eq!(key_similarity("", ""), 1.0);
    }
}
