//! The pipeline contract: a component takes a [`Doc`] and adds to it.

use crate::{Doc, DocError};

/// One stage of the pipeline (`Doc → Doc`, in place). Components hold their models, loaded
/// once and shared across threads, hence `Send + Sync`.
pub trait Component: Send + Sync {
    /// Short stage name for logs and error records (`segment`, `tagger`, `attrib`).
    fn name(&self) -> &'static str;
    /// Annotate `doc`. An error means this document is reported and skipped.
    fn process(&self, doc: &mut Doc) -> Result<(), DocError>;
}
