//! `sanctions::sources::ofac_xml::read` on arbitrary bytes, as OFAC classic XML: never panics; an `Err` has a message; an `Ok`
//! list passes `sanctions_fuzz::check_loaded` (named entities, unique ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| sanctions_fuzz::check_loaded(sanctions::sources::ofac_xml::read(data)));
