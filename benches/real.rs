//! Benchmarks of screening at real scale: OFAC (SDN and non-SDN), EU, UK, UN and Canada in
//! one screener (about 30,600 entities and 92,000 names), from `SANCTIONS_DATA_DIR`; without
//! it the benchmarks say so and do nothing.
//!
//! IDs: `real/<scenario>/<variant>`: one name by script and outcome, a batch through
//! `screen_many`, a payment line through `screen_text`, and the screener saved as a snapshot
//! and loaded back (`snapshot/save`, `snapshot/load`: the loaded screener must screen as the
//! built one). Each asserts its result first. The build time and the snapshot's size go to
//! stderr.
//! Per-query percentiles over the dev sets come from the `latency` example (BENCHMARKS.md).
//!
//! ```text
//! SANCTIONS_DATA_DIR=../shared/data/lists cargo bench --bench real
//! ```
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sanctions::Screener;
use std::hint::black_box;

mod common;
#[path = "common/payment_text.rs"]
mod payment_text;

/// A source and record id.
type Record = (&'static str, &'static str);

/// One name per scenario: variant, query, a source and record id it must find among its
/// matches (`None`: no match at all).
const NAMES: &[(&str, &str, Option<Record>)] = &[
    ("latin_person", "Yevgeniy Prigozhin", Some(("uk", "13968"))),
    (
        "cyrillic_person",
        "Евгений Пригожин",
        Some(("ofac", "21171")),
    ),
    (
        "arabic_person",
        "صدام حسين التكريتي",
        Some(("ofac", "7843")),
    ),
    ("latin_organization", "KAZSTANEX LLP", Some(("uk", "16678"))),
    ("miss_person", "Aliya Shcherbakova", None),
    ("miss_common_words", "Maria Garcia Lopez", None),
];

/// A batch of names of every kind, listed and not, as a customer file holds them.
const BATCH: &[&str] = &[
    "Yevgeniy Prigozhin",
    "Jewgeni Prigoschin",
    "ТОО «Казстанекс»",
    "Dış Ticaret Ltd. Şti.",
    "Aliya Shcherbakova",
    "Ksyusha Loginova",
    "Slava Frolov",
    "VTB Bank Kazakhstan",
    "DA GROUP 23",
    "Bank CenterCredit JSC",
    "Rustem Aleksandrov",
    "Abu Mohammed al-Golani",
    "Saddam Hussein al-Tikriti",
    "Kim Jong Un",
    "Xi Jinping",
    "Global Trading Group LLC",
    "Ali Hassan",
    "Hans Müller GmbH",
    "Mohammed bin Salman",
    "Sberbank of Russia",
];

fn bench(c: &mut Criterion) {
    let Some(dir) = common::data_dir("the real-scale benchmarks") else {
        return;
    };
    let started = std::time::Instant::now();
    let lists = common::all_lists(&dir);
    let read = started.elapsed();
    let started = std::time::Instant::now();
    let screener = Screener::builder().lists(lists).build().expect("builds");
    eprintln!(
        "lists read in {read:?}, screener built in {:?}",
        started.elapsed()
    );
    assert!(screener.entities().len() > 25_000);

    let mut group = c.benchmark_group("real");
    group.measurement_time(Duration::from_secs(3));
    for &(variant, name, want) in NAMES {
        let got = screener.screen(name);
        match want {
            Some((source, id)) => assert!(
                got.iter()
                    .any(|m| m.entity_id().source.as_str() == source && m.entity_id().id == id),
                "{name}: {got:?}"
            ),
            None => assert!(got.is_empty(), "{name}: {got:?}"),
        }
        group.bench_function(format!("screen/{variant}"), |b| {
            b.iter(|| screener.screen(black_box(name)))
        });
    }

    let results = screener.screen_many(BATCH.iter().copied());
    assert_eq!(results.len(), BATCH.len());
    assert!(results.iter().filter(|r| !r.is_empty()).count() >= 5);
    group.throughput(Throughput::Elements(BATCH.len() as u64));
    group.bench_function("screen_many/batch20", |b| {
        b.iter(|| screener.screen_many(black_box(BATCH).iter().copied()))
    });

    let text = "/BNF/PAYMENT FOR INVOICE 2291 TO KAZSTANEX LLP ALMATY KZ, REF CONTRACT 17/22, GOODS: ELECTRONIC COMPONENTS, VIA VTB BANK KAZAKHSTAN";
    let hits = screener.screen_text(text);
    assert!(hits.iter().any(|h| h.entity_id().id == "16678"), "{hits:?}");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("text/payment_line", |b| {
        b.iter(|| screener.screen_text(black_box(text)))
    });

    // Name-dense payment text: 4 list names per KiB in 16 KiB of remittance filler.
    let generated = payment_text::generate(&screener, 16 * 1024, 4.0, 7);
    let started = std::time::Instant::now();
    let hits = screener.screen_text(&generated.text);
    let took = started.elapsed();
    let outcome = payment_text::outcome(&screener, &generated, &hits);
    eprintln!(
        "text/name_dense: {} of {} planted names found, {} hits outside them; {} bytes in {:?}",
        outcome.found,
        outcome.planted,
        outcome.stray.len(),
        generated.text.len(),
        took
    );
    for missed in &outcome.missed {
        eprintln!("  missed: {missed:?}");
    }
    for (text, name) in &outcome.stray {
        eprintln!("  outside: {text:?} -> {name:?}");
    }
    assert!(
        outcome.found * 10 >= outcome.planted * 9,
        "recall below 90 %"
    );
    group.throughput(Throughput::Bytes(generated.text.len() as u64));
    group.bench_function("text/name_dense", |b| {
        b.iter(|| screener.screen_text(black_box(&generated.text)))
    });

    #[cfg(feature = "snapshot")]
    snapshot(&mut group, &screener, &generated.text);
    group.finish();
}

/// A snapshot of the screener: saved, and loaded back screening as the screener does.
#[cfg(feature = "snapshot")]
fn snapshot(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    screener: &Screener,
    text: &str,
) {
    let started = std::time::Instant::now();
    let bytes = screener.to_bytes().expect("saves");
    let saved = started.elapsed();
    let started = std::time::Instant::now();
    let loaded = Screener::from_bytes(&bytes).expect("loads");
    eprintln!(
        "snapshot: {} bytes, saved in {saved:?}, loaded in {:?}",
        bytes.len(),
        started.elapsed()
    );
    let json = |m: Vec<sanctions::Match>| serde_json::to_string(&m).expect("serializes");
    for query in NAMES.iter().map(|n| n.1).chain(BATCH.iter().copied()) {
        assert_eq!(
            json(loaded.screen(query)),
            json(screener.screen(query)),
            "{query}"
        );
    }
    assert_eq!(loaded.screen_text(text), screener.screen_text(text));
    drop(loaded);

    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_function("snapshot/save", |b| {
        b.iter_with_large_drop(|| screener.to_bytes().expect("saves"))
    });
    group.bench_function("snapshot/load", |b| {
        b.iter_with_large_drop(|| Screener::from_bytes(black_box(&bytes)).expect("loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
