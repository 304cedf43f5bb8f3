//! according-html
