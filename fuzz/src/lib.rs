//! What the fuzz targets share: the checks every reader's result must pass, the parts of a
//! multi-file input, the zip archives some readers open, and the demo screener.

use std::collections::HashSet;
use std::io::{Cursor, Write};
use std::sync::OnceLock;

use sanctions::Screener;
use sanctions::sources::Loaded;

/// Checks what every reader promises, whatever the input:
///
/// - an `Err` has a message (its `Display` is not empty and does not end in a bare prefix);
/// - a kept entity has at least one name, and no name is blank;
/// - entity ids are unique within the list (records sharing an id are merged);
/// - the report counts what the list holds, and every issue says why.
pub fn check_loaded(result: sanctions::Result<Loaded>) {
    let loaded = match result {
        Ok(loaded) => loaded,
        Err(e) => {
            let message = e.to_string();
            assert!(
                !message.trim().is_empty(),
                "an error without a message: {e:?}"
            );
            assert!(
                !message.ends_with(": "),
                "an error with an empty message: {message:?}"
            );
            return;
        }
    };
    let list = &loaded.list;
    let mut ids = HashSet::new();
    let mut names = 0;
    for e in &list.entities {
        assert!(!e.names.is_empty(), "entity {} kept without a name", e.id);
        for n in &e.names {
            assert!(
                !n.text.trim().is_empty(),
                "entity {} kept with a blank name",
                e.id
            );
        }
        assert!(ids.insert(&e.id), "entity id {} given twice", e.id);
        names += e.names.len();
    }
    let report = &loaded.report;
    assert_eq!(
        report.entities(),
        list.entities.len(),
        "report counts entities"
    );
    assert_eq!(report.names, names, "report counts names");
    for issue in &report.issues {
        assert!(
            !issue.reason.trim().is_empty(),
            "an issue without a reason: {issue:?}"
        );
    }
}

/// The separator of the parts of a multi-file input: `0xFF` never occurs in UTF-8 text, so a
/// seed made of real files joined by it splits back into those files.
pub const PART_SEPARATOR: u8 = 0xFF;

/// The parts of a multi-file input, split at [`PART_SEPARATOR`].
pub fn parts(data: &[u8]) -> Vec<&[u8]> {
    data.split(|&b| b == PART_SEPARATOR).collect()
}

/// A zip archive of the given entries, stored without compression.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(bytes).expect("zip write");
    }
    writer.finish().expect("zip finish").into_inner()
}

/// The screener of the embedded demo list, built once per process.
pub fn demo() -> &'static Screener {
    static DEMO: OnceLock<Screener> = OnceLock::new();
    DEMO.get_or_init(|| Screener::demo().expect("the demo list builds"))
}
