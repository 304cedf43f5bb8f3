//! according-ingest
