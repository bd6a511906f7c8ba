//! Issue 6: one screener shared by many threads while a newer one is built and swapped in.
//! Every answer comes whole from one list version and equals that version's single-threaded
//! answer.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use sanctions::sources::custom;
use sanctions::{Match, Screener};

/// The newer list version: the demo list and two entities of its own, which change the
/// answers to some queries and leave the others as they were.
const NEWER: &str = concat!(
    r#"{"id":"n-1","kind":"organization","names":[{"text":"Northwind Trading LLC"}]}"#,
    "\n",
    r#"{"id":"n-2","kind":"person","names":[{"text":"Ivan Petrovich Sidorov"}]}"#,
    "\n",
);

/// Queries whose answers differ between the versions, and queries answered alike.
const QUERIES: &[&str] = &[
    "Northwind Trading LLC",
    "SIDOROV, Ivan Petrovich",
    "Kazstanex LLP",
    "Jewgeni Prigoschin",
    "ТОО «Казстанекс»",
    "Jane Doe",
    "DA GROUP 23",
];

fn newer() -> Screener {
    let list = custom::read(NEWER.as_bytes()).expect("custom list").list;
    Screener::builder()
        .list(Screener::demo_list().expect("demo list"))
        .list(list)
        .build()
        .expect("builds")
}

fn answers(s: &Screener) -> Vec<Vec<Match>> {
    QUERIES.iter().map(|q| s.screen(*q)).collect()
}

#[test]
fn issue_6_readers_see_one_version_whole_while_a_newer_one_is_swapped_in() {
    let older = Screener::demo().expect("demo");
    let (old_answers, new_answers) = (answers(&older), answers(&newer()));
    // The versions differ in some answers and agree on others.
    let differ = old_answers
        .iter()
        .zip(&new_answers)
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        differ >= 2 && differ < QUERIES.len(),
        "{differ} answers differ"
    );

    let current = Arc::new(RwLock::new(Arc::new(older)));
    let swapped = Arc::new(AtomicBool::new(false));
    let seen: Arc<[AtomicUsize; 2]> = Arc::new([AtomicUsize::new(0), AtomicUsize::new(0)]);
    let deadline = Instant::now() + Duration::from_secs(120);
    let readers: Vec<_> = (0..8)
        .map(|r| {
            let (current, swapped, seen) = (current.clone(), swapped.clone(), seen.clone());
            let (old_answers, new_answers) = (old_answers.clone(), new_answers.clone());
            std::thread::spawn(move || {
                // Each reader goes on until it has answered from the newer version a while.
                let mut after_swap = 0;
                let mut i = r;
                while after_swap < 3 * QUERIES.len() && Instant::now() < deadline {
                    let was_swapped = swapped.load(Ordering::SeqCst);
                    // One version for the whole answer: the Arc taken, the lock let go.
                    let screener = current.read().expect("lock").clone();
                    let q = i % QUERIES.len();
                    let got = screener.screen(QUERIES[q]);
                    let version = if got == old_answers[q] && got == new_answers[q] {
                        None
                    } else if got == old_answers[q] {
                        Some(0)
                    } else if got == new_answers[q] {
                        Some(1)
                    } else {
                        panic!(
                            "reader {r}: {:?} answered from neither version: {got:?}",
                            QUERIES[q]
                        );
                    };
                    if let Some(v) = version {
                        seen[v].fetch_add(1, Ordering::SeqCst);
                        // Once the newer version is in, the older is never seen again.
                        assert!(
                            !(was_swapped && v == 0),
                            "reader {r}: older answer after the swap"
                        );
                    }
                    if was_swapped {
                        after_swap += 1;
                    }
                    i += 1;
                }
            })
        })
        .collect();
    // The newer version is built while the readers run, then swapped in.
    let built = newer();
    *current.write().expect("lock") = Arc::new(built);
    swapped.store(true, Ordering::SeqCst);
    for r in readers {
        r.join().expect("a reader failed");
    }
    assert!(Instant::now() < deadline, "readers did not finish in time");
    assert!(
        seen[1].load(Ordering::SeqCst) > 0,
        "no answer from the newer version"
    );
}

#[test]
fn issue_6_batches_answer_alike_whatever_their_size() {
    let s = Screener::demo().expect("demo");
    let queries: Vec<String> = s
        .entities()
        .iter()
        .flat_map(|e| e.names.iter().map(|n| n.text.clone()))
        .chain(QUERIES.iter().map(|q| q.to_string()))
        .collect();
    let json = |matches: &[Vec<Match>]| serde_json::to_string(matches).expect("serializes");
    let one_by_one: Vec<Vec<Match>> = queries.iter().map(|q| s.screen(q.as_str())).collect();
    let expected = json(&one_by_one);
    let mut by_size = BTreeMap::new();
    for size in [1, 7, 100, queries.len()] {
        let batched: Vec<Vec<Match>> = queries
            .chunks(size)
            .flat_map(|chunk| s.screen_many(chunk.iter().map(String::as_str)))
            .collect();
        by_size.insert(size, json(&batched) == expected);
    }
    assert!(by_size.values().all(|same| *same), "{by_size:?}");
}

/// Determinism across thread counts: `screen_many` and a screener built on a pool of 1, 2 and
/// 8 threads give byte-identical JSON, and the same as one query after the other.
#[cfg(feature = "rayon")]
#[test]
fn issue_6_answers_are_byte_identical_whatever_the_thread_count() {
    let base = newer();
    let queries: Vec<String> = base
        .entities()
        .iter()
        .flat_map(|e| e.names.iter().map(|n| n.text.clone()))
        .chain(QUERIES.iter().map(|q| q.to_string()))
        .collect();
    let json = |matches: &[Vec<Match>]| serde_json::to_string(matches).expect("serializes");
    let expected = json(
        &queries
            .iter()
            .map(|q| base.screen(q.as_str()))
            .collect::<Vec<_>>(),
    );
    for threads in [1, 2, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        // Built on that pool too: the build normalizes and hashes on every core.
        let (built, answers) = pool.install(|| {
            let s = newer();
            let answers = s.screen_many(queries.iter().map(String::as_str));
            (s, answers)
        });
        assert_eq!(built.audit_stamp(), base.audit_stamp(), "{threads} threads");
        assert_eq!(json(&answers), expected, "{threads} threads");
    }
}
