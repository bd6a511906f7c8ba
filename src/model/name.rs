//! Names as a list publishes them.

use serde::{Deserialize, Serialize};

/// How a list qualifies a name of an entity.
///
/// ```
/// use sanctions::model::NameKind;
///
/// let kinds: Vec<NameKind> = serde_json::from_str(r#"["primary", "aka", "fka", "weak_aka"]"#)?;
/// assert_eq!(kinds, [NameKind::Primary, NameKind::Aka, NameKind::Fka, NameKind::WeakAka]);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NameKind {
    /// The entity's main name on the list.
    #[default]
    Primary,
    /// Also known as: a strong alias.
    Aka,
    /// Formerly known as.
    Fka,
    /// A weak or low-quality alias (OFAC "weak a.k.a.", UN `Low` quality): too broad to be a
    /// basis for a block on its own, so matched only when near-exact and flagged.
    WeakAka,
}

impl NameKind {
    /// Whether the list marks this name as weak or low quality.
    ///
    /// ```
    /// use sanctions::model::NameKind;
    ///
    /// assert!(NameKind::WeakAka.is_weak());
    /// assert!(!NameKind::Aka.is_weak());
    /// ```
    pub fn is_weak(self) -> bool {
        self == NameKind::WeakAka
    }
}

/// A writing system, named by its ISO 15924 code in serialized form.
///
/// ```
/// use sanctions::model::Script;
///
/// assert_eq!(serde_json::to_string(&Script::detect("金华市海润动力科技有限公司"))?, r#""Hani""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Script {
    /// Latin.
    #[serde(rename = "Latn")]
    Latin,
    /// Cyrillic.
    #[serde(rename = "Cyrl")]
    Cyrillic,
    /// Greek.
    #[serde(rename = "Grek")]
    Greek,
    /// Armenian.
    #[serde(rename = "Armn")]
    Armenian,
    /// Georgian.
    #[serde(rename = "Geor")]
    Georgian,
    /// Arabic (also Persian, Urdu, Pashto).
    #[serde(rename = "Arab")]
    Arabic,
    /// Hebrew.
    #[serde(rename = "Hebr")]
    Hebrew,
    /// Han (Chinese characters, also Japanese kanji).
    #[serde(rename = "Hani")]
    Han,
    /// Hangul (Korean).
    #[serde(rename = "Hang")]
    Hangul,
    /// Japanese kana.
    #[serde(rename = "Kana")]
    Kana,
    /// Thai.
    #[serde(rename = "Thai")]
    Thai,
    /// Letters of several scripts in one name.
    #[serde(rename = "Zmix")]
    Mixed,
    /// Any other script, or no letters at all.
    #[serde(rename = "Zyyy")]
    Other,
}

impl Script {
    /// The script of one character, `None` for characters that are not letters of a script
    /// (digits, punctuation, spaces, marks).
    ///
    /// ```
    /// use sanctions::model::Script;
    ///
    /// assert_eq!(Script::of_char('П'), Some(Script::Cyrillic));
    /// assert_eq!(Script::of_char('«'), None);
    /// ```
    pub fn of_char(c: char) -> Option<Script> {
        crate::normalize::script_of(c)
    }

    /// The script of a text: the only script of its letters, [`Script::Mixed`] when letters of
    /// several scripts occur, [`Script::Other`] when there is no letter.
    ///
    /// ```
    /// use sanctions::model::Script;
    ///
    /// assert_eq!(Script::detect("Пригожин"), Script::Cyrillic);
    /// assert_eq!(Script::detect("TOO КАЗСТАНЭКС"), Script::Mixed);
    /// ```
    pub fn detect(text: &str) -> Script {
        let mut found = None;
        for s in text.chars().filter_map(Script::of_char) {
            match found {
                None => found = Some(s),
                Some(f) if f != s => return Script::Mixed,
                Some(_) => {}
            }
        }
        found.unwrap_or(Script::Other)
    }
}

/// One name of an entity, as the list writes it.
///
/// # Example
///
/// ```
/// use sanctions::model::{Name, NameKind, Script};
///
/// let name = Name::new("ТОО «Казстанекс»").with_kind(NameKind::Aka).with_lang("ru");
/// assert_eq!(name.script, Script::Cyrillic);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Name {
    /// The text exactly as published.
    pub text: String,
    /// Primary name, a.k.a., f.k.a. or weak alias.
    #[serde(default)]
    pub kind: NameKind,
    /// The script of the text; detected from the text when a file does not say.
    #[serde(default = "Name::script_unknown")]
    pub script: Script,
    /// The language of the name when the source gives it (ISO 639-1 code, lower case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Name {
    /// A primary name with its script detected from the text.
    ///
    /// ```
    /// use sanctions::model::{Name, NameKind, Script};
    ///
    /// let name = Name::new("TOO КАЗСТАНЭКС");
    /// assert_eq!((name.kind, name.script, name.lang), (NameKind::Primary, Script::Mixed, None));
    /// ```
    pub fn new(text: impl Into<String>) -> Name {
        let text = text.into();
        let script = Script::detect(&text);
        Name {
            text,
            kind: NameKind::Primary,
            script,
            lang: None,
        }
    }

    /// The same name with another kind.
    ///
    /// ```
    /// use sanctions::model::{Name, NameKind};
    ///
    /// assert_eq!(Name::new("PERUN").with_kind(NameKind::WeakAka).kind, NameKind::WeakAka);
    /// ```
    pub fn with_kind(mut self, kind: NameKind) -> Name {
        self.kind = kind;
        self
    }

    /// The same name with a language code (ISO 639-1).
    ///
    /// ```
    /// use sanctions::model::Name;
    ///
    /// assert_eq!(Name::new("Evguéni Prigojine").with_lang("fr").lang.as_deref(), Some("fr"));
    /// ```
    pub fn with_lang(mut self, lang: impl Into<String>) -> Name {
        self.lang = Some(lang.into());
        self
    }

    fn script_unknown() -> Script {
        Script::Other
    }

    /// Fills the script from the text when a reader left it unknown.
    pub(crate) fn fill_script(&mut self) {
        if self.script == Script::Other {
            self.script = Script::detect(&self.text);
        }
    }
}
