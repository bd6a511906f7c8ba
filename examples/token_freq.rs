//! `token_freq`: the document frequencies of name token keys, for the table the crate embeds.
//!
//! Reads `source<TAB>entity_id<TAB>kind<TAB>name` lines on standard input (the output of
//! `scripts/extract_names.py`), normalizes every name with the crate, and prints
//! `#documents<TAB>N` followed by `key<TAB>df` lines, sorted by key: `df` is the number of
//! entities with a name holding a word with that spelling-variant key (or, for `~s`, with
//! that consonant skeleton: the weight of words written in Arabic script). Keys held by a single
//! entity are left out (a missing key counts as rare, which is what it is).
//!
//! Run through `scripts/token_freq.sh`, which writes `data/token_freq.tsv`.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, BufRead, Write};

use sanctions::normalize::{TokenKind, normalize};

fn main() -> io::Result<()> {
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    let mut current: Option<(String, String)> = None;
    let mut keys: HashSet<String> = HashSet::new();
    let mut documents = 0u32;
    let flush = |keys: &mut HashSet<String>, df: &mut BTreeMap<String, u32>| {
        for k in keys.drain() {
            *df.entry(k).or_default() += 1;
        }
    };
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for line in io::stdin().lock().lines() {
        let line = line?;
        let mut parts = line.splitn(4, '\t');
        let (Some(source), Some(id), Some(_kind), Some(name)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let entity = (source.to_string(), id.to_string());
        if current.as_ref() != Some(&entity) {
            flush(&mut keys, &mut df);
            if seen.insert(entity.clone()) {
                documents += 1;
            }
            current = Some(entity);
        }
        for t in normalize(name).tokens() {
            if t.kind() == TokenKind::Word {
                keys.insert(t.key().to_string());
                keys.insert(format!("~{}", t.skeleton()));
            }
        }
    }
    flush(&mut keys, &mut df);
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(out, "#documents\t{documents}")?;
    for (k, n) in df {
        if n >= 2 {
            writeln!(out, "{k}\t{n}")?;
        }
    }
    out.flush()
}
