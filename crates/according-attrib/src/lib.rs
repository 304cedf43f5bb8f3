//! according-attrib
