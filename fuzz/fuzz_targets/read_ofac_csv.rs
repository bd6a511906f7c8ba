//! `sanctions::sources::ofac_csv::read_set` on a fuzzed OFAC legacy CSV set: the input's
//! parts, split at `0xFF`, are the main file (`SDN.CSV`), then `ADD.CSV`, `ALT.CSV` and
//! `SDN_COMMENTS.CSV` when present (one part is `CsvSet::main_only`). Never panics; an `Err`
//! has a message; an `Ok` list passes `sanctions_fuzz::check_loaded` (named entities, unique
//! ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sanctions::sources::ofac_csv::{CsvSet, read_set};

fuzz_target!(|data: &[u8]| {
    let mut parts = sanctions_fuzz::parts(data).into_iter();
    let mut set = CsvSet::main_only(parts.next().unwrap_or_default());
    set.add = parts.next();
    set.alt = parts.next();
    set.comments = parts.next();
    sanctions_fuzz::check_loaded(read_set(set));
});
