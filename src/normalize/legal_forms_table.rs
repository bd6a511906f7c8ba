//! STUB
pub(crate) struct LegalFormClass {
    pub(crate) class: &'static str,
    pub(crate) aliases: &'static [&'static str],
}
pub(crate) const LEGAL_FORMS: &[LegalFormClass] = &[
    LegalFormClass {
        class: "llp",
        aliases: &["LLP", "ТОО", "TOO", "ЖШС", "limited liability partnership"],
    },
    LegalFormClass {
        class: "llc",
        aliases: &[
            "LLC",
            "ООО",
            "общество с ограниченной ответственностью",
            "limited liability company",
            "GmbH",
            "Ltd Şti",
            "limited şirketi",
        ],
    },
];
