//! One module per subcommand; each owns its flags (`Args`) and its `run`.
pub mod analyze;
pub mod eval;
pub mod export;
pub mod extract;
pub mod index;
pub mod query;
pub mod train;
