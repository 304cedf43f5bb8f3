//! One module per subcommand; each owns its flags (`Args`) and its `run`.
pub mod eval;
pub mod extract;
pub mod train;
