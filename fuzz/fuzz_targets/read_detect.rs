//! `sanctions::sources::read` on arbitrary bytes: the format detected from the content, then
//! the reader of that format (every reader sits behind detection). Never panics; an `Err` has
//! a message; an `Ok` list passes `sanctions_fuzz::check_loaded` (named entities, unique ids,
//! exact counts).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sanctions_fuzz::check_loaded(sanctions::sources::read(data));
});
