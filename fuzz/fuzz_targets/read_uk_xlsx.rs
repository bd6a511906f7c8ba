//! `sanctions::sources::uk::read_xlsx` on arbitrary bytes as an XLSX workbook (the zip
//! container; the `read_uk_xlsx_parts` target reaches the XML parts inside). Never panics; an
//! `Err` has a message; an `Ok` list passes `sanctions_fuzz::check_loaded` (named entities,
//! unique ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sanctions_fuzz::check_loaded(sanctions::sources::uk::read_xlsx(data.to_vec()));
});
