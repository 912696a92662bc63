//! `relais fhir export|import FILE`: a dump to an R4 Bundle and back.

use crate::Failure;
use clap::Subcommand;
use relais_core::dump::Dump;
use relais_core::fhir::{export_bundle, import_bundle};
use relais_core::CategoryCatalogue;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum Direction {
    /// Relais dump (JSON) → FHIR R4 Bundle on stdout.
    Export { file: PathBuf },
    /// FHIR R4 Bundle → Relais dump on stdout; what could not be mapped goes to stderr.
    Import { file: PathBuf },
}

fn read(path: &Path) -> Result<String, Failure> {
    std::fs::read_to_string(path).map_err(|e| Failure(format!("{} : {e}", path.display())))
}

pub fn run(direction: Direction) -> Result<(), Failure> {
    match direction {
        Direction::Export { file } => {
            let dump = Dump::from_json(&read(&file)?).map_err(|e| Failure(format!("{} : {e}", file.display())))?;
            let bundle = export_bundle(&dump, &CategoryCatalogue::french_defaults())?;
            println!("{}", serde_json::to_string_pretty(&bundle)?);
        }
        Direction::Import { file } => {
            let json: serde_json::Value = serde_json::from_str(&read(&file)?)
                .map_err(|e| Failure(format!("{} : JSON invalide : {e} / invalid JSON", file.display())))?;
            let report = import_bundle(&json)?;
            for problem in &report.not_mapped {
                eprintln!("non repris / not mapped: {problem}");
            }
            println!("{}", serde_json::to_string_pretty(&report.dump)?);
        }
    }
    Ok(())
}
