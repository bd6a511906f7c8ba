//! Payment messages: reading SWIFT MT and ISO 20022 messages (fields, parties, issues,
//! errors), screening them with the demo list and a real list, the `scan_payment` example,
//! and hostile input.

use std::collections::HashSet;
use std::process::Command;

use proptest::prelude::*;
use sanctions::model::{EntityKind, PartialDate};
use sanctions::payment::{
    self, FieldKind, Format, HitKind, MAX_DEPTH, MAX_FIELD_BYTES, MAX_PATH_BYTES, Message,
    MessageType, PartyRole,
};
use sanctions::{ErrorKind, Screener, sources};

use crate::util::{data_dir, data_file, example_bin, json_lines};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/payments");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).unwrap()
}

#[track_caller]
fn read(name: &str) -> Vec<Message> {
    payment::read(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The value of a field, which must exist.
#[track_caller]
fn value<'a>(m: &'a Message, field: &str) -> &'a str {
    m.field(field)
        .unwrap_or_else(|| panic!("no field {field} in {:?}", names(m)))
        .value()
}

/// Role, field, name, BIC and country of a party.
type PartyRow<'a> = (
    PartyRole,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn names(m: &Message) -> Vec<&str> {
    m.fields().iter().map(|f| f.name()).collect()
}

/// The error message of reading an input.
#[track_caller]
fn error(input: &str) -> String {
    match payment::read(input.as_bytes()) {
        Ok(m) => panic!("expected an error, read {m:?}"),
        Err(e) => e.to_string(),
    }
}

/// The demo screener, built once for the whole module.
fn demo() -> Screener {
    static DEMO: std::sync::OnceLock<Screener> = std::sync::OnceLock::new();
    DEMO.get_or_init(|| Screener::demo().unwrap()).clone()
}

/// (field, kind, text, entity) of every hit.
fn hits(screener: &Screener, m: &Message) -> Vec<(String, HitKind, String, String)> {
    screener
        .screen_payment(m)
        .iter()
        .map(|h| {
            (
                h.field().to_string(),
                h.kind(),
                h.text().to_string(),
                h.entity_id().to_string(),
            )
        })
        .collect()
}

#[track_caller]
fn has_hit(
    found: &[(String, HitKind, String, String)],
    field: &str,
    kind: HitKind,
    text: &str,
    entity: &str,
) {
    assert!(
        found
            .iter()
            .any(|(f, k, t, e)| f == field && *k == kind && t == text && e == entity),
        "no {kind:?} hit {text:?} of {entity} in {field}: {found:#?}"
    );
}

// --- detection ---------------------------------------------------------------------------

#[test]
fn format_is_detected_from_the_content() {
    for (file, format) in [
        ("mt103.fin", Format::SwiftMt),
        ("mt103_50f.fin", Format::SwiftMt),
        ("mt202cov.fin", Format::SwiftMt),
        ("clean_mt103.fin", Format::SwiftMt),
        ("pacs008.xml", Format::Iso20022),
        ("pacs009_cov.xml", Format::Iso20022),
        ("clean_pacs008.xml", Format::Iso20022),
    ] {
        assert_eq!(payment::detect(&fixture(file)).unwrap(), format, "{file}");
    }
    assert_eq!(
        payment::detect(b"\xef\xbb\xbf\r\n  {1:F01").unwrap(),
        Format::SwiftMt
    );
    let types: Vec<MessageType> = [
        "mt103.fin",
        "mt103_50f.fin",
        "mt202cov.fin",
        "pacs008.xml",
        "pacs009_cov.xml",
    ]
    .iter()
    .flat_map(|f| read(f))
    .map(|m| m.message_type())
    .collect();
    assert_eq!(
        types,
        [
            MessageType::Mt103,
            MessageType::Mt103,
            MessageType::Mt103,
            MessageType::Mt202Cov,
            MessageType::Pacs008,
            MessageType::Pacs009Cov,
        ]
    );
}

#[test]
fn unknown_formats_are_errors() {
    let err = payment::detect(b":20:REF\r\n:32A:240101EUR1,").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnknownFormat);
    assert_eq!(
        err.to_string(),
        r#"expected a SWIFT MT message (starting {1:) or an ISO 20022 XML document (starting <), found content starting ":20:REF\r\n:32A:240101EUR1,""#
    );
    assert_eq!(
        payment::read(b"  \n").unwrap_err().to_string(),
        "expected a SWIFT MT message (starting {1:) or an ISO 20022 XML document (starting <), found an empty input"
    );
}

// --- SWIFT MT ------------------------------------------------------------------------------

#[test]
fn mt103_with_50k_59_and_70() {
    let messages = read("mt103.fin");
    assert_eq!(messages.len(), 2, "two messages one after another");
    let m = &messages[0];
    assert_eq!(m.message_type(), MessageType::Mt103);
    assert_eq!(m.format(), Format::SwiftMt);
    assert_eq!((m.index(), m.line()), (0, 1));
    assert_eq!(m.reference(), Some("DEU-240115-0042"));
    assert_eq!(
        names(m),
        [
            "{1:}", "{2:}", "{3:}/108", "{3:}/121", "20", "23B", "32A", "50K", "52A", "57A", "59",
            "70", "71A", "{5:}/CHK"
        ]
    );
    assert_eq!(
        value(m, "50K"),
        "/DE89370400440532013000\nALPINE TIMBER TRADING GMBH\nBAHNHOFSTRASSE 12\n80335 MUENCHEN"
    );
    assert_eq!(
        value(m, "59"),
        "/KZ86125KZT5004100100\nKAZSTANEX LLP\nPR. DOSTYK 97\nALMATY KAZAKHSTAN"
    );
    assert_eq!(
        value(m, "70"),
        "/INV/KZ-2024-0117 SPARE PARTS\nCONTRACT 14/2023 AGENT YEVGENIY\nPRIGOZHIN"
    );
    assert_eq!(value(m, "32A"), "240115EUR48250,00");
    assert_eq!(value(m, "{3:}/121"), "8a562c67-ca16-48ba-b074-65581be6f011");
    let kinds: Vec<(&str, FieldKind)> = ["20", "50K", "57A", "59", "70"]
        .iter()
        .map(|n| (*n, m.field(n).unwrap().kind()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("20", FieldKind::Other),
            ("50K", FieldKind::Party),
            ("57A", FieldKind::Party),
            ("59", FieldKind::Party),
            ("70", FieldKind::Text)
        ]
    );
    assert_eq!(m.field("59").unwrap().line(), 11);
    assert!(m.issues().is_empty(), "{:?}", m.issues());

    let parties: Vec<(PartyRole, &str, Option<&str>, Option<&str>)> = m
        .parties()
        .iter()
        .map(|p| (p.role(), p.field(), p.name(), p.bic()))
        .collect();
    assert_eq!(
        parties,
        [
            (PartyRole::Sender, "{1:}", None, Some("DEUTDEFFXXX")),
            (PartyRole::Receiver, "{2:}", None, Some("HSBKKZKXXXX")),
            (
                PartyRole::Debtor,
                "50K",
                Some("ALPINE TIMBER TRADING GMBH"),
                None
            ),
            (PartyRole::DebtorAgent, "52A", None, Some("DEUTDEFF")),
            (PartyRole::CreditorAgent, "57A", None, Some("HSBKKZKX")),
            (PartyRole::Creditor, "59", Some("KAZSTANEX LLP"), None),
        ]
    );
    let cdtr = &m.parties()[5];
    assert_eq!(cdtr.account(), Some("KZ86125KZT5004100100"));
    assert_eq!(cdtr.address(), ["PR. DOSTYK 97", "ALMATY KAZAKHSTAN"]);
    assert_eq!(cdtr.name_field(), Some("59"));
    assert_eq!(m.parties()[4].country(), Some("KZ"), "a BIC's letters 5-6");

    let second = &messages[1];
    assert_eq!((second.index(), second.line()), (1, 20));
    assert_eq!(second.reference(), Some("COB-240116-0007"));
    assert_eq!(value(second, "70"), "RENT JANUARY 2024 APARTMENT 3B");
}

#[test]
fn mt103_with_50f_and_59f_and_crlf() {
    let m = &read("mt103_50f.fin")[0];
    assert_eq!(
        value(m, "50F"),
        "/40817810099910004312\n1/PRIGOZHIN YEVGENIY VIKTOROVICH\n2/NEVSKY PROSPEKT 1\n3/RU/SAINT PETERSBURG\n4/19610601"
    );
    assert_eq!(
        value(m, "59F"),
        "/AT611904300234573201\n1/SMART IMPORT EXPORT FOREIGN TRADE\n1/LIMITED COMPANY\n2/ORGANIZE SANAYI BOLGESI 4\n3/TR/ISTANBUL"
    );
    assert!(m.fields().iter().all(|f| !f.value().contains('\r')));
    let dbtr = m.parties().iter().find(|p| p.field() == "50F").unwrap();
    assert_eq!(dbtr.role(), PartyRole::Debtor);
    assert_eq!(dbtr.name(), Some("PRIGOZHIN YEVGENIY VIKTOROVICH"));
    assert_eq!(dbtr.account(), Some("40817810099910004312"));
    assert_eq!(dbtr.address(), ["NEVSKY PROSPEKT 1", "SAINT PETERSBURG"]);
    assert_eq!(dbtr.country(), Some("RU"));
    assert_eq!(dbtr.kind(), EntityKind::Person);
    assert_eq!(dbtr.birth_date(), PartialDate::new(1961, Some(6), Some(1)));
    let cdtr = m.parties().iter().find(|p| p.field() == "59F").unwrap();
    assert_eq!(
        cdtr.name(),
        Some("SMART IMPORT EXPORT FOREIGN TRADE LIMITED COMPANY"),
        "1/ lines joined"
    );
    assert_eq!(cdtr.country(), Some("TR"));
    // An output message: the sender is in block 2's input reference, the receiver in block 1.
    let sender = m.parties().iter().find(|p| p.role() == PartyRole::Sender);
    assert_eq!(
        sender.map(|p| (p.field(), p.bic())),
        Some(("{2:}", Some("VTBRRUMMXXX")))
    );
    assert!(m.issues().is_empty(), "{:?}", m.issues());
}

#[test]
fn mt202cov_sequence_b_is_the_underlying_customer_transfer() {
    let m = &read("mt202cov.fin")[0];
    assert_eq!(m.message_type(), MessageType::Mt202Cov);
    assert_eq!(m.reference(), Some("BKT-COV-5521"));
    assert_eq!(
        names(m),
        [
            "{1:}", "{2:}", "{3:}/119", "{3:}/121", "20", "21", "13C", "32A", "52A", "57A", "58A",
            "72", "B/50K", "B/52A", "B/57A", "B/59", "B/70", "B/33B", "{5:}/CHK"
        ]
    );
    assert_eq!(value(m, "72"), "/INS/GAZPROMBANK");
    assert_eq!(
        value(m, "B/50K"),
        "/CH5604835012345678009\nROSNEFT TRADING S.A.\nRUE DU RHONE 14\n1204 GENEVA"
    );
    assert_eq!(
        value(m, "B/70"),
        "/RFB/CONTRACT 55-2024 DIAMONDS\nSUPPLIER PJSC ALROSA"
    );
    let roles: Vec<(&str, PartyRole)> = m.parties().iter().map(|p| (p.field(), p.role())).collect();
    assert_eq!(
        roles,
        [
            ("{1:}", PartyRole::Sender),
            ("{2:}", PartyRole::Receiver),
            ("52A", PartyRole::Debtor),
            ("57A", PartyRole::CreditorAgent),
            ("58A", PartyRole::Creditor),
            ("B/50K", PartyRole::Debtor),
            ("B/52A", PartyRole::DebtorAgent),
            ("B/57A", PartyRole::CreditorAgent),
            ("B/59", PartyRole::Creditor),
        ]
    );
    assert!(m.issues().is_empty(), "{:?}", m.issues());
    // The same message without {119:COV} is a plain MT202, and its 50K and 59 are not
    // fields of one.
    let plain = String::from_utf8(fixture("mt202cov.fin"))
        .unwrap()
        .replace("{119:COV}", "");
    let m = &payment::read(plain.as_bytes()).unwrap()[0];
    assert_eq!(m.message_type(), MessageType::Mt202);
    let unknown: Vec<String> = m.issues().iter().map(|i| i.to_string()).collect();
    assert_eq!(
        unknown.first().map(String::as_str),
        Some(
            "line 10: field 50K: expected a field of the MT202, found unknown field :50K:: scanned as free text"
        )
    );
    assert_eq!(m.field("50K").map(|f| f.kind()), Some(FieldKind::Text));
}

#[test]
fn mt_issues_are_reported_and_the_text_kept() {
    let fin = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\n:20:R\n:50F:/123\n1/IVAN PETROV\n9/SOMETHING\n3/RUSSIA/MOSCOW\n:57A:NOT A BIC\n:99Z:ODD FIELD\n:70:LINE ONE\n:NOT A TAG\n-}";
    let m = &payment::read(fin.as_bytes()).unwrap()[0];
    let issues: Vec<String> = m.issues().iter().map(|i| i.to_string()).collect();
    assert_eq!(
        issues,
        [
            r#"line 5: field 50F: expected a line numbered 1 to 8, found "9/SOMETHING": scanned as free text"#,
            r#"line 6: field 50F: expected 3/ and a two-letter country code, found "3/RUSSIA/MOSCOW": country not used"#,
            r#"line 7: field 57A: expected a BIC of 8 or 11 letters and digits, found "NOT A BIC": scanned as free text"#,
            "line 8: field 99Z: expected a field of the MT103, found unknown field :99Z:: scanned as free text",
            r#"line 10: field 70: expected a field tag such as :70:, found the line ":NOT A TAG": kept as a line of field 70"#,
        ]
    );
    assert_eq!(value(m, "99Z"), "ODD FIELD");
    assert_eq!(value(m, "70"), "LINE ONE\n:NOT A TAG");
    assert_eq!(m.field("99Z").unwrap().kind(), FieldKind::Text);
}

#[test]
fn mt_errors_name_what_was_expected_found_and_the_line() {
    let h = "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}";
    let cases = [
        (
            format!("{h}{{4:\n:20:R\n:70:X\n"),
            r#"line 1: expected block 4 to end with a line "-}", found the end of the input (unterminated block)"#,
        ),
        (
            "{1:F01DEUTDEFFAXXX0000000000\n{2:I103".to_string(),
            "line 1: expected } closing block {1:, found the end of the line (unterminated block)",
        ),
        (
            "{1:F01DEUTDEFFAXXX0000000000}{2:I940COBADEFFXXXXN}{4:\n:20:R\n-}".to_string(),
            "line 1: expected message type 103 or 202 (202COV with {119:COV}), found 940",
        ),
        (
            "{1:F01DEUTDEFFAXXX0000000000}{2:X103}{4:\n:20:R\n-}".to_string(),
            r#"line 1: expected block 2 to start with I or O and a message type of three digits, found "X103""#,
        ),
        (
            "{1:F01DEUTDEFFAXXX0000000000}{4:\n:20:R\n-}".to_string(),
            "line 1: expected block {2: with the message type, found none",
        ),
        (
            format!("{h}{{3:{{108:X}}}}"),
            "line 1: expected block {4: with the message text, found none",
        ),
        (
            format!("{h}{{7:X}}"),
            "line 1: expected a block {1: to {5: or {S:, found {7:",
        ),
        (
            format!("{h}{{4:\nHELLO\n:20:R\n-}}"),
            r#"line 2: expected a field tag such as :20: at the start of block 4, found "HELLO""#,
        ),
        (
            format!("{h}{{3:{{108:{{X}}}}}}{{4:\n:20:R\n-}}"),
            "line 1: expected block {3: nested at most 2 braces deep, found deeper nesting",
        ),
        (
            format!("{h}{{4:\n:20:R\n-}}\n\nGARBAGE"),
            r#"line 5: expected a SWIFT message starting with block {1:, found "GARBAGE""#,
        ),
        (
            format!("{h}{{2:I103COBADEFFXXXXN}}"),
            "line 1: expected block {2: once, found it twice",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(error(&input), want, "{input:?}");
    }
    let err = payment::read(b"{1:F01\xff}").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Encoding);
    assert_eq!(
        err.to_string(),
        "line 1: expected UTF-8 text in the SWIFT MT message, found invalid bytes at byte 6"
    );
    let huge = format!(
        "{h}{{4:\n:20:R\n:70:{}\n-}}",
        "A".repeat(MAX_FIELD_BYTES + 1)
    );
    assert_eq!(
        error(&huge),
        format!(
            "line 3: expected field 70 of at most {MAX_FIELD_BYTES} bytes, found {} bytes",
            MAX_FIELD_BYTES + 1
        )
    );
}

// --- ISO 20022 -----------------------------------------------------------------------------

#[test]
fn pacs008_with_two_transactions() {
    let messages = read("pacs008.xml");
    assert_eq!(messages.len(), 1);
    let m = &messages[0];
    assert_eq!(m.message_type(), MessageType::Pacs008);
    assert_eq!(m.format(), Format::Iso20022);
    assert_eq!(m.reference(), Some("NDEA-20240119-001"));
    assert_eq!(value(m, "CdtTrfTxInf[1]/Cdtr/Nm"), "ТОО «Казстанекс»");
    assert_eq!(value(m, "CdtTrfTxInf[1]/Cdtr/PstlAdr/Ctry"), "KZ");
    assert_eq!(
        value(m, "CdtTrfTxInf[1]/RmtInf/Ustrd[2]"),
        "получатель Евгений Викторович Пригожин"
    );
    assert_eq!(value(m, "CdtTrfTxInf[1]/IntrBkSttlmAmt"), "18400.00");
    assert_eq!(value(m, "CdtTrfTxInf[1]/IntrBkSttlmAmt/@Ccy"), "EUR");
    assert_eq!(
        value(m, "CdtTrfTxInf[2]/IntrmyAgt1/FinInstnId/BICFI"),
        "VTBAKZKZ"
    );
    assert_eq!(
        value(m, "CdtTrfTxInf[2]/CdtrAgt/FinInstnId/PstlAdr/AdrLine[2]"),
        "Almaty"
    );
    assert_eq!(value(m, "GrpHdr/NbOfTxs"), "2");
    let f = m.field("CdtTrfTxInf[2]/RmtInf/Ustrd[1]").unwrap();
    assert_eq!(
        (f.kind(), f.line(), f.transaction()),
        (FieldKind::Text, 72, Some("E2E-INV-3392"))
    );
    assert_eq!(m.field("GrpHdr/MsgId").unwrap().transaction(), None);
    let kinds: Vec<FieldKind> = [
        "CdtTrfTxInf[1]/Dbtr/Nm",
        "CdtTrfTxInf[1]/Dbtr/PstlAdr/StrtNm",
        "CdtTrfTxInf[1]/InstgAgt/FinInstnId/BICFI",
        "CdtTrfTxInf[1]/ChrgBr",
    ]
    .iter()
    .map(|n| m.field(n).unwrap().kind())
    .collect();
    assert_eq!(
        kinds,
        [
            FieldKind::Name,
            FieldKind::Text,
            FieldKind::Bic,
            FieldKind::Other
        ]
    );
    let parties: Vec<PartyRow> = m
        .parties()
        .iter()
        .filter(|p| p.transaction() == Some("E2E-INV-3392"))
        .map(|p| (p.role(), p.field(), p.name(), p.bic(), p.country()))
        .collect();
    assert_eq!(
        parties,
        [
            (
                PartyRole::IntermediaryAgent,
                "CdtTrfTxInf[2]/IntrmyAgt1",
                None,
                Some("VTBAKZKZ"),
                Some("KZ")
            ),
            (
                PartyRole::Debtor,
                "CdtTrfTxInf[2]/Dbtr",
                Some("Nordic Lumber Oy"),
                None,
                Some("FI")
            ),
            (
                PartyRole::DebtorAgent,
                "CdtTrfTxInf[2]/DbtrAgt",
                None,
                Some("NDEAFIHH"),
                Some("FI")
            ),
            (
                PartyRole::CreditorAgent,
                "CdtTrfTxInf[2]/CdtrAgt",
                Some("Halyk Bank of Kazakhstan"),
                None,
                Some("KZ")
            ),
            (
                PartyRole::Creditor,
                "CdtTrfTxInf[2]/Cdtr",
                Some("Stepnoy Agro LLP"),
                None,
                Some("KZ")
            ),
        ]
    );
    let agent = &m
        .parties()
        .iter()
        .find(|p| p.name() == Some("Halyk Bank of Kazakhstan"));
    assert_eq!(
        agent.map(|p| p.name_field()),
        Some(Some("CdtTrfTxInf[2]/CdtrAgt/FinInstnId/Nm"))
    );
    assert!(m.issues().is_empty(), "{:?}", m.issues());
}

#[test]
fn pacs009_cov_with_application_header_and_underlying_transfer() {
    let m = &read("pacs009_cov.xml")[0];
    assert_eq!(m.message_type(), MessageType::Pacs009Cov);
    assert_eq!(m.reference(), Some("UBS-COV-240120-01"));
    assert_eq!(m.line(), 12);
    assert_eq!(value(m, "AppHdr/Fr/FIId/FinInstnId/BICFI"), "UBSWCHZH80A");
    assert_eq!(value(m, "AppHdr/BizMsgIdr"), "UBS-COV-240120-01");
    assert_eq!(
        value(m, "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Dbtr/Nm"),
        "Stanex Group LLP"
    );
    assert_eq!(
        value(
            m,
            "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Dbtr/PstlAdr/AdrLine[1]"
        ),
        "Abay Ave 150"
    );
    assert_eq!(
        value(m, "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/RmtInf/Ustrd[1]"),
        "Machine parts order 2024/117, consignee Rosneft Aero"
    );
    let roles: Vec<(PartyRole, &str)> = m.parties().iter().map(|p| (p.role(), p.field())).collect();
    assert_eq!(
        roles,
        [
            (PartyRole::Sender, "AppHdr/Fr"),
            (PartyRole::Receiver, "AppHdr/To"),
            (PartyRole::InstructingAgent, "CdtTrfTxInf[1]/InstgAgt"),
            (PartyRole::InstructedAgent, "CdtTrfTxInf[1]/InstdAgt"),
            (PartyRole::Debtor, "CdtTrfTxInf[1]/Dbtr"),
            (PartyRole::CreditorAgent, "CdtTrfTxInf[1]/CdtrAgt"),
            (PartyRole::Creditor, "CdtTrfTxInf[1]/Cdtr"),
            (PartyRole::Debtor, "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Dbtr"),
            (
                PartyRole::DebtorAgent,
                "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/DbtrAgt"
            ),
            (
                PartyRole::CreditorAgent,
                "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/CdtrAgt"
            ),
            (
                PartyRole::Creditor,
                "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Cdtr"
            ),
        ]
    );
    let cdtr = &m.parties()[6];
    assert_eq!(
        (cdtr.name(), cdtr.bic(), cdtr.country(), cdtr.kind()),
        (
            Some("SBERBANK OF RUSSIA"),
            Some("SABRRUMMXXX"),
            Some("RU"),
            EntityKind::Organization
        )
    );
    // Without the underlying transfer, the same message is a plain pacs.009.
    let core = String::from_utf8(fixture("pacs009_cov.xml")).unwrap();
    let start = core.find("<UndrlygCstmrCdtTrf>").unwrap();
    let end = core.find("</UndrlygCstmrCdtTrf>").unwrap() + "</UndrlygCstmrCdtTrf>".len();
    let core = format!("{}{}", &core[..start], &core[end..]);
    assert_eq!(
        payment::read(core.as_bytes()).unwrap()[0].message_type(),
        MessageType::Pacs009
    );
}

#[test]
fn iso20022_without_namespace_or_document_and_issues() {
    let xml = r#"<FIToFICstmrCdtTrf>
  <CdtTrfTxInf>
    <PmtId><TxId>TX-9</TxId></PmtId>
    <Dbtr><Id><OrgId><AnyBIC>BAD BIC</AnyBIC></OrgId></Id><PstlAdr><Ctry>Kazakhstan</Ctry></PstlAdr></Dbtr>
    <Cdtr>stray text<Nm>Ivan Petrov</Nm></Cdtr>
  </CdtTrfTxInf>
</FIToFICstmrCdtTrf>"#;
    let m = &payment::read(xml.as_bytes()).unwrap()[0];
    assert_eq!(m.message_type(), MessageType::Pacs008);
    assert_eq!(m.reference(), None);
    let issues: Vec<String> = m.issues().iter().map(|i| i.to_string()).collect();
    assert_eq!(
        issues,
        [
            "line 1: expected GrpHdr/MsgId (the message reference), found none",
            r#"line 4: field CdtTrfTxInf[1]/Dbtr/Id/OrgId/AnyBIC: expected a BIC of 8 or 11 letters and digits, found "BAD BIC": scanned as free text"#,
            r#"line 4: field CdtTrfTxInf[1]/Dbtr: expected a two-letter country code, found "Kazakhstan": country not used"#,
            "line 4: field CdtTrfTxInf[1]/Dbtr: expected a name (Nm) or a BIC, found neither: the party is not screened",
            "line 5: field CdtTrfTxInf[1]/Cdtr: expected Cdtr to hold either text or elements, found both: its text scanned as free text",
        ]
    );
    assert_eq!(value(m, "CdtTrfTxInf[1]/Cdtr"), "stray text");
    assert_eq!(
        m.field("CdtTrfTxInf[1]/Cdtr/Nm").unwrap().transaction(),
        Some("TX-9")
    );
}

#[test]
fn iso20022_errors_name_what_was_expected_found_and_the_line() {
    let ns = "urn:iso:std:iso:20022:tech:xsd";
    let cases = [
        (
            format!("<Document xmlns=\"{ns}:pacs.008.001.08\">\n<FIToFICstmrCdtTrf>\n<GrpHdr><MsgId>M</MsgId>"),
            "line 3: expected the rest of the ISO 20022 XML document, found the end of the file (truncated?)".to_string(),
        ),
        (
            "<?xml version=\"1.0\"?>\n<Invoice><Nb>1</Nb></Invoice>".to_string(),
            "line 2: expected a pacs.008 or pacs.009 message (FIToFICstmrCdtTrf or FICdtTrf), found none under the root element Invoice".to_string(),
        ),
        (
            format!("<Document xmlns=\"{ns}:camt.053.001.08\"><BkToCstmrStmt/></Document>"),
            format!("line 1: expected the namespace of a pacs.008 or pacs.009 document ({ns}:pacs.008.001.NN), found {ns}:camt.053.001.08"),
        ),
        (
            format!("<Document xmlns=\"{ns}:pacs.008.001.08\"><FICdtTrf/></Document>"),
            "line 1: expected FIToFICstmrCdtTrf in a pacs.008 document, found FICdtTrf".to_string(),
        ),
        (
            "<Document>\n  <FIToFIPmtStsRpt/>\n</Document>".to_string(),
            "line 2: expected FIToFICstmrCdtTrf or FICdtTrf in the Document, found FIToFIPmtStsRpt".to_string(),
        ),
        (
            "<FICdtTrf><GrpHdr><MsgId>M</MsgId></Grp></FICdtTrf>".to_string(),
            "line 1: expected well-formed ISO 20022 XML, found an error: ill-formed document: expected `</GrpHdr>`, but `</Grp>` was found".to_string(),
        ),
        (
            "<!-- nothing -->".to_string(),
            "line 1: expected an ISO 20022 XML document, found no element".to_string(),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(error(&input), want, "{input:?}");
    }
    let deep = format!(
        "<FICdtTrf>{}x{}</FICdtTrf>",
        "<a>".repeat(MAX_DEPTH + 2),
        "</a>".repeat(MAX_DEPTH + 2)
    );
    assert_eq!(
        error(&deep),
        format!(
            "line 1: expected ISO 20022 elements nested at most {MAX_DEPTH} deep in a message, found deeper nesting"
        )
    );
    let huge = format!(
        "<FICdtTrf><CdtTrfTxInf><RmtInf><Ustrd>{}</Ustrd></RmtInf></CdtTrfTxInf></FICdtTrf>",
        "x".repeat(MAX_FIELD_BYTES + 1)
    );
    assert_eq!(
        error(&huge),
        format!(
            "line 1: expected field CdtTrfTxInf[1]/RmtInf/Ustrd[1] of at most {MAX_FIELD_BYTES} bytes, found {} bytes",
            MAX_FIELD_BYTES + 1
        )
    );
    // Five names of 60 bytes below the message element make a path of 304 bytes.
    let n = "N".repeat(60);
    let long_path = format!(
        "<FICdtTrf>{}x{}</FICdtTrf>",
        format!("<{n}>").repeat(5),
        format!("</{n}>").repeat(5)
    );
    assert_eq!(
        error(&long_path),
        format!(
            "line 1: expected a field path of at most {MAX_PATH_BYTES} bytes, found one of 304 bytes"
        )
    );
    let long_name = format!("<{0}>x</{0}>", "N".repeat(100));
    assert_eq!(
        error(&long_name),
        "line 1: expected an element name of at most 64 bytes, found one of 100 bytes"
    );
}

// --- screening -----------------------------------------------------------------------------

#[test]
fn mt103_hits_with_the_demo_list() {
    let screener = demo();
    let messages = read("mt103.fin");
    let found = hits(&screener, &messages[0]);
    has_hit(&found, "59", HitKind::Name, "KAZSTANEX LLP", "uk:16678");
    has_hit(
        &found,
        "70",
        HitKind::Text,
        "YEVGENIY\nPRIGOZHIN",
        "ofac:21171",
    );
    // The name hit of field 59 is kept over the text scan of the same field.
    assert_eq!(
        found
            .iter()
            .filter(|(f, _, _, e)| f == "59" && e == "uk:16678")
            .count(),
        1
    );
    let h = screener.screen_payment(&messages[0]);
    let text_hit = h.iter().find(|h| h.field() == "70").unwrap();
    assert_eq!(text_hit.span(), Some(53..71));
    assert_eq!(&value(&messages[0], "70")[53..71], "YEVGENIY\nPRIGOZHIN");
    assert_eq!(text_hit.reference(), Some("DEU-240115-0042"));
    assert_eq!(text_hit.message(), 0);
    assert!(text_hit.as_text_hit().is_some() && text_hit.as_match().is_none());
    let name_hit = h.iter().find(|h| h.field() == "59").unwrap();
    assert_eq!(name_hit.role(), Some(PartyRole::Creditor));
    assert_eq!(name_hit.span(), None);
    assert!(name_hit.score().value() >= 0.9);
    assert!(!name_hit.explanation().matched().is_empty());
    assert_eq!(
        name_hit.to_string(),
        r#"message 0 (DEU-240115-0042) field 59 name "KAZSTANEX LLP": 1.000 uk:16678 "KAZSTANEX LIMITED LIABILITY PARTNERSHIP""#
    );
    // The second message of the file is clean.
    assert_eq!(hits(&screener, &messages[1]), []);
}

#[test]
fn mt103_50f_59f_and_header_hits() {
    let screener = demo();
    let m = &read("mt103_50f.fin")[0];
    let found = hits(&screener, m);
    has_hit(
        &found,
        "50F",
        HitKind::Name,
        "PRIGOZHIN YEVGENIY VIKTOROVICH",
        "ofac:21171",
    );
    has_hit(
        &found,
        "59F",
        HitKind::Name,
        "SMART IMPORT EXPORT FOREIGN TRADE LIMITED COMPANY",
        "ofac:27126",
    );
    // The sender of the output message, by BIC alone.
    has_hit(
        &found,
        "{2:}",
        HitKind::Identifier,
        "VTBRRUMMXXX",
        "ofac:17013",
    );
    // 50F gives a birth date, which agrees.
    let h = screener.screen_payment(m);
    let prigozhin = h.iter().find(|h| h.field() == "50F").unwrap();
    assert!(
        prigozhin
            .explanation()
            .factors()
            .iter()
            .any(|f| matches!(f, sanctions::score::Factor::BirthDateAgrees)),
        "{:?}",
        prigozhin.explanation()
    );
}

#[test]
fn mt202cov_hits_in_both_sequences() {
    let screener = demo();
    let found = hits(&screener, &read("mt202cov.fin")[0]);
    has_hit(&found, "72", HitKind::Text, "GAZPROMBANK", "uk:15015");
    has_hit(
        &found,
        "B/50K",
        HitKind::Name,
        "ROSNEFT TRADING S.A.",
        "ofac:18299",
    );
    has_hit(&found, "B/70", HitKind::Text, "PJSC ALROSA", "eu:160548");
    assert!(
        !found.iter().any(|(f, ..)| f == "B/59" || f == "58A"),
        "{found:#?}"
    );
}

#[test]
fn pacs008_hits_per_transaction_with_cyrillic_names() {
    let screener = demo();
    let m = &read("pacs008.xml")[0];
    let found = hits(&screener, m);
    has_hit(
        &found,
        "CdtTrfTxInf[1]/Cdtr/Nm",
        HitKind::Name,
        "ТОО «Казстанекс»",
        "uk:16678",
    );
    has_hit(
        &found,
        "CdtTrfTxInf[1]/RmtInf/Ustrd[2]",
        HitKind::Text,
        "Евгений Викторович Пригожин",
        "eu:139815",
    );
    has_hit(
        &found,
        "CdtTrfTxInf[2]/IntrmyAgt1/FinInstnId/BICFI",
        HitKind::Identifier,
        "VTBAKZKZ",
        "ofac:18723",
    );
    let h = screener.screen_payment(m);
    let ustrd = h
        .iter()
        .find(|h| h.field() == "CdtTrfTxInf[1]/RmtInf/Ustrd[2]")
        .unwrap();
    let span = ustrd.span().unwrap();
    assert_eq!(
        &value(m, "CdtTrfTxInf[1]/RmtInf/Ustrd[2]")[span],
        "Евгений Викторович Пригожин"
    );
    assert_eq!(ustrd.transaction(), Some("E2E-INV-3391"));
    assert_eq!(ustrd.reference(), Some("NDEA-20240119-001"));
    let json = serde_json::to_value(ustrd).unwrap();
    assert_eq!(json["field"], "CdtTrfTxInf[1]/RmtInf/Ustrd[2]");
    assert_eq!(json["kind"], "text");
    assert_eq!(json["transaction"], "E2E-INV-3391");
    assert_eq!(
        (json["start"].as_u64(), json["end"].as_u64()),
        (Some(21), Some(73))
    );
    assert!(json["entity_id"].is_string() && json["source"].is_string());
    // The debtor and second transaction's creditor are clean.
    assert!(
        !found
            .iter()
            .any(|(f, ..)| f.ends_with("Dbtr/Nm") || f == "CdtTrfTxInf[2]/Cdtr/Nm"),
        "{found:#?}"
    );
}

#[test]
fn pacs009_cov_hits_on_agents_and_the_underlying_transfer() {
    let screener = demo();
    let m = &read("pacs009_cov.xml")[0];
    let found = hits(&screener, m);
    has_hit(
        &found,
        "CdtTrfTxInf[1]/Cdtr/FinInstnId/Nm",
        HitKind::Name,
        "SBERBANK OF RUSSIA",
        "ofac:17018",
    );
    has_hit(
        &found,
        "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/Dbtr/Nm",
        HitKind::Name,
        "Stanex Group LLP",
        "uk:16679",
    );
    has_hit(
        &found,
        "CdtTrfTxInf[1]/UndrlygCstmrCdtTrf/RmtInf/Ustrd[1]",
        HitKind::Text,
        "Rosneft Aero",
        "uk:14977",
    );
    // The BIC of the creditor agrees with Sberbank's: a factor of the name hit, not a second
    // hit.
    let h = screener.screen_payment(m);
    let sber: Vec<_> = h
        .iter()
        .filter(|h| h.entity_id().to_string() == "ofac:17018")
        .collect();
    assert_eq!(sber.len(), 1, "{sber:#?}");
    assert!(
        sber[0]
            .explanation()
            .factors()
            .iter()
            .any(|f| matches!(f, sanctions::score::Factor::IdentifierMatch { .. }))
    );
}

#[test]
fn text_hits_without_a_letter_are_left_out() {
    let list = r#"{"id":"n-40","kind":"vessel","names":[{"text":"40"}]}
{"id":"n-k","kind":"organization","names":[{"text":"KAZSTANEX LLP"}]}"#;
    let loaded = sources::read(list.as_bytes()).unwrap();
    let screener = Screener::builder().list(loaded.list).build().unwrap();
    let text = "HOUSE 40 KAZSTANEX LLP";
    let found: Vec<String> = screener
        .screen_text(text)
        .iter()
        .map(|h| h.entity_id().id.clone())
        .collect();
    assert_eq!(found, ["n-40", "n-k"], "the text scan meets the number");
    let fin = format!(
        "{{1:F01DEUTDEFFAXXX0000000000}}{{2:I103COBADEFFXXXXN}}{{4:\n:20:R\n:70:{text}\n-}}"
    );
    let m = &payment::read(fin.as_bytes()).unwrap()[0];
    let found: Vec<(String, HitKind, String, String)> = hits(&screener, m);
    assert_eq!(
        found,
        [(
            "70".to_string(),
            HitKind::Text,
            "KAZSTANEX LLP".to_string(),
            "custom:n-k".to_string()
        )]
    );
}

#[test]
fn one_hit_per_entity_and_field_in_field_order() {
    let screener = demo();
    for file in [
        "mt103.fin",
        "mt103_50f.fin",
        "mt202cov.fin",
        "pacs008.xml",
        "pacs009_cov.xml",
    ] {
        for m in read(file) {
            let h = screener.screen_payment(&m);
            let mut seen = HashSet::new();
            let mut last = 0;
            for hit in &h {
                assert!(
                    seen.insert((hit.field().to_string(), hit.entity_id().clone())),
                    "{file}: {hit} twice"
                );
                let at = m
                    .fields()
                    .iter()
                    .position(|f| f.name() == hit.field())
                    .unwrap();
                assert!(at >= last, "{file}: {hit} out of field order");
                last = at;
                if let Some(span) = hit.span() {
                    let field = m.field(hit.field()).unwrap();
                    assert_eq!(field.value().get(span), Some(hit.text()), "{file}: {hit}");
                }
            }
        }
    }
}

#[test]
fn clean_messages_give_no_hit() {
    let screener = demo();
    for file in ["clean_mt103.fin", "clean_pacs008.xml"] {
        for m in read(file) {
            assert!(m.issues().is_empty(), "{file}: {:?}", m.issues());
            assert_eq!(hits(&screener, &m), [], "{file}");
        }
    }
    let m = &read("clean_pacs008.xml")[0];
    let lars = m
        .parties()
        .iter()
        .find(|p| p.name() == Some("Lars Eriksson"));
    assert_eq!(
        lars.map(|p| (p.kind(), p.birth_date())),
        Some((
            EntityKind::Person,
            PartialDate::new(1975, Some(3), Some(14))
        ))
    );
}

#[test]
fn a_real_list_finds_a_real_listed_name_in_a_fixture() {
    let Some(dir) = data_dir() else { return };
    let loaded = sources::load_path(data_file(&dir, "un/UN_consolidated.xml")).unwrap();
    let screener = Screener::builder().list(loaded.list).build().unwrap();
    let m = &read("pacs008.xml")[0];
    let h = screener.screen_payment(m);
    let komid = h
        .iter()
        .find(|h| h.entity_id().to_string() == "un:690735")
        .unwrap_or_else(|| panic!("KOMID not found: {h:#?}"));
    assert_eq!(komid.field(), "CdtTrfTxInf[2]/RmtInf/Ustrd[1]");
    assert_eq!(komid.kind(), HitKind::Text);
    assert_eq!(komid.text(), "Korea Mining Development Trading Corporation");
    assert_eq!(komid.transaction(), Some("E2E-INV-3392"));
    assert!(komid.score().value() >= 0.9);
}

// --- hostile input ---------------------------------------------------------------------------

/// Reads and screens any bytes: never panics; every text hit's span is its text in its field.
fn read_and_screen(screener: &Screener, bytes: &[u8]) {
    match payment::read(bytes) {
        Err(e) => assert!(!e.to_string().trim().is_empty()),
        Ok(messages) => {
            for m in &messages {
                for p in m.parties() {
                    for field in [p.name_field(), p.bic_field()].into_iter().flatten() {
                        assert!(m.field(field).is_some(), "party field {field} missing");
                    }
                }
                for h in screener.screen_payment(m) {
                    if let Some(span) = h.span() {
                        let field = m.field(h.field()).unwrap();
                        assert_eq!(field.value().get(span), Some(h.text()));
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn garbage_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let screener = demo();
        read_and_screen(&screener, &bytes);
        let mut mt = b"{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\n".to_vec();
        mt.extend_from_slice(&bytes);
        read_and_screen(&screener, &mt);
        let mut xml = b"<FIToFICstmrCdtTrf><CdtTrfTxInf>".to_vec();
        xml.extend_from_slice(&bytes);
        read_and_screen(&screener, &xml);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        file in proptest::sample::select(vec!["mt103.fin", "mt103_50f.fin", "mt202cov.fin", "pacs008.xml", "pacs009_cov.xml"]),
        cut in 0usize..3000,
        flips in proptest::collection::vec((0usize..3000, any::<u8>()), 0..8),
    ) {
        let mut bytes = fixture(file);
        for (at, b) in flips {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        bytes.truncate(cut.min(bytes.len()));
        read_and_screen(&demo(), &bytes);
    }
}

#[test]
fn many_messages_and_long_inputs_read_in_linear_time() {
    let one = String::from_utf8(fixture("mt103.fin")).unwrap();
    let many = one.repeat(2000);
    let t = std::time::Instant::now();
    let messages = payment::read(many.as_bytes()).unwrap();
    assert_eq!(messages.len(), 4000);
    assert_eq!(messages[3999].index(), 3999);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    // Many transactions in one pacs.008.
    let tx = "<CdtTrfTxInf><PmtId><EndToEndId>E</EndToEndId></PmtId><Cdtr><Nm>A B</Nm></Cdtr><RmtInf><Ustrd>x</Ustrd></RmtInf></CdtTrfTxInf>";
    let xml = format!("<FIToFICstmrCdtTrf>{}</FIToFICstmrCdtTrf>", tx.repeat(5000));
    let m = &payment::read(xml.as_bytes()).unwrap()[0];
    assert_eq!(m.parties().len(), 5000);
    assert_eq!(value(m, "CdtTrfTxInf[5000]/Cdtr/Nm"), "A B");
}

/// The least time of three reads of an input.
fn least_read(input: &[u8]) -> std::time::Duration {
    (0..3)
        .map(|_| {
            let t = std::time::Instant::now();
            let _ = payment::read(input);
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Reading ten times the input takes under forty times as long (a quadratic cost would
/// take a hundred; see hostile.rs).
#[track_caller]
fn reads_linearly(what: &str, make: impl Fn(usize) -> String) {
    let n = 2000;
    let small = least_read(make(n).as_bytes());
    let large = least_read(make(10 * n).as_bytes());
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    eprintln!("{what}: {small:?} / {large:?}: {ratio:.1}x");
    assert!(
        ratio < 40.0,
        "{what}: ten times the input took {ratio:.1} times as long"
    );
}

#[test]
fn hostile_messages_read_in_linear_time() {
    // Many distinct sibling names (each one's path position is decided once).
    reads_linearly("distinct siblings", |n| {
        let leaves: String = (0..n).map(|i| format!("<X{i}>v</X{i}>")).collect();
        format!(
            "<FICdtTrf><CdtTrfTxInf><SplmtryData>{leaves}</SplmtryData></CdtTrfTxInf></FICdtTrf>"
        )
    });
    // Many parties in one MT message (each linked to its field once).
    reads_linearly("party fields", |n| {
        let fields = ":50K:/1\nA B\n".repeat(n);
        format!("{{1:F01DEUTDEFFAXXX0000000000}}{{2:I103COBADEFFXXXXN}}{{4:\n:20:R\n{fields}-}}")
    });
    // Many sub-blocks in block 3.
    reads_linearly("header sub-blocks", |n| {
        format!(
            "{{1:F01DEUTDEFFAXXX0000000000}}{{2:I103COBADEFFXXXXN}}{{3:{}}}{{4:\n:20:R\n-}}",
            "{108:X}".repeat(n)
        )
    });
}

// --- the scan_payment example ------------------------------------------------------------------

fn scan_payment(args: &[&str]) -> std::process::Output {
    Command::new(example_bin("scan_payment"))
        .args(args)
        .current_dir(DIR)
        .output()
        .unwrap()
}

#[test]
fn scan_payment_prints_one_json_object_per_message() {
    let out = scan_payment(&["--json", "mt103.fin", "pacs008.xml", "clean_pacs008.xml"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4);
    let summary: Vec<(String, u64, String, String, usize)> = lines
        .iter()
        .map(|l| {
            (
                l["file"].as_str().unwrap().to_string(),
                l["message"].as_u64().unwrap(),
                l["type"].as_str().unwrap().to_string(),
                l["reference"].as_str().unwrap().to_string(),
                l["hits"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(summary[0].0, "mt103.fin");
    assert_eq!(
        summary
            .iter()
            .map(|s| (s.1, s.2.as_str(), s.3.as_str(), s.4 > 0))
            .collect::<Vec<_>>(),
        [
            (0, "MT103", "DEU-240115-0042", true),
            (1, "MT103", "COB-240116-0007", false),
            (0, "pacs.008", "NDEA-20240119-001", true),
            (0, "pacs.008", "SEB-20240205-0311", false),
        ]
    );
    let first = &lines[0]["hits"][0];
    assert_eq!(first["field"], "59");
    assert_eq!(first["kind"], "name");
    assert_eq!(first["role"], "creditor");
    assert_eq!(first["text"], "KAZSTANEX LLP");
    assert_eq!(first["source"], "uk");
    assert_eq!(first["entity_id"], "16678");
    assert!(first["name"].is_string() && first["score"].as_f64().unwrap() >= 0.9);
    assert!(first.get("start").is_none());
    let text = &lines[0]["hits"][1];
    assert_eq!(
        (text["field"].as_str(), text["kind"].as_str()),
        (Some("70"), Some("text"))
    );
    assert_eq!(
        (text["start"].as_u64(), text["end"].as_u64()),
        (Some(53), Some(71))
    );
    assert_eq!(lines[0]["issues"], serde_json::json!([]));
    // Every message's line carries the audit stamp, also one without hits.
    for l in &lines {
        assert_eq!(l["audit"]["lists"][0]["source"], "custom", "{l}");
        assert_eq!(l["audit"]["threshold"], 0.75);
    }
}

#[test]
fn scan_payment_exit_codes_and_messages() {
    std::fs::write(
        std::env::temp_dir().join("sanctions-bad-payment.fin"),
        "{1:F01DEUTDEFFAXXX0000000000}{2:I103COBADEFFXXXXN}{4:\n:20:R\n",
    )
    .unwrap();
    let bad = std::env::temp_dir().join("sanctions-bad-payment.fin");
    let bad = bad.to_str().unwrap();
    let out = scan_payment(&["--json", bad, "mt103_50f.fin"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "scan_payment: {bad}: line 1: expected block 4 to end with a line \"-}}\", found the end of the input (unterminated block)"
        )),
        "{stderr}"
    );
    assert_eq!(
        json_lines(&out).len(),
        1,
        "the other file is still screened"
    );
    for args in [
        &[][..],
        &["--threshold", "2", "mt103.fin"][..],
        &["--bogus", "mt103.fin"][..],
    ] {
        let out = scan_payment(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: scan_payment"));
    }
    let out = scan_payment(&["mt202cov.fin"]);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("mt202cov.fin: message 0 (line 1) MT202COV BKT-COV-5521"),
        "{table}"
    );
    assert!(
        table.contains("B/50K name \"ROSNEFT TRADING S.A.\""),
        "{table}"
    );
}
