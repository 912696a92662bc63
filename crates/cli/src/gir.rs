//! `relais gir`: the GIR of a profile, its explanation, or a batch of profiles.

use crate::Failure;
use relais_core::aggir::Profile;
use std::io::{BufRead, BufWriter, Write};

pub fn single(codes: &str, explain: bool) -> Result<(), Failure> {
    let profile: Profile = codes.parse()?;
    if explain {
        println!("{}", serde_json::to_string_pretty(&profile.explain())?);
    } else {
        println!("{}", profile.gir().number());
    }
    Ok(())
}

/// One `CODES GIR` line per input line; the first bad line stops the batch with its number.
/// A reader that goes away (`| head`) ends the batch quietly, as Unix tools do.
pub fn batch(input: impl BufRead, output: impl Write) -> Result<(), Failure> {
    match write_batch(input, BufWriter::new(output)) {
        Err(BatchError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(BatchError::Io(e)) => Err(e.into()),
        Err(BatchError::Input(failure)) => Err(failure),
        Ok(()) => Ok(()),
    }
}

enum BatchError {
    Io(std::io::Error),
    Input(Failure),
}

impl From<std::io::Error> for BatchError {
    fn from(error: std::io::Error) -> Self {
        BatchError::Io(error)
    }
}

fn write_batch(input: impl BufRead, mut out: impl Write) -> Result<(), BatchError> {
    for (index, line) in input.lines().enumerate() {
        let line = line?;
        let codes = line.trim();
        if codes.is_empty() {
            continue;
        }
        let profile: Profile =
            codes.parse().map_err(|e| BatchError::Input(Failure(format!("ligne {} : {e}", index + 1))))?;
        writeln!(out, "{profile} {}", profile.gir().number())?;
    }
    out.flush()?;
    Ok(())
}
