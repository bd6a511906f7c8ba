//! Helpers shared by the test modules.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The folder of the official list files, or `None` (with a message) when
/// `SANCTIONS_DATA_DIR` is unset.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("SANCTIONS_DATA_DIR") {
        Some(d) => Some(PathBuf::from(d)),
        None => {
            eprintln!("SANCTIONS_DATA_DIR is unset: skipping a test on the official list files");
            None
        }
    }
}

/// The full lists of the six main sources (OFAC SDN and non-SDN, EU, UK, UN, Canada), as
/// `SANCTIONS_DATA_DIR` holds them.
pub const MAIN_LISTS: &[&str] = &[
    "ofac/sdn.xml",
    "ofac/consolidated/consolidated.xml",
    "eu/20240513-FULL-1_1(xsd).xml",
    "uk/UK_Sanctions_List.xlsx",
    "un/UN_consolidated.xml",
    "canada/cannada.xml",
];

/// The official lists of the six main sources ([`MAIN_LISTS`]) in one screener, built once
/// for the whole test binary; `None` when `SANCTIONS_DATA_DIR` is unset.
pub fn main_lists_screener() -> Option<&'static sanctions::Screener> {
    static S: std::sync::OnceLock<Option<sanctions::Screener>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let dir = data_dir()?;
        let lists = MAIN_LISTS.iter().map(|rel| {
            sanctions::sources::load_path(data_file(&dir, rel))
                .unwrap()
                .list
        });
        Some(sanctions::Screener::builder().lists(lists).build().unwrap())
    })
    .as_ref()
}

/// A file of the official lists; panics when the folder is set but the file is missing.
#[track_caller]
pub fn data_file(dir: &std::path::Path, rel: &str) -> PathBuf {
    let p = dir.join(rel);
    assert!(
        p.is_file(),
        "SANCTIONS_DATA_DIR is set but {} is missing",
        p.display()
    );
    p
}

/// An example binary, built by `cargo test` beside the test binary (in
/// `target/<profile>/examples/`; cargo gives integration tests no path variable for examples,
/// and `cargo test --test lib` alone does not build them: `cargo build --examples` first).
#[track_caller]
pub fn example_bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target profile folder");
    let bin = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} missing: cargo test builds the examples",
        bin.display()
    );
    bin
}

/// The `screen` example.
pub fn screen_bin() -> PathBuf {
    example_bin("screen")
}

/// Runs `screen` with arguments and standard input.
pub fn run_screen(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(screen_bin())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn screen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait for screen")
}

/// The lines of standard output, each parsed as JSON.
#[track_caller]
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}
