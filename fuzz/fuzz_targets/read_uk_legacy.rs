//! `sanctions::sources::uk::read_legacy` on arbitrary bytes, as the UK OFSI legacy ConList CSV: never panics; an `Err` has a message; an `Ok`
//! list passes `sanctions_fuzz::check_loaded` (named entities, unique ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sanctions_fuzz::check_loaded(sanctions::sources::uk::read_legacy(data)));
