//! The zipped path of `sanctions::sources::ofac_enhanced::read`: the input is the XML file
//! inside the archive (zipped here, so that the fuzzer's bytes reach the XML reader behind the
//! zip, which raw bytes almost never do). Never panics; an `Err` has a message; an `Ok` list
//! passes `sanctions_fuzz::check_loaded` (named entities, unique ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let zip = sanctions_fuzz::zip(&[("SDN_ENHANCED.XML", data)]);
    sanctions_fuzz::check_loaded(sanctions::sources::ofac_enhanced::read(zip.as_slice()));
});
