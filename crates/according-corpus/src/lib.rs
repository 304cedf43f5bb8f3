//! according-corpus
