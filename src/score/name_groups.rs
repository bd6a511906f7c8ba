//! Common names that are different names although their spellings come close: each group is
//! one name with the spellings it takes across romanizations and scripts. Two words that are
//! spellings of two different groups never meet, however near their keys: `Muhammad` and
//! `Mahmoud` share their consonants (m-ḥ-m-d) but are two names (محمد, محمود), as are `Said`
//! and `Sayyid` (سعيد, سيد), `Amir` and `Amer` (أمير, عامر), `Zhang` and `Jiang` (张, 江).
//!
//! A word in no group, or whose key falls in two groups (`Sayed` writes both سعيد and سيد;
//! `Wong` both 王 and 黄), is compared by its spelling alone, as before.
//!
//! Sources: the Arabic spellings are those attested in the alias groups of the UN and OFAC
//! list files and in ODNI ICS-630-01's examples (see the project's names notes, section 6):
//! Muhammad / Mohammad / Mohamed / Mohammed / Mohamad / Muhammed / Mohd / Muhamad; Husayn /
//! Hussein / Hossein / Hussain / Husain / Husein; Hassan / Hasan; the French forms (Djamel,
//! Gamal in Egyptian usage). The Chinese family names are the most common of the Ministry of
//! Public Security's 2020 ranking, with their Hanyu Pinyin (ISO 7098), Wade-Giles and
//! Hong Kong Cantonese (the Hong Kong government's romanization of surnames) spellings.
//!
//! Data only: the matcher keys every spelling with the same normalization as names.

/// The index of the group of `Muhammad` in [`NAME_GROUPS`]: the name many men carry first, before
/// the given name they are called by (see `score::given_name_conflict`).
pub(crate) const MUHAMMAD: u16 = 0;

/// The index of the group of `Sayyid` in [`NAME_GROUPS`]: a title of descent from the
/// Prophet that Iranian and South Asian names carry before the given name (`Seyed Morteza`,
/// `Syed Ali`; Wikipedia, "Sayyid"), as many men carry `Muhammad` first.
pub(crate) const SAYYID: u16 = group_index("sayyid");
const _: () = assert!((SAYYID as usize) < NAME_GROUPS.len());

/// The index in [`NAME_GROUPS`] of the group labelled `label`, found when the crate is
/// compiled; past the groups when no group has that label (see the assertion above).
// Evaluated at compile time only: an index out of range is a compile error, never a panic.
#[allow(clippy::indexing_slicing)]
const fn group_index(label: &str) -> u16 {
    let mut g = 0;
    while g < NAME_GROUPS.len() {
        let (name, _) = NAME_GROUPS[g];
        if bytes_eq(name.as_bytes(), label.as_bytes()) {
            return g as u16;
        }
        g += 1;
    }
    u16::MAX
}

/// Byte equality, in a `const fn`.
#[allow(clippy::indexing_slicing)]
const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The groups: a name's label and its spellings.
pub(crate) const NAME_GROUPS: &[(&str, &[&str])] = &[
    // Arabic and Persian given names, by root: the names of one root differ in their long
    // vowels and doubled letters, which romanizations keep.
    (
        "muhammad",
        &[
            "muhammad", "mohammad", "mohammed", "mohamed", "mohamad", "muhammed", "muhamad",
            "muhamed", "mohd", "mehmet", "mehmed", "محمد",
        ],
    ),
    (
        "mahmud",
        &["mahmud", "mahmoud", "mahmood", "mehmood", "mahmut", "محمود"],
    ),
    ("ahmad", &["ahmad", "ahmed", "ahmet", "أحمد", "احمد"]),
    ("hamid", &["hamid", "hamed", "hameed", "حامد"]),
    ("hamad", &["hamad", "حمد"]),
    ("hamdi", &["hamdi", "hamdy", "حمدي"]),
    ("hasan", &["hasan", "hassan", "hassen", "حسن"]),
    (
        "husayn",
        &[
            "husayn", "hussein", "husein", "husain", "hussain", "hossein", "hosein", "huseyin",
            "hussien", "hossain", "hosain", "hossen", "hussen", "حسين",
        ],
    ),
    (
        "husayni",
        &[
            "husayni",
            "husseini",
            "hosseini",
            "husaini",
            "hussaini",
            "hosseiny",
            "حسيني",
        ],
    ),
    ("said", &["said", "saeed", "saied", "saeid", "sa'id"]),
    (
        "sayyid",
        &[
            "sayyid", "sayid", "seyyed", "seyed", "syed", "sayyed", "sayyad",
        ],
    ),
    ("saad", &["saad", "sa'ad", "سعد"]),
    ("saud", &["saud", "saoud", "سعود"]),
    ("umar", &["umar", "omar", "omer", "ömer", "omor", "عمر"]),
    ("amir", &["amir", "ameer", "emir", "aamir", "أمير", "امير"]),
    // `Aamir` writes both أمير and عامر.
    ("amer", &["amer", "aamer", "aamir", "عامر"]),
    ("ammar", &["ammar", "amar", "عمار"]),
    (
        "jamal",
        &["jamal", "jamaal", "gamal", "djamel", "jamel", "جمال"],
    ),
    ("jamil", &["jamil", "jameel", "gamil", "djamil", "جميل"]),
    ("karim", &["karim", "kareem", "kerim", "كريم"]),
    ("akram", &["akram", "akrem", "اكرم", "أكرم"]),
    ("khalid", &["khalid", "khaled", "halid", "خالد"]),
    ("khalil", &["khalil", "khaleel", "halil", "خليل"]),
    ("salim", &["salim", "saleem", "selim", "سليم"]),
    ("salem", &["salem", "saalem", "سالم"]),
    // Not `Salah` (صلاح): the lists write صالح so too (`ثروت صالح` / `THARWAT SALAH`).
    ("salih", &["salih", "saleh", "صالح"]),
    ("nasir", &["nasir", "naser", "nasser", "nassir", "ناصر"]),
    ("yasir", &["yasir", "yasser", "yaser", "yassir", "ياسر"]),
    ("qadir", &["qadir", "kadir", "kader", "qader", "قادر"]),
    ("haydar", &["haydar", "haidar", "hyder", "heidar", "حيدر"]),
    ("faraj", &["faraj", "farag", "فرج"]),
    ("farah", &["farah", "فرح"]),
    ("hisham", &["hisham", "hesham", "هشام"]),
    ("husam", &["husam", "hussam", "hossam", "حسام"]),
    ("rahim", &["rahim", "raheem", "رحيم"]),
    ("rahimi", &["rahimi", "رحيمي"]),
    ("ayman", &["ayman", "aiman", "أيمن", "ايمن"]),
    ("iman", &["iman", "eman", "ايمان", "إيمان"]),
    ("anas", &["anas", "انس", "أنس"]),
    ("anis", &["anis", "anees", "انيس", "أنيس"]),
    // Chinese family names: Hanyu Pinyin, Wade-Giles, Cantonese; simplified and traditional.
    ("zhang", &["zhang", "chang", "cheung", "cheong", "张", "張"]),
    (
        "jiang",
        &["jiang", "chiang", "kiang", "keung", "江", "姜", "蒋", "蔣"],
    ),
    ("wang", &["wang", "wong", "王"]),
    ("huang", &["huang", "wong", "黄", "黃"]),
    ("li", &["li", "lee", "李"]),
    ("liu", &["liu", "lau", "刘", "劉"]),
    ("chen", &["chen", "chan", "tan", "陈", "陳"]),
    ("zhou", &["zhou", "chou", "chow", "周"]),
    ("zhao", &["zhao", "chao", "chiu", "赵", "趙"]),
    ("zheng", &["zheng", "cheng", "cheang", "郑", "鄭"]),
    ("xu", &["xu", "hsu", "tsui", "徐", "许", "許"]),
    ("wu", &["wu", "ng", "吴", "吳"]),
    ("hu", &["hu", "胡"]),
    ("yang", &["yang", "yeung", "杨", "楊"]),
    ("zhu", &["zhu", "chu", "朱"]),
    ("lin", &["lin", "lam", "lim", "林"]),
    ("luo", &["luo", "lo", "law", "罗", "羅"]),
    ("liang", &["liang", "leung", "梁"]),
    ("zeng", &["zeng", "tseng", "tsang", "曾"]),
    ("xie", &["xie", "hsieh", "tse", "谢", "謝"]),
    ("tang", &["tang", "tong", "唐"]),
    ("sun", &["sun", "suen", "孙", "孫"]),
    ("gao", &["gao", "kao", "高"]),
    ("guo", &["guo", "kuo", "kwok", "郭"]),
    ("he", &["he", "ho", "何"]),
];

/// Groups whose spellings meet one another as those of [`NAME_GROUPS`] do, but which a word of
/// no group meets by its key as any word: the romanizations of East Slavic names are too many
/// to list (German `Jewgeni`, Swedish `Jevgenij`, French `Evgueni`, the EU list's `Artjem`).
/// Their indices follow those of [`NAME_GROUPS`].
pub(crate) const OPEN_NAME_GROUPS: &[(&str, &[&str])] = &[
    // The Russian, Ukrainian and Belarusian forms of one name, as the lists write them for
    // one person (`SLIZHEVSKY, Oleg Leonidovich` a.k.a. `SLIZHEUSKI, Aleh Leanidavich`;
    // `Mykola` / `Nikolai`). Only the names whose forms the
    // keys do not bring together: Belarusian akanye writes an unstressed `o` as `a` (Алег,
    // Мікалай) and both Ukrainian and Belarusian write `г` as `h` (Ігар, Галина), romanized by
    // the national systems (Ukraine: Cabinet of Ministers resolution 55 of 2010; Belarus:
    // the 2007 instruction on the romanization of Belarusian names). Forms the keys already
    // meet (`Aliaksandr` / `Aleksandr`, `Uladzimir` / `Vladimir`, `Dzmitry` / `Dmitry`) need
    // no group. `Petro` and `Hanna` stay out: `PETRO` begins company names, and `Hanna` is
    // also an Arabic name (حنا).
    (
        "nikolay",
        &[
            "nikolay",
            "nikolai",
            "nikolaj",
            "mykola",
            "mikola",
            "mikalai",
            "mikalay",
            "николай",
            "микола",
            "мікалай",
        ],
    ),
    ("oleg", &["oleg", "oleh", "aleh", "aleg", "олег", "алег"]),
    (
        "igor",
        &["igor", "ihor", "ihar", "igar", "игорь", "ігор", "ігар"],
    ),
    (
        "yevgeniy",
        &[
            "yevgeniy",
            "yevgeny",
            "yevgeni",
            "evgeniy",
            "evgeny",
            "evgenii",
            "evgeni",
            "yevhen",
            "yevhenii",
            "yevheniy",
            "yauhen",
            "yauheni",
            "jewgeni",
            "евгений",
            "євген",
            "яўген",
        ],
    ),
    ("pavel", &["pavel", "pavlo", "paval", "павел", "павло"]),
    (
        "grigoriy",
        &[
            "grigoriy",
            "grigory",
            "grigori",
            "grigorii",
            "hryhoriy",
            "hryhorii",
            "ryhor",
            "григорий",
            "григорій",
            "рыгор",
        ],
    ),
    (
        "fyodor",
        &[
            "fyodor",
            "fedor",
            "fiodar",
            "fedar",
            "fedir",
            "фёдор",
            "федор",
            "федір",
            "фёдар",
        ],
    ),
    ("olga", &["olga", "olha", "volha", "ольга", "вольга"]),
    (
        "galina",
        &["galina", "halyna", "halina", "галина", "галіна"],
    ),
    (
        "artyom",
        &["artyom", "artem", "artsiom", "артём", "артем", "арцём"],
    ),
];

/// Whether a group (an index into [`NAME_GROUPS`], then [`OPEN_NAME_GROUPS`]) lists all the
/// spellings of its name: a word near one of them but of no group is another name.
pub(crate) fn is_closed(group: u16) -> bool {
    usize::from(group) < NAME_GROUPS.len()
}
