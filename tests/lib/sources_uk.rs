//! The UK OFSI readers: the official XLSX and legacy CSV files, and small fixtures of each
//! form (2022-format CSV, XLSX built here, legacy CSV with and without header lines).

use std::io::Write;
use std::path::PathBuf;

use sanctions::ErrorKind;
use sanctions::model::{
    BirthDate, Entity, EntityKind, Gender, IdentifierKind, NameKind, PartialDate, Script,
};
use sanctions::sources::{self, Format, IssueAction, Loaded, load_path, uk};

use crate::util::{data_dir, data_file};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/uk")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

#[track_caller]
fn entity<'a>(loaded: &'a Loaded, id: &str) -> &'a Entity {
    loaded
        .list
        .entities
        .iter()
        .find(|e| e.id.id == id)
        .unwrap_or_else(|| panic!("no entity {id}"))
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap()
}

fn names(e: &Entity) -> Vec<(&str, NameKind, Option<&str>)> {
    e.names
        .iter()
        .map(|n| (n.text.as_str(), n.kind, n.lang.as_deref()))
        .collect()
}

fn ids(e: &Entity) -> Vec<(IdentifierKind, &str, Option<&str>, Option<&str>)> {
    e.identifiers
        .iter()
        .map(|i| {
            (
                i.kind,
                i.value.as_str(),
                i.country.as_deref(),
                i.note.as_deref(),
            )
        })
        .collect()
}

#[test]
fn official_xlsx_counts_and_kazstanex() {
    let Some(dir) = data_dir() else { return };
    let path = data_file(&dir, "uk/UK_Sanctions_List.xlsx");
    let head = std::fs::read(&path).unwrap();
    assert_eq!(sources::detect_bytes(&head).unwrap(), Format::UkXlsx);
    let loaded = load_path(&path).unwrap();
    let r = &loaded.report;
    // README: 4,686 targets (Group ID): Individual 3,662, Entity 1,009, Ship 15.
    assert_eq!(r.entities(), 4_686);
    assert_eq!(r.entities_by_kind[&EntityKind::Person], 3_662);
    assert_eq!(r.entities_by_kind[&EntityKind::Organization], 1_009);
    assert_eq!(r.entities_by_kind[&EntityKind::Vessel], 15);
    // The 18,796 rows are name variants; the rows of a group repeat a name once per DOB or
    // address, so they hold 12,782 distinct Latin names and 3,229 distinct non-Latin ones
    // (of the 3,990 filled cells), computed independently from the sheet.
    assert_eq!(r.names, 16_011);
    // "Low quality" AKAs and variations: 1,286 rows, 646 distinct names.
    assert_eq!(r.weak_aliases, 646);
    assert_eq!(loaded.list.published, Some(date("2025-04-10")));
    // The one issue: "Cyrillic" given as the language of a non-Latin name.
    assert_eq!(r.issues.len(), 1, "{:#?}", r.issues);
    let issue = &r.issues[0];
    assert_eq!(issue.action, IssueAction::Repaired);
    assert_eq!(issue.record.as_deref(), Some("14979"));
    assert_eq!(issue.line, Some(3976));
    assert_eq!(
        issue.reason,
        "expected a language in Non-Latin Script Language, found \"Cyrillic\": name kept without a language"
    );
    // Every Ship has its IMO number from Other Information.
    let imo = loaded
        .list
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Vessel)
        .filter(|e| e.identifiers.iter().any(|i| i.kind == IdentifierKind::Imo))
        .count();
    assert_eq!(imo, 15);
    // 31 regimes.
    let mut regimes: Vec<&str> = loaded
        .list
        .entities
        .iter()
        .flat_map(|e| e.programs.iter().map(String::as_str))
        .collect();
    regimes.sort_unstable();
    regimes.dedup();
    assert_eq!(regimes.len(), 31);

    // SPOTLIGHT: KAZSTANEX, group 16678.
    let k = entity(&loaded, "16678");
    assert_eq!(k.kind, EntityKind::Organization);
    assert_eq!(
        names(k),
        [
            (
                "KAZSTANEX LIMITED LIABILITY PARTNERSHIP",
                NameKind::Primary,
                None
            ),
            ("KAZSTANEX LLP", NameKind::Aka, None),
            ("TOO KAZSTANEX", NameKind::Aka, None),
            ("TOO КАЗСТАНЭКС", NameKind::Aka, Some("ru")),
        ]
    );
    assert_eq!(k.names[3].script, Script::Mixed);
    assert_eq!(k.names[0].script, Script::Latin);
    assert_eq!(k.programs, ["Russia"]);
    assert_eq!(k.listed_on, Some(date("2024-11-07")));
    assert_eq!(k.countries, ["KZ"]);
    assert_eq!(k.addresses.len(), 1);
    assert_eq!(
        k.addresses[0].full.as_deref(),
        Some(
            "166 Makhambet Otemisuly, Shanyrak-1 Microdistrict, ALATAU DISTRICT, ALMATY CITY, 50065, Kazakhstan"
        )
    );
    assert_eq!(k.addresses[0].postal_code.as_deref(), Some("50065"));
    assert_eq!(k.addresses[0].country.as_deref(), Some("KZ"));
    assert_eq!(
        ids(k),
        [
            (
                IdentifierKind::Other,
                "RUS2271",
                None,
                Some("UK Sanctions List Ref")
            ),
            (
                IdentifierKind::Registration,
                "110340017087",
                None,
                Some("BIN: 110340017087")
            ),
        ]
    );
    assert!(k.birth_dates.is_empty() && k.nationalities.is_empty());
    let remarks = k.remarks.as_deref().unwrap();
    assert!(remarks.starts_with("(UK Sanctions List Ref):RUS2271. Financial sanctions imposed"));
    assert!(remarks.contains("(Parent company):STANEX GROUP LIMITED LIABILITY PARTNERSHIP"));
    assert!(
        remarks
            .ends_with("UK Sanctions List Date Designated: 2024-11-07\nLast Updated: 2024-11-07")
    );

    // ABRAMOV, Vasily Vitalyevich, group 16773: TRN and INN.
    let a = entity(&loaded, "16773");
    assert_eq!(a.kind, EntityKind::Person);
    assert_eq!(a.names[0].text, "ABRAMOV, VASILY VITALYEVICH");
    assert_eq!(a.names[0].kind, NameKind::Primary);
    assert!(
        a.names
            .iter()
            .any(|n| n.text == "ВАСИЛИЙ ВИТАЛЬЕВИЧ АБРАМОВ" && n.script == Script::Cyrillic)
    );
    assert_eq!(a.listed_on, Some(date("2025-02-24")));
    let national: Vec<_> = ids(a)
        .into_iter()
        .filter(|i| matches!(i.0, IdentifierKind::NationalId | IdentifierKind::TaxId))
        .collect();
    assert_eq!(
        national,
        [
            (
                IdentifierKind::NationalId,
                "600320653786",
                None,
                Some("TRN")
            ),
            (IdentifierKind::TaxId, "820523399043", None, Some("INN")),
        ]
    );
    assert!(
        a.remarks
            .as_deref()
            .unwrap()
            .contains("Position: Chief Executive of KAZSTANEX LLP")
    );

    // A target listed under two regimes keeps both, and its earliest listing date.
    let two = entity(&loaded, "11241");
    assert_eq!(two.programs.len(), 2);
    assert_eq!(two.listed_on, Some(date("2010-07-27")));
    assert!(
        two.remarks
            .as_deref()
            .unwrap()
            .contains("Listed On: Iran (Nuclear) 2010-07-27; Syria 2011-08-24")
    );
}

#[test]
fn official_legacy_counts() {
    let Some(dir) = data_dir() else { return };
    let path = data_file(&dir, "uk/legacy-2018/sanctionsconlist.csv");
    let head = std::fs::read(&path).unwrap();
    assert_eq!(sources::detect_bytes(&head).unwrap(), Format::UkLegacyCsv);
    let loaded = load_path(&path).unwrap();
    let r = &loaded.report;
    // README: 9,717 rows, 2,137 targets.
    assert_eq!(r.entities(), 2_137);
    assert_eq!(r.entities_by_kind[&EntityKind::Person], 1_468);
    assert_eq!(r.entities_by_kind[&EntityKind::Organization], 669);
    // Distinct names of the 9,717 rows, computed independently; no weak names in the
    // legacy layout.
    assert_eq!(r.names, 5_696);
    assert_eq!(r.weak_aliases, 0);
    assert!(r.issues.is_empty(), "{:#?}", r.issues);
    // No header lines, so no publication date.
    assert_eq!(loaded.list.published, None);
    // Windows-1252: no replacement characters, and 0x92 read as ’.
    assert!(loaded.list.entities.iter().all(|e| {
        e.remarks
            .as_deref()
            .is_none_or(|r| !r.contains('\u{fffd}') && !r.contains('\u{92}'))
    }));
    assert!(
        loaded
            .list
            .entities
            .iter()
            .any(|e| e.remarks.as_deref().is_some_and(|r| r.contains('’')))
    );
}

/// The expectations on `conlist_2022.csv`, whichever form it is read from.
#[track_caller]
fn check_2022_fixture(loaded: &Loaded) {
    let r = &loaded.report;
    assert_eq!(loaded.list.published, Some(date("2025-04-10")));
    assert_eq!(r.entities(), 3);
    // Groups come in the order of their first row, though their rows interleave.
    let order: Vec<&str> = loaded
        .list
        .entities
        .iter()
        .map(|e| e.id.id.as_str())
        .collect();
    assert_eq!(order, ["16773", "16678", "13640"]);

    let a = entity(loaded, "16773");
    assert_eq!(a.kind, EntityKind::Person);
    assert_eq!(
        names(a),
        [
            ("ABRAMOV, Vasily Vitalyevich", NameKind::Primary, None),
            ("ВАСИЛИЙ ВИТАЛЬЕВИЧ АБРАМОВ", NameKind::Aka, Some("ru")),
            ("ABRAMOV, Vasiliy", NameKind::Aka, None),
            ("ABRAMOV, V", NameKind::WeakAka, None),
        ]
    );
    assert_eq!(a.names[1].script, Script::Cyrillic);
    assert_eq!(
        a.birth_dates,
        [BirthDate::On(date("1980")), BirthDate::On(date("1981"))]
    );
    assert_eq!(a.birth_places, ["Almaty, Kazakhstan"]);
    assert_eq!(a.nationalities, ["KZ", "RU"]);
    assert_eq!(a.gender, Some(Gender::Male));
    assert_eq!(a.programs, ["Russia"]);
    assert_eq!(a.listed_on, Some(date("2025-02-24")));
    assert_eq!(
        ids(a),
        [
            (
                IdentifierKind::Passport,
                "N12345678",
                Some("KZ"),
                Some("Kazakhstan number")
            ),
            (
                IdentifierKind::Passport,
                "751234567",
                Some("RU"),
                Some("Russia passport")
            ),
            (
                IdentifierKind::NationalId,
                "600320653786",
                None,
                Some("TRN")
            ),
            (IdentifierKind::TaxId, "820523399043", None, Some("INN")),
            (
                IdentifierKind::Other,
                "RUS2397",
                None,
                Some("UK Sanctions List Ref")
            ),
        ]
    );
    assert_eq!(
        a.remarks.as_deref(),
        Some(
            "(UK Sanctions List Ref):RUS2397. (Gender):Male\nTitle: Mr\nPosition: Chief Executive of KAZSTANEX LLP\nUK Sanctions List Date Designated: 2025-02-24\nLast Updated: 2025-02-24"
        )
    );

    let k = entity(loaded, "16678");
    assert_eq!(k.kind, EntityKind::Organization);
    assert_eq!(
        names(k),
        [
            (
                "KAZSTANEX LIMITED LIABILITY PARTNERSHIP",
                NameKind::Primary,
                None
            ),
            ("KAZSTANEX LLP", NameKind::Aka, None),
            ("TOO KAZSTANEX", NameKind::Aka, None),
            ("TOO КАЗСТАНЭКС", NameKind::Aka, Some("ru")),
        ]
    );
    assert_eq!(k.names[3].script, Script::Mixed);
    assert_eq!(k.countries, ["KZ"]);
    assert_eq!(k.listed_on, Some(date("2024-11-07")));

    let s = entity(loaded, "13640");
    assert_eq!(s.kind, EntityKind::Vessel);
    assert_eq!(
        names(s),
        [
            ("CHON MA SAN", NameKind::Primary, None),
            ("OLD SHIP NAME", NameKind::Fka, None),
            ("ЧОНМАСАН", NameKind::Fka, None),
        ]
    );
    assert_eq!(s.countries, ["KP"]);
    assert_eq!(s.listed_on, Some(date("2018-03-30")));
    assert_eq!(
        ids(s),
        [
            (IdentifierKind::Imo, "7408873", None, None),
            (
                IdentifierKind::Other,
                "DPR0001",
                None,
                Some("UK Sanctions List Ref")
            ),
        ]
    );
    assert!(s.remarks.as_deref().unwrap().ends_with("\nDOB: sometime"));

    // Two issues, both on the FKA row of the ship (line and row 10).
    let issues: Vec<(Option<u64>, Option<&str>, IssueAction, &str)> = r
        .issues
        .iter()
        .map(|i| (i.line, i.record.as_deref(), i.action, i.reason.as_str()))
        .collect();
    assert_eq!(
        issues,
        [
            (
                Some(10),
                Some("13640"),
                IssueAction::Repaired,
                "expected a language in Non-Latin Script Language, found \"Cyrillic\": name kept without a language"
            ),
            (
                Some(10),
                Some("13640"),
                IssueAction::Repaired,
                "expected a DOB as dd/mm/yyyy, mm/yyyy or yyyy, found \"sometime\": kept in the remarks"
            ),
        ]
    );
}

#[test]
fn csv_2022_fixture() {
    let loaded = uk::read_csv(bytes("conlist_2022.csv").as_slice()).unwrap();
    check_2022_fixture(&loaded);
    // Detection: the file starts with `Last Updated` like the legacy one; its 2022 header on
    // the next line makes it the 2022 format.
    assert_eq!(
        sources::detect_bytes(&bytes("conlist_2022.csv")).unwrap(),
        Format::UkCsv
    );
    let detected = sources::read(bytes("conlist_2022.csv").as_slice()).unwrap();
    check_2022_fixture(&detected);
    assert_eq!(detected.list.entities, loaded.list.entities);
    // Without the `Last Updated` line the header is detected as the 2022 CSV.
    let text = String::from_utf8(bytes("conlist_2022.csv")).unwrap();
    let without_title = text.split_once("\r\n").unwrap().1;
    assert_eq!(
        sources::detect_bytes(without_title.as_bytes()).unwrap(),
        Format::UkCsv
    );
    let loaded = sources::read(without_title.as_bytes()).unwrap();
    assert_eq!(loaded.list.published, None);
    assert_eq!(loaded.report.entities(), 3);
    let report_date = format!("Report Date: 10-Apr-2025\r\n{without_title}");
    assert_eq!(
        sources::detect_bytes(report_date.as_bytes()).unwrap(),
        Format::UkCsv
    );
    assert_eq!(
        sources::read(report_date.as_bytes()).unwrap().list.entities,
        loaded.list.entities
    );
}

#[test]
fn csv_2022_malformed() {
    let err = uk::read_csv(bytes("conlist_2022_no_header.csv").as_slice()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Malformed);
    assert_eq!(err.line(), Some(2));
    assert!(
        err.to_string()
            .starts_with("line 2: expected the UK list header (Name 6, Name 1, ..., Group ID), found a line starting \"ABRAMOV,Vasily"),
        "{err}"
    );

    let err = uk::read_csv(bytes("conlist_2022_unknown_header.csv").as_slice()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Malformed);
    assert_eq!(err.line(), Some(2));
    assert!(
        err.to_string().contains("found a line without Group ID"),
        "{err}"
    );

    // An unknown column besides the required ones is left out and reported.
    let text = String::from_utf8(bytes("conlist_2022.csv")).unwrap();
    let renamed = text.replacen(",Title,", ",Honorific,", 1);
    let loaded = uk::read_csv(renamed.as_bytes()).unwrap();
    assert_eq!(
        loaded.report.issues[0].reason,
        "expected only UK list columns in the header, found \"Honorific\": left out"
    );
    assert_eq!(loaded.report.issues.len(), 3);

    // A row with a column too few.
    let short = text.replacen(",16678\r\n", "\r\n", 1);
    let err = uk::read_csv(short.as_bytes()).unwrap_err();
    assert_eq!(err.line(), Some(4));
    assert_eq!(
        err.to_string(),
        "line 4: expected 36 fields in the row, as in the header, found 35"
    );

    // Not UTF-8 (the first KAZSTANEX is in the Position of line 3).
    let mut bad = text.into_bytes();
    let at = bad.windows(7).position(|w| w == b"KAZSTAN").unwrap();
    bad[at] = 0xC4;
    let err = uk::read_csv(bad.as_slice()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Encoding);
    assert_eq!(err.line(), Some(3));
}

/// An XLSX workbook of rows, as OFSI writes it: shared strings for text, the date
/// columns styled as dates; `numbers` cells hold serial dates instead of text.
fn xlsx_of(rows: &[Vec<String>], numbers: &[(usize, usize, &str)]) -> Vec<u8> {
    fn col(mut i: usize) -> String {
        let mut s = Vec::new();
        loop {
            s.push(b'A' + (i % 26) as u8);
            if i < 26 {
                break;
            }
            i = i / 26 - 1;
        }
        s.reverse();
        String::from_utf8(s).unwrap()
    }
    fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    let mut shared: Vec<String> = Vec::new();
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, value) in row.iter().enumerate() {
            let reference = format!("{}{}", col(c), r + 1);
            if let Some((_, _, serial)) = numbers.iter().find(|(nr, nc, _)| *nr == r && *nc == c) {
                sheet.push_str(&format!(r#"<c r="{reference}" s="1"><v>{serial}</v></c>"#));
            } else if !value.is_empty() {
                let i = shared.iter().position(|s| s == value).unwrap_or_else(|| {
                    shared.push(value.clone());
                    shared.len() - 1
                });
                sheet.push_str(&format!(r#"<c r="{reference}" s="0" t="s"><v>{i}</v></c>"#));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut sst =
        String::from(r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#);
    for s in &shared {
        sst.push_str(&format!("<si><t>{}</t></si>", esc(s)));
    }
    sst.push_str("</sst>");
    let parts = [
        ("[Content_Types].xml", "<Types/>".to_string()),
        (
            "xl/workbook.xml",
            r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/></Relationships>"#.to_string(),
        ),
        (
            "xl/styles.xml",
            r#"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/MM/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>"#.to_string(),
        ),
        ("xl/sharedStrings.xml", sst),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    zip_parts(&parts)
}

fn zip_parts(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    for (path, content) in parts {
        w.start_file(*path, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(content.as_bytes()).unwrap();
    }
    w.finish().unwrap();
    out.into_inner()
}

fn fixture_rows() -> Vec<Vec<String>> {
    let data = bytes("conlist_2022.csv");
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data.as_slice());
    csv.records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn xlsx_fixture_reads_like_the_csv() {
    let rows = fixture_rows();
    // Row 4 (index 3) is KAZSTANEX LLP; its Listed On (column 33, AG) is the serial day
    // 45603, 2024-11-07, in a date-styled cell.
    assert_eq!(rows[3][32], "07/11/2024");
    let xlsx = xlsx_of(&rows, &[(3, 32, "45603")]);
    assert_eq!(sources::detect_bytes(&xlsx).unwrap(), Format::UkXlsx);
    let loaded = uk::read_xlsx(xlsx.clone()).unwrap();
    check_2022_fixture(&loaded);
    let from_csv = uk::read_csv(bytes("conlist_2022.csv").as_slice()).unwrap();
    assert_eq!(loaded.list.entities, from_csv.list.entities);
    let detected = sources::read(xlsx.as_slice()).unwrap();
    assert_eq!(detected.list.entities, from_csv.list.entities);
}

#[test]
fn xlsx_malformed() {
    // A zip that is no workbook.
    let not_xlsx = zip_parts(&[("word/document.xml", "<document/>".to_string())]);
    let err = uk::read_xlsx(not_xlsx).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Malformed);
    assert_eq!(
        err.to_string(),
        "expected an XLSX workbook with the part xl/workbook.xml, found a zip without it"
    );
    // Not a zip at all.
    let err = uk::read_xlsx(b"PK\x03\x04garbage".to_vec()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Malformed);

    // A truncated sheet.
    let rows = fixture_rows();
    let xlsx = xlsx_of(&rows, &[]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut f, &mut s).unwrap();
        if f.name() == "xl/worksheets/sheet1.xml" {
            let cut = s.len() * 2 / 3;
            s.truncate(cut);
        }
        parts.push((f.name().to_string(), s));
    }
    let parts: Vec<(&str, String)> = parts.iter().map(|(n, s)| (n.as_str(), s.clone())).collect();
    let err = uk::read_xlsx(zip_parts(&parts)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Malformed);
    assert!(
        err.to_string().starts_with("in xl/worksheets/sheet1.xml: "),
        "{err}"
    );

    // A sheet without the header row.
    let err = uk::read_xlsx(xlsx_of(&rows[..1], &[])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected the UK list header row (Name 6, ..., Group ID) in the first sheet, found none"
    );
    let mut no_header = rows.clone();
    no_header.remove(1);
    let err = uk::read_xlsx(xlsx_of(&no_header, &[])).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("row 2: expected the UK list header"),
        "{err}"
    );
}

#[test]
fn legacy_with_and_without_header_lines() {
    let bare = bytes("legacy_headerless.csv");
    assert_eq!(sources::detect_bytes(&bare).unwrap(), Format::UkLegacyCsv);
    let headed = bytes("legacy_with_header.csv");
    assert_eq!(sources::detect_bytes(&headed).unwrap(), Format::UkLegacyCsv);
    let a = sources::read(bare.as_slice()).unwrap();

    let b = uk::read_legacy(headed.as_slice()).unwrap();

    assert_eq!(a.list.entities, b.list.entities);
    assert_eq!(a.list.published, None);
    assert_eq!(b.list.published, Some(date("2018-11-29")));
    assert!(a.report.issues.is_empty() && b.report.issues.is_empty());
    assert_eq!(a.report.entities(), 3);

    let q = entity(&a, "13349");
    assert_eq!(q.kind, EntityKind::Person);
    assert_eq!(
        names(q),
        [
            ("AL-QAHTANI, Sheikh Farooq", NameKind::Primary, None),
            ("AL-QAHTANI, Sheikh Farooq", NameKind::Aka, None),
        ]
    );
    assert_eq!(
        q.birth_dates,
        [BirthDate::On(date("1981")), BirthDate::On(date("1980"))]
    );
    assert_eq!(q.birth_places, ["Saudi Arabia"]);
    assert_eq!(q.nationalities, ["SA", "QA"]);
    assert_eq!(q.countries, ["AF"]);
    assert_eq!(
        ids(q),
        [(
            IdentifierKind::Passport,
            "592667",
            None,
            Some("Passport No: 592667 (Qatari passport issued on 3 May 2007)")
        )]
    );
    assert_eq!(q.programs, ["The ISIL (Da'esh) and Al-Qaida organisations"]);
    assert_eq!(q.listed_on, Some(date("2016-04-01")));

    let ship = entity(&a, "13556");
    assert_eq!(ship.kind, EntityKind::Organization);
    assert_eq!(ids(ship), [(IdentifierKind::Imo, "8937675", None, None)]);

    // The 0x92 byte is ’.
    let battalion = entity(&a, "13222");
    assert_eq!(battalion.names[0].text, "14TH MOTORIZED RIFLE BATTALION");
    assert_eq!(battalion.names[0].kind, NameKind::Aka);
    assert!(
        battalion
            .remarks
            .as_deref()
            .unwrap()
            .starts_with("Part of the so-called ’2nd Army Corps’.")
    );
}

#[test]
fn legacy_wrong_column_count() {
    let err = uk::read_legacy(bytes("legacy_wrong_columns.csv").as_slice()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Malformed);
    assert_eq!(
        err.to_string(),
        "line 3: expected 29 fields in the row, as in the header, found 28"
    );
}
