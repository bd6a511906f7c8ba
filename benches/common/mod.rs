//! What the benches on the official lists share: where the lists are, and which make one
//! screener of all lists.

use std::path::PathBuf;

use sanctions::SanctionsList;
use sanctions::sources;

/// The full official lists the evaluation loads, plus Canada: built into one screener.
pub const ALL_LISTS: &[&str] = &[
    "ofac/sdn.xml",
    "ofac/consolidated/consolidated.xml",
    "eu/20240513-FULL-1_1(xsd).xml",
    "uk/UK_Sanctions_List.xlsx",
    "un/UN_consolidated.xml",
    "canada/cannada.xml",
];

/// The folder of the official lists (`SANCTIONS_DATA_DIR`); without it, says so for `what`.
pub fn data_dir(what: &str) -> Option<PathBuf> {
    match std::env::var_os("SANCTIONS_DATA_DIR") {
        Some(d) => Some(PathBuf::from(d)),
        None => {
            eprintln!("SANCTIONS_DATA_DIR is unset: {what} need the official lists");
            None
        }
    }
}

/// [`ALL_LISTS`], read from `dir`.
pub fn all_lists(dir: &std::path::Path) -> Vec<SanctionsList> {
    let paths: Vec<PathBuf> = ALL_LISTS.iter().map(|rel| dir.join(rel)).collect();
    ALL_LISTS
        .iter()
        .zip(sources::load_paths(&paths))
        .map(|(rel, loaded)| loaded.unwrap_or_else(|e| panic!("{rel}: {e}")).list)
        .collect()
}
