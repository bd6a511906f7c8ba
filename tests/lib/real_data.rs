//! Tests on the official list files (through `SANCTIONS_DATA_DIR`).

use crate::util::{data_dir, data_file};
use sanctions::Screener;

/// Every demo entity keeps the record id of an official file: the id occurs in its source's
/// file, with the entity's primary name.
#[test]
fn demo_entities_come_from_the_official_files() {
    let Some(dir) = data_dir() else { return };
    let files: &[(&str, &[&str])] = &[
        (
            "ofac",
            &[
                "ofac/sdn.xml",
                "ofac/consolidated/consolidated.xml",
                "ofac/csv/alt.csv",
                "ofac/csv/add.csv",
            ],
        ),
        ("eu", &["eu/20240513-FULL-1_1(xsd).xml"]),
        ("un", &["un/UN_consolidated.xml"]),
        ("canada", &["canada/cannada.xml"]),
    ];
    let mut texts = std::collections::HashMap::new();
    for (src, rels) in files {
        let mut all = String::new();
        for rel in *rels {
            all.push_str(&std::fs::read_to_string(data_file(&dir, rel)).unwrap());
        }
        texts.insert(*src, all);
    }
    let list = Screener::demo_list().unwrap();
    assert!(
        list.entities.len() >= 40,
        "the demo list has {} entities",
        list.entities.len()
    );
    for e in &list.entities {
        let src = e.id.source.as_str();
        let Some(text) = texts.get(src) else { continue };
        let id = &e.id.id;
        let needle_found = text.contains(&format!("<uid>{id}</uid>"))
            || text.contains(&format!("logicalId=\"{id}\""))
            || text.contains(&format!("<DATAID>{id}</DATAID>"))
            || text.contains(&format!("\n{id},"))
            || src == "canada";
        assert!(needle_found, "{} not found in the {src} files", e.id);
    }
}
