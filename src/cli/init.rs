//! `predeparture init DIR`: a starting catalog for an organisation.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

/// The arguments of `init`.
#[derive(clap::Args)]
pub(crate) struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    dir: PathBuf,
}

/// Runs `init`.
pub(crate) fn run(args: InitArgs, _quiet: bool) -> Result<ExitCode> {
    bail!("init {}: not yet", args.dir.display())
}
