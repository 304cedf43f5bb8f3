//! `according eval <component>`
use std::process::ExitCode;

pub mod attribution;
pub mod html;
pub mod ner;
pub mod parser;
pub mod sbd;
pub mod tagger;

#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// Named-entity recognizer (UniversalNER IOB2 or GUM CoNLL-U; PER/ORG/LOC span F1).
    Ner(ner::Args),
    /// Attribution extraction (PolNeAR).
    Attribution(attribution::Args),
    /// Main-text extraction from HTML (Zyte article-extraction benchmark).
    Html(html::Args),
    /// Dependency parser (UD English EWT + GUM; UAS/LAS).
    Parser(parser::Args),
    /// Sentence boundaries and tokens (UD CoNLL-U `# text` + forms).
    Sbd(sbd::Args),
    /// Part-of-speech tagger + lemmatizer: UPOS, XPOS, lemma accuracy (CoNLL-U).
    Tagger(tagger::Args),
}

pub fn run(c: EvalCommand) -> anyhow::Result<ExitCode> {
    match c {
        EvalCommand::Ner(a) => ner::run(a),
        EvalCommand::Attribution(a) => attribution::run(a),
        EvalCommand::Html(a) => html::run(a),
        EvalCommand::Parser(a) => parser::run(a),
        EvalCommand::Sbd(a) => sbd::run(a),
        EvalCommand::Tagger(a) => tagger::run(a),
    }
}
