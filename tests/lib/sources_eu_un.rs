//! The EU FSF XML and UN consolidated XML readers on the official files: counts against the
//! data READMEs, every issue the load reports, and the SPOTLIGHT records field by field.

use std::collections::BTreeMap;

use sanctions::model::{
    BirthDate, Entity, EntityKind, Gender, IdentifierKind, NameKind, PartialDate, Script,
};
use sanctions::sources::{IssueAction, Loaded, load_path};

use crate::util::{data_dir, data_file};

fn d(s: &str) -> PartialDate {
    s.parse().unwrap()
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

/// Issues grouped by (action, reason with the record-specific tail cut at the first colon
/// or quote), with their record ids.
fn issues_by_reason(loaded: &Loaded) -> BTreeMap<(&'static str, String), Vec<String>> {
    let mut out: BTreeMap<(&'static str, String), Vec<String>> = BTreeMap::new();
    for i in &loaded.report.issues {
        let reason = i
            .reason
            .split([':', '"'])
            .next()
            .unwrap()
            .trim()
            .to_string();
        out.entry((action_key(i.action), reason))
            .or_default()
            .push(i.record.clone().unwrap_or_default());
    }
    out
}

fn action_key(a: IssueAction) -> &'static str {
    match a {
        IssueAction::Skipped => "skipped",
        _ => "repaired",
    }
}

#[test]
fn eu_counts_match_the_readme() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "eu/20240513-FULL-1_1(xsd).xml")).unwrap();
    let report = &loaded.report;
    assert_eq!(loaded.list.published, Some(d("2024-05-13")));
    // README: 4,811 sanctionEntity (3,755 P, 1,056 E). Three logicalIds appear twice, under two
    // regimes (547 and 593: AFG and TAQA persons; 120128: an enterprise): merged, and reported.
    assert_eq!(report.entities(), 4_811 - 3);
    assert_eq!(report.entities_by_kind[&EntityKind::Person], 3_755 - 2);
    assert_eq!(
        report.entities_by_kind[&EntityKind::Organization],
        1_056 - 1
    );
    // README: 25,257 nameAlias, all strong. The three merges drop the names that the two
    // records of an id share exactly (same text and language; `Esmatullah Asem` of 547 among
    // them): three in all, each merge reported.
    assert_eq!(report.names, 25_257 - 3);
    assert_eq!(report.weak_aliases, 0);
    let merged = entity(&loaded, "547");
    assert_eq!(
        merged
            .names
            .iter()
            .filter(|n| n.text == "Esmatullah Asem")
            .count(),
        1
    );
    assert_eq!(merged.programs, vec!["AFG", "TAQA"]);
    assert_eq!(entity(&loaded, "593").programs.len(), 2);
    let issues = issues_by_reason(&loaded);
    let expected: BTreeMap<(&'static str, String), Vec<String>> = [
        (
            (
                "repaired",
                "the sanctionEntity shares its id with an earlier one".to_string(),
            ),
            vec!["547", "593", "120128"],
        ),
        (
            (
                "repaired",
                "expected a Gregorian birth date, found the Islamic-calendar date 1343".to_string(),
            ),
            vec!["127388"],
        ),
        (
            (
                "repaired",
                "expected a Gregorian birth date, found the Islamic-calendar date 1339".to_string(),
            ),
            vec!["127401"],
        ),
        (
            (
                "repaired",
                "expected a Gregorian birth date, found the Islamic-calendar date 1340".to_string(),
            ),
            vec!["127411"],
        ),
        (
            (
                "repaired",
                "expected a Gregorian birth date, found the Islamic-calendar date 1352".to_string(),
            ),
            vec!["127433"],
        ),
        (
            (
                "repaired",
                "expected a birth year range with both ends, found only in or before 1980"
                    .to_string(),
            ),
            vec!["117053"],
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(issues, expected);
    assert_eq!(report.issues.len(), 8);
    assert_eq!(report.skipped(), 0);
    // README: 1,502 identification (none without a number), 82 UN references, and every
    // entity has its EU reference number.
    let by_kind = |k: IdentifierKind| {
        loaded
            .list
            .entities
            .iter()
            .flat_map(|e| &e.identifiers)
            .filter(|i| i.kind == k)
            .count()
    };
    assert_eq!(by_kind(IdentifierKind::Passport), 496);
    assert_eq!(by_kind(IdentifierKind::Imo), 17);
    assert_eq!(by_kind(IdentifierKind::Bic), 6);
    assert_eq!(by_kind(IdentifierKind::TaxId), 242);
}

#[test]
fn eu_spotlight_prigozhin_with_his_russian_name() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "eu/20240513-FULL-1_1(xsd).xml")).unwrap();
    let e = entity(&loaded, "139815");
    assert_eq!(e.kind, EntityKind::Person);
    let names: Vec<(&str, NameKind, Option<&str>)> = e
        .names
        .iter()
        .map(|n| (n.text.as_str(), n.kind, n.lang.as_deref()))
        .collect();
    assert_eq!(
        names,
        vec![
            (
                "Yevgeniy Viktorovich PRIGOZHIN",
                NameKind::Primary,
                Some("en")
            ),
            ("Jevgenij Prigožin", NameKind::Aka, Some("cs")),
            ("Jevgeni Prigožin", NameKind::Aka, Some("fi")),
            ("Евгений Викторович ПРИГОЖИН", NameKind::Aka, Some("ru")),
            ("Jevgenij Viktorovitj PRIGOZJIN", NameKind::Aka, Some("sv")),
            ("Evguéni Prigojine", NameKind::Aka, Some("fr")),
            ("Jewgienij Prigożyn", NameKind::Aka, Some("pl")),
            ("Jevgenij Prigožin", NameKind::Aka, Some("sk")),
        ]
    );
    assert_eq!(e.names[3].script, Script::Cyrillic);
    assert_eq!(e.programs, vec!["UKR"]);
    assert_eq!(e.listed_on, Some(d("2022-04-21")));
    assert_eq!(e.gender, Some(Gender::Male));
    assert_eq!(e.nationalities, vec!["RU"]);
    assert_eq!(e.birth_dates, vec![BirthDate::On(d("1961-06-01"))]);
    assert_eq!(
        e.birth_places,
        vec![
            "Leningrad, RUSSIAN FEDERATION",
            "St Petersburg, RUSSIAN FEDERATION"
        ]
    );
    assert_eq!(e.identifiers.len(), 1);
    assert_eq!(e.identifiers[0].value, "EU.8153.35");
    assert_eq!(e.identifiers[0].kind, IdentifierKind::Other);
    let remarks = e.remarks.as_deref().unwrap();
    assert!(
        remarks.starts_with("Also designated under Libya sanctions\n"),
        "{remarks}"
    );
    assert!(remarks.contains("He reportedly died in a plane crash on 23 August 2023."));
    assert!(remarks.contains("Then USSR (St Petersburg)"));

    // The Libya listing is a second entity (its own logicalId), with the original script.
    let libya = loaded
        .list
        .entities
        .iter()
        .find(|e| e.identifiers.iter().any(|i| i.value == "EU.6111.88"))
        .unwrap();
    assert!(
        libya
            .names
            .iter()
            .any(|n| n.text == "Евгений Викторович Пригожин" && n.lang.as_deref() == Some("ru"))
    );
    assert_eq!(libya.programs, vec!["LBY"]);

    // Sberbank: Latin main spelling and its Russian alias.
    let sber = loaded
        .list
        .entities
        .iter()
        .find(|e| e.identifiers.iter().any(|i| i.value == "EU.8537.32"))
        .unwrap();
    assert_eq!(sber.kind, EntityKind::Organization);
    assert_eq!(sber.names[0].text, "Sberbank");
    assert_eq!(sber.names[0].kind, NameKind::Primary);
    assert!(sber.names.iter().any(|n| n.text == "Сбербанк"
        && n.kind == NameKind::Aka
        && n.lang.as_deref() == Some("ru")));
    assert_eq!(sber.programs, vec!["UKR"]);
}

#[test]
fn un_counts_match_the_readme() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "un/UN_consolidated.xml")).unwrap();
    let report = &loaded.report;
    assert_eq!(loaded.list.published, Some(d("2026-02-27")));
    // README: 730 INDIVIDUAL and 273 ENTITY, DATAIDs all distinct.
    assert_eq!(report.entities_by_kind[&EntityKind::Person], 730);
    assert_eq!(report.entities_by_kind[&EntityKind::Organization], 273);
    assert_eq!(report.entities(), 1_003);
    // Names: one primary per record, 378 NAME_ORIGINAL_SCRIPT (336 + 42), 2,308 individual
    // aliases less 169 empty placeholders, 735 entity aliases less 122 placeholders.
    // Aliases that carry other spellings in parentheses (`حسن غول (Hassan Ghul; Hassan Gul)`)
    // give one name per spelling, each such alias reported with its count.
    let split: Vec<usize> = report
        .issues
        .iter()
        .filter_map(|i| {
            let rest = i.reason.split(", found ").nth(1)?;
            rest.strip_suffix(" names")?;
            rest.split(' ').next()?.parse::<usize>().ok()
        })
        .collect();
    let extra: usize = split.iter().map(|n| n - 1).sum();
    assert_eq!((split.len(), extra), (29, 52));
    // Notes give 52 spellings more: 26 after `original script:` and 5 after `in Arabic:` or
    // `in Arabic script:` in alias notes, 18 in lists of spellings (`Yunis al-Mauritani;
    // Younis al-Mauritani; ...`), 3 after `name in Arabic script:` in document notes.
    let noted = 26 + 5 + 18 + 3;
    assert_eq!(
        report.names,
        1_003 + 378 + (2_308 - 169) + (735 - 122) + extra + noted
    );
    // README: QUALITY Low 615; 11 of the extra spellings above come from Low aliases, and 20
    // of those the notes give.
    assert_eq!(report.weak_aliases, 615 + 11 + 20);
    let fka = loaded
        .list
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.kind == NameKind::Fka)
        .count();
    assert_eq!(fka, 19);
    let issues = issues_by_reason(&loaded);
    let count = |action: &'static str, reason: &str| {
        issues
            .get(&(action, reason.to_string()))
            .map_or(0, Vec::len)
    };
    assert_eq!(
        count(
            "skipped",
            "expected an ALIAS_NAME in the <INDIVIDUAL_ALIAS>, found an empty alias placeholder"
        ),
        169
    );
    assert_eq!(
        count(
            "skipped",
            "expected an ALIAS_NAME in the <ENTITY_ALIAS>, found an empty alias placeholder"
        ),
        122
    );
    // 14 documents give their number only inside NOTE or TYPE_OF_DOCUMENT2 text.
    assert_eq!(
        count(
            "repaired",
            "expected a NUMBER in the INDIVIDUAL_DOCUMENT, found none"
        ),
        14
    );
    // Dates of birth written only as notes that are no date: `30-35 years old`, a Hijri date,
    // `Between Aug. and Sep. 1977`.
    assert_eq!(
        issues[&("repaired", "expected a date of birth, found".to_string())],
        vec!["6908703", "2962519", "2983746"]
    );
    assert_eq!(report.issues.len(), 169 + 122 + 14 + 3 + split.len());
    // Identifiers: a UN reference number per record, and 921 - 453 empty - 14 without number.
    assert_eq!(report.identifiers, 1_003 + (921 - 453 - 14));
}

#[test]
fn un_spotlight_saddam_hussein_with_his_arabic_name() {
    let Some(dir) = data_dir() else { return };
    let loaded = load_path(data_file(&dir, "un/UN_consolidated.xml")).unwrap();
    let e = entity(&loaded, "6908048");
    assert_eq!(e.kind, EntityKind::Person);
    let names: Vec<(&str, NameKind, Script)> = e
        .names
        .iter()
        .map(|n| (n.text.as_str(), n.kind, n.script))
        .collect();
    assert_eq!(
        names,
        vec![
            (
                "SADDAM HUSSEIN AL-TIKRITI",
                NameKind::Primary,
                Script::Latin
            ),
            ("صدام حسين التكريتي", NameKind::Aka, Script::Arabic),
            ("Abu Ali", NameKind::WeakAka, Script::Latin),
        ]
    );
    assert_eq!(e.programs, vec!["Iraq"]);
    assert_eq!(e.listed_on, Some(d("2003-06-27")));
    assert_eq!(e.nationalities, vec!["IQ"]);
    assert_eq!(e.birth_dates, vec![BirthDate::On(d("1937-04-28"))]);
    assert_eq!(e.birth_places, vec!["al-Awja, near Tikrit, Iraq"]);
    assert_eq!(e.identifiers.len(), 1);
    assert_eq!(e.identifiers[0].value, "IQi.001");
    assert!(e.addresses.is_empty());
    assert_eq!(e.remarks, None);
    assert_eq!(e.gender, None);

    // The same man on the EU list (logicalId 13): the main spelling first, the French alias.
    let eu = load_path(data_file(&dir, "eu/20240513-FULL-1_1(xsd).xml")).unwrap();
    let e = entity(&eu, "13");
    assert_eq!(e.names[0].text, "Saddam Hussein Al-Tikriti");
    assert_eq!(e.names[2].text, "Abou Ali");
    assert_eq!(e.names[2].lang.as_deref(), Some("fr"));
    assert_eq!(e.programs, vec!["IRQ"]);
    assert_eq!(e.birth_dates, vec![BirthDate::On(d("1937-04-28"))]);
    assert_eq!(e.birth_places, vec!["al-Awja, near Tikrit, IRAQ"]);
    assert_eq!(e.nationalities, vec!["IQ"]);
    assert_eq!(e.gender, Some(Gender::Male));
}
