//! Parse speed of every official list format on the real files, and the time to build one
//! screener from all the parsed lists.
//!
//! IDs: `parse/<format>` (throughput in bytes of the file, read from memory so the disk is not
//! measured) and `build/all_lists`. The files come from `SANCTIONS_DATA_DIR`; without it the
//! benchmarks say so and do nothing. Each benchmark asserts its result first.
//!
//! ```text
//! SANCTIONS_DATA_DIR=../shared/data/lists cargo bench --bench parse
//! ```
#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sanctions::Screener;
use sanctions::sources::{self, Loaded, ofac_csv};
use std::hint::black_box;
use std::time::Duration;

mod common;

/// The benchmarked files: id, path under the data folder, entities the file must give.
const FILES: &[(&str, &str)] = &[
    ("ofac_xml", "ofac/sdn.xml"),
    ("ofac_advanced", "ofac/consolidated/cons_advanced.xml"),
    ("ofac_enhanced_zip", "ofac/consolidated/CONS_ENHANCED.ZIP"),
    ("eu_xml", "eu/20240513-FULL-1_1(xsd).xml"),
    ("uk_xlsx", "uk/UK_Sanctions_List.xlsx"),
    ("uk_legacy_csv", "uk/legacy-2018/sanctionsconlist.csv"),
    ("un_xml", "un/UN_consolidated.xml"),
    ("canada_xml", "canada/cannada.xml"),
    ("csl_csv", "us_csl/consolidated.csv"),
    (
        "opensanctions_csv",
        "opensanctions/ua_war_sanctions/targets.simple.csv",
    ),
    (
        "opensanctions_ftm",
        "opensanctions/wd_peps_bundle/entities.ftm.json",
    ),
];

/// The OFAC legacy CSV set, read as one publication.
const OFAC_CSV_SET: [&str; 4] = [
    "ofac/csv-2021-set/sdn.csv",
    "ofac/csv-2021-set/add.csv",
    "ofac/csv-2021-set/alt.csv",
    "ofac/csv-2021-set/sdn_comments.csv",
];

fn bytes(dir: &Path, rel: &str) -> Vec<u8> {
    let p = dir.join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn check(id: &str, loaded: &Loaded) {
    assert!(
        loaded.report.entities() > 0,
        "{id}: no entities: {}",
        loaded.report
    );
}

fn bench(c: &mut Criterion) {
    let Some(dir) = common::data_dir("the parse benchmarks") else {
        return;
    };
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for &(id, rel) in FILES {
        let data = bytes(&dir, rel);
        let loaded = sources::read(data.as_slice()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        check(id, &loaded);
        group.throughput(Throughput::Bytes(data.len() as u64));
        group.bench_function(id, |b| {
            b.iter(|| sources::read(black_box(data.as_slice())).expect("parses"))
        });
    }
    let set: Vec<Vec<u8>> = OFAC_CSV_SET.iter().map(|r| bytes(&dir, r)).collect();
    let read_set = || {
        ofac_csv::read_set(ofac_csv::CsvSet {
            main: set[0].as_slice(),
            add: Some(set[1].as_slice()),
            alt: Some(set[2].as_slice()),
            comments: Some(set[3].as_slice()),
        })
        .expect("parses")
    };
    check("ofac_csv_set", &read_set());
    group.throughput(Throughput::Bytes(set.iter().map(|s| s.len() as u64).sum()));
    group.bench_function("ofac_csv_set", |b| b.iter(read_set));

    // Every file above, as a whole: one after the other on one core, from memory; and as
    // `sources::load_paths` reads them, from the files (the OFAC CSV set as its folder), side
    // by side on every core.
    let files: Vec<Vec<u8>> = FILES.iter().map(|&(_, rel)| bytes(&dir, rel)).collect();
    let total = files.iter().chain(&set).map(|f| f.len() as u64).sum();
    group.throughput(Throughput::Bytes(total));
    group.bench_function("all_files", |b| {
        b.iter(|| {
            for f in &files {
                sources::read(black_box(f.as_slice())).expect("parses");
            }
            read_set()
        })
    });
    let mut paths: Vec<std::path::PathBuf> = FILES.iter().map(|&(_, rel)| dir.join(rel)).collect();
    paths.push(dir.join("ofac/csv-2021-set"));
    for (path, loaded) in paths.iter().zip(sources::load_paths(&paths)) {
        let loaded = loaded.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check(&path.display().to_string(), &loaded);
    }
    group.bench_function("all_files_load_paths", |b| {
        b.iter(|| sources::load_paths(black_box(&paths)))
    });
    group.finish();

    let lists = common::all_lists(&dir);
    let build = || {
        Screener::builder()
            .lists(lists.iter().cloned())
            .build()
            .expect("builds")
    };
    let screener = build();
    assert!(
        screener.entities().len() > 25_000,
        "{}",
        screener.entities().len()
    );
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("all_lists", |b| b.iter(build));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
