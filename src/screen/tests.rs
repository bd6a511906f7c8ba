use super::*;

#[test]
fn demo_finds_kazstanex() {
    let s = Screener::demo().unwrap();
    let q: Vec<ScoreToken> = s.score_tokens("Kazstanex LLP").0;
    let c = s.candidates(&q);
    assert!(
        !c.is_empty(),
        "no candidates; names {}",
        s.inner.index.names.len()
    );
    let m = s.screen("Kazstanex LLP");
    assert!(!m.is_empty());
}
