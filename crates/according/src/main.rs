//! `according`: the command line. A thin shell: it parses flags and wires the library crates
//! (read → clean → segment → tag/parse/NER → attribute → link → store) together.

mod cmd;
mod output;
mod pipeline;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "according",
    version,
    about = "Who said what, according to whom."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The main job: find who said what, according to whom (JSONL Docs or a table).
    Analyze(cmd::analyze::Args),
    /// Read and clean documents (text, JSONL, HTML, WARC, dirs, stdin) and print them as Docs.
    Extract(cmd::extract::Args),
    /// Train a model from ../shared/data.
    #[command(subcommand)]
    Train(cmd::train::TrainCommand),
    /// Evaluate a component against gold data and print its scores.
    #[command(subcommand)]
    Eval(cmd::eval::EvalCommand),
    /// Analyse documents into a corpus database (SQLite).
    Index(cmd::index::Args),
    /// Ask the corpus database who said what.
    Query(cmd::query::Args),
    /// Export the corpus database (Parquet, CSV, JSONL, brat).
    Export(cmd::export::Args),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Train(c) => cmd::train::run(c),
        Command::Eval(c) => cmd::eval::run(c),
        Command::Index(a) => cmd::index::run(a),
        Command::Query(a) => cmd::query::run(a),
        Command::Export(a) => cmd::export::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("according: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
