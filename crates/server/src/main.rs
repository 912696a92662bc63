//! `relais-server`: parses the command line and runs the server; every failure is one line
//! on stderr and exit code 1, like the `relais` CLI.

use clap::Parser;
use relais_server::cli::Args;
use relais_server::serve::run;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let started = match args.settings() {
        Ok(settings) => run(settings, args.listen).await,
        Err(error) => Err(error),
    };
    match started {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relais-server : {error}");
            ExitCode::FAILURE
        }
    }
}
