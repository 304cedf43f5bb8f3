//! `according query <question> --db corpus.db [--format table|json|csv]`
use according_corpus::{Format, Store, Table};
use anyhow::{bail, Context};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub question: Question,
    /// The corpus database.
    #[arg(long, global = true, default_value = "corpus.db")]
    pub db: PathBuf,
    /// Output format: table, json, csv.
    #[arg(long, global = true, default_value = "table")]
    pub format: Format,
    /// Maximum number of rows.
    #[arg(long, global = true, default_value_t = 20)]
    pub limit: usize,
}

#[derive(clap::Subcommand)]
pub enum Question {
    /// Who said X: attributions whose content has these words.
    WhoSaid { words: Vec<String> },
    /// What did entity E say.
    SaidBy { entity: String },
    /// Who is quoted about E (contents that mention E).
    QuotedAbout { entity: String },
    /// Which sources does outlet O cite.
    OutletSources { outlet: String },
    /// Which outlets cite source S.
    SourceOutlets { source: String },
    /// Claims carried by the most outlets.
    TopClaims,
    /// Share of vague or anonymous sourcing per outlet.
    Sourcing,
    /// Timeline of a claim: its id, or words of its content.
    Timeline { claim: Vec<String> },
    /// A cross-document entity: names, aliases, roles over time.
    Entity { name: String },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        bail!(
            "{} does not exist (create it with `according index`)",
            args.db.display()
        );
    }
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    if store.links_stale()? {
        eprintln!("according query: note: entities and claims are older than the documents (rerun `according index`)");
    }
    let n = args.limit;
    let table: Table = match &args.question {
        Question::WhoSaid { words } => store.who_said(&words.join(" "), n)?,
        Question::SaidBy { entity } => store.said_by(entity, n)?,
        Question::QuotedAbout { entity } => store.quoted_about(entity, n)?,
        Question::OutletSources { outlet } => store.outlet_sources(outlet, n)?,
        Question::SourceOutlets { source } => store.source_outlets(source, n)?,
        Question::TopClaims => store.top_claims(n)?,
        Question::Sourcing => store.sourcing_by_outlet(n)?,
        Question::Timeline { claim } => {
            let words = claim.join(" ");
            let id = match words.trim().parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => store.find_claim(&words)?,
            };
            match id {
                Some(id) => store.claim_timeline(id)?,
                None => bail!("no claim matches `{words}`"),
            }
        }
        Question::Entity { name } => store.entity_profile(name)?,
    };
    let stdout = std::io::stdout();
    table.write(args.format, &mut stdout.lock())?;
    Ok(ExitCode::SUCCESS)
}
