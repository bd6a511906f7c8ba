//! Company legal forms across languages and scripts, grouped into classes.
//!
//! This file is data only: the table of legal forms that [`legal_form`](super::legal_form)
//! recognizes in names and replaces by the canonical class of the form, so that `ТОО`, `TOO`,
//! `ЖШС`, `LLP` and `limited liability partnership` all become `llp`, and `АО`, `AO`, `JSC`,
//! `АҚ`, `ПАО`, `PJSC` and `Aktiengesellschaft` all become `jsc`. The matching logic (word
//! keys, typos in long words, glued and split words, forms cut short at the end of a name,
//! short forms only at the edges of a name) lives in `legal_form.rs`.
//!
//! Sources:
//! - ISO 20275 "Financial services — Entity legal forms (ELF)", the code list published by
//!   GLEIF: the local names and abbreviations of the legal forms of each jurisdiction.
//! - National company laws for the forms sanctions lists meet most: Civil Code of the Russian
//!   Federation art. 87 (общество с ограниченной ответственностью), art. 96–97 (акционерное
//!   общество, публичное and непубличное), art. 113 (unitary enterprises), art. 123.21–123.22
//!   (учреждения), Federal Laws 14-FZ (LLCs), 208-FZ (JSCs), 161-FZ (unitary enterprises),
//!   7-FZ (non-commercial organizations: АНО, государственная корпорация); Law of the Republic
//!   of Kazakhstan No. 220-I of 22 April 1998 "On limited and additional liability
//!   partnerships" (ТОО / ЖШС, ТДО) and No. 415-II of 13 May 2003 "On joint-stock companies"
//!   (АО / АҚ); Civil Code of Ukraine and the Law of Ukraine "On limited and additional
//!   liability companies" (ТОВ, ТДВ) and "On joint-stock companies" (АТ, ПрАТ, ПАТ); Turkish
//!   Commercial Code No. 6102 (anonim şirket, limited şirket); German GmbHG and AktG, HGB §§ 105,
//!   161 (OHG, KG); UK Companies Act 2006 s. 58–59 (plc, limited); UAE free zone regulations
//!   (FZE, FZCO, FZ-LLC); US state LLC acts (Iowa Code § 489.108 allows `L.C.`).
//! - The spellings that the lists themselves use, counted in the OFAC SDN and consolidated
//!   XML, the EU financial sanctions XML (with its translations of Russian forms into every EU
//!   language), the UK OFSI list, the UN list and OpenSanctions' Ukraine war sanctions data,
//!   including Cyrillic, inflected and transliterated long forms.
//!
//! Spellings are written as lists write them (any case, dots, marks, script); the crate
//! normalizes each one with the name tokenizer, so `L.L.C.`, `LLC` and `llc` are one spelling
//! and are listed once. Words that are names rather than forms (`company`, `group`, `trading`,
//! `holding`, `bank`, `Ticaret`, `Sanayi`) are not listed alone; `Co.` alone is left out too,
//! since it ends names like `Daewoo & Co.` and `X Trading Co.` where it is part of the name and
//! says nothing of the form (it counts only inside `Co. Ltd`, `Joint Stock Co.`, ...).
//!
//! A spelling must belong to one class only; the longest spelling matching at a position wins
//! (`Public Joint Stock Company` over `Joint Stock Company`, `GmbH & Co. KG` over `GmbH`).

/// A class of equivalent legal forms and the ways lists write them.
pub(crate) struct LegalFormClass {
    /// Canonical short name of the class, lower-case ASCII (`llc`, `jsc`, ...).
    pub(crate) class: &'static str,
    /// Every spelling: abbreviations and long forms, in any script, as lists write them.
    pub(crate) aliases: &'static [&'static str],
}

/// The classes of legal forms, with every spelling of each.
#[rustfmt::skip]
pub(crate) const LEGAL_FORMS: &[LegalFormClass] = &[
    // Private limited company (common-law "Limited", and the Asian "Company Limited" that
    // translates 有限公司): Companies Act 2006 (UK) s. 59, Companies Act 2013 (India),
    // Companies Act 1967 (Singapore, Pte. Ltd.), Corporations Act 2001 (Australia, Pty Ltd),
    // Companies Act 2016 (Malaysia, Sdn. Bhd.), Law 40/2007 (Indonesia, PT); ISO 20275 ELF codes
    // for GB, IE, IN, SG, AU, MY, HK, CN, ID, IL. Kept apart from `llc`: lists keep the two
    // apart (a Ltd is a company limited by shares), and `Ltd` is the form the lists write most.
    // 有限公司 ("limited company") is here; 有限责任公司 ("limited liability company") is in
    // `llc` and 股份有限公司 ("company limited by shares") in `jsc`. The Hebrew בע"מ is left
    // out: it tokenizes to `v m`, and with its one-letter word skippable it matched any `V`.
    // This class comes first so that a word that is only near two spellings (`Companies
    // Limited`: `Company Limited` here, `Compañía Limitada` in `llc`) falls here.
    LegalFormClass { class: "ltd", aliases: &[
        "Ltd", "Limited", "Ltd. Co.", "Limited Co.", "Limited Company", "Ltd. Company",
        "Co. Ltd", "Co. Limited", "Company Limited", "Company Ltd",
        "Company Limited by Shares", "Company Limited by Guarantee",
        "Private Limited", "Private Ltd", "Private Limited Company", "Pvt. Ltd.",
        "Pvt. Limited", "Pvt. Ltd. Co.", "Pvt. Co. Ltd.", "Pte. Ltd.", "Pte. Limited",
        "Pty. Ltd.", "Pty. Limited", "Proprietary Limited", "Ltée", "Limitée",
        "Sdn. Bhd.", "Sendirian Berhad", "PT", "Perseroan Terbatas",
        "Лимитед", "Лтд", "有限公司", "المحدودة", "شركة محدودة",
    ] },

    // Limited liability company: a company whose members' liability is limited to their
    // contributions, with capital not divided into shares (GmbH type). Sources: ISO 20275 ELF
    // codes for RU (ООО), UA (ТОВ), BY (ТАА), KG (ОсОО), UZ (МЧЖ), BG (ООД, ЕООД), RS/HR/SI/BA/MK
    // (d.o.o.), DE/AT/CH (GmbH), FR/LU/BE (SARL, SPRL, EURL), IT (S.r.l.), ES (S.L., S.R.L.),
    // PT/BR (Lda., Ltda.), RO/MD (SRL), PL (Sp. z o.o.), CZ/SK (s.r.o.), HU (Kft.), LV (SIA),
    // EE (OÜ), DK (ApS), NL/BE (B.V., BVBA), GR (ΕΠΕ), TR (Ltd. Şti.), CN (有限责任公司),
    // JP (合同会社, 有限会社), KR (유한회사), VN (TNHH); US state LLC acts; Russian Civil Code
    // art. 87; Turkish Commercial Code 6102 art. 573. Kazakhstan has no LLC form (its limited
    // liability entity is the partnership ТОО / ЖШС, class `llp`), so there is no Kazakh
    // spelling here. `MMC` (Azerbaijani LLC) is left out as a short form: it is also the
    // `Mining and Metallurgical Company` of `MMC Norilsk Nickel`; the long form is listed.
    // Short forms whose variant key shrinks to one letter or to a common word are left out
    // and only their long forms listed: `LL` (key `l`, any initial L), Estonian `OÜ` (key
    // `u`, the Burmese honorific U), Greek `ΙΚΕ` (the name Ike), Mongolian `ХХК` (key `hk`,
    // Hong Kong), Armenian `ՍՊԸ`, Gulf `ذ.م.م` (its one-letter words may be skipped, so it
    // matched any `D`). `Ltda.`/`Limitada` are the Brazilian and Spanish-American LLC
    // (sociedade/sociedad limitada), hence here and not in `ltd`.
    LegalFormClass { class: "llc", aliases: &[
        // English.
        "LLC", "L.C.", "Limited Liability Company", "Limited Liability Co.",
        "Limited Liability Comp.", "Limited Liability Corporation", "Limited Liability Corp.",
        "Ltd. Liability Company", "Ltd. Liability Co.", "Ltd. Liability Corp.",
        "Limited Liab. Company", "Limited Liab. Co.", "Ltd. Liab. Company", "Ltd. Liab. Co.",
        "Lmtd. Liability Company", "Lmtd. Liability Co.",
        "Private Limited Liability Company", "Foreign Limited Liability Company",
        "Company with Limited Liability", "Private Company with Limited Liability",
        // Russian, with the genitive that lists copy from Russian sentences, the foreign LLC
        // of the Russian register, and the company with additional liability (ОДО, Belarus).
        "ООО", "OOO", "общество с ограниченной ответственностью",
        "общества с ограниченной ответственностью",
        "иностранное общество с ограниченной ответственностью",
        "компания с ограниченной ответственностью",
        "ОДО", "общество с дополнительной ответственностью",
        "obshchestvo s ogranichennoy otvetstvennostyu",
        "obshchestvo s ogranichennoi otvetstvennostyu",
        "obshchestva s ogranichennoy otvetstvennostyu",
        "inostrannoye obshchestvo s ogranichennoy otvetstvennostyu",
        "kompaniya s ogranichennoy otvetstvennostyu",
        // Kyrgyz (ОсОО is the Russian-language form of the Kyrgyz register).
        "ОсОО", "ЖЧК", "жоопкерчилиги чектелген коом",
        // Ukrainian.
        "ТОВ", "ТзОВ", "товариство з обмеженою відповідальністю",
        "товариства з обмеженою відповідальністю",
        "tovarystvo z obmezhenoyu vidpovidalnistyu",
        "ТДВ", "товариство з додатковою відповідальністю",
        // Belarusian.
        "ТАА", "таварыства з абмежаванай адказнасцю",
        "tavarystva z abmezhavanay adkaznastsyu",
        // Uzbek (Cyrillic and Latin abbreviations differ: МЧЖ, MChJ), Tajik.
        "МЧЖ", "MChJ", "масъулияти чекланган жамият", "масъулияти чекланган жамияти",
        "mas'uliyati cheklangan jamiyat", "mas'uliyati cheklangan jamiyati",
        "ҶДММ", "ҷамъияти дорои масъулияти маҳдуд",
        // Azerbaijani, Armenian, Georgian, Mongolian.
        "məhdud məsuliyyətli cəmiyyət", "məhdud məsuliyyətli cəmiyyəti",
        "սահմանափակ պատասխանատվությամբ ընկերություն",
        "შპს", "შეზღუდული პასუხისმგებლობის საზოგადოება",
        "хязгаарлагдмал хариуцлагатай компани",
        // Bulgarian.
        "ООД", "ЕООД", "дружество с ограничена отговорност",
        "еднолично дружество с ограничена отговорност",
        "druzhestvo s ogranichena otgovornost", "ednolichno druzhestvo s ogranichena otgovornost",
        // Serbian, Croatian, Bosnian, Montenegrin, Slovenian, Macedonian, Albanian.
        "d.o.o.", "društvo s ograničenom odgovornošću", "društvo sa ograničenom odgovornošću",
        "друштво са ограниченом одговорношћу", "družba z omejeno odgovornostjo",
        "ДООЕЛ", "друштво со ограничена одговорност",
        "Sh.p.k.", "SHPK", "shoqëri me përgjegjësi të kufizuar",
        // German (GmbHG), Austrian and Swiss spellings and abbreviations.
        "GmbH", "ГмбХ", "Г.м.б.Х.", "gGmbH", "GesmbH", "Ges.m.b.H.", "mbH", "Gesellschaft mbH",
        "Gesellsch. mbH", "Gesellschaft mit beschränkter Haftung",
        "Gesellschaft mit beschr. Haftung", "Gesellschaft mit besch. Haftung",
        "Ges. mit beschränkter Haftung", "Ges. mit beschr. Haftung", "Ges. mit besch. Haftung",
        "G.m.beschr. Haftung", "G.m.besch. Haftung",
        "mit beschränkter Haftung", "mit beschr. Haftung", "mit besch. Haftung",
        "UG (haftungsbeschränkt)", "Unternehmergesellschaft (haftungsbeschränkt)",
        // French, Belgian, Luxembourgish, Swiss Italian.
        "SARL", "S.à r.l.", "société à responsabilité limitée", "EURL",
        "entreprise unipersonnelle à responsabilité limitée",
        "SPRL", "société privée à responsabilité limitée", "Sagl",
        "società a garanzia limitata",
        // Italian, Romanian, Moldovan, Spanish, Spanish-American.
        "S.r.l.", "società a responsabilità limitata",
        "societate cu răspundere limitată", "societatea cu răspundere limitată",
        "S.L.", "S.L.U.", "sociedad limitada", "sociedad limitada unipersonal",
        "sociedad de responsabilidad limitada", "S. de R.L.", "S. de R.L. de C.V.",
        "sociedad de responsabilidad limitada de capital variable",
        "Ltda.", "Limitada", "Cía. Ltda.", "compañía limitada",
        "EIRL", "empresa individual de responsabilidad limitada",
        // Portuguese and Brazilian.
        "Lda.", "sociedade limitada", "sociedade por quotas",
        "sociedade de responsabilidade limitada", "EIRELI",
        "empresa individual de responsabilidade limitada",
        // Polish, Czech, Slovak, Hungarian.
        "Sp. z o.o.", "spółka z o.o.", "spółka z ograniczoną odpowiedzialnością",
        "s.r.o.", "spol. s r.o.", "společnost s ručením omezeným",
        "spoločnosť s ručením obmedzeným",
        "Kft.", "korlátolt felelősségű társaság",
        // Baltic and Nordic. (UAB, the Lithuanian closed joint-stock company, is in `jsc`.)
        "SIA", "sabiedrība ar ierobežotu atbildību",
        "ribotos atsakomybės bendrovė", "ApS", "anpartsselskab",
        // Dutch and Belgian.
        "B.V.", "besloten vennootschap",
        "besloten vennootschap met beperkte aansprakelijkheid", "BVBA",
        "vennootschap met beperkte aansprakelijkheid",
        // Greek, Irish (EU translations), Maltese.
        "ΕΠΕ", "εταιρεία περιορισμένης ευθύνης", "εταιρία περιορισμένης ευθύνης",
        "ιδιωτική κεφαλαιουχική εταιρεία",
        "cuideachta faoi dhliteanas teoranta",
        "kumpanija b'responsabbiltà limitata",
        // Turkish (Turkish Commercial Code 6102).
        "Ltd. Şti.", "Limited Şirketi", "Limited Şirket", "Ltd. Şirketi", "Limited Şti.",
        // Arabic (Gulf: ذات مسؤولية محدودة), Persian.
        "شركة ذات مسؤولية محدودة", "ذات مسؤولية محدودة",
        "شرکت با مسئولیت محدود", "با مسئولیت محدود",
        // Chinese, Japanese, Korean, Vietnamese.
        "有限责任公司", "有限責任公司", "合同会社", "Godo Kaisha", "有限会社", "Yugen Kaisha",
        "유한회사", "유한책임회사",
        "TNHH", "Công ty TNHH", "công ty trách nhiệm hữu hạn", "trách nhiệm hữu hạn",
        "TNHH MTV", "công ty trách nhiệm hữu hạn một thành viên",
    ] },

    // Limited liability partnership. The Kazakh ТОО (Russian-language: товарищество с
    // ограниченной ответственностью) and ЖШС (Kazakh: жауапкершілігі шектеулі серіктестік) are
    // the commonest form of Kazakh companies and lists render them `LLP` (Law of the Republic
    // of Kazakhstan "On limited and additional liability partnerships", 1998); the additional
    // liability partnership (ТДО / ҚЖС) of the same law is put here too. Sources: ISO 20275
    // ELF codes for KZ, GB (LLP), JP (有限責任事業組合), DE (PartG mbB); UK Limited Liability
    // Partnerships Act 2000.
    LegalFormClass { class: "llp", aliases: &[
        "LLP", "Limited Liability Partnership", "Ltd. Liability Partnership",
        "ТОО", "TOO", "товарищество с ограниченной ответственностью",
        "товарищества с ограниченной ответственностью",
        "tovarishchestvo s ogranichennoy otvetstvennostyu",
        "ЖШС", "JShS", "жауапкершілігі шектеулі серіктестік",
        "jauapkershiligi shekteuli seriktestik",
        "ТДО", "товарищество с дополнительной ответственностью",
        "ҚЖС", "қосымша жауапкершілігі бар серіктестік",
        "有限責任事業組合", "PartG mbB",
    ] },

    // Joint-stock company: capital divided into shares. One class for open, closed, public,
    // non-public and private joint-stock companies, so that АО, AO, JSC, ОАО, ЗАО, ПАО, PJSC,
    // АҚ, ЖАҚ, ПАТ, ПрАТ, AG, S.A. and A.Ş. meet: lists write one company as ОАО in one year
    // and ПАО the next (the 2014 Civil Code reform renamed ОАО to ПАО and ЗАО to АО), and
    // translate them freely. National "share companies" that English calls private limited
    // companies (Swedish AB, Finnish Oy, Norwegian AS, Lithuanian UAB) are here too, since the
    // EU translates АО into exactly those words. Sources: ISO 20275 ELF codes for RU (АО, ПАО),
    // UA (АТ, ПрАТ, ПАТ), BY (ААТ, ЗАТ), KZ (АО, АҚ), KG, UZ, AZ, AM, GE, BG (АД, ЕАД), RS/HR/
    // SI/MK (a.d., d.d.), DE/AT/CH (AG), FR (SA, SAS), ES/LatAm (S.A., S.A. de C.V., C.A.),
    // IT (S.p.A.), NL (N.V.), Nordic and Baltic countries, PL, CZ, SK, HU (Zrt., Nyrt.),
    // RO, GR (ΑΕ), TR (A.Ş.), LB (SAL), OM (SAOG, SAOC), EG (SAE), QA, BH, KW, JO, AE, IR,
    // CN (股份有限公司), JP (株式会社), KR (주식회사), VN (cổ phần); Civil Code of the Russian
    // Federation art. 96–97; German AktG; Turkish Commercial Code 6102 art. 329.
    // Short forms whose variant key collides with initials or common name words are left out
    // and only their long forms listed: `АД`/`AD` (Bulgarian; key `ad` is also the Arabic
    // article `Ad-` and the name `Iyad`), Georgian `სს` (key `s`), Croatian `d.d.` (key `d`),
    // Greek `ΑΕ` (key `a`), Japanese `K.K.` (key `k`), `A/S` (its second letter may be
    // skipped, so it matched any `A`), Uzbek `АЖ` (`Ayash`), Norwegian `ASA` (the name Asa),
    // Armenian `ԲԲԸ`/`ՓԲԸ`, Peruvian `S.A.C.` (the Myanmar junta's `SAC`). `Rt.` (the old
    // Hungarian abbreviation) is left out as a short form: `RT-` starts many names of Rostec
    // subsidiaries (`RT-Inform`); the Hungarian long form is listed. `АК` (акционерная
    // компания) is left out as a short form for the same reason (Kazakh word `ақ`); its long
    // form is listed.
    LegalFormClass { class: "jsc", aliases: &[
        // English.
        // `Joint Stock` alone is the form in `Joint Stock Commercial Bank X` (АКБ).
        "JSC", "Joint Stock", "Joint Stock Company", "Joint Stock Co.",
        "Joint Stock Corporation", "Joint Stock Corp.", "Jt. Stock Co.", "Jt. Stock Company",
        "Jnt. Stock Co.", "Jnt. Stock Company", "JS Co.", "JSC Company", "Stock Company",
        "Public Stock Company",
        "OJSC", "Open JSC", "Open Joint Stock", "Open Joint Stock Company",
        "Open Joint Stock Co.",
        "CJSC", "Closed JSC", "Closed Joint Stock", "Closed Joint Stock Company",
        "Closed Joint Stock Co.",
        "PJSC", "Public JSC", "Public Joint Stock", "Public Joint Stock Company",
        "Public Joint Stock Co.",
        "Non-Public Joint Stock Company", "NJSC", "Non-Commercial Joint Stock Company",
        "PrJSC", "Private Joint Stock Company", "Private JSC",
        "Shareholding Company", "Public Shareholding Company", "Private Shareholding Company",
        // Russian (the 2014 forms and the older open/closed ones, nominative, genitive and
        // plural), with transliterations in BGN/PCGN and in the spellings lists use.
        "АО", "AO", "акционерное общество", "акционерного общества", "акционерные общества",
        "ОАО", "OAO", "открытое акционерное общество", "открытого акционерного общества",
        "ЗАО", "ZAO", "закрытое акционерное общество", "закрытого акционерного общества",
        "ПАО", "PAO", "публичное акционерное общество", "публичного акционерного общества",
        "НАО", "непубличное акционерное общество", "некоммерческое акционерное общество",
        "акционерное общество открытого типа", "акционерное общество закрытого типа",
        "акционерная компания", "акционерная компания с ограниченной ответственностью",
        "aktsionernoye obshchestvo", "aktsionernoe obshchestvo", "aktsionernogo obshchestva",
        "otkrytoye aktsionernoye obshchestvo", "otkrytoe aktsionernoe obshchestvo",
        "zakrytoye aktsionernoye obshchestvo", "zakrytoe aktsionernoe obshchestvo",
        "publichnoye aktsionernoye obshchestvo", "publichnoe aktsionernoe obshchestvo",
        "nepublichnoye aktsionernoye obshchestvo",
        "aktsionernoye obshchestvo otkrytogo tipa", "aktsionernoye obshchestvo zakrytogo tipa",
        "aktsionernaya kompaniya",
        // Ukrainian.
        "АТ", "акціонерне товариство", "акціонерного товариства",
        "ПАТ", "публічне акціонерне товариство", "ПрАТ", "приватне акціонерне товариство",
        "ВАТ", "відкрите акціонерне товариство", "ЗАТ", "закрите акціонерне товариство",
        "aktsionerne tovarystvo", "publichne aktsionerne tovarystvo",
        "pryvatne aktsionerne tovarystvo",
        // Belarusian.
        "ААТ", "адкрытае акцыянернае таварыства", "закрытае акцыянернае таварыства",
        "акцыянернае таварыства", "adkrytaye aktsyyanernaye tavarystva",
        // Kazakh, Kyrgyz, Uzbek, Azerbaijani, Armenian, Georgian, Mongolian.
        "АҚ", "акционерлік қоғам", "aktsionerlik qogam",
        "ЖАҚ", "жабық акционерлік қоғам", "ААҚ", "ашық акционерлік қоғам",
        "ААК", "ачык акционердик коом", "ЖАК", "жабык акционердик коом",
        "акционердик коом",
        "акциядорлик жамияти", "aksiyadorlik jamiyati",
        "ОАЖ", "очиқ акциядорлик жамияти", "ochiq aksiyadorlik jamiyati",
        "ASC", "açıq səhmdar cəmiyyəti", "QSC", "qapalı səhmdar cəmiyyəti",
        "səhmdar cəmiyyəti",
        "բաժնետիրական ընկերություն", "բաց բաժնետիրական ընկերություն",
        "փակ բաժնետիրական ընկերություն",
        "სააქციო საზოგადოება",
        "хувьцаат компани",
        // Bulgarian, Serbian, Macedonian, Croatian, Slovenian.
        "акционерно дружество", "ЕАД", "еднолично акционерно дружество",
        "отворено акционерно дружество", "публично акционерно дружество",
        "aktsionerno druzhestvo",
        "akcionarsko društvo", "акционарско друштво", "акционерско друштво",
        "dioničko društvo", "javno dioničko društvo", "otvoreno dioničko društvo",
        "delniška družba", "odprta delniška družba", "javna delniška družba",
        "nejavna delniška družba", "nejavno dioničko društvo",
        // German, European company.
        "AG", "Aktiengesellschaft", "Aktienges.", "offene Aktiengesellschaft",
        "geschlossene Aktiengesellschaft", "SE", "Societas Europaea",
        // French, Lebanese, Omani, Egyptian.
        "S.A.", "société anonyme", "société par actions", "société par actions ouverte",
        "société par actions fermée", "société par actions publique",
        "S.A.S.", "société par actions simplifiée", "SASU",
        "société par actions simplifiée unipersonnelle",
        "S.A.L.", "société anonyme libanaise",
        // The Lebanese offshore company (Decree-Law 46/1983), as OFAC writes it.
        "S.A.L. (Offshore)", "S.A.L. Offshore", "Offshore S.A.L.",
        "SAOG", "société anonyme omanaise générale", "SAOC", "société anonyme omanaise close",
        "S.A.E.", "société anonyme égyptienne",
        // Spanish, Spanish-American, Portuguese, Brazilian, Italian.
        "sociedad anónima", "sociedad anónima abierta", "sociedad anónima cerrada",
        "sociedad anónima no pública",
        "S.A.A.", "sociedad por acciones", "sociedad limitada por acciones",
        "S.A. de C.V.", "sociedad anónima de capital variable", "S.A.P.I. de C.V.",
        "C.A.", "compañía anónima",
        "sociedade anónima", "sociedade anônima", "sociedade por ações",
        "sociedade por ações aberta", "sociedade por ações fechada",
        "S.p.A.", "società per azioni",
        // Dutch and Belgian.
        "N.V.", "naamloze vennootschap", "vennootschap op aandelen",
        "open vennootschap op aandelen", "openbare vennootschap op aandelen",
        "aandelenvennootschap", "openbare aandelenvennootschap",
        // Nordic.
        "AS", "aktieselskab", "aktieselskabet", "aksjeselskap",
        "allmennaksjeselskap", "AB", "aktiebolag", "aktiebolaget", "publikt aktiebolag",
        "Oy", "Oyj", "osakeyhtiö", "avoin osakeyhtiö", "julkinen osakeyhtiö",
        // Baltic.
        "aktsiaselts", "avatud aktsiaselts", "akciju sabiedrība", "atklātā akciju sabiedrība",
        "akcinė bendrovė", "AAB", "atviroji akcinė bendrovė", "UAB",
        "uždaroji akcinė bendrovė", "viešoji akcinė bendrovė",
        // Polish, Czech, Slovak, Hungarian, Romanian.
        "spółka akcyjna", "otwarta spółka akcyjna", "publiczna spółka akcyjna",
        "akciová společnost", "veřejná akciová společnost", "otevřená akciová společnost",
        "akciová spoločnosť", "otvorená akciová spoločnosť", "verejná akciová spoločnosť",
        "Zrt.", "Nyrt.", "részvénytársaság", "zártkörűen működő részvénytársaság",
        "nyilvánosan működő részvénytársaság",
        "societate pe acțiuni", "societatea pe acțiuni", "societatea deschisă pe acțiuni",
        "societatea publică pe acțiuni", "societatea închisă pe acțiuni",
        "societatea pe acțiuni de tip închis",
        // Greek, Irish and Maltese (EU translations).
        "ανώνυμη εταιρεία", "ανώνυμη εταιρία", "ανοικτή συμμετοχική εταιρεία",
        "ανοικτή συμμετοχική εταιρία", "συμμετοχική εταιρεία",
        "cuideachta comhstoic", "cuideachta chomhstoic", "cuideachta comhstoic oscailte",
        "cuideachta comhstoic phoiblí", "cuideachta comhstoic poiblí",
        "kumpanija b'ishma", "kumpanija b'ishma konġunti",
        // Turkish.
        "A.Ş.", "anonim şirketi", "anonim şirket", "anonim ortaklığı", "anonim ortaklık",
        // Arabic and Gulf abbreviations, Persian (Iranian public and private joint stock).
        "شركة مساهمة", "شركة مساهمة عامة", "شركة مساهمة خاصة",
        "PSC", "QPSC", "BSC", "KSC", "KSCC", "KSCP", "PJS",
        "سهامی عام", "سهامی خاص", "شرکت سهامی", "شرکت سهامی عام", "شرکت سهامی خاص",
        "Sahami Aam", "Sahami Am", "Sahami Khas", "Sahami Khass",
        // Chinese, Japanese, Korean, Vietnamese.
        "股份有限公司", "株式会社", "Kabushiki Kaisha", "주식회사", "Jusik Hoesa",
        "CTCP", "công ty cổ phần",
    ] },

    // Public limited company: Companies Act 2006 (UK) s. 58 (plc, Welsh ccc), Irish Companies
    // Act 2014 (plc, cpt), Malaysian Berhad, Indonesian Tbk (Terbuka), Thai PCL; ISO 20275
    // ELF codes for GB, IE, MY, ID, TH. `Berhad` alone is left out: with typos allowed in
    // long words it took the Persian name `Behrad`; `Bhd` and `Sendirian Berhad` are listed.
    LegalFormClass { class: "plc", aliases: &[
        "PLC", "Public Limited Company", "Public Limited Co.", "Public Ltd. Co.",
        "Public Company Limited", "PCL", "Bhd", "Tbk",
        "cuideachta phoiblí theoranta",
    ] },

    // Corporation (US and Canadian business corporation acts: `Inc.`, `Incorporated`, `Corp.`,
    // `Corporation` are interchangeable designators of one form, e.g. Delaware General
    // Corporation Law § 102(a)(1)), hence one class and not a separate `corp`. The Russian
    // `корпорация` is the same word and is here too. `Limited Liability Corporation` and
    // `Joint Stock Corporation` are longer spellings of other classes and win over
    // `Corporation`.
    LegalFormClass { class: "inc", aliases: &[
        "Inc", "Incorporated", "Corp", "Corporation", "корпорация", "korporatsiya",
    ] },

    // Free zone entities of the UAE and other free zones: FZE (free zone establishment, one
    // shareholder), FZCO / FZC (free zone company), FZ-LLC; the Special / Free Economic Zone
    // LLCs of other jurisdictions. Sources: UAE free zone company regulations (JAFZA, DMCC,
    // DAFZA, RAK), ISO 20275 ELF codes for AE. DMCC is the Dubai Multi Commodities Centre,
    // the free zone authority whose companies carry `DMCC` after their name in place of a
    // legal form (`X DMCC` is a DMCC free zone company), hence a spelling of this class.
    // `FZLLC` is not `LLC`: they are different classes.
    LegalFormClass { class: "fz", aliases: &[
        "FZE", "FZCO", "FZC", "FZ-LLC", "FZLLC", "L.L.C-FZ", "F.Z. Co.", "FZ Company",
        "DMCC", "Free Zone Establishment", "FZ Establishment", "Free Zone Enterprise",
        "Free Zone Company", "Free Zone Co.", "FreeZone Company", "Free Zone LLC",
        "Free Zone Limited Liability Company", "Trade Free Zone Company",
        "Free Economic Zone LLC", "Special Economic Zone LLC",
    ] },

    // Limited partnership, German KG and its GmbH & Co. KG variant (legally a KG whose
    // general partner is a GmbH, so a KG and not a GmbH: HGB § 161), KGaA (partnership
    // limited by shares). Sources: ISO 20275 ELF codes for DE, AT, FR (SCS, SCA), ES, IT, TR,
    // NL (CV), DK, SE, FI, PL, CZ, HU, RU (товарищество на вере), KZ (коммандитное
    // товарищество); UK Limited Partnerships Act 1907. `S.a.s.` (Italian) is left out: it
    // is the French SAS (`jsc`) once normalized. `KB` (Swedish) is left out: `KB` is the
    // Russian design bureau (конструкторское бюро) of many names. `LP`/`L.P.` is not listed:
    // the variant key collapses doubled letters, so `LP` and `LLP` are one key and `LP` is
    // recognized as `llp`; only the long forms make `lp`.
    LegalFormClass { class: "lp", aliases: &[
        "Limited Partnership", "Ltd. Partnership",
        "KG", "Kommanditgesellschaft", "GmbH & Co. KG", "GmbH & Co. KGaA", "AG & Co. KG",
        "KGaA", "Kommanditgesellschaft auf Aktien",
        "SCS", "société en commandite simple", "SCA", "société en commandite par actions",
        "sociedad en comandita", "sociedad en comandita simple",
        "sociedad en comandita por acciones", "S. en C.",
        "società in accomandita semplice", "società in accomandita per azioni",
        "коммандитное товарищество", "товарищество на вере", "командитне товариство",
        "komandit şirketi", "komanditno društvo", "командитно дружество",
        "commanditaire vennootschap", "kommanditselskab", "kommanditbolag",
        "kommandiittiyhtiö", "spółka komandytowa", "komanditní společnost",
        "betéti társaság",
    ] },

    // General partnership. Sources: ISO 20275 ELF codes for DE (OHG), AT (OG), FR (SNC), ES,
    // IT, NL (VOF), TR, PL, CZ, HU, RU/KZ/UA (полное товарищество); HGB § 105. `GP` is left
    // out as a short form: lists write the Russian/Ukrainian state enterprise (ГП, `sue`) so.
    LegalFormClass { class: "gp", aliases: &[
        "General Partnership", "OHG", "offene Handelsgesellschaft", "offene Gesellschaft",
        "Kollektivgesellschaft", "SNC", "société en nom collectif", "sociedad colectiva",
        "società in nome collettivo", "V.O.F.", "vennootschap onder firma",
        "kollektif şirketi", "spółka jawna", "v.o.s.", "veřejná obchodní společnost",
        "közkereseti társaság", "javno trgovačko društvo",
        "полное товарищество", "повне товариство", "толық серіктестік",
    ] },

    // Cooperative. Sources: ISO 20275 ELF codes (eG, SCOP, coop., spółdzielnia, družstvo,
    // szövetkezet, osuuskunta, kooperatif); Civil Code of the Russian Federation art. 106.1
    // (производственный кооператив) and 123.2 (потребительский кооператив). Czech `družstvo`
    // is left out: with typos allowed it takes the Slavic `društvo`/`дружество` (company).
    LegalFormClass { class: "coop", aliases: &[
        "Cooperative", "Co-operative", "Co-op", "Cooperative Society",
        "кооператив", "производственный кооператив", "потребительский кооператив",
        "сельскохозяйственный производственный кооператив",
        "kooperatif", "kooperatifi", "coopérative", "société coopérative", "cooperativa",
        "sociedad cooperativa", "società cooperativa", "Genossenschaft",
        "eingetragene Genossenschaft", "spółdzielnia", "szövetkezet",
        "osuuskunta", "coöperatie", "合作社",
    ] },

    // State or municipal enterprise, above all the unitary enterprise of Russian and
    // Belarusian law (Civil Code of the Russian Federation art. 113–114, Federal Law 161-FZ:
    // ГУП, ФГУП, МУП, and the treasury enterprise ФКП) and the state enterprises of Ukraine
    // (державне підприємство) and Kazakhstan (РГП, РМК, ГКП). OFAC writes `FEDERAL STATE
    // UNITARY ENTERPRISE`, the EU translates ГУП into every EU language. Short forms `ДП`
    // (also the Ukrainian subsidiary enterprise) and `УП` are left out; their long forms are
    // listed.
    LegalFormClass { class: "sue", aliases: &[
        // English.
        "State Unitary Enterprise", "Federal State Unitary Enterprise",
        "Municipal Unitary Enterprise", "Republican Unitary Enterprise", "Unitary Enterprise",
        "State Enterprise", "State-Owned Enterprise", "Federal State Enterprise",
        "Federal State-Owned Enterprise", "Federal Treasury Enterprise",
        "Federal State Budgetary Enterprise", "Republican State Enterprise",
        // Their abbreviations in the EU file and OFAC (FSE „KGKPZ”, FSUE).
        "FSE", "FSUE",
        // Russian.
        "ГУП", "GUP", "ФГУП", "FGUP", "МУП", "MUP", "ФКП", "FKP", "ГП", "РУП",
        "государственное унитарное предприятие", "государственного унитарного предприятия",
        "федеральное государственное унитарное предприятие",
        "федерального государственного унитарного предприятия",
        "муниципальное унитарное предприятие", "республиканское унитарное предприятие",
        "унитарное предприятие", "государственное предприятие", "федеральное казенное предприятие",
        "казенное предприятие", "федеральное государственное предприятие",
        "gosudarstvennoye unitarnoye predpriyatiye", "gosudarstvennoe unitarnoe predpriyatie",
        "federalnoye gosudarstvennoye unitarnoye predpriyatiye",
        "federalnoe gosudarstvennoe unitarnoe predpriyatie",
        "munitsipalnoye unitarnoye predpriyatiye", "gosudarstvennoye predpriyatiye",
        "federalnoye kazennoye predpriyatiye", "federalnoe kazennoe predpriyatie",
        // Ukrainian, Belarusian, Kazakh.
        "державне підприємство", "державне унітарне підприємство", "казенне підприємство",
        "рэспубліканскае унітарнае прадпрыемства", "унітарнае прадпрыемства",
        "РГП", "РГП на ПХВ", "республиканское государственное предприятие", "ГКП",
        "государственное коммунальное предприятие", "РМК", "республикалық мемлекеттік кәсіпорын",
        // EU translations of государственное унитарное предприятие.
        "staatliches Einheitsunternehmen", "entreprise unitaire d'État",
        "empresa unitaria estatal", "empresa unitária estatal", "impresa unitaria statale",
        "státní jednotný podnik", "štátny unitárny podnik", "državno unitarno poduzeće",
        "državno unitarno podjetje", "jednolite przedsiębiorstwo państwowe",
        "întreprinderea unitară de stat", "întreprindere unitară de stat",
        "κρατική ενιαία επιχείρηση", "държавно единно предприятие",
        "valstybės unitarinė įmonė", "valsts unitārs uzņēmums", "fiontar aonadach stáit",
        "intrapriża unitarja statali",
        // EU translations of государственное предприятие (state enterprise), as the EU
        // Financial Sanctions File writes them (`държавно предприятие „Универсал-Авиа“`).
        "държавно предприятие", "státní podnik", "štátny podnik", "državno poduzeće",
        "državno podjetje", "przedsiębiorstwo państwowe", "întreprinderea de stat",
        "întreprindere de stat", "valstybės įmonė", "valsts uzņēmums", "impresa statale",
        "empresa estatal", "entreprise publique", "staatliches Unternehmen",
        "κρατική επιχείρηση", "valtionyhtiö", "statsejede virksomhed",
    ] },

    // State or municipal institution (учреждение): the budgetary, autonomous and treasury
    // institutions of Russian law (Civil Code of the Russian Federation art. 123.21–123.22;
    // Federal Law 7-FZ art. 9.1–9.2): ФГБУ, ФГБОУ ВО, ФГАОУ, ФКУ, ГБУ, МБУ... Universities,
    // research institutes and hospitals on the lists carry them (`FEDERAL STATE BUDGETARY
    // EDUCATIONAL INSTITUTION OF HIGHER EDUCATION`). `ГУ` is left out as a short form: it is
    // also the Main Directorate (главное управление) of `ГУ ГШ`, the GRU; the bare `State
    // Institution` too (with typos allowed it took `State Institute`, a name).
    LegalFormClass { class: "sbi", aliases: &[
        // English.
        "Federal State Budgetary Institution", "Federal State Budget Institution",
        "Federal State Budgetary Scientific Institution",
        "Federal State Budgetary Educational Institution",
        "Federal State Budget Educational Institution",
        "Federal State Budgetary Educational Institution of Higher Education",
        "Federal State Budgetary Educational Institution of Higher Professional Education",
        "Federal State Autonomous Educational Institution",
        "Federal State Autonomous Educational Institution of Higher Education",
        "Federal State Autonomous Institution", "Federal Autonomous Institution",
        "Federal State Institution", "Federal State Treasury Institution",
        "Federal Treasury Institution", "Federal State Financed Institution",
        "State Budgetary Institution", "State Budgetary Educational Institution",
        "State Autonomous Institution", "State Treasury Institution",
        "Municipal Budgetary Institution", "Municipal Budget Institution",
        // Russian.
        "ФГБУ", "FGBU", "ФГБОУ", "FGBOU", "ФГБОУ ВО", "ФГАОУ", "ФГАОУ ВО", "ФГБНУ", "ФГКУ",
        "ФКУ", "FKU", "ФГУ", "ГБУ", "ГБОУ", "ГКУ", "ГАУ", "МБУ", "МКУ", "МАУ",
        "федеральное государственное бюджетное учреждение",
        "федеральное государственное бюджетное научное учреждение",
        "федеральное государственное бюджетное образовательное учреждение",
        "федеральное государственное бюджетное образовательное учреждение высшего образования",
        "федеральное государственное автономное образовательное учреждение",
        "федеральное государственное автономное образовательное учреждение высшего образования",
        "федеральное государственное автономное учреждение",
        "федеральное государственное казенное учреждение", "федеральное казенное учреждение",
        "федеральное государственное учреждение", "государственное бюджетное учреждение",
        "государственное казенное учреждение", "государственное автономное учреждение",
        "государственное учреждение", "муниципальное бюджетное учреждение",
        "муниципальное казенное учреждение", "муниципальное автономное учреждение",
        "federalnoye gosudarstvennoye byudzhetnoye uchrezhdeniye",
        "federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie",
        "federalnoe gosudarstvennoe byudzhetnoe obrazovatelnoe uchrezhdenie",
        "federalnoye kazennoye uchrezhdeniye", "federalnoe kazennoe uchrezhdenie",
    ] },

    // State corporation (государственная корпорация), the non-commercial form of Rostec,
    // Rosatom, Roscosmos and VEB.RF (Federal Law 7-FZ art. 7.1). OFAC writes `VNESHEKONOMBANK
    // GK` and `STATE CORPORATION ROSTEC`. The abbreviation `ГК`/`GK` is left out: Russian
    // names use it far more for группа компаний ("group of companies", a name word), and
    // one-word `госкорпорация` too, since typos allowed in long words made it take every
    // `корпорация` (that word is listed under `inc`).
    LegalFormClass { class: "gk", aliases: &[
        "State Corporation", "государственная корпорация",
        "gosudarstvennaya korporatsiya",
    ] },

    // Autonomous non-profit organization (автономная некоммерческая организация, Federal Law
    // 7-FZ art. 10), the form of many sanctioned Russian propaganda and "patriotic education"
    // bodies; lists write `ANO` before the name.
    LegalFormClass { class: "ano", aliases: &[
        "АНО", "ANO", "автономная некоммерческая организация",
        "avtonomnaya nekommercheskaya organizatsiya", "Autonomous Non-Profit Organization",
        "Autonomous Non-Profit Organisation", "Autonomous Non-Commercial Organization",
        "Autonomous Nonprofit Organization",
    ] },

    // Sole proprietor / individual entrepreneur (Civil Code of the Russian Federation art. 23:
    // ИП; Ukraine: ФОП; Kazakhstan: жеке кәсіпкер; Uzbekistan: YaTT; Germany: e.K.; France:
    // EI). `ЖК` is left out as a short form: it is also the residential complex (жилой
    // комплекс) of Russian names; Uzbek `YaTT` too (its key is that of `АТ`).
    LegalFormClass { class: "sp", aliases: &[
        "Sole Proprietor", "Sole Proprietorship", "Individual Entrepreneur",
        "ИП", "IP", "индивидуальный предприниматель", "individualnyy predprinimatel",
        "ФОП", "FOP", "фізична особа-підприємець", "ФЛП", "физическое лицо-предприниматель",
        "жеке кәсіпкер", "yakka tartibdagi tadbirkor",
        "e.K.", "eingetragener Kaufmann", "entreprise individuelle",
    ] },

    // Private military company (частная военная компания, ЧВК): not a form of Russian company
    // law (such firms are registered as ООО or АО), but the designation the lists give Wagner,
    // Patriot, Redut, Convoy, Fakel, Potok and the others, before the name as legal forms
    // stand. The spellings are those of the EU Financial Sanctions File (2024-05-13), which
    // writes `ЧВК Редут`, `PMC Redut` and their translations into every EU language; OFAC and
    // the UK write `CHVK VAGNER` and `PMC WAGNER`. As a class, `ЧВК Вагнер` meets `PMC
    // Wagner` and `Частная военная компания «Вагнер»`.
    LegalFormClass { class: "pmc", aliases: &[
        "ЧВК", "CHVK", "PMC", "частная военная компания", "частной военной компании",
        "chastnaya voennaya kompaniya", "Private Military Company",
        "Empresa Militar Privada", "société militaire privée", "società militare privata",
        "privates Militärunternehmen", "soukromá vojenská společnost",
        "súkromná vojenská spoločnosť", "Prywatna Firma Wojskowa",
        "Prywatne przedsiębiorstwo wojskowe", "privata militära företaget",
        "private militære virksomhed", "Privatno vojno društvo", "Gruparea militară privată",
        "ιδιωτική στρατιωτική εταιρεία", "Частно военно дружество", "Частното военно дружество",
        "katonai magánvállalat",
    ] },
];
