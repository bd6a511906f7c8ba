//! `sanctions::sources::uk::read_xlsx` on a workbook zipped here from fuzzed parts: the
//! input's parts, split at `0xFF`, are `xl/worksheets/sheet1.xml`, then
//! `xl/sharedStrings.xml`, `xl/styles.xml`, `xl/workbook.xml` and
//! `xl/_rels/workbook.xml.rels` when present (a minimal `xl/workbook.xml` otherwise). Never
//! panics; an `Err` has a message; an `Ok` list passes `sanctions_fuzz::check_loaded` (named
//! entities, unique ids, exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

const WORKBOOK: &[u8] =
    br#"<workbook><sheets><sheet name="List" sheetId="1"/></sheets></workbook>"#;
const NAMES: [&str; 5] = [
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
];

fuzz_target!(|data: &[u8]| {
    let mut entries: Vec<(&str, &[u8])> =
        NAMES.into_iter().zip(sanctions_fuzz::parts(data)).collect();
    if entries.len() < 4 {
        entries.push(("xl/workbook.xml", WORKBOOK));
    }
    let zip = sanctions_fuzz::zip(&entries);
    sanctions_fuzz::check_loaded(sanctions::sources::uk::read_xlsx(zip));
});
