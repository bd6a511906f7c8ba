//! Table-driven tests of the name score, with the crate's embedded token weights.

use super::*;
use crate::normalize::normalize;

fn tokens(s: &str, freq: &Frequencies) -> Vec<ScoreToken> {
    prepare_tokens(normalize(s).tokens(), freq)
}

fn score(a: &str, b: &str) -> (f32, Explanation) {
    let freq = Frequencies::embedded();
    score_names(&tokens(a, &freq), &tokens(b, &freq), EntityKind::Unknown)
}

#[test]
fn identical_names_score_one() {
    for name in [
        "KAZSTANEX LLP",
        "Евгений Пригожин",
        "DA GROUP 22",
        "A",
        "ООО",
    ] {
        let (s, _) = score(name, name);
        assert!((s - 1.0).abs() < 1e-6, "{name}: {s}");
    }
}

#[test]
fn score_is_symmetric_enough_and_bounded() {
    let pairs = [
        ("Jewgeni Prigoschin", "Yevgeniy Viktorovich PRIGOZHIN"),
        ("VTB Bank Kazakhstan", "BANK VTB KAZAKHSTAN JSC"),
    ];
    for (a, b) in pairs {
        let (x, _) = score(a, b);
        let (y, _) = score(b, a);
        assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y));
        assert!((x - y).abs() < 0.05, "{a} / {b}: {x} vs {y}");
    }
}

/// (case, a, b, the factor that must appear)
type FactorCase = (
    &'static str,
    &'static str,
    &'static str,
    fn(&Factor) -> bool,
);

#[test]
fn factors_are_explained() {
    // (case, a, b, the factor that must appear)
    let cases: &[FactorCase] = &[
        ("numbers disagree", "DA GROUP 23", "DA GROUP 22", |f| {
            matches!(f, Factor::NumberConflict { .. })
        }),
        (
            "only common words",
            "International Trading Group",
            "International Trading Group Holding",
            |f| {
                matches!(f, Factor::GenericOnly { .. })
                    || matches!(f, Factor::UnmatchedOnBothSides { .. })
            },
        ),
        (
            "different given names",
            "GAGLOEV Mikhail Georgievich",
            "GAGLOEV Vladimir Georgyevich",
            |f| matches!(f, Factor::UnmatchedOnBothSides { .. }),
        ),
    ];
    for (case, a, b, want) in cases {
        let (s, e) = score(a, b);
        assert!(e.factors().iter().any(want), "{case}: {a} / {b}: {s} {e}");
        assert!(s < crate::DEFAULT_THRESHOLD, "{case}: {a} / {b} scores {s}");
    }
}

#[test]
fn alignment_is_explained() {
    let (s, e) = score("JSCARGUMENT", "JSC ARGUMENT");
    assert!(s >= 0.9, "{s} {e}");
    assert_eq!(
        e.matched()[0].candidate().len(),
        2,
        "one query token met two glued list tokens: {e}"
    );

    let (s, e) = score("J. Smith", "John Smith");
    assert!(s > 0.7, "{s} {e}");
    assert!(
        e.matched()
            .iter()
            .any(|m| m.query() == ["j"] && m.candidate() == ["john"])
    );

    let (_, e) = score("Ivan Petrov", "Ivan Petrov Trading");
    assert_eq!(e.unmatched_candidate(), ["trading"]);
}

#[test]
fn patronymic_is_optional() {
    let (with, _) = score("Yevgeniy Prigozhin", "Yevgeniy Viktorovich Prigozhin");
    assert!(with >= 0.9, "{with}");
}

/// The score and explanation of a query against a listed organization's name.
fn org_score(query: &str, listed: &str) -> (f32, Explanation) {
    let freq = Frequencies::embedded();
    score_names(
        &tokens(query, &freq),
        &tokens(listed, &freq),
        EntityKind::Organization,
    )
}

fn person_score(query: &str, listed: &str) -> f32 {
    person_explained(query, listed).0
}

fn person_explained(query: &str, listed: &str) -> (f32, Explanation) {
    let freq = Frequencies::embedded();
    score_names(
        &tokens(query, &freq),
        &tokens(listed, &freq),
        EntityKind::Person,
    )
}

#[test]
fn arabic_script_meets_latin_spellings_letter_by_letter() {
    // (Arabic script, Latin spelling, whether they are one name)
    let cases = [
        ("محمد", "Muhammad", true),
        ("محمد", "Mohamed", true),
        ("احمد", "Ahmed", true),
        ("نادری", "Naderi", true),
        ("صالح", "Salah", true),
        ("اسامة بن لادن", "Usama bin Laden", true),
        ("كمال الدين", "Kamal Eddin", true),
        ("شحاته", "Shihata", true),
        // Two letters the Latin digraph rules would merge: س ج.
        ("سجا", "Saja", true),
        ("الأزهر", "Al-Azhar", true),
        ("بخت گل", "Bakht Gul", true),
        ("شهاب الدين", "SHAHABUDDIN", true),
        // A compound in two Arabic words meets its Latin spelling glued, short vowels and
        // all (the run is shorter than the Latin word by more than the glued-run ratio).
        ("محمد الله رحيمي", "MOHAMMADULLAH RAHIMI", true),
        // Written long vowels and consonants must be met: not the same names.
        ("احمد", "Muhammad", false),
        // The article is not the name Ali (علي writes its final i), س is not ز, ا not ي.
        ("ال", "Ali", false),
        ("سعيد", "Zaid", false),
        ("الحمادي", "Al-Hamid", false),
        ("اليامي", "Al-Shami", false),
        // Names are told apart by how they begin; a written initial alif may go unwritten.
        ("حازم", "Azim", false),
        ("إرحيم", "Rahim", true),
        // The nisba -i is a written letter: محمود is not Mahmoudi.
        ("محمود", "Mahmoudi", false),
        // Arabic writes no two short vowels in a row.
        ("فرح", "Pharaoh", false),
        ("نادری", "Andrei", false),
        ("محمد احمدی", "Andrei Mamedov", false),
    ];
    for (arabic, latin, same) in cases {
        let (s, e) = score(arabic, latin);
        assert_eq!(s >= DEFAULT, same, "{arabic} / {latin}: {s} {e}");
    }
}

const DEFAULT: f32 = crate::DEFAULT_THRESHOLD;

#[test]
fn the_russian_suffix_after_a_vowel_meets_in_bgn_and_icao_spellings() {
    // -ев after a vowel: BGN/PCGN `-yev`, ICAO 9303 `-ev` (Клюев, Гаглоев, Сергеевич).
    for (query, listed) in [
        ("KLYUYEV, Andriy Petrovych", "KLUEV, Andriy"),
        ("GAGLOEV, Vladimir", "GAGLOYEV, Vladimir Georgiyevich"),
        (
            "Aleksandr Sergeyevich TIMOFEYEV",
            "TIMOFEEV, Aleksandr Sergeevich",
        ),
    ] {
        let s = person_score(query, listed);
        assert!(s >= 0.85, "{query} / {listed}: {s}");
    }
}

#[test]
fn a_patronymic_is_not_a_surname() {
    for (query, listed) in [
        ("Alena Grigoryeva", "DRAPEKO, Elena Grigorievna"),
        ("Ivan Dmitriyev", "POPOV, Ivan Dmitrievich"),
        ("Ivan Dmitriyev", "Ivan Dmitrijevitj POPOV"),
    ] {
        let s = person_score(query, listed);
        assert!(s < DEFAULT, "{query} / {listed}: {s}");
    }
    // A patronymic still meets its own spellings.
    let s = person_score(
        "Yevgeniy Viktorovich Prigozhin",
        "PRIGOZHIN, Evgeny Viktorovich",
    );
    assert!(s >= 0.9, "{s}");
}

#[test]
fn a_shorter_form_of_a_nasab_chain_is_the_same_name() {
    // The lists give an Arabic name with and without the father's and grandfather's names.
    for (long, short) in [
        (
            "AL-SUBHI, Azzam Abdullah Zureik Al-Maulid",
            "AL-SUBHI, Azzam",
        ),
        ("AL-HAMID, Hashim Muhsin Aydarus", "AL HAMID, Hashim"),
        ("KHANAFER, Hicham Nmer", "KANAFER, Hisham"),
    ] {
        for (a, b) in [(long, short), (short, long)] {
            let s = person_score(a, b);
            assert!(s >= DEFAULT, "{a} / {b}: {s}");
        }
    }
    // Not when a word is met only by a weak respelling, nor when the later names are not
    // given names (a surname of two words, `DURAN NUNEZ`).
    for (query, listed) in [
        ("Hamdan Muhammad", "HAMDAR, Muhammad Ghaleb"),
        ("Jan Nunez", "DURAN NUNEZ, Juan Carlos"),
    ] {
        let s = person_score(query, listed);
        assert!(s < DEFAULT, "{query} / {listed}: {s}");
    }
}

#[test]
fn a_surname_with_a_patronymics_ending_is_a_surname() {
    let freq = Frequencies::embedded();
    let patronymics = |name: &str| -> Vec<String> {
        tokens(name, &freq)
            .iter()
            .filter(|t| t.patronymic)
            .map(|t| t.text.to_string())
            .collect()
    };
    // One patronymic, after the given name, the surname first or last; the surname of a
    // `SURNAME, Given` name before the comma; the Belarusian ending in Swedish practice.
    for (name, patronymic) in [
        ("Viktor Fedorovych YANUKOVYCH", vec!["fedorovych"]),
        ("YANUKOVYCH Viktor Fedorovych", vec!["fedorovych"]),
        ("ABRAMOVICH, Roman Arkadyevich", vec!["arkadyevich"]),
        ("ABRAMOVICH, Roman", vec![]),
        ("Aljaksandr Michajlavitj ALJASJKEVITJ", vec!["michajlavitj"]),
        ("ВЛАДИМИРОВИЧ Юра", vec!["vladimirovich"]),
    ] {
        assert_eq!(patronymics(name), patronymic, "{name}");
    }
    // So a listed name met by its given name and surname is a match, and two persons of
    // one given name and patronymic are two.
    for (query, listed) in [
        ("Viktor Yanukovych", "Viktor Fedorovych YANUKOVYCH"),
        ("Roman Abramovich", "Roman Arkadyevich ABRAMOVICH"),
        ("Roman Abramovich", "ABRAMOVICH, Roman Arkadyevich"),
    ] {
        let s = person_score(query, listed);
        assert!(s >= 0.9, "{query} / {listed}: {s}");
    }
    let s = person_score(
        "Aljaksandr Michajlavitj LASIAKIN",
        "Aljaksandr Michajlavitj ALJASJKEVITJ",
    );
    assert!(s < DEFAULT, "{s}");
}

#[test]
fn one_word_of_a_person_does_not_stand_for_a_longer_name() {
    // The alias ROMA of a listed person against a two-word query, and the reverse.
    assert!(person_score("Рома Сергеев", "ROMA") < DEFAULT);
    // A one-word query meets a longer listed name through its surname, not its given name.
    assert!(person_score("Aziz", "LEBEDEV, Aziz Ivanovich") < DEFAULT);
    assert!(person_score("NKUNDA", "Laurent NKUNDA") >= DEFAULT);
    // Two words of a person inside a longer name still count as a subset.
    assert!(person_score("Yevgeniy Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich") >= 0.9);
    // Nor one query word met by a listed name's two words glued (`Manu` / `MAN Nu`).
    assert!(person_score("Manu Berger", "MAN, Nu") < DEFAULT);
    // One word of a company does stand for it.
    let (s, e) = score("JSB SOBINBANK", "SOBINBANK");
    assert!(s >= DEFAULT, "{s} {e}");
}

#[test]
fn surnames_of_one_suffix_meet_only_when_their_stems_do() {
    // Different surnames that share an -ova / -ev suffix.
    for (query, listed) in [
        ("Tamara Krylova", "FROLOVA, Tamara Ivanovna"),
        ("Andrey Gusev", "GUREV, Andrei Andreevich"),
        ("Elina Isayeva", "PISAREVA, Elena Vladimirovna"),
        ("Galina Kiseleva", "KARELOVA, Galina Nikolayevna"),
    ] {
        let s = person_score(query, listed);
        assert!(s < DEFAULT, "{query} / {listed}: {s}");
    }
    // Spellings of one surname still meet.
    for (query, listed) in [
        ("Tamara Krylova", "KRILOVA, Tamara"),
        ("Sergei Petrov", "PETROVA, Sergei"),
        ("Lidia Yarmoshina", "YERMOSHINA, Lidiya"),
        ("Aleksandr Zimovsky", "ZIMOUSKI, Aleksandr"),
    ] {
        let s = person_score(query, listed);
        assert!(s >= DEFAULT, "{query} / {listed}: {s}");
    }
}

/// Asserts that each query and listed person's name stay under the default threshold.
#[track_caller]
fn assert_apart(pairs: &[(&str, &str)]) {
    for (query, listed) in pairs {
        let s = person_score(query, listed);
        assert!(s < DEFAULT, "{query} / {listed}: {s}");
    }
}

/// Whether the score was lowered for words met only by respelling.
fn respelled_only(e: &Explanation) -> bool {
    e.factors()
        .iter()
        .any(|f| matches!(f, Factor::RespelledOnly { .. }))
}

/// Asserts that each query and listed person's name match at the default threshold.
#[track_caller]
fn assert_meet(pairs: &[(&str, &str)]) {
    for (query, listed) in pairs {
        let s = person_score(query, listed);
        assert!(s >= DEFAULT, "{query} / {listed}: {s}");
    }
}

#[test]
fn a_surname_is_not_its_own_stem() {
    assert_apart(&[
        ("Александр Ковалев", "КОВАЛЬ Александр Георгиевич"),
        ("Ruslan Rahimov", "RAHIM, Ruslan"),
    ]);
    // Two spellings of one suffixed surname still meet.
    assert_meet(&[("KLYUYEV, Andriy Petrovych", "KLYUEV, Andriy")]);
}

#[test]
fn spellings_of_one_common_name_meet_however_far_apart() {
    // `Mohd` / `Muhammad`: keys too far apart to meet, one name by the table.
    let (s, e) = score("Mohd", "Muhammad");
    let met = e.matched().first().map(TokenMatch::similarity);
    assert!(
        met.is_some_and(|m| (SUBSET_MIN_SIMILARITY..FIRM).contains(&m)),
        "{met:?} {s}"
    );
    assert_meet(&[
        (
            "ALSUBAIE, Khalifa Mohd Turki",
            "AL-SUBAIY, Khalifa Muhammad Turki",
        ),
        (
            "BEHZAD, Abdulla Mohd Abdulla",
            "BEHZAD, Ahmad Abdulla Mohammad Abdulla",
        ),
    ]);
    // Short spellings of a group are too often other names: `Tan` (陈 in Hokkien, 谭 in
    // pinyin) does not meet `Chen` by the table.
    let (_, e) = score("Tan", "Chen");
    assert!(e.matched().is_empty(), "{e:?}");
}

#[test]
fn a_common_name_meets_a_word_of_no_group_only_when_near() {
    // `Kader` spells قادر; `Hadar` is no spelling of it, nor `Akman` of ايمان.
    let (_, e) = score("Kader", "Hadar");
    assert!(e.matched().is_empty(), "{e:?}");
    let (_, e) = score("ايمان", "Akman");
    assert!(e.matched().is_empty(), "{e:?}");
    // A spelling the table lacks, near one it has, still meets.
    assert_meet(&[("KHANAFER, Hicham", "KHANAFER, Hisham")]);
}

#[test]
fn the_russian_ukrainian_and_belarusian_forms_of_a_given_name_meet() {
    // Forms whose keys are far apart: Belarusian akanye (`Aleh`), `г` as `h` (`Ihar`), the
    // Ukrainian `Mykola`; in either script.
    assert_meet(&[
        ("SLIZHEVSKY, Oleg", "SLIZHEUSKI, Aleh"),
        ("KOZITSYN, Nikolai", "KOZITSYN, Mykola"),
        ("Мікалай Іваноў", "Nikolay Ivanov"),
        ("IVANOU, Ihar", "IVANOV, Igor"),
        ("Yauhen SHEYNIN", "Yevgeny SHEYNIN"),
        ("Volha KARACH", "Olga KARACH"),
    ]);
    // The groups are open: a romanization they do not list meets by its key as before
    // (Swedish `Artjem`).
    assert_meet(&[("Artjem SJEJNIN", "Artem SHEYNIN")]);
    // Two names stay two names.
    assert_apart(&[
        ("Oleg KARACH", "Olga KARACH"),
        ("Igor IVANOV", "Ihor IVANCHUK"),
    ]);
}

#[test]
fn spellings_of_two_different_common_names_do_not_meet() {
    assert_apart(&[
        // محمد / محمود, حامد: one root, two names.
        ("Hameed Muhammed", "Mahmoud Hamid"),
        // 江 / 张.
        ("Jiang Shi", "ZHANG, Shi"),
        // سيد / سعيد.
        ("Sayyid Qutb Ibrahim", "Said Qutb Ibrahim"),
    ]);
    // Spellings of one name in two systems still meet: Wade-Giles and Pinyin, Cantonese.
    assert_meet(&[
        ("Chang Wei-kuo", "ZHANG, Weiguo"),
        ("Mohamed Hamed Ahmed", "AHMAD, Muhammad Hamid"),
        ("Hossein Rahimi", "RAHIMI, Husayn"),
    ]);
}

#[test]
fn a_given_name_and_patronymic_without_the_surname_are_capped() {
    assert_apart(&[("ВЛАДИМИРОВИЧ Юра", "Юрий Владимирович ЛЕОНОВ")]);
    assert_meet(&[("Yuriy Vladimirovich Leonov", "ЛЕОНОВ Юрий Владимирович")]);
}

#[test]
fn the_word_of_a_kunya_meets_only_a_kunya() {
    assert_apart(&[
        // Ayham Abu Zaid is not the father of Ayham.
        ("ايهم ابو زيد", "Abu Ayham"),
        ("Abu Yigit", "YIGIT, Faruk"),
    ]);
    assert_meet(&[
        ("Abu Bakr al-Baghdadi", "AL-BAGHDADI, Abu Bakr"),
        // A kunya written as given name and surname.
        ("Muhammad ABU", "Abu Muhammad"),
    ]);
}

#[test]
fn generic_words_never_carry_a_match_alone() {
    // Only generic words shared, the distinctive word on one side only: capped.
    for (a, b) in [
        (
            "Duffy Industrial Technologies Ltd",
            "JSC Industrial Technologies",
        ),
        ("Hunter Mining Ltd", "HUNTER STAR"),
        ("Dis Ticaret Limited Sirketi", "REDIN DIS TICARET LTD. STI"),
    ] {
        let (s, e) = score(a, b);
        assert!(s < DEFAULT, "{a} / {b}: {s} {e}");
    }
    // A name of generic words only still matches itself, whatever its legal form and
    // function words.
    let (s, e) = org_score("Agency for Social Design", "Social Design Agency");
    assert!(s >= DEFAULT, "{s} {e}");
    let (s, e) = score(
        "UNITED SHIPBUILDING CORPORATION",
        "OJSC UNITED SHIPBUILDING CORPORATION",
    );
    assert!(s >= 0.9, "{s} {e}");
}

#[test]
fn a_respelled_part_of_a_name_is_not_a_subset() {
    let org = |a: &str, b: &str| org_score(a, b).0;
    // One respelled word of the query against a one-word list name.
    assert!(org("Thapa Systems FZ-LLC", "TABA") < DEFAULT);
    assert!(org("Sandhu Export FZCO", "SINDHU") < DEFAULT);
    // A single letter of an organization's name is not an initial of a query word.
    assert!(
        org(
            "Kozlova Technologies ZAO",
            "K TECHNOLOGIES JOINT STOCK COMPANY"
        ) < DEFAULT
    );
    // The same word exactly still stands for the company.
    assert!(org("SOBINBANK JSB", "SOBINBANK") >= DEFAULT);
    // A one-word listed name inside a longer query must be met as written, not respelled.
    assert!(org("Scott Logistics Trade PLC", "SCOT") < DEFAULT);
    assert!(org("Groß Shipping AG", "GROSS") >= DEFAULT);
    let (s, e) = org_score("George Resources Ltd", "GORGE LIMITED");
    assert!(respelled_only(&e), "{s} {e}");
}

#[test]
fn a_number_alone_does_not_carry_a_match() {
    let (s, e) = score("DA Group 21 LLP", "GP-21");
    assert!(s < DEFAULT, "{s} {e}");
    let (s, e) = score(
        "DA GROUP 22 LLP",
        "LIMITED LIABILITY PARTNERSHIP DA GROUP 22",
    );
    assert!(s >= 0.9, "{s} {e}");
}

#[test]
fn two_persons_each_with_a_common_name_of_their_own_disagree() {
    // Muhammad on one side, Ali on the other: two fathers in a chain of names.
    let both = person_score("Rafiq Muhammad Barzani", "Rafiq Barzani Ali");
    // Muhammad on one side only: a missing middle name.
    let one = person_score("Rafiq Muhammad Barzani", "Rafiq Barzani");
    assert!(both < one, "{both} / {one}");
    let freq = Frequencies::embedded();
    let (_, e) = score_names(
        &tokens("Rafiq Muhammad Barzani", &freq),
        &tokens("Rafiq Barzani Ali", &freq),
        EntityKind::Person,
    );
    assert!(
        e.factors()
            .iter()
            .any(|f| matches!(f, Factor::UnmatchedOnBothSides { .. })),
        "{e}"
    );
}

#[test]
fn common_names_alone_do_not_carry_a_partial_match() {
    // Two common Arabic names met, a third word of the query unmatched.
    assert!(person_score("Mustafa Hamid Al-Qasimi", "MUSTAFA, Hamid") < DEFAULT);
    // The whole name met still matches: a namesake is an alert.
    assert!(person_score("Hamid Mustafa", "MUSTAFA, Hamid") >= 0.9);
    // ... Arabic and Persian given names of the national rankings too.
    assert!(person_score("Mustafa Fayiz Said", "MUSTAFA, Fayiz") < DEFAULT);
    assert!(person_score("Amer Hamoudi Rahim", "Umar Mahmud Rahim") < DEFAULT);
    // A rare word met carries the match as before.
    assert!(person_score("Yevgeniy Prigozhin", "PRIGOZHIN, Yevgeniy Viktorovich") >= 0.9);
}

#[test]
fn a_name_of_common_names_held_whole_by_the_other_is_no_partial_match() {
    // Three common names met word for word, the one name inside the other: a middle name
    // left out, on either side.
    for (query, listed) in [
        ("SALEH, Ahmed Ali", "SALEH, Ahmed Ali Abdullah"),
        ("ALI, Ahmed Mohammed Hamed", "ALI, Ahmed Mohammed"),
    ] {
        let s = person_score(query, listed);
        assert!(s >= DEFAULT, "{query} / {listed}: {s}");
    }
    // Not when each keeps a word of its own, nor with a respelled link among the three.
    assert!(person_score("Ahmed Ali Saleh Omar", "SALEH, Ahmed Ali Abdullah") <= GENERIC_ONLY_CAP);
    // Nor with two: two common names are too common a pair.
    assert!(person_score("Hamid Mustafa Ali", "MUSTAFA, Hamid") <= GENERIC_ONLY_CAP);
}

#[test]
fn the_assimilated_arabic_article_meets_al() {
    // ad-Din, ud-Din, ed-Din, -uddin, -eddine, -udeen, -idin: al-Din written as pronounced.
    for (a, b) in [
        ("TU'MA, Kamal Eddin", "TU'MA, Kamal Al-Din"),
        ("Salahuddin", "Salah al-Din"),
        ("Nour Eddine Ahmed", "Nur al-Din Ahmad"),
        ("Tajideen Kassim", "TAJ AL-DIN, Kasim"),
        ("Abdurrahman Yasin", "Abd al-Rahman Yasin"),
    ] {
        let s = person_score(a, b);
        assert!(s >= DEFAULT, "{a} / {b}: {s}");
    }
}

#[test]
fn respellings_alone_weigh_less_than_a_word_met_as_written() {
    for (a, b) in [("Kutty General L.L.C.", "HUTI"), ("Kadir Trading", "KABIR")] {
        let (s, e) = org_score(a, b);
        assert!(s < DEFAULT, "{a} / {b}: {s} {e}");
        assert!(respelled_only(&e), "{e}");
    }
    // A person's name met whole, but only through respellings of each word.
    assert_apart(&[("Askhat Murat", "AS'AD, Murad")]);
    // One word against one word: the key decides alone.
    let (s, e) = score("Любоў", "Liubow");
    assert!(s >= DEFAULT, "{s} {e}");
    // A spelling variant is a firm meeting: no factor.
    let (s, e) = org_score("TOO Kazstaneks", "KAZSTANEX LLP");
    assert!(s >= 0.9, "{s} {e}");
    assert!(e.factors().is_empty(), "{e}");
}

#[test]
fn two_rare_words_respelled_one_for_one_are_two_signs_that_agree() {
    // OFAC aliases of one person: every word respelled, none common.
    assert_meet(&[
        ("HEKMATYAR, Gulbuddin", "HIKMETYAR, Golboddin"),
        ("TURJUMAN, Muhammad Ramiz", "TARJAMAN, Ramez"),
    ]);
    // A common name respelled is no such sign (`Mostafa`, `Murad`).
    assert_apart(&[("Askhat Murat", "AS'AD, Murad")]);
    let (s, e) = score("Abdullah Mostafa", "ABDULLAHI, Mustafa");
    assert!(respelled_only(&e), "{s} {e}");
}

#[test]
fn a_cut_last_word_of_an_organization_meets_the_word_it_begins() {
    let (s, e) = org_score(
        "NORDIC SHIPPING AND TRANS",
        "NORDIC SHIPPING & TRANSPORTATION LTD",
    );
    assert!(s >= DEFAULT, "{s} {e}");
    // Not inside the name, and not under five letters.
    let (s, e) = org_score("TRANS NORDIC SHIPPING", "TRANSPORTATION NORDIC SHIPPING");
    assert!(
        !e.matched().iter().any(|m| m.query() == ["trans"]),
        "{s} {e}"
    );
    let (_, e) = org_score("NORDIC ELEM", "NORDIC ELEMENT");
    assert!(!e.matched().iter().any(|m| m.query() == ["elem"]), "{e}");
}

#[test]
fn an_organization_word_inflected_in_another_language_meets_itself() {
    let (s, e) = org_score(
        "Compania siriană de transport petrolier",
        "Syrian Petroleum Transport Company",
    );
    assert!(s >= DEFAULT, "{s} {e}");
    assert!(
        e.matched()
            .iter()
            .any(|m| m.query() == ["petrolier"] && m.similarity() == COGNATE_SIM),
        "{e}"
    );
    // A compound is not an inflection, and persons' names are not inflected cognates.
    let (s, e) = org_score("Black Group LLP", "BLACKENERGY GROUP");
    assert!(s < DEFAULT, "{s} {e}");
    assert!(person_score("Markov Ivan", "MARKOVIC, Ivana") < DEFAULT);
}

#[test]
fn an_organization_word_meets_its_plural() {
    let (s, e) = org_score(
        "LAMA FOODS INTERNATIONAL OFFSHORE S.A.L.",
        "LAMA FOOD INTERNATIONAL OFF SHORE S.A.L.",
    );
    assert!(s >= DEFAULT, "{s} {e}");
    assert!(
        e.matched()
            .iter()
            .any(|m| m.query() == ["foods"] && m.similarity() == COGNATE_SIM),
        "{e}"
    );
    // A plural read as a concept (`works`, a plant) meets its singular, which is no concept.
    let (s, e) = org_score(
        "AL-INMAA GROUP FOR TOURISM WORKS, LLC",
        "AL-INMAA GROUP FOR TOURISM WORK, LLC",
    );
    assert!(s >= DEFAULT, "{s} {e}");
    assert!(plural_texts("works", "work") && plural_texts("work", "works"));
    assert!(!plural_texts("work", "worked") && !plural_texts("as", "ass"));
    // Only a plural in `s` of a key of three symbols or more.
    assert!(cognate_keys("fud", "fuds") && cognate_keys("fuds", "fud"));
    assert!(!cognate_keys("fud", "fudi") && !cognate_keys("ab", "abs"));
}

#[test]
fn a_name_with_a_legal_form_is_scored_as_an_organization_when_the_kind_is_unknown() {
    // `TRANS` is `TRANSPORTATION` cut short only in an organization's name.
    let (s, e) = score(
        "ATLANTIC SHIPPING & TRANS",
        "ATLANTIC SHIPPING AND TRANSPORTATION LIMITED",
    );
    assert!(s >= DEFAULT, "{s} {e}");
    let (s, e) = score(
        "ATLANTIC SHIPPING & TRANS",
        "ATLANTIC SHIPPING AND TRANSPORTATION",
    );
    assert!(s < DEFAULT, "{s} {e}");
    let freq = Frequencies::embedded();
    let with_form = tokens("KALININ MACHINERY PLANT JSC", &freq);
    assert_eq!(
        scored_kind(EntityKind::Unknown, &with_form),
        EntityKind::Organization
    );
    assert_eq!(
        scored_kind(EntityKind::Person, &with_form),
        EntityKind::Person
    );
    let without = tokens("KALININ MACHINERY PLANT", &freq);
    assert_eq!(
        scored_kind(EntityKind::Unknown, &without),
        EntityKind::Unknown
    );
}

#[test]
fn a_query_word_met_by_an_initial_does_not_put_the_query_inside_a_longer_name() {
    // The query's given name is the list name's last initial; its given names are left over.
    let listed = "AL ZAHRANI, Mohammad Saad H.";
    let s = person_score("Heba Alzahrani", listed);
    assert!(s < DEFAULT, "{s}");
    // Met by words, the query is inside the name.
    assert!(person_score("Mohammad Saad Alzahrani", listed) >= DEFAULT);
}

#[test]
fn a_nasab_particle_left_unmatched_weighs_as_a_title() {
    let (s, e) = score(
        "SADIQ AL-AHDAL, Abdallah Faysal",
        "AL-AHDAL, Abdallah Bin Faysal",
    );
    assert!(s >= DEFAULT, "{s} {e}");
    let freq = Frequencies::embedded();
    let between = tokens("Abdallah Bin Faysal", &freq);
    assert_eq!(between[1].unmatched, weights::HONORIFIC_WEIGHT);
    // Met, it is evidence as any word is.
    assert!(between[1].weight > weights::HONORIFIC_WEIGHT);
    let arabic = tokens("عبدالله بن فيصل", &freq);
    assert_eq!(arabic[1].unmatched, weights::HONORIFIC_WEIGHT);
    // At a name's edge it is a name.
    for name in ["Wang Bin", "Ben Smith"] {
        let t = tokens(name, &freq);
        assert!(
            t.iter().all(|t| t.unmatched > weights::HONORIFIC_WEIGHT),
            "{name}"
        );
    }
}

#[test]
fn the_first_word_of_a_theophoric_compound_is_not_met_alone() {
    // `Abd al-Sattar` is one name: `Abdu` meeting its `Abd` while nothing meets `Sattar` is no
    // evidence.
    let (s, e) = score("Muhmmad Abdu Seid", "محمد عبد الستار السيد");
    assert!(s < DEFAULT, "{s} {e}");
    assert!(!e.matched().iter().any(|m| m.candidate() == ["abd"]), "{e}");
    // With the rest of the compound met, or glued over it, it is.
    let (s, e) = score("Muhammad Abdul Sattar", "محمد عبد الستار السيد");
    assert!(s >= DEFAULT, "{s} {e}");
    assert!(
        e.matched()
            .iter()
            .any(|m| m.candidate().first().is_some_and(|w| w == "abd")),
        "{e}"
    );
    let (s, e) = score("ABDULSATTAR Muhammad", "Muhammad Abd al-Sattar");
    assert!(s >= DEFAULT, "{s} {e}");
    // `Abdu` is a name of its own (Muhammad Abduh).
    assert!(ABD_HEADS.iter().all(|h| *h != "abdu"));
}

#[test]
fn an_al_din_ending_belongs_to_the_word_before_it() {
    // `Uddin` after `Sajid` is Sajid's (Sajid al-Din): it does not meet the ending of `Jamal
    // Aldiyn` when nothing meets Sajid.
    let (s, e) = score("Jamal Sajid Uddin", "Jamal Aldiyn");
    assert!(s < DEFAULT, "{s} {e}");
    assert!(!e.matched().iter().any(|m| m.query() == ["uddin"]), "{e}");
    // Nor does the `Din` of `BADR-AL-DIN` meet a given name `Din` when nothing meets Badr.
    let (s, e) = score("BADR-AL-DIN, Muhammad", "Qari Din Mohammad");
    assert!(s < DEFAULT, "{s} {e}");
    // With the word before it met, the ending meets, however it is written.
    assert_meet(&[
        ("Jamal Uddin", "Jamal al-Din"),
        ("Nasir Uddin Ahmed", "AHMED, Nasir al-Din"),
        ("Jamal Sajid Uddin", "Sajid Uddin Jamal"),
        ("Salah ad-Din", "Salahuddin"),
    ]);
}

#[test]
fn a_final_a_and_a_final_i_are_two_endings() {
    // A nisba (-i) is not a tā' marbūṭa (-a): شهادي is not شحاتة.
    assert_apart(&[("Ali Shehata", "SHIHADI, Ali")]);
    // A final i and y are one letter; e and a still a vowel apart.
    assert_meet(&[("Ali Hamdy", "HAMDI, Ali")]);
}

#[test]
fn an_arabic_name_with_letters_spelled_as_a_digraph_meets_its_latin_spelling() {
    assert_meet(&[("Shaykh al-Fatih", "شيخ الفاتح")]);
}

#[test]
fn two_arabic_letters_that_romanize_as_a_digraph_meet_a_vowel_between_them() {
    // ز ه, س ه, ص ه, ك ه: Latin spellings write the short vowel between the two letters
    // (Zuhair, Suhail), or none, as the digraph (Azhar, Ishaq, Mazhar).
    assert_meet(&[
        (
            "Faysal Ahmad bin Ali al-Zahrani",
            "فيصل احمد بن علي الزهراني",
        ),
        ("Zuhair", "زهير"),
        ("Suhail", "سهيل"),
        ("Suhaib", "صهيب"),
        ("Kahraman", "كهرمان"),
        ("Azhar", "أزهر"),
        ("Ishaq", "إسحاق"),
        ("Mazhar", "مظهر"),
    ]);
}

#[test]
fn a_persian_name_meets_its_persian_spelling() {
    assert_meet(&[("Gholamreza ZIAEI", "غلامرضا ضیایی")]);
}

#[test]
fn the_pilgrim_title_weighs_nothing() {
    // `Hajj` (حاج), as `Haji` and `Hajji`, is a title, not a given name.
    assert_meet(&[("ALIQ, Qasim", "'ALIQ, Hajj Qasim")]);
}

#[test]
fn a_burmese_honorific_is_a_title_at_the_head_of_the_given_name() {
    // `U` (for a man) and `Daw` (for a woman) are no part of a Burmese name.
    for (query, listed) in [
        ("Than Soe", "U Than Soe"),
        ("Thein Nyunt", "NYUNT, U Thein"),
        ("Thida Oo", "Daw Thida Oo"),
    ] {
        let with = person_score(query, listed);
        assert!(with >= 0.95, "{query} / {listed}: {with}");
    }
    // Nor is `U` the initial of another given name.
    let other = person_score("Ugur Tan", "U Than Soe");
    assert!(other < 0.5, "{other}");
    // A Korean name's last syllable `U` is a name, met as one.
    let (korean, explanation) = score("Hyon U Jang", "JANG, Hyon U");
    assert!(korean >= 0.99, "{korean}");
    assert!(explanation.matched().iter().any(|m| m.query() == ["u"]));
    assert!(person_score("Hyon Jang", "JANG, Hyon U") < 0.95);
}

#[test]
fn a_common_given_name_left_unmatched_still_tells_father_and_son_apart() {
    // The son `Ayman` of `Sab'awi Ibrahim Hasan al-Tikriti` carries his father's names after
    // his own: the given names disagree however common `Ayman` is.
    for (father, son) in [
        (
            "AL-TIKRITI, Sab'awi Ibrahim Hassan",
            "AL-TIKRITI, Ayman Sab'awi Ibrahim Hasan",
        ),
        (
            "AL-TAKRITI, Sabawi Ibrahim Hassan",
            "AL-TIKRITI, Ayman Sabawi Ibrahim Hasan",
        ),
    ] {
        let s = person_score(father, son);
        assert!(s < 0.7, "{father} / {son}: {s}");
    }
    assert!(
        person_score(
            "AL-TIKRITI, Sabawi Ibrahim",
            "AL-TIKRITI, Sabawi Ibrahim Hasan"
        ) > 0.9
    );
    // `Muhammad` carried before the given name is no given name of another person.
    assert_eq!(
        name_groups::NAME_GROUPS
            .get(usize::from(name_groups::MUHAMMAD))
            .map(|g| g.0),
        Some("muhammad")
    );
    let (s, e) = score("MUJAHID, Mohammed Yahya", "MUJAHID, Yahya");
    assert!(s >= 0.75, "{s}");
    assert!(
        !e.factors()
            .iter()
            .any(|f| matches!(f, Factor::GivenNameConflict { .. }))
    );
    // Nor is the title `Sayyid` carried before it, in any of its spellings; a given name
    // of its own before the given name met still is one.
    assert_eq!(
        name_groups::NAME_GROUPS
            .get(usize::from(name_groups::SAYYID))
            .map(|g| g.0),
        Some("sayyid")
    );
    let titled = person_score("RAZAVI, Morteza", "RAZAVI, Seyed Morteza");
    for listed in [
        "RAZAVI, Seyed Morteza",
        "RAZAVI, Seyyed Morteza",
        "Syed Morteza Razavi",
    ] {
        let (s, e) = person_explained("RAZAVI, Morteza", listed);
        assert!(
            s >= DEFAULT && !has_given_name_conflict(&e),
            "{listed}: {s} {e}"
        );
    }
    let (s, e) = person_explained("RAZAVI, Morteza", "RAZAVI, Hassan Morteza");
    assert!(s < titled && has_given_name_conflict(&e), "{s} {e}");
    // A name that repeats its given name (`Omar Awadh Omar`): the query's surname takes the
    // list's `Omar`, and the given names still agree; another given name does not.
    let (s, e) = person_explained("OMAR, Omar Awadh", "AWADH, Omar");
    assert!(s >= DEFAULT && !has_given_name_conflict(&e), "{s} {e}");
    let (s, e) = person_explained("OMAR, Ali Awadh", "AWADH, Omar");
    assert!(s < DEFAULT && has_given_name_conflict(&e), "{s} {e}");
    // Nor is the South Asian title `Malik` carried before it (`IQBAL, Malik Zafar`).
    let (s, e) = person_explained("IQBAL, Zafar", "IQBAL, Malik Zafar");
    assert!(s >= DEFAULT && !has_given_name_conflict(&e), "{s} {e}");
    let (s, e) = person_explained("IQBAL, Zafar", "IQBAL, Tariq Zafar");
    assert!(s < DEFAULT && has_given_name_conflict(&e), "{s} {e}");
}

fn has_given_name_conflict(e: &Explanation) -> bool {
    e.factors()
        .iter()
        .any(|f| matches!(f, Factor::GivenNameConflict { .. }))
}

#[test]
fn a_name_in_natural_order_inside_a_childs_name_is_a_father_not_the_child() {
    // A father's name carried after the child's own (an Arabic nasab), in names with no
    // `SURNAME, Given` structure on one side or both.
    for (query, listed) in [
        ("Abir Saddam Husayn", "HUSAYN, Saddam"),
        (
            "Raghad Saddam Hussein al-Tikriti",
            "Saddam Hussein al-Tikriti",
        ),
        ("Muhammad Mahmud", "Bashir Mohamed Mahamoud"),
        ("عبير صدام حسين", "صدام حسين"),
    ] {
        let (s, e) = person_explained(query, listed);
        assert!(s < 0.75, "{query} / {listed}: {s}");
        assert!(has_given_name_conflict(&e), "{query} / {listed}: {e}");
    }
    // Not when the first words meet, a surname is written first, the name begins with a
    // title, a kunya or a theophoric compound, or the list name is one word.
    for (query, listed) in [
        ("Saddam Husayn al-Tikriti", "HUSAYN, Saddam"),
        ("PETROV Yevgeniy", "Yevgeniy Stanislavovich PETROV"),
        ("Haji Basir Noorzai", "Basir Noorzai"),
        ("عبد البصير نورزي", "Haji Basir Noorzai"),
        ("Abu Ayham Husayn", "Ayham Husayn"),
    ] {
        let (s, e) = person_explained(query, listed);
        assert!(!has_given_name_conflict(&e), "{query} / {listed}: {s} {e}");
    }
    // Nor for an organization, whose first word is no given name.
    let (_, e) = org_score("Kazakh Saddam Trading", "Saddam Trading");
    assert!(!has_given_name_conflict(&e), "{e}");
}

#[test]
fn two_firms_of_one_name_in_two_trades_are_told_apart() {
    for (query, listed) in [
        ("Grant Production LLC", "LLC GRANT-TRADE"),
        ("Hunter Mining", "Hunter Trading"),
    ] {
        let (s, e) = org_score(query, listed);
        assert!(s < 0.7, "{query} / {listed}: {s}");
        assert!(
            e.factors()
                .iter()
                .any(|f| matches!(f, Factor::UnmatchedOnBothSides { .. })),
            "{e:?}"
        );
    }
    // A trade left out on one side only is the same firm's shorter name.
    let (s, _) = org_score("Grant Production LLC", "LLC GRANT");
    assert!(s >= 0.85, "{s}");
}

#[test]
fn scoring_without_the_texts_gives_the_same_score_and_bits() {
    let freq = Frequencies::embedded();
    let pairs = [
        ("Jewgeni Prigoschin", "Yevgeniy Viktorovich PRIGOZHIN"),
        ("ABDALKHALIQ", "Abd al-Khaliq"),
        ("JSCARGUMENT", "JSC ARGUMENT"),
        ("DA GROUP 23", "DA GROUP 22"),
        ("ООО", "LLC"),
        ("محمد بن سلمان", "Mohammed bin Salman"),
        ("Kazstanex", "ТОО «Казстанекс»"),
    ];
    for kind in [
        EntityKind::Unknown,
        EntityKind::Person,
        EntityKind::Organization,
    ] {
        for (a, b) in pairs {
            let (qa, qb) = (tokens(a, &freq), tokens(b, &freq));
            let (ga, gb) = (GluedRuns::new(&qa), GluedRuns::new(&qb));
            let (s1, e1) =
                score_names_with((&qa, ga.slice(qa.len())), (&qb, &gb), kind, true, None);
            let (s2, e2) =
                score_names_with((&qa, ga.slice(qa.len())), (&qb, &gb), kind, false, None);
            // Remembered key similarities give the same, the first time and the next; so do
            // those of a text's memo, which remembers Latin words too, with the name as a
            // window of a longer stretch that other windows were scored in first.
            let mut memo = KeyMemo::default();
            for _ in 0..2 {
                let (s3, e3) = score_names_with(
                    (&qa, ga.slice(qa.len())),
                    (&qb, &gb),
                    kind,
                    true,
                    Some(&mut memo),
                );
                assert_eq!((s3.to_bits(), &e3), (s1.to_bits(), &e1), "{a} / {b}");
            }
            let stretch = tokens(&format!("payment {a} ref {b} for {a}"), &freq);
            let runs = GluedRuns::new(&stretch);
            let mut text_memo = KeyMemo::for_text();
            let shifts = (0..stretch.len())
                .flat_map(|start| (start + 1..=stretch.len()).map(move |end| start..end));
            for w in shifts {
                let window = stretch.get(w.clone()).unwrap_or_default();
                let (alone, e_alone) = score_names(window, &qb, kind);
                let (s4, e4) = score_names_with(
                    (window, runs.slice(stretch.len()).part(w.clone())),
                    (&qb, &gb),
                    kind,
                    true,
                    Some(text_memo.at(w.start)),
                );
                assert_eq!(
                    (s4.to_bits(), &e4),
                    (alone.to_bits(), &e_alone),
                    "{a} / {b} in {w:?}"
                );
            }
            assert_eq!(s1.to_bits(), s2.to_bits(), "{a} / {b}");
            assert!(e1.explained() && !e2.explained());
            assert!(e2.matched().is_empty() && e2.unmatched_query().is_empty());
            assert_eq!(e1.factors(), e2.factors(), "{a} / {b}");
            assert_eq!(
                (
                    e1.query_words_met(),
                    e1.query_words_firm(),
                    e1.candidate_words_met()
                ),
                (
                    e2.query_words_met(),
                    e2.query_words_firm(),
                    e2.candidate_words_met()
                ),
            );
            assert_eq!((s1, e1), score_names(&qa, &qb, kind));
        }
    }
}

#[test]
fn the_bound_allows_for_an_arabic_word_the_index_does_not_look_up() {
    // `حجي` has no consonant in its skeleton, so the index finds nothing for it, yet scoring
    // meets it with `Haji`: the bound must not count it unmatched.
    let freq = Frequencies::embedded();
    let (q, c) = (
        tokens("حجي محمد خان", &freq),
        tokens("KHAN, Haji Mohammad", &freq),
    );
    let (s, e) = score_names(&q, &c, EntityKind::Person);
    assert!(s >= 0.75, "{s}");
    let unlooked = |t: &ScoreToken| t.abjad && t.skeleton.is_empty();
    assert!(q.iter().any(unlooked));
    // What the index reaches: the query words met that it looks up, and the list words other
    // than `Haji` that they meet.
    let maybe = q
        .iter()
        .enumerate()
        .filter(|(i, t)| e.query_words_met() & bit(*i) != 0 && !unlooked(t))
        .fold(0, |bits, (i, _)| bits | bit(i));
    let met = e.candidate_words_met();
    let reach = Reach {
        maybe,
        weight: c
            .iter()
            .enumerate()
            .filter(|(j, t)| met & bit(*j) != 0 && &*t.text != "haji")
            .map(|(_, t)| t.weight)
            .sum(),
        distinctive: true,
    };
    let bound = score_bound(&q, &c, NameSums::of(&c), reach, EntityKind::Person);
    assert!(bound + 1e-5 >= s, "{bound} < {s}");
}

#[test]
fn the_bound_is_never_below_the_score() {
    let freq = Frequencies::embedded();
    let names = [
        "Jewgeni Prigoschin",
        "Yevgeniy Viktorovich PRIGOZHIN",
        "PRIGOZHIN, Yevgeniy",
        "ABDALKHALIQ",
        "Abd al-Khaliq",
        "JSC ARGUMENT",
        "DA GROUP 23",
        "DA GROUP 22",
        "Vladimir Vladimirovich PUTIN",
        "Vladimir PUTIN",
        "PUTIN",
        "Владимирович Анатолий",
        "ALI HASSAN",
        "Kazstanex",
        "Mohammed Ali",
        "Muhammad ALI HASSAN",
        "SALEH, Ahmed Ali",
        "SALEH, Ahmed Ali Abdullah",
        // Later given names left over (`LATER_GIVEN_FACTOR`), on either side.
        "AL-HAMID, Hashim Muhsin Aydarus",
        "AL HAMID, Hashim",
        "Ahmed Ali Saleh Omar",
        "Kazstanex LLP",
        "ТОО «Казстанекс»",
        "Abramovici Sberbank JSC",
        "PJSC SBERBANK",
        "International Trading Group",
        // Articles and function words, which the lookup may leave unread.
        "Ali al-Hakim",
        "AL HAKIM",
        "The Peoples Bank of the Republic",
        "THE ROYAL CORPORATION",
        "OF THE",
        "of the Kazstanex",
        // Names of common words only, whose own weight is never discounted.
        "يحيى عبد الله العبيدي",
        "محمد علي حسن",
        "AL-UBAIDI, Yahia Abdallah",
        "Hajji Abdallah",
        "Saif al-Islam GHATHAFI",
        "A B Trading",
        "ООО",
        // Initials meet words the index does not look up for them (`C` / `Choïgou`).
        "С Sergei",
        "Serguei Choïgou",
        "S. SHOIGU",
        "Sergei Kuzhugetovich SHOIGU",
        // A function word the index does not look up leaves a name complete (`OF`).
        "OF Roman ABRAMOVICH",
        "ABRAMOVICH, Roman",
        "OF Ali HASSAN",
        // Longer than one and two query words' glued runs can meet.
        "Abu Bakr Muhammad ibn Abd al-Rahman al-Baghdadi",
        "Joint Stock Commercial Bank for Foreign Trade of Russia 2",
    ];
    let mut checked_minor = 0;
    for kind in [
        EntityKind::Unknown,
        EntityKind::Person,
        EntityKind::Organization,
    ] {
        for a in names {
            for b in names {
                let (qa, qb) = (tokens(a, &freq), tokens(b, &freq));
                let (s, e) = score_names(&qa, &qb, kind);
                let numbers = qa
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.kind == TokenKind::Number)
                    .fold(0, |bits, (i, _)| bits | bit(i));
                let met = e.candidate_words_met();
                let reach = Reach {
                    maybe: e.query_words_met() | numbers,
                    // What the index knows: it holds no legal forms.
                    weight: qb
                        .iter()
                        .filter(|t| t.kind != TokenKind::LegalForm)
                        .map(|t| t.weight)
                        .sum(),
                    distinctive: qb
                        .iter()
                        .enumerate()
                        .any(|(j, t)| met & bit(j) != 0 && t.distinctive()),
                };
                let bound = score_bound(&qa, &qb, NameSums::of(&qb), reach, kind);
                assert!(bound + 1e-5 >= s, "{a} / {b} ({kind:?}): {bound} < {s}");
                // A list name without initials that only minor query words meet: the bound
                // the candidate lookup takes for all such names holds it too.
                let minor = qa
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| is_minor_lookup(t))
                    .fold(0u64, |bits, (i, _)| bits | bit(i));
                let sums = NameSums::of(&qb);
                if e.query_words_met() & !minor == 0 && sums.initial_count == 0 {
                    checked_minor += 1;
                    let only = minor_only_bound(&qa, minor, reach.weight, sums.forms);
                    assert!(
                        only + 1e-5 >= s,
                        "{a} / {b} ({kind:?}), minor: {only} < {s}"
                    );
                }
                // As tight as the index can make it: only the weight of the list words met,
                // but for those an initial may have met, which the index does not look up.
                let met = e.candidate_tokens_met();
                let initials: Vec<char> = qa
                    .iter()
                    .filter(|t| t.kind == TokenKind::Initial)
                    .filter_map(|t| t.text.chars().next())
                    .collect();
                let tight = Reach {
                    weight: qb
                        .iter()
                        .enumerate()
                        .filter(|(j, t)| {
                            matches!(t.kind, TokenKind::Word | TokenKind::Number)
                                && met & bit(*j) != 0
                                && !t.text.chars().next().is_some_and(|c| initials.contains(&c))
                        })
                        .map(|(_, t)| t.weight)
                        .sum(),
                    ..reach
                };
                let tight_bound = score_bound(&qa, &qb, NameSums::of(&qb), tight, kind);
                assert!(
                    tight_bound + 1e-5 >= s,
                    "{a} / {b} ({kind:?}), tight: {tight_bound} < {s}"
                );
                // The sums kept beside a long name give the bound its tokens give.
                let unkept = NameSums {
                    cut: [None, None],
                    ..NameSums::of(&qb)
                };
                assert_eq!(
                    bound.to_bits(),
                    score_bound(&qa, &qb, unkept, reach, kind).to_bits(),
                    "{a} / {b}"
                );
            }
        }
    }
    assert!(checked_minor > 0);
    // And it is tight enough to leave names out: one common word of two met.
    let (q, c) = (
        tokens("Aliya Shcherbakova", &freq),
        tokens("ALI HASSAN", &freq),
    );
    let reach = Reach {
        maybe: bit(0),
        weight: 1.0,
        distinctive: false,
    };
    assert!(score_bound(&q, &c, NameSums::of(&c), reach, EntityKind::Unknown) <= GENERIC_ONLY_CAP);
    // A list name whose other words the query does not reach keeps them unmatched, however
    // many tokens the query's one word might meet glued (`Kirill` found, `Nikolayevich
    // Shamalov` left).
    let (q, c) = (
        tokens("Kirill", &freq),
        tokens("Kirill Nikolayevich Shamalov", &freq),
    );
    let one = |weight| Reach {
        maybe: bit(0),
        weight,
        distinctive: true,
    };
    let all: f32 = c.iter().map(|t| t.weight).sum();
    let kirill = c.first().map_or(0.0, |t| t.weight);
    let (tight, loose) = (
        score_bound(&q, &c, NameSums::of(&c), one(kirill), EntityKind::Person),
        score_bound(&q, &c, NameSums::of(&c), one(all), EntityKind::Person),
    );
    assert!(tight < loose && tight < 0.75, "{tight} {loose}");
    // A query of common words in Arabic script, one of three found (`علي`, which may meet
    // the article): it keeps no word that disagrees, so scoring never discounts its
    // unmatched weight, however much of the list name might be met.
    let (q, c) = (
        tokens("محمد علي حسن", &freq),
        tokens("Saif al-Islam GHATHAFI", &freq),
    );
    assert!(q.iter().all(|t| !t.disagrees()));
    let found = q
        .iter()
        .enumerate()
        .filter(|(_, t)| &*t.text == "ali")
        .fold(0, |bits, (i, _)| bits | bit(i));
    assert_eq!(found.count_ones(), 1);
    let reach = Reach {
        maybe: found,
        weight: c.iter().map(|t| t.weight).sum(),
        distinctive: true,
    };
    let bound = score_bound(&q, &c, NameSums::of(&c), reach, EntityKind::Person);
    assert!(bound < 0.75, "{bound}");
}

#[test]
fn a_country_meets_its_name_and_adjectives_in_other_languages() {
    // Czech, Romanian, Polish and Russian adjectives, each against the English name
    // (`normalize::countries_table`).
    let text = |s: &str| normalize(s).tokens()[0].text().to_string();
    for (query, listed, q_word, c_word) in [
        ("Syrská Kazstanex", "Kazstanex of Syria", "Syrská", "Syria"),
        (
            "Kazstanex iraniană",
            "Kazstanex of Iran",
            "iraniană",
            "Iran",
        ),
        (
            "Kazstanex Białoruski",
            "Belarusian Kazstanex",
            "Białoruski",
            "Belarusian",
        ),
        (
            "Российский Казстанекс",
            "Kazstanex Russia",
            "Российский",
            "Russia",
        ),
    ] {
        let (s, e) = org_score(query, listed);
        assert!(s >= DEFAULT, "{query} / {listed}: {s} {e}");
        assert!(
            e.matched()
                .iter()
                .any(|m| m.query() == [text(q_word)] && m.candidate() == [text(c_word)]),
            "{query} / {listed}: {e}"
        );
    }
}

#[test]
fn two_countries_do_not_meet() {
    // `%iran` and `%irak` are one letter apart; `Libyan` / `Lebanese`.
    for (a, b) in [
        ("Iranian Kazstanex Trading", "Iraqi Kazstanex Trading"),
        ("Agricultural Bank of Syria", "Agricultural Bank of Iran"),
        ("Libyan Arab Foreign Bank", "Lebanese Arab Foreign Bank"),
    ] {
        let (s, e) = org_score(a, b);
        assert!(s < DEFAULT, "{a} / {b}: {s} {e}");
        assert!(
            e.matched()
                .iter()
                .all(|m| !m.candidate()[0].starts_with("ira")
                    && !m.candidate()[0].starts_with("syr")
                    && !m.candidate()[0].starts_with("leb")),
            "{a} / {b}: {e}"
        );
    }
    assert!(!keys_may_meet("%iran", "%irak"));
    // A word the table does not read as a country meets it as the English name would.
    assert!(keys_may_meet("%sudan", "sudan"));
    assert_eq!(keys_similarity("%sudan", "sudan"), KEY_EQUAL);
}

#[test]
fn a_country_is_no_generic_word() {
    let freq = Frequencies::embedded();
    let syria = tokens("Syria", &freq);
    let key = syria.first().map(|t| t.key.to_string());
    assert_eq!(key.as_deref(), Some("%siria"));
    assert!(!freq.is_generic("%siria"));
    assert!(
        syria
            .iter()
            .all(|t| t.weight > super::weights::GENERIC_WEIGHT && t.distinctive())
    );
    // The country is what tells these two apart, and it keeps its weight unmatched.
    let (s, e) = org_score(
        "Industrial Development Bank of Syria",
        "Industrial Development Bank of Iran",
    );
    assert!(s < 0.6, "{s} {e}");
    // A frequent country still carries a match that its name's other words, all common,
    // would not (`Iran` is in 240 of the listed entities).
    let (s, e) = org_score(
        "Iranian Aluminium Trading Company",
        "IRAN ALUMINIUM TRADING COMPANY LTD",
    );
    assert!(s >= DEFAULT, "{s} {e}");
}

#[test]
fn a_czech_or_slovak_womans_surname_meets_the_familys() {
    // `-ová` as written, in any case and composed or not, is the woman's form of the
    // family's surname; a Russian `-ova` without the accent is not read so.
    let freq = Frequencies::embedded();
    let fem = |s: &str| {
        tokens(s, &freq)
            .iter()
            .map(|t| t.feminine)
            .collect::<Vec<_>>()
    };
    assert_eq!(fem("Porrasová Argueta"), [true, false]);
    assert_eq!(fem("NOVÁKOVÁ"), [true]);
    assert_eq!(fem("Novákov\u{301}"), [true]);
    assert_eq!(fem("Ivanova"), [false]);
    for (a, b) in [
        ("María Porrasová", "Maria PORRAS"),
        ("Leonor Moralesová", "Leonor MORALES"),
        ("Jana Nováková", "Jana Novák"),
    ] {
        let (s, e) = score(a, b);
        assert!(s >= DEFAULT, "{a} / {b}: {s} {e}");
    }
    // Without the accent, a surname is still not its own stem (`Ivanova` / `Ivan`).
    let (ivan, _) = score("Maria Ivanova", "Maria Ivan");
    let (porras, _) = score("Maria Porrasová", "Maria Porras");
    assert!(ivan < porras, "{ivan} {porras}");
}

#[test]
fn prepositions_inside_an_organization_name_weigh_as_function_words() {
    // `служба по ...` (a service for ...), `Direção da Segurança`: the Russian and Portuguese
    // forms of a state body meet its English one, which writes `for` and `of`, as a whole
    // name of generic words.
    for (query, listed) in [
        (
            "Federal Service for Financial Monitoring",
            "Федеральная Служба По Финансовому Мониторингу",
        ),
        (
            "Федеральная Служба По Финансовому Мониторингу",
            "Federal Service for Financial Monitoring",
        ),
        (
            "Direção da Segurança Interna do Ministério das Informações e Segurança do Irão",
            "Directorate for Internal Security of the Iranian Ministry for Intelligence and Security",
        ),
        // The romanized Arabic `ila` (to) and `wa` (and).
        (
            "WELFARE AND DEVELOPMENT ORGANIZATION OF JAMAAT-UD-DAWAH FOR QUR'AN AND SUNNAH",
            "WELFARE AND DEVELOPMENT ORGANIZATION OF JAMA'AT AL-DA'WAH ILA AL-QUR'AN WA-AL-SUNNAH",
        ),
    ] {
        let (s, _) = org_score(query, listed);
        assert!(s >= 0.75, "{query} / {listed}: {s}");
    }
    // Outside an organization's name `Po` is a name: a Chinese family name (`PO KONG`), a
    // production association (`PO SEVER`), and it weighs as one.
    assert!(person_score("Li Kong", "PO KONG") < 0.75);
    assert!(person_score("Kong Wei", "PO, Kong") < 0.75);
    let freq = Frequencies::embedded();
    let sever = tokens("PO SEVER", &freq);
    let po = sever.first().map_or(0.0, |t| t.weight);
    assert!(po > weights::HONORIFIC_WEIGHT, "{po}");
}

#[test]
fn a_money_changer_meets_its_name_in_arabic_script() {
    // The UN's Arabic-script names of money changers and their English names: the trade's
    // words are generic words of one concept (`صرافة`, `صرافی`, `exchange`, `hawala`).
    for (arabic, english) in [
        ("مكتب حنيفة للصرافة", "HANIFA MONEY EXCHANGE OFFICE"),
        ("سلسلة الذهب للصرافة", "Silsilat al-Dhahab Money Exchange"),
        (
            "حاجی خيرالله و حاجی ستار صرافی",
            "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE",
        ),
    ] {
        let (s, e) = org_score(arabic, english);
        assert!(s >= DEFAULT, "{arabic} / {english}: {s} {e}");
    }
    let (s, e) = org_score("Al-Kawthar Hawala", "AL-KAWTHAR MONEY EXCHANGE");
    assert!(s >= DEFAULT, "{s} {e}");
    // The trade alone is no match.
    let (s, e) = org_score("مكتب حنيفة للصرافة", "Roshan Money Exchange");
    assert!(s < 0.5, "{s} {e}");
}

#[test]
fn a_generic_word_in_arabic_script_weighs_as_its_concept() {
    let freq = Frequencies::embedded();
    let arabic = tokens("شركة", &freq);
    let latin = tokens("company", &freq);
    let weights = |t: &[ScoreToken]| {
        t.first()
            .map(|t| (t.key.to_string(), t.weight, t.unmatched))
    };
    assert_eq!(weights(&arabic), weights(&latin));
    assert!(
        arabic
            .iter()
            .all(|t| t.weight <= super::weights::GENERIC_WEIGHT)
    );
}

#[test]
fn a_turkish_firm_meets_its_english_translation() {
    // OFAC lists Turkish firms with their English translation as an alias: the generic words
    // (`ithalat`, `ihracat`, `dış`, `ticaret`, `sanayi`) are those of the English name.
    for (turkish, english) in [
        (
            "SMART ITHALAT IHRACAT DIS TICARET LIMITED SIRKETI",
            "SMART IMPORT EXPORT FOREIGN TRADE LIMITED COMPANY",
        ),
        (
            "Kuzey Dış Ticaret Ltd. Şti.",
            "KUZEY FOREIGN TRADE LIMITED COMPANY",
        ),
        (
            "Güneş Sanayi ve Ticaret A.Ş.",
            "GUNES INDUSTRY AND TRADE JSC",
        ),
    ] {
        let (s, e) = org_score(turkish, english);
        assert!(s >= DEFAULT, "{turkish} / {english}: {s} {e}");
    }
    // The generic words alone are no match.
    let (s, e) = org_score(
        "Kuzey Dış Ticaret Ltd. Şti.",
        "GUNEY FOREIGN TRADE LIMITED COMPANY",
    );
    assert!(s < 0.5, "{s} {e}");
}

#[test]
fn a_managing_company_meets_its_management_company() {
    // OFAC writes one Russian `управляющая компания` as a managing and a management company,
    // and keeps the Russian word `менеджмент` romanized.
    for (a, b) in [
        (
            "SOVFRACHT MANAGING COMPANY LLC",
            "SOVFRACHT MANAGEMENT COMPANY LLC",
        ),
        (
            "ООО Управляющая компания Совфрахт",
            "SOVFRACHT MANAGEMENT COMPANY LLC",
        ),
        ("LADOGA MENEDZHMENT, OOO", "OOO LADOGA MANAGEMENT"),
    ] {
        let (s, e) = org_score(a, b);
        assert!(s >= DEFAULT, "{a} / {b}: {s} {e}");
    }
    let (s, e) = org_score(
        "SOVFRACHT MANAGING COMPANY LLC",
        "SOVFRACHT SHIPPING COMPANY LLC",
    );
    assert!(s < DEFAULT, "{s} {e}");
}

#[test]
fn no_spelling_of_a_common_name_is_read_as_a_generic_word() {
    // The concepts' words, their inflections and their Arabic proclitic forms must leave the
    // names alone: a given name read as a concept would weigh as `company` does.
    let tables = [
        super::common_names::COMMON_NAMES,
        super::name_groups::NAME_GROUPS,
        super::name_groups::OPEN_NAME_GROUPS,
    ];
    let mut read_as_concepts = Vec::new();
    for (group, spellings) in tables.iter().flat_map(|t| t.iter()) {
        for spelling in *spellings {
            for t in normalize(spelling).tokens() {
                if t.key().starts_with(crate::normalize::CONCEPT_MARK) {
                    read_as_concepts.push(format!("{group}: {spelling} as {}", t.key()));
                }
            }
        }
    }
    assert!(read_as_concepts.is_empty(), "{read_as_concepts:#?}");
}

#[test]
fn an_organization_named_twice_in_one_name_is_one_name() {
    let freq = Frequencies::embedded();
    let score_as =
        |a: &str, b: &str, kind| score_names(&tokens(a, &freq), &tokens(b, &freq), kind).0;
    // The UK's name with the full form after the short one.
    let listed = "EGO-HOLDING ('HOLDING COMPANY \"EGO-HOLDING\"')";
    let query = "KONTROLIUOJANČIOJI BENDROVĖ „EGO-HOLDING“";
    assert!(score_as(query, listed, EntityKind::Organization) >= 0.75);
    // Said once, the name scores as it would: its words written again are no more of it.
    let once = score_as(
        query,
        "HOLDING COMPANY EGO-HOLDING",
        EntityKind::Organization,
    );
    let twice = score_as(query, listed, EntityKind::Organization);
    assert!((once - twice).abs() < 0.05, "{once} / {twice}");
    // A person's name written again is another person's (a father's, a grandfather's).
    let person = score_as("Othman Ahmed", "Othman Ahmed Othman", EntityKind::Person);
    let shorter = score_as("Othman Ahmed", "Othman Ahmed Ali", EntityKind::Person);
    assert!((person - shorter).abs() < 0.05, "{person} / {shorter}");
}
