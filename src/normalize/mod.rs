//! Text to tokens.

mod script;

pub(crate) use script::script_of;
