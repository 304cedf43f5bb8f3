//! according-nlp
