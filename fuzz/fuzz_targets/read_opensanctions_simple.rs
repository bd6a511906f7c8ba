//! `sanctions::sources::opensanctions::read_simple` on arbitrary bytes, as OpenSanctions targets.simple.csv: never panics; an `Err` has a message; an `Ok`
//! list passes `sanctions_fuzz::check_loaded` (named entities, unique ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sanctions_fuzz::check_loaded(
    sanctions::sources::opensanctions::read_simple(data)
));
