//! according-text
