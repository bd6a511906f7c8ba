//! The crate's integration tests: one binary, modules by area.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//!
//! Tests that read the official list files find them through `SANCTIONS_DATA_DIR` and skip
//! with a message when it is unset; `.ci/run` sets it, and there a missing file fails.
//!
//! They need every list reader: a build without one of them (`--no-default-features`) runs
//! the library's own unit tests only.
#![cfg(feature = "all-lists")]

#[path = "lib/all_lists.rs"]
mod all_lists;
#[path = "lib/allowlist.rs"]
mod allowlist;
#[path = "lib/audit.rs"]
mod audit;
#[path = "lib/batch.rs"]
mod batch;
#[path = "lib/batch_allowlist.rs"]
mod batch_allowlist;
#[path = "lib/batch_rescreen.rs"]
mod batch_rescreen;
#[path = "lib/cli.rs"]
mod cli;
#[path = "lib/concurrency.rs"]
mod concurrency;
#[path = "lib/contract.rs"]
mod contract;
#[path = "lib/diff.rs"]
mod diff;
#[path = "lib/errors.rs"]
mod errors;
#[path = "lib/evasion.rs"]
mod evasion;
#[path = "lib/fuzz_regressions.rs"]
mod fuzz_regressions;
#[path = "lib/hostile.rs"]
mod hostile;
#[cfg(feature = "payments")]
#[path = "lib/payment.rs"]
mod payment;
#[path = "lib/properties.rs"]
mod properties;
#[path = "lib/quality.rs"]
mod quality;
#[path = "lib/real_data.rs"]
mod real_data;
#[cfg(feature = "snapshot")]
#[path = "lib/snapshot.rs"]
mod snapshot;
#[path = "lib/sources_canada.rs"]
mod sources_canada;
#[path = "lib/sources_csl.rs"]
mod sources_csl;
#[path = "lib/sources_eu_un.rs"]
mod sources_eu_un;
#[path = "lib/sources_ofac.rs"]
mod sources_ofac;
#[path = "lib/sources_ofac_enhanced.rs"]
mod sources_ofac_enhanced;
#[path = "lib/sources_opensanctions.rs"]
mod sources_opensanctions;
#[path = "lib/sources_uk.rs"]
mod sources_uk;
#[path = "lib/util.rs"]
mod util;
