//! `predeparture data check`: the reporting-channel data, one line per finding.

use predeparture::diag::Severity;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{parse_date, source_date_epoch, today, CatalogArgs};

/// The arguments of `data check`.
#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// Judge the age of rows on this date (YYYY-MM-DD; default today, or SOURCE_DATE_EPOCH's day).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    #[command(flatten)]
    catalog: CatalogArgs,
}

/// Runs `data check`: status 1 when any finding is a problem.
pub(crate) fn run(args: CheckArgs) -> Result<ExitCode> {
    let (catalog, source) = args.catalog.load()?;
    let channels = catalog
        .channels
        .as_ref()
        .context("this catalog has no checklists/channels.toml")?;
    let today = match &args.date {
        Some(d) => parse_date("--date", d)?,
        None => today(source_date_epoch()?),
    };
    let langs: Vec<&str> = catalog.locales.keys().map(String::as_str).collect();
    let findings = channels.check(today, &langs);
    let mut out = String::new();
    for f in &findings {
        let kind = match f.severity {
            Severity::Error => "problem",
            Severity::Warning => "verify",
        };
        out.push_str(&format!("{}: {kind}: {}\n", f.location, f.message));
    }
    let problems = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let missions: usize = channels.destinations.iter().map(|d| d.missions.len()).sum();
    out.push_str(&format!(
        "{} national channels, {} destinations, {missions} missions in {source}: {problems} problems, {} to verify before travel (as of {today})\n",
        channels.national.len(),
        channels.destinations.len(),
        findings.len() - problems
    ));
    super::print(&out)?;
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
