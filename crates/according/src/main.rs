//! `according`: the command line. A thin shell: it parses flags and wires the library crates
//! (read → clean → segment → tag/parse/NER → attribute → link → store) together.

mod cmd;
mod output;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "according", version, about = "Who said what, according to whom.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read and clean documents (text, JSONL, HTML, WARC, dirs, stdin) and print them as Docs.
    Extract(cmd::extract::Args),
    /// Train a model from ../shared/data.
    #[command(subcommand)]
    Train(cmd::train::TrainCommand),
    /// Evaluate a component against gold data and print its scores.
    #[command(subcommand)]
    Eval(cmd::eval::EvalCommand),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => cmd::extract::run(args),
        Command::Train(c) => cmd::train::run(c),
        Command::Eval(c) => cmd::eval::run(c),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("according: error: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
