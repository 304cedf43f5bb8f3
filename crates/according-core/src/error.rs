//! Per-document error records: a document that fails is reported, and the run goes on.

use serde::{Deserialize, Serialize};

/// The pipeline stage where a document failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Read,
    Decode,
    Extract,
    Clean,
    Segment,
    Nlp,
    Attribute,
    Link,
    Store,
    Output,
}

/// `{source, id?, stage, reason}`: one line of the error stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocError {
    pub source: String,
    pub id: Option<String>,
    pub stage: Stage,
    pub reason: String,
}

impl DocError {
    pub fn new(source: impl Into<String>, stage: Stage, reason: impl Into<String>) -> Self {
        DocError {
            source: source.into(),
            id: None,
            stage,
            reason: reason.into(),
        }
    }
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(id) = &self.id {
            write!(f, " [{id}]")?;
        }
        let stage = serde_json::to_value(self.stage).ok();
        let stage = stage.as_ref().and_then(|v| v.as_str()).unwrap_or("?");
        write!(f, ": {stage}: {}", self.reason)
    }
}

impl std::error::Error for DocError {}
