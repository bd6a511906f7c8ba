//! Benchmarks of screening on the embedded demo list: `screen` (one name), `screen_text`
//! (a payment line), building the screener, and `compare`.
//!
//! IDs: `screen/<scenario>/<variant>`. Each benchmark asserts its result first. Real-scale
//! benchmarks on the official lists come with the speed work (issue 5).
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use criterion::{Criterion, criterion_group, criterion_main};
use sanctions::Screener;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let screener = Screener::demo().expect("demo list");
    let mut group = c.benchmark_group("screen");

    let names = [
        ("cyrillic", "ТОО «Казстанекс»", Some("16678")),
        ("latin", "Kazstanex LLP", Some("16678")),
        ("miss", "Bank CenterCredit JSC", None),
    ];
    for (variant, name, want) in names {
        let got = screener.screen(name);
        assert_eq!(
            got.first().map(|m| m.entity_id().id.as_str()),
            want,
            "{name}"
        );
        group.bench_function(format!("name/{variant}"), |b| {
            b.iter(|| screener.screen(black_box(name)))
        });
    }

    let text = "/BNF/PAYMENT FOR INVOICE 2291 TO KAZSTANEX LLP ALMATY KZ, REF CONTRACT 17/22, GOODS: ELECTRONIC COMPONENTS, VIA VTB BANK KAZAKHSTAN";
    let hits = screener.screen_text(text);
    assert!(hits.iter().any(|h| h.entity_id().id == "16678"), "{hits:?}");
    group.throughput(criterion::Throughput::Bytes(text.len() as u64));
    group.bench_function("text/payment_line", |b| {
        b.iter(|| screener.screen_text(black_box(text)))
    });

    group.bench_function("build/demo", |b| {
        b.iter(|| Screener::demo().expect("demo list"))
    });

    assert!(
        screener
            .compare("Jewgeni Prigoschin", "Yevgeniy Viktorovich PRIGOZHIN")
            .is_match()
    );
    group.bench_function("compare/person", |b| {
        b.iter(|| {
            screener.compare(
                black_box("Jewgeni Prigoschin"),
                black_box("Yevgeniy Viktorovich PRIGOZHIN"),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
