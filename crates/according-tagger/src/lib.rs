//! according-tagger
