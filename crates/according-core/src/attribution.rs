//! Attributions (source, cue, content, chain, flags) and the entities sources resolve to.

use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// `“…,” Rubio said`
    Direct,
    /// `Saltanov stated that …`
    Indirect,
    /// `asserted that “there is no proof…” in the attack`
    Mixed,
    /// `according to X`
    AccordingTo,
    /// `X carried a report that …`, `contentions that …`
    Nominal,
    /// Headline colon: `Marco Rubio: I’m Not Interested`
    Headline,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceType {
    Person,
    Organization,
    Outlet,
    Government,
    Group,
    Vague,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    VagueSource,
    AnonymousSource,
    TruncatedSource,
    NoSource,
    Hedged,
    Denial,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub span: Span,
    pub text: String,
    /// Id of the [`Entity`] the source resolves to (`e3`).
    pub entity: Option<String>,
    #[serde(rename = "type")]
    pub kind: SourceType,
    pub role: Option<String>,
    /// The people or bodies a source names together (`Sony, IBM and Toshiba`), each a source
    /// of its own with its entity; empty for a source that names one. A source with members
    /// has no entity of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// Pieces of the cue (`according to`, or a discontinuous `did … say`); `span` covers them.
    pub span: Span,
    pub spans: Vec<Span>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    /// Covers all pieces; `spans` lists them (a content interrupted by its source and cue).
    pub span: Span,
    pub spans: Vec<Span>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub id: String,
    pub kind: AttributionKind,
    pub source: Option<Source>,
    pub cue: Cue,
    pub content: Content,
    /// Id of the attribution this one is reported within (`Ivanov declared` ⊂ `Corriere reported`).
    pub parent: Option<String>,
    pub flags: Vec<Flag>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Person,
    Organization,
    Outlet,
    Government,
    Country,
    Group,
    Other,
}

/// A person, outlet, organization ... referred to in the document, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    /// Canonical full name (`Sergei Ivanov`, `Radio Free Europe/Radio Liberty`).
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub mentions: Vec<Span>,
    pub roles: Vec<String>,
    pub affiliation: Option<String>,
}
