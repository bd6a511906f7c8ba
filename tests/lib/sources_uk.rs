//! The UK OFSI readers on the official files and on small fixtures.

use sanctions::sources::load_path;

use crate::util::{data_dir, data_file};

#[test]
fn probe() {
    let Some(dir) = data_dir() else { return };
    for f in [
        "uk/UK_Sanctions_List.xlsx",
        "uk/legacy-2018/sanctionsconlist.csv",
    ] {
        let t = std::time::Instant::now();
        let l = load_path(data_file(&dir, f)).unwrap();
        eprintln!("{f}: {} in {:?}", l.report, t.elapsed());
        for i in &l.report.issues {
            eprintln!("  {i}");
        }
        let e = l.list.entities.iter().find(|e| e.id.id == "16678");
        eprintln!("{e:#?}");
    }
}
