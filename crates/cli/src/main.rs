//! `relais`: the Relais domain on the command line, for integrators and for fixtures.
//!
//! Every failure is one line on stderr naming the problem, and exit code 1; nothing panics on
//! bad input.

mod demo_data;
mod fhir;
mod gir;
mod questionnaire;
mod simulate;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "relais", version, about = "Relais : GIR, questionnaires, FHIR, données de démonstration")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// GIR from the 10 AGGIR codes (cohérence, orientation, toilette, habillage, alimentation,
    /// élimination, transferts, déplacements intérieur, déplacements extérieur, alerter).
    Gir {
        /// Ten letters A/B/C, e.g. CCBBBBBBCC.
        #[arg(required_unless_present = "batch", conflicts_with = "batch")]
        codes: Option<String>,
        /// Print the explanation as JSON.
        #[arg(long)]
        explain: bool,
        /// Read one CODES per line on stdin and write `CODES GIR` per line.
        #[arg(long)]
        batch: bool,
    },
    /// FHIR R4 Questionnaire tools.
    Questionnaire {
        #[command(subcommand)]
        action: QuestionnaireAction,
    },
    /// FHIR R4 conversion of a Relais data dump.
    Fhir {
        #[command(subcommand)]
        direction: fhir::Direction,
    },
    /// Run the sync protocol's deterministic fault simulation.
    Simulate {
        /// Number of seeds to run.
        #[arg(long, default_value_t = 1000)]
        seeds: u64,
        /// First seed of the run.
        #[arg(long, default_value_t = 0)]
        first: u64,
        /// Replay this one seed, printing what went wrong.
        #[arg(long, conflicts_with_all = ["seeds", "first"])]
        seed: Option<u64>,
    },
    /// Print a realistic Relais data dump (JSON) on stdout.
    DemoData {
        /// Number of people followed.
        #[arg(long, default_value_t = 3)]
        people: usize,
        /// Transmissions per person.
        #[arg(long, default_value_t = 120)]
        entries: usize,
    },
    /// Run the reference sync server (the same as `relais-server`; `relais serve --help`).
    Serve(Box<relais_server::cli::Args>),
}

#[derive(Subcommand)]
enum QuestionnaireAction {
    /// Check that every element of a FHIR R4 Questionnaire (JSON) is supported.
    Check { file: std::path::PathBuf },
}

/// A failure already worded for the user.
pub struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure(error.to_string())
    }
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Gir { codes: Some(codes), explain, .. } => gir::single(&codes, explain),
        Command::Gir { codes: None, .. } => gir::batch(std::io::stdin().lock(), std::io::stdout().lock()),
        Command::Questionnaire { action: QuestionnaireAction::Check { file } } => questionnaire::run(&file),
        Command::Fhir { direction } => fhir::run(direction),
        Command::Simulate { seeds, first, seed } => simulate::run(seeds, first, seed),
        Command::Serve(args) => Ok(relais_server::cli::serve(*args)?),
        Command::DemoData { people, entries } => {
            let dump = demo_data::generate(&demo_data::Size { people, entries_per_person: entries });
            println!("{}", serde_json::to_string_pretty(&dump)?);
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // Help or version; a closed pipe (`relais --help | head`) is not a failure.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let first = error.to_string().lines().next().unwrap_or_default().to_owned();
            eprintln!("relais: {} (relais --help)", first.trim_start_matches("error: "));
            return ExitCode::FAILURE;
        }
    };
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("relais: {message}");
            ExitCode::FAILURE
        }
    }
}
