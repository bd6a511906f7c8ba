//! Benchmarks of name normalization (the first step of every query).
//!
//! IDs: `normalize/<script>/<variant>`. Each benchmark asserts its result first.
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use criterion::{Criterion, criterion_group, criterion_main};
use sanctions::normalize::normalize;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let cases = [
        ("latin", "short", "KAZSTANEX LLP", "kazstanex llp"),
        (
            "latin",
            "long",
            "LIMITED LIABILITY PARTNERSHIP DA GROUP 22",
            "llp da group 22",
        ),
        ("cyrillic", "kazakh", "ТОО «Казстанекс»", "llp kazstaneks"),
        (
            "cyrillic",
            "person",
            "Евгений Викторович Пригожин",
            "yevgeniy viktorovich prigozhin",
        ),
        (
            "turkish",
            "legal_form",
            "All Global Trading Elektronik Dış Ticaret Ltd. Şti.",
            "all global trading elektronik dis ticaret llc",
        ),
        (
            "arabic",
            "person",
            "أيمن محمد ربيع الظواهري",
            "aimn mhmd rbi al zwahri",
        ),
    ];
    let mut group = c.benchmark_group("normalize");
    for (script, variant, input, want) in cases {
        assert_eq!(normalize(input).to_string(), want, "{input}");
        group.bench_function(format!("{script}/{variant}"), |b| {
            b.iter(|| normalize(black_box(input)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
