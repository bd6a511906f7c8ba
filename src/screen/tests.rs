use super::*;

#[test]
fn demo_finds_kazstanex() {
    let s = Screener::demo().unwrap();
    let q: Vec<ScoreToken> = s.score_tokens("Kazstanex LLP", EntityKind::Unknown).0;
    let c = s.candidates(&q);
    assert!(
        !c.is_empty(),
        "no candidates; names {}",
        s.inner.index.names.len()
    );
    let m = s.screen("Kazstanex LLP");
    assert!(!m.is_empty());
}

#[test]
fn a_persons_name_has_no_legal_forms() {
    let s = Screener::builder().build().unwrap();
    // `SE` ends the name `PAK HAN SE`: a given name, not the Societas Europaea.
    let c = s.compare_as("Han Se Pak", "PAK HAN SE", EntityKind::Person);
    assert!(c.is_match(), "{}", c.explanation());
    let (q, _) = s.score_tokens("PAK HAN SE", EntityKind::Person);
    assert!(q.iter().all(|t| t.kind == TokenKind::Word));
    let (q, _) = s.score_tokens("PAK HAN SE", EntityKind::Organization);
    assert_eq!(q.last().map(|t| t.kind), Some(TokenKind::LegalForm));
}
