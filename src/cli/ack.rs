//! `predeparture ack collect DIR`: the returned, filled-in PDFs of a folder
//! read into a register (CSV), with the files that are not ours or were
//! altered reported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use predeparture::ack::{self, Returned, Status};

use super::{note, plural, warn};

/// The arguments of `ack collect`.
#[derive(clap::Args)]
pub(crate) struct CollectArgs {
    /// The folder of returned PDFs (every `*.pdf` in it, not its subfolders).
    dir: PathBuf,
    /// The register to write (CSV), `-` for standard output [default: -].
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `ack collect`: status 1 when a file is not ours, altered or unreadable.
pub(crate) fn collect(args: CollectArgs, quiet: bool) -> Result<ExitCode> {
    let files = pdfs(&args.dir)?;
    let mut rows = Vec::new();
    for path in &files {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let returned = ack::read(&bytes);
        if let Some(problem) = problem(&returned.status) {
            warn(&format!("{}: {problem}", path.display()));
        }
        rows.push((file_name(path), returned));
    }
    let output = args.output.unwrap_or_else(|| PathBuf::from("-"));
    super::output::write(&output, &register(&rows)?)?;
    let bad = rows
        .iter()
        .filter(|(_, r)| r.status != Status::Intact)
        .count();
    let acknowledged = rows
        .iter()
        .filter(|(_, r)| r.status == Status::Intact && r.acknowledged == Some(true))
        .count();
    if output.as_os_str() != "-" {
        note(
            quiet,
            &format!(
                "wrote {} ({} read: {acknowledged} acknowledged, {bad} not ours or altered)",
                output.display(),
                plural(rows.len(), "file", "files"),
            ),
        );
    }
    Ok(if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The `*.pdf` files of `dir`, by name.
fn pdfs(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read folder {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read folder {}", dir.display()))?
            .path();
        let is_pdf = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if is_pdf && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What is wrong with a file, if anything.
fn problem(status: &Status) -> Option<String> {
    match status {
        Status::Intact => None,
        Status::Altered => {
            Some("altered: what its pages print has changed since predeparture made it".into())
        }
        Status::Foreign => Some("not made by predeparture (it has no content stamp)".into()),
        Status::Unreadable(why) => Some(format!("not a readable PDF ({why})")),
    }
}

/// The register: one row per file, in file name order.
fn register(rows: &[(String, Returned)]) -> Result<Vec<u8>> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record([
        "file",
        "name",
        "acknowledged",
        "date",
        "items ticked",
        "items",
        "checklist",
        "edition",
        "status",
    ])?;
    for (file, r) in rows {
        let status = match &r.status {
            Status::Intact => "ok",
            Status::Altered => "altered",
            Status::Foreign => "not ours",
            Status::Unreadable(_) => "unreadable",
        };
        let ours = matches!(r.status, Status::Intact | Status::Altered);
        let count = |n: usize| if ours { n.to_string() } else { String::new() };
        csv.write_record([
            file.as_str(),
            r.name.as_deref().unwrap_or(""),
            match r.acknowledged {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            },
            r.date.as_deref().unwrap_or(""),
            &count(r.ticked),
            &count(r.items),
            r.checklist.as_deref().unwrap_or(""),
            r.edition.as_deref().unwrap_or(""),
            status,
        ])?;
    }
    csv.into_inner().context("cannot write the register")
}
