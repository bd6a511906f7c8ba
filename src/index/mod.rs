//! Build-time structures over the normalized names of the loaded lists: the token
//! vocabulary, postings, a fuzzy lookup of the vocabulary, and the anchors of the text scan.
//!
//! Every list name is normalized and weighed once, when the screener is built. A query token
//! finds the vocabulary entries it may meet through its exact key and the deletion
//! neighbourhood of its key (every key with one symbol removed, in the manner of SymSpell):
//! two keys within one substitution, insertion or deletion share an entry. Short keys are
//! also looked up through their cheap edits, and long ones through a coarse key that leaves
//! out vowels and writes each class of cheap pairs alike (`MAHAJAR` / `MUHAJIR`). Glued pairs of
//! adjacent list tokens are in the vocabulary too, so `JSCARGUMENT` finds `JSC ARGUMENT`.
//!
//! Words written in Arabic script meet Latin spellings by their consonant skeleton, which
//! stands for many words (`~mhmd`: `Muhammad`, `Mohamed`, `محمد`, `Mahmoud`, ...). A skeleton's
//! entry keeps the word keys it was made from, and those of the glued runs of two and three
//! list tokens: a query word takes, of the skeletons near its own, the words and runs it may
//! meet by their keys (`Babu` does not take `أبو`), each with its own postings.

use rustc_hash::FxHashMap as HashMap;

use crate::model::EntityKind;
use crate::normalize::TokenKind;
use crate::score::{GluedRuns, NameSums, ScoreToken, SmallText, heap_len};

/// Keys shorter than this have no deletion neighbourhood: one full edit in a three-letter key
/// is a different word (those of three symbols are looked up through their cheap edits,
/// [`SHORT_KEY`]).
const FUZZY_MIN_KEY: usize = 4;

/// Keys longer than this are looked up exactly only: no name token is this long, and the
/// deletion neighbourhood of a key grows with the square of its length.
const FUZZY_MAX_KEY: usize = 32;
/// Keys from this long up to [`CHEAP_EDITED_KEY`] are also looked up through their cheap
/// edits (see [`Index::lookup`]); shorter ones meet only themselves, as scoring wants.
const SHORT_KEY: usize = 3;
/// The longest key looked up through its cheap edits (with their one-deletion neighbours from
/// [`FUZZY_MIN_KEY`] on).
const CHEAP_EDITED_KEY: usize = 5;

/// Words of scanned text shorter than this meet anchors by their exact key only: in running
/// text, one edit away from a short name is mostly another word (`SPARE` / `SPAR`).
pub(crate) const TEXT_FUZZY_MIN_KEY: usize = 6;

/// Keys from this long are also indexed and looked up by their coarse key
/// ([`crate::normalize::variant::coarse_key`]): two vowels or cheap pairs apart, they share
/// no deletion (shorter keys reach such keys through their cheap edits).
const COARSE_MIN_KEY: usize = CHEAP_EDITED_KEY + 1;

/// The length of the key prefix indexed for long keys.
const PREFIX: usize = 5;

/// Keys from this length on are also indexed by their prefix: the prefix that words of an
/// organization's name inflected in two languages share (see `score::COGNATE_SIM`).
const PREFIX_MIN_KEY: usize = PREFIX;

/// Keys from this length on are also indexed by their last [`PREFIX`] symbols.
const SUFFIX_MIN_KEY: usize = 6;

/// The vocabulary key of a group of spellings of one common name (see
/// `score::name_groups`): every spelling of the group is indexed under it.
pub(crate) fn group_key(group: u16) -> String {
    format!("#{group}")
}

fn prefix_of(key: &str) -> Option<&str> {
    if key.len() >= PREFIX_MIN_KEY {
        key.get(..PREFIX)
    } else {
        None
    }
}

/// The mark of a glued run's key (see [`NameKeys::of`]), which no other key starts with.
pub(crate) const RUN_MARK: char = '=';

/// The mark of an organization's last word as a word that a query word may be begun by (see
/// [`Index::lookup_cut_words`]), which no other key starts with.
const CUT_MARK: char = '<';

/// Whether a key is a word's own, not marked as a skeleton (`~`, `^`), concept (`@`),
/// country (`%`), name group (`#`) or glued run ([`RUN_MARK`]).
fn is_plain(key: &str) -> bool {
    !key.starts_with(['~', '^', '@', '%', '#', RUN_MARK, CUT_MARK])
}

/// The coarse keys of a plain key from [`COARSE_MIN_KEY`] to [`FUZZY_MAX_KEY`] symbols long:
/// its own, and its glide reading where it has one
/// ([`crate::normalize::variant::coarse_glide_key`]).
fn coarse_of(key: &str) -> [Option<String>; 2] {
    if is_plain(key) && (COARSE_MIN_KEY..=FUZZY_MAX_KEY).contains(&key.len()) {
        let own = crate::normalize::variant::coarse_key(key);
        let glide =
            crate::normalize::variant::coarse_glide_key(key).filter(|g| Some(g) != own.as_ref());
        [own, glide]
    } else {
        [None, None]
    }
}

/// The last [`PREFIX`] symbols of a long key, marked so as not to meet a prefix.
fn suffix_of(key: &str) -> Option<String> {
    if key.len() >= SUFFIX_MIN_KEY {
        key.get(key.len() - PREFIX..).map(|s| format!("${s}"))
    } else {
        None
    }
}

/// A list name in the index.
#[derive(Clone, Debug)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct IndexedName {
    /// Position of the entity in the screener's entity table.
    pub(crate) entity: u32,
    /// Position of the name in the entity's names.
    pub(crate) name: u32,
    /// The name's tokens with their weights.
    pub(crate) tokens: Vec<ScoreToken>,
    /// The runs of its adjacent tokens written as one word.
    pub(crate) glued: GluedRuns,
    /// Whether the list flags the name as a weak alias.
    pub(crate) weak: bool,
    /// Whether the name is the acronym an organization's name gives in parentheses: like a
    /// weak alias, it counts only when near-exact, and text scanning leaves it out.
    pub(crate) acronym: bool,
    /// Names of the same tokens share a shape (set by [`Index::add`]): the lists repeat the
    /// same spelling across sources and entities, and a query scores each shape once.
    pub(crate) shape: u32,
    /// The entity's kind, and sums over the tokens: what a query reads of the thousands of
    /// candidate names it leaves out without scoring them, kept beside the name.
    pub(crate) kind: EntityKind,
    pub(crate) sums: NameSums,
}

/// What a vocabulary entry can bring to a match, the most over the list tokens (or glued
/// pairs of tokens) that have its key: their weight, and whether one is distinctive.
#[derive(Clone, Copy, Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct EntryWeight {
    pub(crate) weight: f32,
    pub(crate) distinctive: bool,
    /// Whether a token of the entry was written in Arabic script (it meets Latin words
    /// letter by letter, not by key).
    pub(crate) abjad: bool,
    /// Whether the key is a word's (not only a glued pair's or a skeleton's).
    pub(crate) word: bool,
}

impl EntryWeight {
    fn join(&mut self, weight: f32, distinctive: bool, abjad: bool) {
        self.weight = self.weight.max(weight);
        self.distinctive |= distinctive;
        self.abjad |= abjad;
    }
}

/// One list of ids per vocabulary entry, flat after [`finish`](Self::finish): the lists
/// end to end in one vector, where a vector each would cost a heap block per entry.
#[derive(Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct IdLists {
    /// Where list `i` ends in `ids` (it starts where list `i - 1` ends).
    ends: Vec<u32>,
    ids: Vec<u32>,
    /// While filling: each id with its list, in the order pushed (one vector for all the
    /// lists: growing a vector per list cost the build a reallocation every few ids).
    #[cfg_attr(feature = "snapshot", serde(skip))]
    pending: Vec<(u32, u32)>,
    /// While filling: the last id pushed to each list, `u32::MAX` for none.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    last: Vec<u32>,
}

impl IdLists {
    /// Adds an empty list while filling.
    fn push_list(&mut self) {
        self.last.push(u32::MAX);
    }

    /// Adds `id` to list `i` while filling.
    fn push(&mut self, i: u32, id: u32) {
        if let Some(last) = self.last.get_mut(i as usize) {
            *last = id;
            self.pending.push((i, id));
        }
    }

    /// Adds `id` to list `i` while filling, unless it is the last id the list has.
    fn push_new(&mut self, i: u32, id: u32) {
        if self.last.get(i as usize).is_some_and(|&last| last != id) {
            self.push(i, id);
        }
    }

    /// Whether list `i` is empty while filling.
    fn is_empty_while_filling(&self, i: usize) -> bool {
        self.last.get(i).is_none_or(|&last| last == u32::MAX)
    }

    /// Lays the lists filled so far end to end (each in the order its ids were pushed),
    /// after those of an earlier `finish`.
    fn finish(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let lists = std::mem::take(&mut self.last).len();
        // Each list's length, then where each starts (a counting sort by list).
        let mut starts = vec![0u32; lists];
        for &(i, _) in &pending {
            if let Some(n) = starts.get_mut(i as usize) {
                *n += 1;
            }
        }
        let mut at = self.ids.len() as u32;
        for n in &mut starts {
            let len = *n;
            *n = at;
            at += len;
        }
        self.ends.reserve_exact(lists);
        self.ends
            .extend(starts.iter().skip(1).copied().chain(std::iter::once(at)));
        self.ids.resize(at as usize, 0);
        for (i, id) in pending {
            if let Some(next) = starts.get_mut(i as usize) {
                if let Some(slot) = self.ids.get_mut(*next as usize) {
                    *slot = id;
                }
                *next += 1;
            }
        }
    }

    /// List `i` (empty before `finish`).
    fn get(&self, i: u32) -> &[u32] {
        let i = i as usize;
        let start = match i.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        self.ids
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    fn memory_usage(&self) -> usize {
        (self.ends.capacity() + self.ids.capacity()) * 4
    }
}

/// Hashed keys → vocabulary ids, flat: a table of spans into one list of ids, so that the
/// million-odd neighbourhood keys cost no allocation each (the lists of one or two ids they
/// mostly hold would each be a heap block of their own). Filled with [`push`](Self::push),
/// then [`finish`](Self::finish)ed before the first [`get`](Self::get).
#[derive(Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct HashPostings {
    /// Hash → start and end of its ids in `ids`.
    #[cfg_attr(
        feature = "snapshot",
        serde(deserialize_with = "crate::screen::snapshot::full_map")
    )]
    spans: HashMap<u64, (u32, u32)>,
    /// The ids of every hash, each hash's ascending and without repeats.
    ids: Vec<u32>,
    /// While filling: (hash, id) pairs in any order.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    pending: Vec<(u64, u32)>,
}

impl HashPostings {
    fn push(&mut self, hash: u64, id: u32) {
        self.pending.push((hash, id));
    }

    /// Groups the pairs pushed so far by hash (with those of an earlier `finish`).
    fn finish(&mut self) {
        let mut pairs = std::mem::take(&mut self.pending);
        for (&hash, &(start, end)) in &self.spans {
            let old = self
                .ids
                .get(start as usize..end as usize)
                .unwrap_or_default();
            pairs.extend(old.iter().map(|&id| (hash, id)));
        }
        #[cfg(feature = "rayon")]
        rayon::slice::ParallelSliceMut::par_sort_unstable(pairs.as_mut_slice());
        #[cfg(not(feature = "rayon"))]
        pairs.sort_unstable();
        pairs.dedup();
        self.ids = Vec::with_capacity(pairs.len());
        self.spans = HashMap::default();
        let keys = pairs.chunk_by(|a, b| a.0 == b.0).count();
        self.spans.reserve(keys);
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let Some(&(hash, _)) = group.first() else {
                continue;
            };
            let start = self.ids.len() as u32;
            self.ids.extend(group.iter().map(|&(_, id)| id));
            self.spans.insert(hash, (start, self.ids.len() as u32));
        }
    }

    /// The ids under a hash, ascending.
    fn get(&self, hash: u64) -> &[u32] {
        self.spans
            .get(&hash)
            .and_then(|&(start, end)| self.ids.get(start as usize..end as usize))
            .unwrap_or_default()
    }

    /// An estimate of the heap memory held, in bytes: a table slot (hash, span and control
    /// byte) per key and four bytes per id.
    fn memory_usage(&self) -> usize {
        self.spans.capacity() * (std::mem::size_of::<(u64, (u32, u32))>() + 1)
            + self.ids.capacity() * 4
    }
}

/// The index over all list names.
#[derive(Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct Index {
    pub(crate) names: Vec<IndexedName>,
    /// Key of a token (or of a glued pair of tokens) → vocabulary id.
    #[cfg_attr(
        feature = "snapshot",
        serde(deserialize_with = "crate::screen::snapshot::full_map")
    )]
    vocab: HashMap<SmallText, u32>,
    /// Vocabulary id → names holding it (ascending, no repeats).
    postings: IdLists,
    /// Vocabulary id → names whose text-scan anchor it is.
    anchors: IdLists,
    /// Vocabulary id → what it can bring to a match.
    weights: Vec<EntryWeight>,
    /// Vocabulary id → key.
    keys: Vec<SmallText>,
    /// The hash of a key with one symbol deleted → vocabulary ids. Hashes, not strings: the
    /// neighbourhoods hold ten times the vocabulary, and a collision only adds a candidate
    /// that scoring then rejects.
    deletions: HashPostings,
    /// The first and (marked `$`) the last [`PREFIX`] symbols of a long key → vocabulary ids:
    /// keys that differ at one end (a glued word: `Wagnergruppen` / `WAGNER GROUP`, `STANEX`
    /// / `UZSTANEX`) still meet.
    prefixes: HashPostings,
    /// The hash of a long key's coarse key → vocabulary ids: keys apart in vowels and cheap
    /// pairs only (`MAHAJAR` / `MUHAJIR`, `TURCHIN` / `TORSHIN`), however many.
    coarse: HashPostings,
    /// A skeleton key's vocabulary id (`~mhmd`, `^mhmd`) → the ids of the word keys it was
    /// made from (`muhamad`, `mohamed`, `mhmd`, ...): a skeleton stands for many words, of
    /// which a query word meets a few (see [`Index::skeleton_members`]).
    members: HashPostings,
    /// The hash of a text-scan anchor's key, and of the key with one symbol deleted → the
    /// anchor's vocabulary ids (see [`Index::text_anchors`]).
    anchor_edits: HashPostings,
    /// Name → what confirms it in scanned text.
    text_confirm: Vec<TextConfirm>,
    /// While names are added: the vocabulary ids that anchor a name as a word (not glued),
    /// whose keys the one-edit map of [`Index::finish`] holds.
    #[cfg_attr(feature = "snapshot", serde(skip))]
    word_anchors: Vec<bool>,
    /// While names are added: their token texts → the first name of each shape with them.
    shapes: HashMap<Box<str>, Vec<u32>>,
    shape_count: u32,
}

/// What a stretch of scanned text must hold for a name to be scored there (see
/// [`TextPlan`]).
#[derive(Clone, Debug, Default)]
#[cfg_attr(feature = "snapshot", derive(serde::Serialize, serde::Deserialize))]
pub(crate) struct TextConfirm {
    /// The vocabulary ids of the name's keys, legal forms aside, and of its anchors glued to
    /// a neighbour, each with how many of the name's words (legal forms aside) and of its
    /// distinctive words it stands for.
    pub(crate) vids: Box<[(u32, u8, u8)]>,
    /// How many of them a stretch must hold.
    pub(crate) need: u8,
    /// How many distinctive words' among them.
    pub(crate) need_distinctive: u8,
    /// Whether the anchor must be written as in the list: the only distinctive word when it
    /// is short, or any word of a name of common words alone.
    pub(crate) written: bool,
}

/// The hash of a neighbourhood key.
fn h(s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = rustc_hash::FxBuildHasher.build_hasher();
    hasher.write(s.as_bytes());
    hasher.write_u8(0xff);
    hasher.finish()
}

/// Calls `f` with every key made by deleting one symbol of `key`, keeping the mark of a key's
/// kind (`~` and `^` skeletons, `@` concepts, `%` countries) in front: a skeleton does not
/// meet a word's key.
fn deletions_of(key: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::with_capacity(key.len());
    let marked = key.starts_with(['~', '^', '@', '%']);
    for (i, _) in key.char_indices().skip(usize::from(marked)) {
        buf.clear();
        buf.push_str(key.get(..i).unwrap_or(""));
        let next = key
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
        buf.push_str(key.get(i + next..).unwrap_or(""));
        f(&buf);
    }
}

/// How the text scan finds a name: the keys it is anchored on, and what a stretch of text
/// must hold before the name is scored there.
///
/// A name with distinctive words is anchored on the two weightiest (a text holding the name
/// holds an anchor even with one of them misspelled); a stretch must hold two of its
/// distinctive words, or its only one, and two of its tokens (legal forms aside) when it has
/// two. A name of common words alone (`BANK`, `DUBAI TRADING`) is anchored on its
/// weightiest word and needs all its tokens: `BANK` alone in a payment is not a name.
struct TextPlan<'a> {
    anchors: Vec<&'a str>,
    /// The name's keys (legal forms aside), each with whether it is a distinctive word's.
    confirm: Vec<(&'a str, bool)>,
    /// How many of the keys a stretch must hold.
    need: usize,
    /// How many distinctive words' keys among them.
    need_distinctive: usize,
    /// Whether the anchor must be written as in the list (see [`TextConfirm::written`]).
    written: bool,
}

fn text_plan<'a>(tokens: &'a [ScoreToken]) -> TextPlan<'a> {
    let mut parts: Vec<&ScoreToken> = tokens
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm)
        .collect();
    parts.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.key.len().cmp(&b.key.len()))
    });
    let mut confirm: Vec<(&str, bool)> = Vec::with_capacity(parts.len());
    for t in parts {
        match confirm.iter_mut().find(|(k, _)| *k == &*t.key) {
            Some((_, d)) => *d |= t.distinctive(),
            None => confirm.push((&t.key, t.distinctive())),
        }
    }
    let distinctive = confirm.iter().filter(|(_, d)| *d).count();
    if distinctive > 0 {
        TextPlan {
            anchors: confirm
                .iter()
                .filter(|(_, d)| *d)
                .take(2)
                .map(|(k, _)| *k)
                .collect(),
            need: confirm.len().min(2),
            need_distinctive: distinctive.min(2),
            written: distinctive == 1
                && confirm
                    .iter()
                    .any(|(k, d)| *d && k.len() < TEXT_FUZZY_MIN_KEY),
            confirm,
        }
    } else {
        TextPlan {
            anchors: confirm.iter().take(1).map(|(k, _)| *k).collect(),
            need: confirm.len(),
            need_distinctive: 0,
            written: true,
            confirm,
        }
    }
}

/// Whether two keys are at most one edit apart: one substitution, insertion, deletion, or
/// swap of adjacent symbols.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let (Some(s), Some(l)) = (short.get(prefix..), long.get(prefix..)) else {
        return false;
    };
    match long.len() - short.len() {
        0 => {
            // Equal, one substitution, or one swap.
            s.len() <= 1
                || s.get(1..) == l.get(1..)
                || (s.first() == l.get(1) && s.get(1) == l.first() && s.get(2..) == l.get(2..))
        }
        1 => s == l.get(1..).unwrap_or_default(),
        _ => false,
    }
}

/// What indexing a name needs that does not depend on the names indexed before it: its
/// keys, made on every core before the names are added one by one (see [`Index::add`]).
pub(crate) struct NameKeys {
    /// Keys of its tokens and skeletons, with the weight and distinctiveness of what has
    /// them, whether it was written in Arabic script, and whether the key is a word's own.
    keys: KeyList,
    /// The key of each pair of adjacent tokens written as one word, by the pair's first
    /// token; `None` for a pair with a number.
    pairs: Vec<Option<String>>,
    /// Each skeleton key of `keys` with the word key it was made from, by their positions.
    members: Vec<(usize, usize)>,
    /// Its tokens' texts, joined: what names of one shape share.
    shape: Box<str>,
}

/// The keys of one name in one string: a name has a dozen keys or more, made on every core
/// and dropped one name at a time as the index takes them, so one allocation for all.
#[derive(Default)]
struct KeyList {
    text: String,
    /// Where each key ends in `text`, with the weight and distinctiveness of what has it,
    /// whether it was written in Arabic script, and whether it is a word's own.
    entries: Vec<(usize, f32, bool, bool, bool)>,
}

impl KeyList {
    /// Adds the key `mark` + `key` (`mark` empty or one of the marks).
    fn push(&mut self, (mark, key): (&str, &str), weight: f32, d: bool, abjad: bool, own: bool) {
        self.text.push_str(mark);
        self.text.push_str(key);
        self.entries.push((self.text.len(), weight, d, abjad, own));
    }

    fn len(&self) -> usize {
        self.entries.len()
    }

    /// The key at `i`, with what [`KeyList::push`] gave it.
    fn get(&self, i: usize) -> Option<(&str, f32, bool, bool, bool)> {
        let start = match i.checked_sub(1) {
            Some(before) => self.entries.get(before)?.0,
            None => 0,
        };
        let &(end, w, d, a, own) = self.entries.get(i)?;
        Some((self.text.get(start..end)?, w, d, a, own))
    }

    fn iter(&self) -> impl Iterator<Item = (&str, f32, bool, bool, bool)> {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

impl NameKeys {
    pub(crate) fn of(tokens: &[ScoreToken], glued: &GluedRuns, kind: EntityKind) -> NameKeys {
        // Room for a word's key, skeletons and group key, and its runs' keys.
        let text: usize = tokens.iter().map(|t| 4 * t.key.len() + 8).sum();
        let mut keys = KeyList {
            text: String::with_capacity(text),
            entries: Vec::with_capacity(4 * tokens.len()),
        };
        let mut members = Vec::new();
        for t in tokens {
            let d = t.distinctive();
            let own = keys.len();
            if t.kind != TokenKind::LegalForm {
                keys.push(("", &t.key), t.weight, d, t.abjad, true);
            }
            // A Czech or Slovak woman's surname meets the family's (`Porrasová` / `Porras`).
            if let (true, Some((stem, _))) = (t.feminine, &t.stem) {
                keys.push(("", stem), t.weight, d, t.abjad, false);
            }
            // Words written in Arabic script meet by consonant skeleton (`~skeleton`).
            if t.kind == TokenKind::Word && !t.skeleton.is_empty() {
                members.push((keys.len(), own));
                keys.push(("~", &t.skeleton), t.weight, d, t.abjad, false);
                // And a Latin word meets a word written in Arabic script by the skeleton of
                // the latter alone (`^skeleton`).
                if t.abjad {
                    members.push((keys.len(), own));
                    keys.push(("^", &t.skeleton), t.weight, d, t.abjad, false);
                }
            }
            // A spelling of a common name meets the other spellings of its name (`#group`).
            if let Some(group) = t.name {
                keys.push(("", &group_key(group)), t.weight, d, t.abjad, false);
            }
        }
        // Runs of two to `MAX_GLUED` list tokens, keyed as scoring glues them, meet a query
        // word near their skeleton as a word does: a Latin word meets a run with a word in
        // Arabic script (`Abdelmalek` / `عبد المالك`), a word in Arabic script any run
        // (`سعيدالله` / `SAEEDI, Ali`). The Latin key of a glued pair does not reach them
        // by skeleton. Each run's own key is marked ([`RUN_MARK`]): it is found through its
        // skeleton only, with no neighbourhood of its own.
        for n in 2..=crate::score::MAX_GLUED {
            for (start, run) in tokens.windows(n).enumerate() {
                // The run's key as scoring glues it, made once with the name (none for a run
                // with a number).
                let Some((_, key, abjad)) = glued.run(tokens.len(), n, start) else {
                    continue;
                };
                // A Latin run of two is the glued pair, whose key the vocabulary holds
                // already; Latin runs of three are left out (their number would weigh on the
                // index more than the few names they find).
                if !abjad && n > 2 {
                    continue;
                }
                let skeleton = crate::normalize::variant::skeleton(key);
                if skeleton.is_empty() {
                    continue;
                }
                let weight: f32 = run.iter().map(|t| t.weight).sum();
                let d = run.iter().any(ScoreToken::distinctive);
                let own = keys.len();
                let mut buf = [0; 4];
                let mark = if abjad {
                    &*RUN_MARK.encode_utf8(&mut buf)
                } else {
                    ""
                };
                keys.push((mark, key), weight, d, abjad, false);
                let marks: &[&str] = if abjad { &["~", "^"] } else { &["~"] };
                for mark in marks {
                    members.push((keys.len(), own));
                    keys.push((mark, &skeleton), weight, d, abjad, false);
                }
            }
        }
        // An organization's last word (legal forms after it aside) meets a query word it
        // begins, as a word cut short (`score::truncation_of`: `PMC Wagner` / `Wagnergruppen`).
        let last = tokens
            .iter()
            .rposition(|t| t.kind != TokenKind::LegalForm)
            .and_then(|i| tokens.get(i));
        if let Some(t) = last.filter(|t| {
            crate::score::scored_kind(kind, tokens) == EntityKind::Organization
                && t.kind == TokenKind::Word
                && !t.abjad
                && t.key.len() >= crate::score::TRUNCATION_MIN
        }) {
            let mut buf = [0; 4];
            let mark = CUT_MARK.encode_utf8(&mut buf);
            keys.push((mark, &t.key), t.weight, t.distinctive(), false, false);
        }
        // The Latin key of each pair of adjacent tokens: a Latin run's glued key already; a
        // run with a word in Arabic script is glued by its Arabic key, so its Latin key is
        // made here.
        let pairs = (0..tokens.len().saturating_sub(1))
            .map(|start| {
                let (text, key, abjad) = glued.run(tokens.len(), 2, start)?;
                Some(if abjad {
                    crate::normalize::variant::key(text)
                } else {
                    key.to_string()
                })
            })
            .collect();
        let mut shape = String::new();
        for t in tokens {
            shape.push_str(&t.text);
            shape.push('\u{1f}');
        }
        NameKeys {
            keys,
            pairs,
            members,
            shape: shape.into(),
        }
    }
}

impl Index {
    /// Adds a name, with its keys (`NameKeys::of` its tokens); call [`Index::finish`] after
    /// the last.
    pub(crate) fn add(&mut self, mut name: IndexedName, keys: NameKeys) {
        let id = self.names.len() as u32;
        name.shape = self.shape_of(&name.tokens, keys.shape);
        let pair_keys = name
            .tokens
            .windows(2)
            .zip(&keys.pairs)
            .filter_map(|(pair, key)| {
                let ([a, b], Some(key)) = (pair, key) else {
                    return None;
                };
                Some((
                    key.as_str(),
                    a.weight + b.weight,
                    a.distinctive() || b.distinctive(),
                    a.abjad || b.abjad,
                    false,
                ))
            });
        let token_keys = keys.keys.iter();
        for &(skeleton, own) in &keys.members {
            let (Some((skeleton, ..)), Some((own, ..))) =
                (keys.keys.get(skeleton), keys.keys.get(own))
            else {
                continue;
            };
            let (skeleton, own) = (self.intern(skeleton), self.intern(own));
            self.members.push(u64::from(skeleton), own);
        }
        for (k, weight, distinctive, abjad, word) in token_keys.chain(pair_keys) {
            let vid = self.intern(k);
            self.postings.push_new(vid, id);
            if let Some(w) = self.weights.get_mut(vid as usize) {
                w.join(weight, distinctive, abjad);
                w.word |= word;
            }
        }
        let plan = text_plan(&name.tokens);
        for key in &plan.anchors {
            let vid = self.intern(key);
            self.anchors.push(vid, id);
            if let Some(w) = self.word_anchors.get_mut(vid as usize) {
                *w = true;
            }
        }
        let mut confirm: Vec<(u32, u8, u8)> = plan
            .confirm
            .iter()
            .map(|&(k, d)| (self.intern(k), 1, u8::from(d)))
            .collect();
        // Two words glued (`ROSNEFTAERO`, `INTERNATIONALINVESTMENT`) stand for both in the
        // stretch; glued to an anchor, they are an anchor too, found by their exact key, when
        // the key is not a short one ([`SHORT_KEY`] symbols or fewer): two short words glued
        // into so short a key are mostly another word of the text (`EU RR` is keyed as `EUR`
        // and `OUR` are).
        for (pair, glued) in name.tokens.windows(2).zip(&keys.pairs) {
            let ([a, b], Some(glued)) = (pair, glued) else {
                continue;
            };
            let vid = self.intern(glued);
            if glued.len() > SHORT_KEY
                && plan.anchors.iter().any(|k| *k == &*a.key || *k == &*b.key)
            {
                self.anchors.push_new(vid, id);
            }
            let words = [a, b]
                .into_iter()
                .filter(|t| t.kind != TokenKind::LegalForm);
            let tokens = words.clone().count() as u8;
            let distinctive = words.filter(|t| t.distinctive()).count() as u8;
            if !confirm.iter().any(|(v, _, _)| *v == vid) {
                confirm.push((vid, tokens, distinctive));
            }
        }
        let confirm: Box<[(u32, u8, u8)]> = confirm.into();
        self.text_confirm.push(TextConfirm {
            vids: confirm,
            need: u8::try_from(plan.need).unwrap_or(u8::MAX),
            need_distinctive: u8::try_from(plan.need_distinctive).unwrap_or(u8::MAX),
            written: plan.written,
        });
        self.names.push(name);
    }

    /// The shape of a name of these tokens: that of an earlier name of equal tokens, or a new
    /// one.
    fn shape_of(&mut self, tokens: &[ScoreToken], texts: Box<str>) -> u32 {
        let same = self.shapes.entry(texts).or_default();
        for &nid in same.iter() {
            if let Some(n) = self.names.get(nid as usize).filter(|n| n.tokens == tokens) {
                return n.shape;
            }
        }
        same.push(self.names.len() as u32);
        let shape = self.shape_count;
        self.shape_count += 1;
        shape
    }

    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&v) = self.vocab.get(key) {
            return v;
        }
        let v = self.keys.len() as u32;
        self.vocab.insert(key.into(), v);
        self.keys.push(key.into());
        self.postings.push_list();
        self.anchors.push_list();
        self.word_anchors.push(false);
        self.weights.push(EntryWeight::default());
        v
    }

    /// The hashed deletion neighbourhood, prefix and suffix of every vocabulary key, made
    /// on every core.
    fn neighbourhoods(&mut self) {
        let keys: Vec<(u32, &str)> = (0u32..).zip(self.keys.iter().map(|k| &**k)).collect();
        let made = crate::screen::map_in_order(&keys, |&(v, key)| {
            let mut deletions = Vec::new();
            // Group and country keys meet only themselves; runs are found by skeleton only.
            if key.starts_with(['#', RUN_MARK, CUT_MARK])
                || crate::normalize::country_of(key).is_some()
            {
                return (deletions, Vec::new(), Vec::new());
            }
            if (FUZZY_MIN_KEY..=FUZZY_MAX_KEY).contains(&key.len()) {
                deletions.reserve_exact(key.len());
                deletions_of(key, |d| deletions.push((h(d), v)));
            }
            let ends = [prefix_of(key).map(h), suffix_of(key).map(|sfx| h(&sfx))];
            (
                deletions,
                ends.into_iter()
                    .flatten()
                    .map(|e| (e, v))
                    .collect::<Vec<_>>(),
                coarse_of(key)
                    .into_iter()
                    .flatten()
                    .map(|c| (h(&c), v))
                    .collect::<Vec<_>>(),
            )
        });
        let (mut deletions, mut ends, mut coarse) = (0, 0, 0);
        for (d, e, c) in &made {
            (deletions, ends, coarse) = (deletions + d.len(), ends + e.len(), coarse + c.len());
        }
        self.deletions.pending.reserve(deletions);
        self.prefixes.pending.reserve(ends);
        self.coarse.pending.reserve(coarse);
        for (deletions, ends, coarse) in made {
            self.deletions.pending.extend(deletions);
            self.prefixes.pending.extend(ends);
            self.coarse.pending.extend(coarse);
        }
    }

    /// Shrinks the tables after the last name, and makes the one-edit neighbourhood of the
    /// text-scan anchors.
    pub(crate) fn finish(&mut self) {
        for (vid, key) in self.keys.iter().enumerate() {
            if self.anchors.is_empty_while_filling(vid)
                || !self.word_anchors.get(vid).copied().unwrap_or(false)
                || !(TEXT_FUZZY_MIN_KEY..=FUZZY_MAX_KEY).contains(&key.len())
                || key.starts_with(['~', '^', '@', '%'])
            {
                continue;
            }
            let vid = vid as u32;
            self.anchor_edits.push(h(key), vid);
            deletions_of(key, |d| self.anchor_edits.push(h(d), vid));
        }
        self.neighbourhoods();
        self.deletions.finish();
        self.prefixes.finish();
        self.coarse.finish();
        self.members.finish();
        self.anchor_edits.finish();
        self.postings.finish();
        self.anchors.finish();
        self.names.shrink_to_fit();
        self.shapes = HashMap::default();
        self.word_anchors = Vec::new();
    }

    /// The vocabulary entries a key may meet: itself, those its deletion neighbourhood
    /// reaches (about three edits), for short keys those their cheap edits reach, and for long
    /// ones those of their coarse key (any vowels and cheap pairs apart); a country's key
    /// (`%siria`) only itself. [`crate::score::keys_may_meet`] checks what it
    /// found.
    pub(crate) fn lookup(&self, key: &str, out: &mut Vec<u32>) {
        if let Some(&v) = self.vocab.get(key) {
            out.push(v);
        }
        if crate::normalize::country_of(key).is_some() {
            return;
        }
        if let Some(p) = prefix_of(key) {
            out.extend_from_slice(self.prefixes.get(h(p)));
        }
        if let Some(sfx) = suffix_of(key) {
            out.extend_from_slice(self.prefixes.get(h(&sfx)));
        }
        // A short word's cheap edits (a vowel or a cheap pair replaced, two symbols swapped,
        // a soft symbol more or less), as scoring meets them. A key of three symbols meets
        // keys one such edit away (`mun` / `min`, `mnu`, `muna`), looked up one by one: the
        // deletion neighbourhood of so short a key would be most of the vocabulary's. A key of
        // four or five meets keys a cheap edit and one more edit away (`Sami` / `samia`: a
        // distance of one in a word of five; `Saima` / `samia`, a cheap pair and two symbols
        // swapped), which the deletions below miss: each cheap edit is looked up with its
        // one-deletion neighbours, a symbol more (the vocabulary key less one), fewer or
        // replaced (both less one).
        if is_plain(key) && (SHORT_KEY..=CHEAP_EDITED_KEY).contains(&key.len()) {
            let neighbours = key.len() >= FUZZY_MIN_KEY;
            crate::normalize::variant::cheap_edits(key, |v| {
                if let Some(&id) = self.vocab.get(v) {
                    out.push(id);
                }
                if neighbours {
                    out.extend_from_slice(self.deletions.get(h(v)));
                    deletions_of(v, |d| {
                        if let Some(&id) = self.vocab.get(d) {
                            out.push(id);
                        }
                        out.extend_from_slice(self.deletions.get(h(d)));
                    });
                }
            });
        }
        // A long key's coarse key: keys apart in vowels and cheap pairs anywhere, which the
        // deletions below reach for one substitution only.
        for c in coarse_of(key).into_iter().flatten() {
            out.extend_from_slice(self.coarse.get(h(&c)));
        }
        self.deletion_reach(key, true, out);
    }

    /// The vocabulary entries within one deletion of a key on either side (one substitution,
    /// insertion or deletion apart, or two deletions across): what a consonant skeleton
    /// (`~skeleton`, `^skeleton`) may meet. A skeleton is loose already: the reach of
    /// [`Index::lookup`] (two deletions of the query's key, and the ends of a long key) brings,
    /// for a skeleton, mostly names that no word of the query meets when scored.
    /// A key too short for a neighbourhood of its own (a skeleton of two consonants, `~br`)
    /// still meets those one symbol longer (`~brC`: `بريخ` / `BARICH`).
    pub(crate) fn lookup_near(&self, key: &str, out: &mut Vec<u32>) {
        if let Some(&v) = self.vocab.get(key) {
            out.push(v);
        }
        if key.len() + 1 == FUZZY_MIN_KEY {
            out.extend_from_slice(self.deletions.get(h(key)));
        }
        self.deletion_reach(key, false, out);
    }

    /// The entries a key's deletion neighbourhood meets, for keys from [`FUZZY_MIN_KEY`] to
    /// [`FUZZY_MAX_KEY`] long: one deletion from either key or both, and with `twice` two from
    /// the query key against one from the vocabulary key.
    fn deletion_reach(&self, key: &str, twice: bool, out: &mut Vec<u32>) {
        if !(FUZZY_MIN_KEY..=FUZZY_MAX_KEY).contains(&key.len()) {
            return;
        }
        // A vocabulary key one symbol longer, or equal after one substitution, shares a
        // deletion with the query key; one symbol shorter is the query key minus one symbol.
        out.extend_from_slice(self.deletions.get(h(key)));
        // Two deletions from the query key against one from the vocabulary key: keys up to
        // about three edits apart meet, which covers the spelling variants whose weighted
        // distance stays above the similarity floor (cheap substitutions cost less than one
        // edit each).
        deletions_of(key, |d| {
            if let Some(&v) = self.vocab.get(d) {
                out.push(v);
            }
            out.extend_from_slice(self.deletions.get(h(d)));
            if twice && d.len() >= FUZZY_MIN_KEY - 1 {
                deletions_of(d, |dd| {
                    out.extend_from_slice(self.deletions.get(h(dd)));
                });
            }
        });
    }

    /// The organizations' last words that begin a word of key `key` and are shorter
    /// (`wagner` for `wagnergruppen`): each prefix of at least `score::TRUNCATION_MIN`
    /// symbols, looked up exactly.
    pub(crate) fn lookup_cut_words(&self, key: &str, out: &mut Vec<u32>) {
        let mut marked = String::with_capacity(key.len() + 1);
        for end in crate::score::TRUNCATION_MIN..key.len() {
            let Some(prefix) = key.get(..end) else {
                continue;
            };
            marked.clear();
            marked.push(CUT_MARK);
            marked.push_str(prefix);
            if let Some(&v) = self.vocab.get(marked.as_str()) {
                out.push(v);
            }
        }
    }

    /// The vocabulary entry of exactly this key, if any.
    pub(crate) fn lookup_exact(&self, key: &str, out: &mut Vec<u32>) {
        if let Some(&v) = self.vocab.get(key) {
            out.push(v);
        }
    }

    /// Names holding a vocabulary entry.
    pub(crate) fn postings(&self, vid: u32) -> &[u32] {
        self.postings.get(vid)
    }

    /// What a vocabulary entry can bring to a match.
    pub(crate) fn entry_weight(&self, vid: u32) -> EntryWeight {
        self.weights.get(vid as usize).copied().unwrap_or_default()
    }

    /// The word keys a skeleton key's entry was made from (empty for other entries): those a
    /// query word meets stand for the skeleton, with their own postings and weights.
    pub(crate) fn skeleton_members(&self, vid: u32) -> &[u32] {
        self.members.get(u64::from(vid))
    }

    /// The key of a vocabulary entry.
    pub(crate) fn key(&self, vid: u32) -> &str {
        self.keys.get(vid as usize).map_or("", |k| k)
    }

    /// The vocabulary entries a word of scanned text stands for: its own key's when the
    /// vocabulary has it (a word the lists write is never read as a misspelling of another),
    /// or else, with `fuzzy`, the anchors within one edit (a substitution, insertion,
    /// deletion or swap of adjacent symbols) of a key at least [`TEXT_FUZZY_MIN_KEY`] long.
    /// Whether the word is a word of the lists: its key a word's key in the vocabulary.
    pub(crate) fn text_vids(&self, key: &str, fuzzy: bool, out: &mut Vec<u32>) -> bool {
        if let Some(&v) = self.vocab.get(key) {
            out.push(v);
            return self.entry_weight(v).word;
        }
        if !fuzzy || !(TEXT_FUZZY_MIN_KEY..=FUZZY_MAX_KEY).contains(&key.len()) {
            return false;
        }
        let from = out.len();
        out.extend_from_slice(self.anchor_edits.get(h(key)));
        deletions_of(key, |d| {
            out.extend_from_slice(self.anchor_edits.get(h(d)));
        });
        let mut i = from;
        while let Some(&v) = out.get(i) {
            if within_one_edit(key.as_bytes(), self.key(v).as_bytes())
                && !out.get(from..i).unwrap_or_default().contains(&v)
            {
                i += 1;
            } else {
                out.swap_remove(i);
            }
        }
        false
    }

    /// What confirms a name in scanned text.
    pub(crate) fn text_confirm(&self, name: u32) -> Option<&TextConfirm> {
        self.text_confirm.get(name as usize)
    }

    /// Names anchored on a vocabulary entry for the text scan.
    pub(crate) fn anchors(&self, vid: u32) -> &[u32] {
        self.anchors.get(vid)
    }

    /// An estimate of the heap memory held, in bytes.
    pub(crate) fn memory_usage(&self) -> usize {
        let tokens: usize = self
            .names
            .iter()
            .map(|n| {
                n.tokens.capacity() * std::mem::size_of::<ScoreToken>()
                    + n.tokens
                        .iter()
                        .map(|t| {
                            heap_len(&t.text)
                                + heap_len(&t.key)
                                + heap_len(&t.skeleton)
                                + t.stem.as_ref().map_or(0, |(s, _)| heap_len(s))
                        })
                        .sum::<usize>()
                    + n.glued.memory_usage()
            })
            .sum();
        let names = self.names.capacity() * std::mem::size_of::<IndexedName>();
        // Each key twice (the map and `keys`), with the map's id.
        let vocab: usize = self
            .vocab
            .keys()
            .map(|k| 2 * (std::mem::size_of::<SmallText>() + heap_len(k)) + 4)
            .sum();
        let postings = self.postings.memory_usage();
        let anchors = self.anchors.memory_usage()
            + self.weights.capacity() * std::mem::size_of::<EntryWeight>();
        let deletions = self.deletions.memory_usage()
            + self.prefixes.memory_usage()
            + self.coarse.memory_usage()
            + self.members.memory_usage()
            + self.anchor_edits.memory_usage();
        let text: usize = self
            .text_confirm
            .iter()
            .map(|c| std::mem::size_of::<TextConfirm>() + c.vids.len() * 8)
            .sum();
        tokens + names + vocab + postings + anchors + deletions + text
    }
}

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn one_edit_is_a_substitution_insertion_deletion_or_swap() {
        let yes = [
            ("kazstanex", "kazstanex"),
            ("kazstanex", "kazstanax"),
            ("kazstanex", "kazstnex"),
            ("kazstanex", "kazsstanex"),
            ("kazstanex", "kazsatnex"),
            ("kazstanex", "azstanex"),
            ("kazstanex", "kazstane"),
        ];
        for (a, b) in yes {
            assert!(within_one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
            assert!(within_one_edit(b.as_bytes(), a.as_bytes()), "{b} {a}");
        }
        let no = [
            ("kazstanex", "kazstaney1"),
            ("kazstanex", "kaztsanxe"),
            ("transfer", "transneft"),
            ("kazstanex", "kazstan"),
            ("abcdef", "badcef"),
        ];
        for (a, b) in no {
            assert!(!within_one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
            assert!(!within_one_edit(b.as_bytes(), a.as_bytes()), "{b} {a}");
        }
    }
}
