//! `predeparture completions SHELL` and `predeparture man`.

use std::process::ExitCode;

use anyhow::Result;
use clap::CommandFactory as _;

/// The arguments of `completions`.
#[derive(clap::Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum, ignore_case = true)]
    shell: clap_complete::Shell,
}

/// Prints the completion script for a shell.
pub(crate) fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut crate::Cli::command(),
        "predeparture",
        &mut out,
    );
    super::print_bytes(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the man page.
pub(crate) fn man() -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(crate::Cli::command()).render(&mut out)?;
    super::print_bytes(&out)?;
    Ok(ExitCode::SUCCESS)
}
