//! Finding listed names inside free text.
//!
//! The text is normalized once, keeping each token's byte span. Every list name has an
//! anchor: its most distinctive token (see the index). A text token that meets an anchor
//! (exactly or within one edit of its key) opens the windows of text tokens around it that
//! could hold the name, one token shorter to one longer than the name, and the best-scoring
//! window is the hit. Names are thus found in any word order, with typos, glued or split
//! words and legal forms in any language, at the cost of scoring only where an anchor occurs.

use std::collections::{HashMap, HashSet};

use super::{Screener, WEAK_ALIAS_MIN, result::Score, result::TextHit};
use crate::normalize::{TokenKind, normalize_text};
use crate::score::{Explanation, GluedRuns, ScoreToken, prepare_tokens, score_names_with};

struct Found {
    start: usize,
    end: usize,
    name: u32,
    entity: u32,
    score: f32,
    explanation: Explanation,
}

pub(super) fn scan(screener: &Screener, text: &str) -> Vec<TextHit> {
    let inner = &*screener.inner;
    let index = &inner.index;
    let tokens = normalize_text(text).into_tokens();
    let st: Vec<ScoreToken> = prepare_tokens(&tokens, &inner.freq);
    let mut found: Vec<Found> = Vec::new();
    let mut tried: HashSet<(u32, usize)> = HashSet::new();
    // The glued runs of each window of text tokens scored, made once.
    let mut windows: HashMap<(usize, usize), GluedRuns> = HashMap::new();
    let mut vids = Vec::new();
    for (i, t) in st.iter().enumerate() {
        vids.clear();
        match t.kind {
            TokenKind::Word => {
                index.lookup(&t.key, &mut vids);
                super::may_meet(index, &t.key, &mut vids);
            }
            TokenKind::Number => index.lookup_exact(&t.key, &mut vids),
            _ => continue,
        }
        for &vid in &vids {
            for &nid in index.anchors(vid) {
                if !tried.insert((nid, i)) {
                    continue;
                }
                let Some(name) = index.names.get(nid as usize).filter(|n| !n.acronym) else {
                    continue;
                };
                let kind = inner
                    .entities
                    .get(name.entity as usize)
                    .map_or(crate::model::EntityKind::Unknown, |e| e.kind);
                let n = name.tokens.len();
                let mut best: Option<(f32, usize, usize)> = None;
                for len in n.saturating_sub(1).max(1)..=n + 1 {
                    let first = (i + 1).saturating_sub(len);
                    for start in first..=i {
                        let end = start + len;
                        let Some(window) = st.get(start..end) else {
                            continue;
                        };
                        let glued = windows
                            .entry((start, end))
                            .or_insert_with(|| GluedRuns::new(window));
                        let (score, _) = score_names_with(
                            (window, glued),
                            (&name.tokens, &name.glued),
                            kind,
                            false,
                            None,
                        );
                        let better = best.as_ref().is_none_or(|(s, bs, be)| {
                            score > *s || (score == *s && end - start < be - bs)
                        });
                        if better {
                            best = Some((score, start, end));
                        }
                    }
                }
                let Some((score, start, end)) = best else {
                    continue;
                };
                if score < inner.threshold {
                    continue;
                }
                let (Some(window), Some(glued)) = (st.get(start..end), windows.get(&(start, end)))
                else {
                    continue;
                };
                let (_, mut explanation) = score_names_with(
                    (window, glued),
                    (&name.tokens, &name.glued),
                    kind,
                    true,
                    None,
                );
                if name.weak {
                    if score < WEAK_ALIAS_MIN {
                        continue;
                    }
                    explanation.push_factor(crate::score::Factor::WeakAlias);
                }
                found.push(Found {
                    start,
                    end,
                    name: nid,
                    entity: name.entity,
                    score,
                    explanation,
                });
            }
        }
    }
    // One hit per entity and place: the best-scoring of overlapping hits of an entity.
    found.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.start.cmp(&b.start))
            .then(a.name.cmp(&b.name))
    });
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let overlaps = kept
            .iter()
            .any(|k| k.entity == f.entity && k.start < f.end && f.start < k.end);
        if !overlaps {
            kept.push(f);
        }
    }
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
