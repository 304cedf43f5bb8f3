//! according-ner
