//! STUB
pub(crate) const TABLE: &[(&str, &str)] = &[];
