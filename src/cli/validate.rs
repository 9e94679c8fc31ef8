//! `predeparture validate`: every finding of a catalog, one line each.

use std::process::ExitCode;

use anyhow::Result;
use clap::ValueEnum;

use super::CatalogArgs;

/// The arguments of `validate`.
#[derive(clap::Args)]
pub(crate) struct ValidateArgs {
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    #[command(flatten)]
    catalog: CatalogArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// One line per finding.
    Text,
    /// A JSON object with the findings, for tools.
    Json,
}

/// Runs `validate`: status 1 when a finding is an error.
pub(crate) fn run(args: ValidateArgs) -> Result<ExitCode> {
    let (files, source) = args.catalog.files()?;
    let findings = predeparture::validate::validate(&files);
    let out = match args.format {
        ReportFormat::Json => {
            let report = serde_json::json!({
                "catalog": source.to_string(),
                "findings": findings,
                "count": findings.len(),
                "files": files.len(),
            });
            format!("{}\n", serde_json::to_string_pretty(&report)?)
        }
        ReportFormat::Text => {
            let mut out: String = findings.iter().map(|f| format!("{f}\n")).collect();
            out.push_str(&format!(
                "{source}: {} checked: {}\n",
                super::plural(files.len(), "file", "files"),
                super::plural(findings.len(), "finding", "findings")
            ));
            out
        }
    };
    super::print(&out)?;
    // Warnings (files ignored) alone do not fail a check.
    let errors = findings
        .iter()
        .any(|f| f.severity == predeparture::diag::Severity::Error);
    Ok(if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
