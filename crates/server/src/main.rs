//! `relais-server`: the reference sync server on its own, for hosts that deploy it apart from
//! the `relais` command (which runs the same server as `relais serve`). Every failure is one
//! line on stderr and exit code 1, like the `relais` CLI.

use clap::Parser;
use relais_server::cli::{serve, Args};
use std::process::ExitCode;

fn main() -> ExitCode {
    match serve(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("relais-server : {error}");
            ExitCode::FAILURE
        }
    }
}
