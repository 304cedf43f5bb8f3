//! according-ml
