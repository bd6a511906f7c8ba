//! Issue 6: the main errors of reading a list, pinned. Each names what was expected and what
//! was found, and the line where the reader stopped.

use sanctions::sources;

/// The error message of reading `bytes` (format detected from the content).
fn message(bytes: &[u8]) -> String {
    match sources::read(bytes) {
        Ok(loaded) => panic!("read {} entities", loaded.list.entities.len()),
        Err(e) => e.to_string(),
    }
}

const FORMATS: &str = "OFAC XML, CSV, Advanced or Enhanced XML; US CSL CSV; EU FSF XML; UK \
                       OFSI CSV, XLSX or legacy CSV; UN XML; Canada SEMA XML; OpenSanctions FtM \
                       JSON or targets.simple.csv; custom JSON Lines";

#[test]
fn issue_6_main_errors_name_what_was_expected_and_found() {
    let cases: &[(&str, &[u8], String)] = &[
        (
            "a format the crate does not read",
            b"hello world\n",
            format!(
                "expected a list format the crate reads ({FORMATS}), found content starting \
                 \"hello world\\n\""
            ),
        ),
        (
            "a CSV of unknown columns",
            b"a,b,c\n1,2,3\n",
            format!(
                "expected a list format the crate reads ({FORMATS}), found content starting \
                 \"a,b,c\\n1,2,3\\n\""
            ),
        ),
        (
            "OFAC XML cut short",
            br#"<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd"><sdnEntry><uid>1</uid>"#,
            "line 1: expected the rest of the OFAC classic XML document, found the end of the \
             file (truncated?)"
                .to_string(),
        ),
        (
            "OFAC XML of another namespace",
            br#"<?xml version="1.0"?><sdnList xmlns="http://example.com/x"></sdnList>"#,
            "line 1: expected <sdnList> in the namespace \
             https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML or \
             http://tempuri.org/sdnList.xsd, found the namespace http://example.com/x"
                .to_string(),
        ),
        (
            "EU XML cut short",
            br#"<?xml version="1.0"?><export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="1">"#,
            "line 1: expected the rest of the EU FSF XML document, found the end of the file \
             (truncated?)"
                .to_string(),
        ),
        (
            "EU XML with bytes that are not UTF-8",
            b"<?xml version=\"1.0\"?><export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"><sanctionEntity logicalId=\"1\"><nameAlias wholeName=\"\xff\xfe\"/></sanctionEntity></export>",
            "line 1: expected UTF-8 text in the EU FSF XML, found cannot decode input using \
             UTF-8: invalid utf-8 sequence of 1 bytes from index 0"
                .to_string(),
        ),
        (
            "UN XML cut short",
            br#"<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>"#,
            "line 1: expected the rest of the UN consolidated XML document, found the end of \
             the file (truncated?)"
                .to_string(),
        ),
        (
            "Canada XML cut short",
            br#"<?xml version="1.0"?><data-set><record><Country>X</Country>"#,
            "line 1: expected the rest of the Canada SEMA XML document, found the end of the \
             file (truncated?)"
                .to_string(),
        ),
        (
            "a custom JSON line cut short",
            b"{\"id\":\"c-1\",\n",
            "line 1: expected a JSON entity, found an error: EOF while parsing a value at line 1 \
             column 12"
                .to_string(),
        ),
    ];
    for (what, bytes, want) in cases {
        let got = message(bytes);
        assert_eq!(&got, want, "{what}");
        assert!(
            got.contains("expected") && got.contains("found"),
            "{what}: {got}"
        );
    }
}
