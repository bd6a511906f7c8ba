//! Generic words of organization names stand for their concept, whatever their language
//! ([`concepts_table`](super::concepts_table)): the key of `grupo`, `Gruppe`, `группа` and
//! `group` is `@group`, so translations of a name's generic words meet.

use std::collections::HashMap;

use super::concepts_table::CONCEPTS;
use super::{Token, TokenKind, tokenize};

/// The prepared table: keys of one-word entries to their concept key (`@group`).
pub(crate) struct Concepts {
    by_key: HashMap<String, String>,
}

impl Concepts {
    pub(crate) fn build() -> Concepts {
        let mut by_key = HashMap::new();
        for (concept, words) in CONCEPTS {
            for word in *words {
                let tokens = tokenize(word);
                // Entries of several words are left to the words themselves.
                if let [t] = tokens.as_slice() {
                    if t.kind == TokenKind::Word {
                        by_key
                            .entry(t.key.clone())
                            .or_insert_with(|| format!("@{concept}"));
                    }
                }
            }
        }
        Concepts { by_key }
    }

    /// Gives each word of the table the key of its concept.
    pub(crate) fn apply(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut().filter(|t| t.kind == TokenKind::Word) {
            if let Some(concept) = self.by_key.get(&t.key) {
                t.key.clone_from(concept);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::normalize::normalize;

    fn keys(s: &str) -> Vec<String> {
        normalize(s)
            .tokens()
            .iter()
            .map(|t| t.key().to_string())
            .collect()
    }

    #[test]
    fn translations_of_generic_words_share_a_key() {
        assert_eq!(
            keys("Grupo empresarial Mansudae"),
            ["@group", "@company", "mansudae"]
        );
        assert_eq!(keys("Mansudae Group of Companies")[1], "@group");
        assert_eq!(keys("Группа компаний")[0], "@group");
        assert_eq!(keys("Islamiska revolutionsgardet")[0], "@islamic");
        // Names are untouched.
        assert_eq!(keys("Ivan Petrov"), ["ivan", "petrov"]);
    }
}
