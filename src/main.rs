//! The `predeparture` command line: parses arguments and hands each
//! subcommand to its adapter in `cli/`. Errors are printed one line each,
//! prefixed `error:`, with exit status 2; a closed pipe ends quietly.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;
mod serve;

/// Typeset pre-departure security checklists as Chinese and English PDFs.
#[derive(Parser)]
#[command(name = "predeparture", version)]
pub(crate) struct Cli {
    /// Print nothing on stderr but warnings and errors.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a checklist as a PDF (or text, Markdown, JSON); with --roster,
    /// one packet per person.
    Render(Box<cli::render::RenderArgs>),
    /// List the checklists and languages, or the destinations.
    List(cli::list::ListArgs),
    /// Check every translation and definition of a catalog: syntax, missing,
    /// untranslated and unused messages, differing variables, unknown sources,
    /// duplicates. Exits 0 when clean, 1 on findings, 2 when it cannot run.
    Validate(cli::validate::ValidateArgs),
    /// Serve the web page and the HTTP API (on 127.0.0.1:8080 by default).
    Serve(serve::ServeArgs),
    /// Work on the reporting-channel data.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
    /// Work on returned acknowledgements.
    Ack {
        #[command(subcommand)]
        command: AckCommand,
    },
    /// Write a starting catalog for an organisation into a new folder.
    Init(cli::init::InitArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(cli::extra::CompletionsArgs),
    /// Print the man page (roff) on standard output.
    Man,
}

#[derive(Subcommand)]
enum DataCommand {
    /// Check checklists/channels.toml: sources, dates, phone formats,
    /// superseded numbers; list rows to verify before travel. Exits 1 on a problem.
    Check(cli::data::CheckArgs),
}

#[derive(Subcommand)]
enum AckCommand {
    /// Read the returned, filled-in PDFs of a folder into a register (CSV:
    /// file, name, acknowledged, date, items ticked); report files that are
    /// not ours or were altered. Exits 1 when there is one.
    Collect(cli::ack::CollectArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let quiet = cli.quiet;
    let result = match cli.command {
        Command::Render(args) => cli::render::run(*args, quiet),
        Command::List(args) => cli::list::run(args),
        Command::Validate(args) => cli::validate::run(args),
        Command::Data {
            command: DataCommand::Check(args),
        } => cli::data::run(args),
        Command::Ack {
            command: AckCommand::Collect(args),
        } => cli::ack::collect(args, quiet),
        Command::Init(args) => cli::init::run(args, quiet),
        Command::Completions(args) => cli::extra::completions(args),
        Command::Man => cli::extra::man(),
        Command::Serve(args) => serve::run(args).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| cli::report(&e))
}

/// Help and version go to stdout as clap writes them; a usage error is one
/// line on stderr (clap's own line, with its "did you mean"), exit status 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let text = e.to_string();
    // clap's message, then its tip, then usage and "for more information":
    // keep the message and the tip, on one line.
    let kept: Vec<&str> = text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
        .collect();
    let first = kept
        .iter()
        .filter(|l| !l.starts_with("tip:"))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let tip = kept
        .iter()
        .find(|l| l.starts_with("tip:"))
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    eprintln!("{first}{tip}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
