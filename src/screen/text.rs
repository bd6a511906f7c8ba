//! Finding listed names inside free text.
//!
//! The text is normalized once, keeping each token's byte span. Every list name has one or
//! two anchors: its weightiest distinctive words (see the index). A word of the text whose
//! key is an anchor's (or, for a word the lists do not write, within one edit of a long
//! anchor's key) opens the windows of text tokens around it that could hold the name, one
//! token shorter to one longer than the name, and the best-scoring window is the hit. Names
//! are thus found in any word order, with spelling variants, one misspelled word and legal
//! forms in any language, while each word of the text costs one hash lookup and only the
//! windows around anchors are weighed and scored.
//!
//! A hit must meet the name's distinctive words, two of them when it has two: one word of
//! the text (`ISTANBUL`) does not make the name `STEP ISTANBUL`, nor `BANK` the name
//! `VTB BANK`.

use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::{Screener, WEAK_ALIAS_MIN, result::Score, result::TextHit};
use crate::index::{IndexedName, TEXT_FUZZY_MIN_KEY, TextConfirm};
use crate::model::EntityKind;
use crate::normalize::{Token, TokenKind, concept_of, normalize_text};
use crate::score::{
    Explanation, GluedRuns, GluedSlice, KeyMemo, ScoreToken, bit, prepare_tokens, score_names_with,
};

struct Found {
    start: usize,
    end: usize,
    name: u32,
    entity: u32,
    score: f32,
    explanation: Explanation,
}

/// The text's tokens prepared for scoring, in the stretches around anchors only.
struct Stretches {
    /// Token range → its score tokens and their glued runs; ranges are disjoint and sorted.
    parts: Vec<(Range<usize>, Vec<ScoreToken>, GluedRuns)>,
}

impl Stretches {
    /// Prepares the tokens of `ranges` (sorted by start), joined where they touch.
    fn new(tokens: &[Token], ranges: &[Range<usize>], screener: &Screener) -> Stretches {
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in ranges {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r.clone()),
            }
        }
        let parts = merged
            .into_iter()
            .map(|r| {
                let prepared = prepare_tokens(
                    tokens.get(r.clone()).unwrap_or_default(),
                    &screener.inner.freq,
                );
                let glued = GluedRuns::new(&prepared);
                (r, prepared, glued)
            })
            .collect();
        Stretches { parts }
    }

    /// The score tokens of a token range and their glued runs, when one stretch holds it.
    fn get(&self, range: Range<usize>) -> Option<(&[ScoreToken], GluedSlice<'_>)> {
        self.place(range).map(|(tokens, glued, _)| (tokens, glued))
    }

    /// As [`Stretches::get`], with the stretch's index and the range's start within it.
    fn place(
        &self,
        range: Range<usize>,
    ) -> Option<(&[ScoreToken], GluedSlice<'_>, (usize, usize))> {
        let at = self.parts.partition_point(|(r, _, _)| r.end <= range.start);
        let (r, tokens, glued) = self.parts.get(at)?;
        if r.start > range.start || range.end > r.end {
            return None;
        }
        let part = range.start - r.start..range.end - r.start;
        Some((
            tokens.get(part.clone())?,
            glued.slice(tokens.len()).part(part.clone()),
            (at, part.start),
        ))
    }
}

/// How many text tokens on either side of an anchor at `i` a name of `n` tokens may take:
/// `n`, and one more for each word split in two near it (`INTERN ATIONAL`), at most `2n`.
/// `splits[k]` counts the split words before token `k`.
fn reach(splits: &[usize], i: usize, n: usize) -> usize {
    let count = |k: usize| {
        splits
            .get(k.min(splits.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    };
    let near = count(i + 2 * n + 1) - count(i.saturating_sub(2 * n));
    n + near.min(n)
}

/// The token windows that may hold a name of `n` tokens with an anchor at token `i`: one
/// token shorter to one longer than the name, within `len` tokens.
fn windows(i: usize, n: usize, len: usize) -> impl Iterator<Item = Range<usize>> {
    (n.saturating_sub(1).max(1)..=n + 1).flat_map(move |w| {
        ((i + 1).saturating_sub(w)..=i)
            .map(move |start| start..start + w)
            .filter(move |r| r.end <= len)
    })
}

/// Whether a window met enough of a name to be a hit in running text: two of its tokens
/// (legal forms aside) when it has two; two of its distinctive words when it has two, or its
/// only one, which must be written as in the list when it is short (`SPARE` is not `SPAR`);
/// and every word and number, as written, of a name of common words alone.
fn meets_enough(name: &IndexedName, window: &[ScoreToken], explanation: &Explanation) -> bool {
    let met = explanation.candidate_tokens_met();
    let is_met = |j: usize| bit(j) & met != 0;
    // As in the list: a word of the window, or a word glued or split (`INTERNATIONALINVESTMENT`,
    // `INTERN ATIONAL`) of the list's words.
    let written = |t: &ScoreToken| {
        window.iter().any(|w| w.text == t.text)
            || window.windows(2).any(|p| match p {
                [a, b] => {
                    t.text.len() == a.text.len() + b.text.len()
                        && t.text.starts_with(&*a.text)
                        && t.text.ends_with(&*b.text)
                }
                _ => false,
            })
            || window.iter().any(|w| {
                glued_of(name, &w.text).is_some_and(|(a, b)| a == &*t.text || b == &*t.text)
            })
    };
    let parts = || {
        name.tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind != TokenKind::LegalForm)
    };
    let (all, all_met) = parts().fold((0, 0), |(n, m), (j, _)| (n + 1, m + usize::from(is_met(j))));
    if all_met < all.min(2) {
        return false;
    }
    let distinctive: Vec<(usize, &ScoreToken)> = parts().filter(|(_, t)| t.distinctive()).collect();
    match distinctive.as_slice() {
        [] => parts()
            .filter(|(_, t)| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .all(|(j, t)| is_met(j) && written(t)),
        [(j, t)] => is_met(*j) && (t.key.len() >= TEXT_FUZZY_MIN_KEY || written(t)),
        many => many.iter().filter(|(j, _)| is_met(*j)).count() >= 2,
    }
}

/// The adjacent words of a list name that `text` writes glued, if any.
fn glued_of<'n>(name: &'n IndexedName, text: &str) -> Option<(&'n str, &'n str)> {
    name.tokens.windows(2).find_map(|p| match p {
        [a, b]
            if text.len() == a.text.len() + b.text.len()
                && text.starts_with(&*a.text)
                && text.ends_with(&*b.text) =>
        {
            Some((&*a.text, &*b.text))
        }
        _ => None,
    })
}

/// Whether `text` writes a word of a list name as listed, alone or glued to its neighbour.
fn written_in(name: &IndexedName, text: &str) -> bool {
    name.tokens.iter().any(|t| *t.text == *text) || glued_of(name, text).is_some()
}

/// One hit per entity and place: the best-scoring of overlapping hits of an entity. Sorting
/// aside, linear: the kept hits of an entity are disjoint, so by start the one starting last
/// before a hit's end is the only one that can overlap it.
fn one_per_place(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.start.cmp(&b.start))
            .then(a.name.cmp(&b.name))
    });
    let mut kept_spans: HashMap<u32, BTreeMap<usize, usize>> = HashMap::default();
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let spans = kept_spans.entry(f.entity).or_default();
        let overlaps = spans
            .range(..f.end)
            .next_back()
            .is_some_and(|(_, &end)| end > f.start);
        if !overlaps {
            spans.insert(f.start, f.end);
            kept.push(f);
        }
    }
    kept
}

pub(super) fn scan<'s>(screener: &'s Screener, text: &str) -> Vec<TextHit> {
    let inner = &*screener.inner;
    let index = &inner.index;
    let tokens = normalize_text(text).into_tokens();
    // The vocabulary ids each token stands for: `vids[at[i]..at[i + 1]]` for token `i`.
    let mut vids: Vec<u32> = Vec::with_capacity(tokens.len());
    let mut at: Vec<usize> = Vec::with_capacity(tokens.len() + 1);
    let mut key = String::new();
    let mut glued = String::new();
    // The words split in two before each token (see `reach`).
    let mut splits: Vec<usize> = Vec::with_capacity(tokens.len() + 1);
    let mut split_count = 0;
    for (i, t) in tokens.iter().enumerate() {
        splits.push(split_count);
        at.push(vids.len());
        match t.kind() {
            TokenKind::Word => index.text_vids(t.key(), true, &mut vids),
            TokenKind::Number | TokenKind::Initial => index.text_vids(t.key(), false, &mut vids),
            TokenKind::LegalForm => false,
        };
        // A listed word split in two (`GAZPR OMBANK`, `INTERN ATIONAL`): the keys of the two
        // words glued, looked up exactly (the key of the glued text differs from them only
        // where a spelling rule spans the cut).
        let is_word = |t: &Token| matches!(t.kind(), TokenKind::Word | TokenKind::Initial);
        if let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)).filter(|p| {
            is_word(p) && is_word(t) && p.text().len() + t.text().len() >= TEXT_FUZZY_MIN_KEY
        }) {
            key.clear();
            key.push_str(prev.key());
            // Keys write a doubled letter once (`RUS SIYA` is `russiya`, keyed `rusiya`).
            let next = match (prev.key().chars().last(), t.key().chars().next()) {
                (Some(a), Some(b)) if a == b => t.key().get(b.len_utf8()..).unwrap_or_default(),
                _ => t.key(),
            };
            key.push_str(next);
            glued.clear();
            glued.push_str(prev.text());
            glued.push_str(t.text());
            let before = vids.len();
            index.text_vids(&key, false, &mut vids);
            // A generic word split (`INTERN ATIONAL`) meets the list's word by its concept.
            if let Some(concept) = concept_of(&key, &glued) {
                index.text_vids(&concept, false, &mut vids);
            }
            // A listed word, not two words a list name writes side by side (`TRADING
            // COMPANY`), which the words themselves find.
            let mut k = before;
            while let Some(&v) = vids.get(k) {
                if index.entry_weight(v).word {
                    k += 1;
                } else {
                    vids.swap_remove(k);
                }
            }
            split_count += usize::from(vids.len() > before);
        }
    }
    at.push(vids.len());
    splits.push(split_count);
    let vids_of = |i: usize| -> &[u32] {
        match (at.get(i), at.get(i + 1)) {
            (Some(&a), Some(&b)) => vids.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    };
    // Every (name, anchor position) the text opens and confirms: a stretch as long as the
    // name on either side of the anchor holds as many of the name's confirming words as it
    // needs.
    let mut opened: Vec<(u32, usize)> = Vec::new();
    let mut seen: Vec<(u32, u8, u8)> = Vec::new();
    // Whether the confirming words `seen` are enough for a name.
    let enough = |confirm: &TextConfirm, seen: &[(u32, u8, u8)]| {
        let words: usize = seen.iter().map(|&(_, n, _)| usize::from(n)).sum();
        let distinctive: usize = seen.iter().map(|&(_, _, d)| usize::from(d)).sum();
        words >= usize::from(confirm.need) && distinctive >= usize::from(confirm.need_distinctive)
    };
    // The names of each anchor the text holds whose confirming words the whole text holds
    // enough of, made once per anchor: a word of the filler (`GROUP`, `NO`) recurs, and the
    // names anchored on it mostly need words the text never writes.
    let in_text: rustc_hash::FxHashSet<u32> = vids.iter().copied().collect();
    let mut anchored: HashMap<u32, Vec<u32>> = HashMap::default();
    for (i, tokens_i) in tokens.iter().enumerate() {
        for &vid in vids_of(i) {
            let names = anchored.entry(vid).or_insert_with(|| {
                let mut seen = Vec::new();
                index
                    .anchors(vid)
                    .iter()
                    .copied()
                    .filter(|&nid| {
                        index.text_confirm(nid).is_some_and(|confirm| {
                            seen.clear();
                            seen.extend(
                                confirm.vids.iter().filter(|(c, _, _)| in_text.contains(c)),
                            );
                            enough(confirm, &seen)
                        })
                    })
                    .collect()
            });
            for &nid in names.iter() {
                let (Some(confirm), Some(name)) =
                    (index.text_confirm(nid), index.names.get(nid as usize))
                else {
                    continue;
                };
                // Written as listed, or split in two with the word before (see above).
                if confirm.written
                    && !written_in(name, tokens_i.text())
                    && !i
                        .checked_sub(1)
                        .and_then(|p| tokens.get(p))
                        .is_some_and(|prev| {
                            written_in(name, &[prev.text(), tokens_i.text()].concat())
                        })
                {
                    continue;
                }
                if confirm.need > 1 || confirm.need_distinctive > 1 {
                    let n = reach(&splits, i, name.tokens.len());
                    seen.clear();
                    for j in i.saturating_sub(n)..(i + n + 1).min(tokens.len()) {
                        for v in vids_of(j) {
                            if let Some(&c) = confirm.vids.iter().find(|(c, _, _)| c == v) {
                                if !seen.contains(&c) {
                                    seen.push(c);
                                }
                            }
                        }
                    }
                    if !enough(confirm, &seen) {
                        continue;
                    }
                }
                opened.push((nid, i));
            }
        }
    }
    opened.sort_unstable();
    opened.dedup();
    let name_len = |nid: u32| index.names.get(nid as usize).map_or(0, |n| n.tokens.len());
    let mut ranges: Vec<Range<usize>> = opened
        .iter()
        .map(|&(nid, i)| {
            let n = reach(&splits, i, name_len(nid));
            // One token more on each side: a word's score depends on its neighbours (the word
            // after `Abu`).
            i.saturating_sub(n + 1)..(i + n + 2).min(tokens.len())
        })
        .collect();
    ranges.sort_unstable_by_key(|r| r.start);
    let stretches = Stretches::new(&tokens, &ranges, screener);
    let mut found: Vec<Found> = Vec::new();
    // The scores of a name shape and kind in a window: the lists repeat spellings.
    let mut scores: HashMap<(u32, EntityKind, usize, usize), (f32, Explanation)> =
        HashMap::default();
    // The (name, window) pairs scored through the tokens met.
    let mut scored: rustc_hash::FxHashSet<(u32, usize, usize)> = Default::default();
    // The key-level similarities of each stretch's words and runs with list keys: windows of
    // one stretch overlap, and the names opened at one place share words.
    let mut memos: Vec<KeyMemo<'_>> = stretches
        .parts
        .iter()
        .map(|_| KeyMemo::for_text())
        .collect();
    // A name's score in a window of text tokens, with the tokens met on either side (bits by
    // position), through the memos.
    let mut score_in = |name: &'s IndexedName, kind: EntityKind, w: &Range<usize>| {
        let (window, glued, (part, start)) = stretches.place(w.clone())?;
        let (score, e) = scores
            .entry((name.shape, kind, w.start, w.end))
            .or_insert_with(|| {
                let memo = memos.get_mut(part).map(|m| m.at(start));
                score_names_with(
                    (window, glued),
                    (&name.tokens, &name.glued),
                    kind,
                    false,
                    memo,
                )
            });
        Some((*score, e.query_tokens_met(), e.candidate_tokens_met()))
    };
    for &(nid, i) in &opened {
        let Some(name) = index.names.get(nid as usize).filter(|n| !n.acronym) else {
            continue;
        };
        let kind = inner
            .entities
            .get(name.entity as usize)
            .map_or(EntityKind::Unknown, |e| e.kind);
        // The stretch where the name may stand is scored once as a whole; the tokens it met
        // give the window to score. When they lie farther apart than the name is long, every
        // window around the anchor is scored.
        let n = name.tokens.len();
        let far = reach(&splits, i, n);
        let wide = i.saturating_sub(far)..(i + far + 1).min(tokens.len());
        let mut met_span = None;
        if wide.len() <= 64 {
            let Some((_, met, _)) = score_in(name, kind, &wide) else {
                continue;
            };
            if met == 0 {
                continue;
            }
            let first = wide.start + met.trailing_zeros() as usize;
            let last = wide.start + (63 - met.leading_zeros()) as usize;
            met_span = Some(first..last + 1);
        }
        let candidates: Vec<Range<usize>> = match met_span {
            Some(span) if span.len() <= n + 1 => {
                if !scored.insert((nid, span.start, span.end)) {
                    continue;
                }
                vec![span]
            }
            // Longer than the name by its words split in the text (`INTERN ATIONAL`).
            Some(span) if span.len() <= far && span.contains(&i) => {
                windows(i, n, tokens.len()).chain([span]).collect()
            }
            _ => windows(i, n, tokens.len()).collect(),
        };
        // The best window: the highest score, then the most of the name's tokens met (its legal
        // form too), then the shortest.
        let mut best: Option<(f32, u32, Range<usize>)> = None;
        for w in candidates {
            let Some((score, _, met)) = score_in(name, kind, &w) else {
                continue;
            };
            let met = met.count_ones();
            let better = best.as_ref().is_none_or(|(s, m, b)| {
                score
                    .total_cmp(s)
                    .then(met.cmp(m))
                    .then(b.len().cmp(&w.len()))
                    .is_gt()
            });
            if better {
                best = Some((score, met, w));
            }
        }
        let Some((score, _, w)) = best else {
            continue;
        };
        if score < inner.threshold || (name.weak && score < WEAK_ALIAS_MIN) {
            continue;
        }
        let Some((window, glued)) = stretches.get(w.clone()) else {
            continue;
        };
        // The hit scored again with the texts of its links.
        let (_, mut explanation) = score_names_with(
            (window, glued),
            (&name.tokens, &name.glued),
            kind,
            true,
            None,
        );
        if !meets_enough(name, window, &explanation) {
            continue;
        }
        if name.weak {
            explanation.push_factor(crate::score::Factor::WeakAlias);
        }
        found.push(Found {
            start: w.start,
            end: w.end,
            name: nid,
            entity: name.entity,
            score,
            explanation,
        });
    }
    let kept = one_per_place(found);
    let audit = screener.audit(inner.threshold, None);
    let mut hits: Vec<TextHit> = kept
        .into_iter()
        .filter_map(|f| {
            let entity = inner.entities.get(f.entity as usize)?;
            let name = index.names.get(f.name as usize)?;
            let published = entity.names.get(name.name as usize)?;
            let from = tokens.get(f.start)?.span().start;
            let to = tokens.get(f.end - 1)?.span().end;
            Some(TextHit {
                span: from..to,
                text: text.get(from..to)?.to_string(),
                entity_id: entity.id.clone(),
                name: published.text.clone(),
                score: Score::new(f.score),
                explanation: f.explanation,
                audit: audit.clone(),
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.score.value().total_cmp(&a.score.value()))
            .then(a.entity_id.source.as_str().cmp(b.entity_id.source.as_str()))
            .then(a.entity_id.id.cmp(&b.entity_id.id))
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::{Explanation, Found, one_per_place};

    fn hits(n: usize) -> Vec<Found> {
        // Overlapping pairs of one entity at every place: half are kept.
        (0..n)
            .map(|i| Found {
                start: i / 2 * 3 + i % 2,
                end: i / 2 * 3 + 2 + i % 2,
                name: (i % 2) as u32,
                entity: 7,
                score: if i % 2 == 0 { 0.9 } else { 0.8 },
                explanation: Explanation::default(),
            })
            .collect()
    }

    #[test]
    fn one_hit_per_entity_and_place_keeps_the_best_of_overlapping_hits() {
        let kept = one_per_place(hits(6));
        let spans: Vec<(usize, usize)> = kept.iter().map(|f| (f.start, f.end)).collect();
        assert_eq!(spans, [(0, 2), (3, 5), (6, 8)]);
        assert!(kept.iter().all(|f| f.score == 0.9));
    }

    #[test]
    fn one_hit_per_entity_and_place_is_linear_in_the_hits() {
        // Each hit was compared with every hit kept before it: ten times the hits of one
        // entity (a long text naming it again and again) took a hundred times as long.
        // The least of five runs: a shared machine only ever adds time.
        let time = |n: usize| {
            (0..5)
                .map(|_| {
                    let found = hits(n);
                    let started = std::time::Instant::now();
                    let kept = one_per_place(found);
                    assert_eq!(kept.len(), n / 2);
                    started.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let ratio = time(200_000).as_secs_f64() / time(20_000).as_secs_f64().max(1e-9);
        // Linear (with the sort) is about 11; the margin is for a shared machine.
        assert!(
            ratio < 40.0,
            "ten times the hits took {ratio:.0} times as long"
        );
    }
}
