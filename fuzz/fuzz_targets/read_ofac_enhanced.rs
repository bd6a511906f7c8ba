//! `sanctions::sources::ofac_enhanced::read` on arbitrary bytes, as OFAC Enhanced XML, plain
//! or as the published zip (bytes starting `PK\x03\x04` are opened as a zip archive; the
//! `read_ofac_enhanced_zip` target reaches the XML inside one): never panics; an `Err` has a
//! message; an `Ok` list passes `sanctions_fuzz::check_loaded` (named entities, unique ids,
//! exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sanctions_fuzz::check_loaded(sanctions::sources::ofac_enhanced::read(data));
});
