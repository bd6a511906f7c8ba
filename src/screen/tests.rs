use super::*;

#[test]
fn demo_finds_kazstanex() {
    let s = Screener::demo().unwrap();
    let q: Vec<ScoreToken> = s.score_tokens("Kazstanex LLP", EntityKind::Unknown).0;
    let c = s.candidates(&q, None);
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

/// A screener over one listed organization of one name.
fn one_organization(name: &str) -> Screener {
    one_party(name, EntityKind::Organization)
}

fn one_party(name: &str, kind: EntityKind) -> Screener {
    use crate::model::{Entity, EntityId, Name, SanctionsList, Source};
    let mut list = SanctionsList::new(Source::Custom);
    list.entities
        .push(Entity::new(EntityId::new(Source::Custom, "1"), kind).with_name(Name::new(name)));
    Screener::builder().list(list).build().unwrap()
}

#[test]
fn an_organizations_acronym_is_found_alone_near_exactly() {
    let s = one_organization("TEHRIK-E TALIBAN PAKISTAN (TTP)");
    let m = s.screen("TTP");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].name(), "TEHRIK-E TALIBAN PAKISTAN (TTP)");
    assert!(
        m[0].explanation()
            .factors()
            .iter()
            .any(|f| matches!(f, Factor::Acronym))
    );
    // Inside a longer name it is not near-exact, and text scanning leaves it out.
    assert!(s.screen("TTP Logistics Ltd").is_empty());
    assert!(s.screen_text("invoice TTP 2024 freight").is_empty());
}

#[test]
fn a_name_that_gives_its_acronym_is_scored_without_it() {
    let s = one_organization("KOREAN NATIONAL INSURANCE COMPANY (KNIC)");
    let m = s.screen("Korean National Insurance Company");
    assert_eq!(m.len(), 1);
    assert!(m[0].score().value() >= 0.99, "{}", m[0].explanation());
    assert!(m[0].explanation().unmatched_candidate().is_empty());
    // A query that gives the acronym too reads as the list name does.
    let m = s.screen("Korean National Insurance Company (KNIC)");
    assert!(m[0].score().value() >= 0.99, "{}", m[0].explanation());
}

/// A screener over one listed person of these names.
fn one_person(names: &[&str]) -> Screener {
    use crate::model::{Entity, EntityId, Name, SanctionsList, Source};
    let mut list = SanctionsList::new(Source::Custom);
    let mut e = Entity::new(EntityId::new(Source::Custom, "1"), EntityKind::Person);
    for n in names {
        e = e.with_name(Name::new(*n));
    }
    list.entities.push(e);
    Screener::builder().list(list).build().unwrap()
}

/// Asserts that comparing `query` with the person's name `listed` reaches the threshold and
/// that screening `query` gives the same score first.
#[track_caller]
fn screens_as_it_compares(s: &Screener, query: &str, listed: &str) {
    let compared = s
        .compare_as(query, listed, EntityKind::Person)
        .score()
        .value();
    assert!(compared >= s.threshold(), "{query} / {listed}: {compared}");
    let screened = s.screen(query);
    assert_eq!(
        screened.first().map(|m| m.score().value()),
        Some(compared),
        "{query} / {listed}"
    );
}

/// A screener over persons, each of a primary name and a weak alias, ids from 1.
fn persons_with_weak_aliases(names: &[(&str, &str)]) -> Screener {
    use crate::model::{Entity, EntityId, Name, NameKind, SanctionsList, Source};
    let mut list = SanctionsList::new(Source::Custom);
    for (i, (primary, weak)) in names.iter().enumerate() {
        list.entities.push(
            Entity::new(
                EntityId::new(Source::Custom, (i + 1).to_string()),
                EntityKind::Person,
            )
            .with_name(Name::new(*primary))
            .with_name(Name::new(*weak).with_kind(NameKind::WeakAka)),
        );
    }
    Screener::builder().list(list).build().unwrap()
}

#[test]
fn a_weak_alias_met_word_for_word_but_for_a_title_counts() {
    let s = persons_with_weak_aliases(&[
        ("RAHMATULLAH KAKAZADA", "Mullah Nasir"),
        ("KHAWA PANGA MANDRO", "Chief Kahwa"),
    ]);
    // Against a common name the title keeps the score below the weak aliases' least, yet the
    // names are the same.
    let compared = s.compare_as("NASIR", "Mullah Nasir", EntityKind::Person);
    assert!(
        compared.score().value() < WEAK_ALIAS_MIN,
        "{}",
        compared.explanation()
    );
    for (query, alias) in [("NASIR", "Mullah Nasir"), ("Kahwa", "Chief Kahwa")] {
        let m = s.screen(query);
        assert_eq!(m.len(), 1, "{query}");
        assert_eq!(m[0].name(), alias);
        assert!(m[0].is_weak());
    }
    // Two letters of a long word swapped are a slip (`Mauwin` / `Muawin`); of a short word,
    // another name.
    let s = persons_with_weak_aliases(&[
        ("MOHAMMED OMAR GHULAM NABI", "Haji Omar"),
        ("ABDUL JABBAR OMARI", "Muawin Jabbar"),
    ]);
    let m = s.screen("Mauwin JABBAR");
    assert_eq!(m.first().map(Match::name), Some("Muawin Jabbar"));
    assert!(s.screen(Query::new("OMRA").threshold(0.5)).is_empty());
    assert!(
        s.screen(Query::new("Maiwun JABBAR").threshold(0.5))
            .is_empty()
    );
    // A word respelled, or one more word on either side, is no word-for-word match.
    assert!(s.screen(Query::new("NASSER").threshold(0.5)).is_empty());
    assert!(s.screen("Nasir Ahmad").is_empty());
    assert!(s.screen("Mullah Nasir Kabir").is_empty());
}

#[test]
fn of_equal_scores_a_name_written_as_the_query_comes_first() {
    let s =
        persons_with_weak_aliases(&[("Wali Mohammad", "Abu Bakr"), ("Mohammad Wali", "Abu Umar")]);
    let m = s.screen("MOHAMMAD WALI");
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].score(), m[1].score());
    assert_eq!(m[0].name(), "Mohammad Wali");
    assert_eq!(m[0].entity_id().id, "2");
    let m = s.screen("wali mohammad");
    assert_eq!(m[0].entity_id().id, "1");
}

#[test]
fn a_short_word_finds_the_names_its_cheap_edits_meet() {
    // A word of three key symbols meets another a vowel, a cheap pair or a swap apart, or a
    // vowel longer; one of four or five, a cheap edit and one more: the index looks those up,
    // so screening finds what comparing gives.
    for (listed, query) in [
        ("MIN, Son", "SON MUN SAN"),
        ("KIM, Chol", "Kim Chul"),
        ("PAK, Muna", "Pak Mun"),
        // Four or five symbols: a cheap pair and a vowel more.
        ("SAMIA, Abu", "Abu Ahmad al-Shami"),
    ] {
        screens_as_it_compares(&one_person(&[listed]), query, listed);
    }
}

#[test]
fn a_long_word_finds_the_names_its_vowels_and_cheap_pairs_meet() {
    // Words of six symbols or more apart in two vowels, or a vowel and a cheap pair, share no
    // deletion; the index looks them up by their coarse key, so screening finds what
    // comparing gives.
    for (listed, query) in [
        ("AL-MUHAJIR, Shahab", "Shahab MAHAJAR"),
        (
            "Александр Порфирьевич Торшин",
            "Aleksandr Henrihovich TURCHIN",
        ),
    ] {
        let s = one_person(&[listed, "KHAN, Shahab", "Aleksandr Ivanov"]);
        screens_as_it_compares(&s, query, listed);
    }
}

#[test]
fn a_glued_query_word_finds_the_list_word_it_begins() {
    // `Wagner`, the last word of `PMC Wagner`, begins `Wagnergruppen` (Wagner group, glued):
    // scoring meets them as a name's cut last word, and the index finds the list word by the
    // query word's prefix. The name's other word is a legal form, which the index does not
    // hold (found by the property test against brute force).
    let s = one_organization("PMC Wagner");
    let c = s.compare_as("Wagnergruppen PMC", "PMC Wagner", EntityKind::Organization);
    assert!(c.is_match(), "{}", c.explanation());
    let m = s.screen("Wagnergruppen PMC");
    assert_eq!(
        m.first().map(|m| m.score().value()),
        Some(c.score().value())
    );
}

#[test]
fn a_list_name_of_unknown_kind_with_a_legal_form_is_screened_as_an_organizations() {
    // Scored as an organization's name (its last word meets a query word it begins), and
    // indexed as one: the index finds `Wagner` by the prefix of `Wagnergruppen`.
    let s = one_party("PMC Wagner", EntityKind::Unknown);
    let c = s.compare_as("Wagnergruppen PMC", "PMC Wagner", EntityKind::Unknown);
    assert!(c.is_match(), "{}", c.explanation());
    let m = s.screen("Wagnergruppen PMC");
    assert_eq!(
        m.first().map(|m| m.score().value()),
        Some(c.score().value())
    );
    // Without a legal form, a name of unknown kind is not an organization's.
    let s = one_party("Nordic Wagner", EntityKind::Unknown);
    let c = s.compare_as("Nordic Wagnergruppen", "Nordic Wagner", EntityKind::Unknown);
    assert!(
        !c.explanation()
            .matched()
            .iter()
            .any(|m| m.query() == ["wagnergruppen"]),
        "{}",
        c.explanation()
    );
}

#[test]
fn a_word_finds_the_glued_runs_its_skeleton_meets() {
    // A Latin word meets list words in Arabic script written apart (`Abdelmalek` / `عبد
    // المالك`), a word in Arabic script Latin list words written apart (`سعيدالله` / `SAEEDI,
    // Ali`): the index finds the glued runs near the word's consonant skeleton.
    for (listed, query) in [
        ("عبد المالك دروكدال", "Abdelmalek Droukdel"),
        ("SAEEDI, Ali", "سعيدالله جان"),
    ] {
        let s = one_person(&[listed, "KHAN, Ali", "Abd al-Rahman Zahid"]);
        screens_as_it_compares(&s, query, listed);
    }
}

#[test]
fn a_query_word_meets_an_initial_the_index_does_not_look_up() {
    // `Sen` meets the initial `S.` of the listed name, which the index does not look up: the
    // score bound lets the word meet it.
    use crate::model::{Entity, EntityId, Name, SanctionsList, Source};
    let listed = "Adnan S. Hasan Ahmed";
    let mut list = SanctionsList::new(Source::Custom);
    list.entities.push(
        Entity::new(EntityId::new(Source::Custom, "1"), EntityKind::Person)
            .with_name(Name::new(listed))
            .with_name(Name::new("Mustafa Adnan Khalil")),
    );
    let s = Screener::builder()
        .list(list)
        .threshold(0.7)
        .build()
        .unwrap();
    // The query's other words met by words: a word met only by an initial does not put the
    // query inside a name that keeps given names of its own (`أحمد Sen` alone is 0.518).
    screens_as_it_compares(&s, "Adnan أحمد Sen", listed);
}

#[test]
fn a_word_an_h_and_a_cheap_pair_apart_finds_its_name() {
    // `aStari` / `ahstari`: `ш` written `sh` against `hs`, a cheap pair and an `h` apart. The
    // name's other word alone (`Hossein`) cannot bring it to the threshold, and the deletion
    // neighbourhoods do not reach it: the coarse key does.
    let listed = "AHSTARI, Hossein";
    let s = one_person(&[listed, "Mohammad Reza Tehrani"]);
    screens_as_it_compares(&s, "Hossein ASHTARI", listed);
}

#[test]
fn a_word_a_cheap_pair_and_a_swap_apart_finds_its_name() {
    // `Saima` / `samia`: `sh` against `s` and two letters swapped, in a word of five symbols.
    // `Abu` alone cannot bring the name to the threshold, and neither the cheap edits' own
    // neighbours nor the deletions reach `samia`: the cheap edits' one-deletion neighbours do.
    let listed = "SAMIA, Abu";
    let s = one_person(&[listed, "Mohammad Reza Tehrani"]);
    screens_as_it_compares(&s, "ABU- SHAYMA", listed);
}

#[test]
fn a_german_or_swedish_spelling_finds_the_english_one_and_back() {
    // `ch` for `х` and `j` for the glide of `я` (`rJabuCin` / `riabuhin`): two cheap pairs in
    // eight symbols, which only the coarse key's glide reading reaches. The given name and
    // patronymic alone are common names that cannot bring the name to the threshold.
    let listed = "RYABUKHIN, Sergey Nikolayevich";
    let s = one_person(&[listed, "Mohammad Reza Tehrani"]);
    screens_as_it_compares(&s, "Sergej Nikolajevitj RJABUCHIN", listed);
    let listed = "Sergej Nikolajevitj RJABUCHIN";
    let s = one_person(&[listed, "Mohammad Reza Tehrani"]);
    screens_as_it_compares(&s, "Sergey Nikolayevich RYABUKHIN", listed);
}

#[test]
fn a_surname_that_begins_as_a_generic_word_is_a_name_in_a_query_of_unknown_kind() {
    // `Islamow` and `Komissarow` (the German and Polish spellings) were read as inflected
    // forms of `islamic` and `комиссия`: no name the listed persons' surnames could meet.
    let listed = "Dmitry Viktorovich ISLAMOV";
    screens_as_it_compares(&one_person(&[listed]), "Dmitry Islamow", listed);
    let listed = "Alexey Gennadyevich KOMISSAROV";
    screens_as_it_compares(&one_person(&[listed]), "Alexey Komissarow", listed);
    let listed = "Юлия Николаевна ДРОЖЖИНА";
    screens_as_it_compares(&one_person(&[listed]), "Yulia Drozhzhyna", listed);
}

#[test]
fn a_given_name_and_a_surname_from_two_names_of_one_person_meet() {
    let s = one_person(&["SANAULLAH GHAFARI", "Shahab al-Muhajir", "Shahab Mahajar"]);
    let m = s.screen(Query::new("Sanaullah MAHAJAR").kind(EntityKind::Person));
    assert_eq!(m.len(), 1, "{m:?}");
    let factor = m[0].explanation().factors().iter().find_map(|f| match f {
        Factor::CombinedNames { with, .. } => Some(with.clone()),
        _ => None,
    });
    assert_eq!(factor.as_deref(), Some("Shahab Mahajar"));
    // Each name must bring a distinctive word of its own, met as written or as a spelling:
    // common names from two names do not make a person (`Manuel Castro` / `FELIX FELIX,
    // Victor Manuel` and `CASTRO RODRIGUEZ, Raul`), nor respellings (`Ghafori Shahib`).
    let s = one_person(&["FELIX FELIX, Victor Manuel", "CASTRO RODRIGUEZ, Raul"]);
    assert!(s.screen("Manuel Castro").is_empty());
    let s = one_person(&["SANAULLAH GHAFARI", "Shahab al-Muhajir"]);
    assert!(s.screen("Ghafori Shahib").is_empty());
    // A common name in Arabic script is common in the listed name it meets.
    let s = one_person(&["BADR AL DIN, Mustafa", "SAAB, Elias Fouad"]);
    assert!(s.screen("مصطفي فؤاد").is_empty());
}

#[test]
fn a_known_kind_other_than_the_entitys_lowers_the_score() {
    use crate::model::{Entity, EntityId, Name, SanctionsList, Source};
    let mut list = SanctionsList::new(Source::Custom);
    list.entities.push(
        Entity::new(EntityId::new(Source::Custom, "1"), EntityKind::Vessel)
            .with_name(Name::new("DAISY")),
    );
    let s = Screener::builder().list(list).build().unwrap();
    let query = Query::new("Daisy Finance Co., Ltd.").threshold(0.0);
    let unknown = s.screen(query.clone());
    let organization = s.screen(query.kind(EntityKind::Organization));
    let (Some(u), Some(o)) = (unknown.first(), organization.first()) else {
        panic!("no match: {unknown:?} {organization:?}");
    };
    assert!((o.score().value() - u.score().value() * KIND_CONFLICT).abs() < 1e-3);
    assert!(
        o.explanation()
            .factors()
            .iter()
            .any(|f| matches!(f, Factor::KindConflict { .. }))
    );
    assert!(
        !u.explanation()
            .factors()
            .iter()
            .any(|f| matches!(f, Factor::KindConflict { .. }))
    );
}

#[test]
fn screen_many_gives_what_screen_gives_in_input_order_on_any_number_of_threads() {
    let s = Screener::demo().unwrap();
    let queries: Vec<String> = s
        .entities()
        .iter()
        .flat_map(|e| e.names.iter().map(|n| n.text.clone()))
        .chain(["Jewgeni Prigoschin", "Jane Doe", "", "DA GROUP 23"].map(String::from))
        .collect();
    let one_by_one: Vec<Vec<Match>> = queries.iter().map(|q| s.screen(q.as_str())).collect();
    assert!(one_by_one.iter().filter(|m| !m.is_empty()).count() > 50);
    assert_eq!(
        s.screen_many(queries.iter().map(String::as_str)),
        one_by_one
    );
    #[cfg(feature = "rayon")]
    for threads in [1, 3, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let batch = pool.install(|| s.screen_many(queries.iter().map(String::as_str)));
        assert_eq!(batch, one_by_one, "{threads} threads");
    }
}

/// The list names a text scan finds in `text`.
fn found_in(s: &Screener, text: &str) -> Vec<String> {
    s.screen_text(text)
        .iter()
        .map(|h| h.name().to_string())
        .collect()
}

#[test]
fn a_text_scan_finds_a_name_with_one_long_word_misspelled() {
    let s = one_organization("KAZSTANEX LLP");
    let text = "/BNF/ PAYMENT FOR INVOICE 2291 TO KAZSTANAX LLP ALMATY";
    let hits = s.screen_text(text);
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].text(), "KAZSTANAX LLP");
    // Two edits are another word.
    assert!(found_in(&s, "PAYMENT TO KAZSTUNAX ALMATY").is_empty());
}

#[test]
fn a_text_scan_needs_two_words_of_a_name_of_two() {
    let s = one_organization("STEP ISTANBUL");
    assert!(found_in(&s, "GOODS DELIVERED TO ISTANBUL BY SEA").is_empty());
    assert_eq!(
        found_in(&s, "GOODS FOR STEP ISTANBUL, REF 22"),
        ["STEP ISTANBUL"]
    );
    let s = one_person(&["Yevgeniy Viktorovich PRIGOZHIN"]);
    assert!(found_in(&s, "REF YEVGENIY 2291").is_empty());
    assert_eq!(
        found_in(&s, "ON BEHALF OF PRIGOZHIN YEVGENIY, ADVANCE"),
        ["Yevgeniy Viktorovich PRIGOZHIN"]
    );
}

#[test]
fn a_text_scan_does_not_read_a_common_word_as_a_name() {
    // A common word alone is not the name it is part of.
    let s = one_organization("VTB BANK");
    assert!(found_in(&s, "TRANSFER VIA BANK ACCOUNT 40702").is_empty());
    // A short name must be written as the list writes it: `SPARE` is not `SPAR`.
    let s = one_organization("SPAR");
    assert!(found_in(&s, "SPARE PARTS FOR MACHINERY").is_empty());
    assert_eq!(found_in(&s, "GOODS FROM SPAR, INVOICE 7"), ["SPAR"]);
}

/// Issue 6: a long query is normalized from its first bytes when they hold more tokens than
/// are kept, and reads exactly as if it had been normalized whole.
#[test]
fn a_long_query_reads_as_its_kept_tokens_whatever_follows() {
    let s = Screener::demo().unwrap();
    let whole = |text: &str, kind| {
        let tokens = normalize_as(text, kind).into_tokens();
        prepare_tokens(tokens.iter().take(MAX_QUERY_TOKENS), &s.inner.freq)
    };
    let cases = [
        // Tokens all through, some glued to the cut; a legal form at the cut.
        ("KAZSTANEX LLP ".repeat(2000), EntityKind::Unknown),
        (
            format!(
                "{}ОБЩЕСТВО С ОГРАНИЧЕННОЙ",
                "Евгений Пригожин ".repeat(1200)
            ),
            EntityKind::Organization,
        ),
        // Zero-width characters pad the words: few tokens in the prefix, read whole.
        (
            format!(
                "K{}AZSTANEX {}",
                "\u{200b}".repeat(20_000),
                "LLP ".repeat(50)
            ),
            EntityKind::Unknown,
        ),
    ];
    for (text, kind) in cases {
        assert!(text.len() > QUERY_PREFIX_BYTES);
        let (tokens, truncated, read) = s.query_tokens(&text, kind);
        assert!(truncated);
        assert_eq!(tokens, whole(&text, kind), "{}", &text[..40]);
        assert!(text.starts_with(read) && read.len() < text.len());
        assert!(
            read.ends_with("LLP") || read.ends_with("Пригожин"),
            "{:?}",
            &read[read.len() - 20..]
        );
    }
    // What follows the kept tokens changes nothing, however long it is.
    let head = "KAZSTANEX LLP ".repeat(20);
    let short = format!("{head}ALMATY");
    let long = format!("{head}{}", "ALMATY ".repeat(1_000_000));
    let json = |q: &str| serde_json::to_string(&s.screen(Query::new(q).threshold(0.05))).unwrap();
    assert_eq!(json(&short), json(&long));
    assert!(!s.screen(Query::new(&*long).threshold(0.05)).is_empty());
}

#[test]
fn names_only_minor_words_find_are_left_out_only_when_they_cannot_match() {
    use crate::model::{Entity, EntityId, Name, SanctionsList, Source};
    let names = [
        ("Bank of the Republic", EntityKind::Organization),
        ("Union of the Workers", EntityKind::Organization),
        ("Foundation of the People", EntityKind::Organization),
        ("OF THE", EntityKind::Organization),
        ("Saif al-Islam GHATHAFI", EntityKind::Person),
        ("Ali al-Hakim", EntityKind::Person),
        ("S. AL-KAZEMI", EntityKind::Person),
        ("AL-HAKIM, Boubakeur", EntityKind::Person),
    ];
    let mut list = SanctionsList::new(Source::Custom);
    for (i, (name, kind)) in names.into_iter().enumerate() {
        list.entities.push(
            Entity::new(EntityId::new(Source::Custom, i.to_string()), kind)
                .with_name(Name::new(name)),
        );
    }
    let s = Screener::builder().list(list).build().unwrap();
    let threshold = s.inner.threshold;
    let mut left_out = 0;
    for query in [
        "Kazstanex of the Steppe",
        "Mahmoud al-Tikriti",
        "يحيى عبد الله العبيدي",
        "Sami al-Kazemi",
        "Trading of the East",
    ] {
        let (q, _) = s.score_tokens(query, EntityKind::Unknown);
        let all = s.candidates(&q, None);
        let pruned = s.candidates(&q, Some(threshold - BOUND_MARGIN));
        for (n, found) in &all {
            let name = s.inner.index.names.get(*n as usize).unwrap();
            match pruned.iter().find(|(m, _)| m == n) {
                // Kept: with no less reach than the lookup found.
                Some((_, kept)) => assert!(
                    kept.maybe & found.maybe == found.maybe && kept.weight + 1e-6 >= found.weight,
                    "{query}: {kept:?} < {found:?}"
                ),
                // Left out: it cannot match.
                None => {
                    left_out += 1;
                    let (score, _) = score_names(&q, &name.tokens, name.kind);
                    assert!(score < threshold, "{query} / {n}: {score}");
                    assert_eq!(name.sums.initial_count, 0, "{query} / {n}");
                }
            }
        }
    }
    assert!(left_out > 0);
}
