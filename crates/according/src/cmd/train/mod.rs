//! `according train <component>`
use std::process::ExitCode;

pub mod attribution;
pub mod ner;
pub mod parser;
pub mod tagger;

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Named-entity recognizer (UniversalNER EWT dev + GUM; optional silver data).
    Ner(ner::Args),
    /// Attribution extraction (PolNeAR).
    Attribution(attribution::Args),
    /// Dependency parser (UD English EWT + GUM; UAS/LAS).
    Parser(parser::Args),
    /// Part-of-speech tagger + lemmatizer (UD English EWT + GUM).
    Tagger(tagger::Args),
}

pub fn run(c: TrainCommand) -> anyhow::Result<ExitCode> {
    match c {
        TrainCommand::Ner(a) => ner::run(a),
        TrainCommand::Attribution(a) => attribution::run(a),
        TrainCommand::Parser(a) => parser::run(a),
        TrainCommand::Tagger(a) => tagger::run(a),
    }
}
