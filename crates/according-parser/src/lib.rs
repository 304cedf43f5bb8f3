//! according-parser
