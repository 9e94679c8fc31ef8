//! `render --roster`: one packet per row, rendered on every core, each
//! written to a staging folder beside the target as soon as it is done, and
//! moved into place only when every row succeeded.
//!
//! The target folder must be new, empty, or the folder of an earlier run
//! (its `manifest.json` lists every file in it); that one is replaced as a
//! whole, so old and new packets are never mixed. A folder holding anything
//! else is refused. An interrupted run leaves a `.predeparture-<pid>-staging`
//! folder, which the next run removes.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context as _, Result};
use predeparture::fonts::FontSet;
use predeparture::roster::{Encoding, Entry, Manifest, Roster, RowError};
use predeparture::{Renderer, Request};

use super::output::{parent, remove_stale, sync_dir, write_new, PREFIX};

/// One packet to make.
struct Job<'a> {
    row: &'a predeparture::roster::Row,
    /// The row's request, made when it is checked and again when it is
    /// rendered, so that memory does not grow with the roster.
    base: &'a Request,
    file: String,
}

impl Job<'_> {
    fn request(&self, roster: &Roster) -> Result<Request> {
        Ok(roster.request(self.row, self.base)?)
    }
}

/// What the target folder holds now.
enum Target {
    Missing,
    Empty,
    Earlier(usize),
}

/// Renders the roster at `path` into `folder`.
pub(crate) fn run(
    renderer: &Renderer,
    fonts: &FontSet,
    base: &Request,
    path: &Path,
    encoding: Encoding,
    folder: &Path,
    quiet: bool,
) -> Result<ExitCode> {
    let roster = Roster::read(path, encoding)?;
    let target = check_target(folder)?;
    let jobs = roster
        .rows
        .iter()
        .map(|row| Job {
            row,
            base,
            file: roster.file_name(row, &base.checklist),
        })
        .collect::<Vec<_>>();
    check(renderer, fonts, &roster, &jobs)?;
    let dir = parent(folder);
    remove_stale(dir);
    let staging = dir.join(format!("{PREFIX}{}-staging", std::process::id()));
    std::fs::create_dir(&staging).with_context(|| format!("cannot write {}", staging.display()))?;
    let result = render_all(renderer, &roster, &jobs, &staging, quiet)
        .and_then(|entries| finish(&roster, entries, &staging));
    match result {
        Ok(manifest) => {
            let replaced = move_into_place(&staging, folder, &target)?;
            note_written(quiet, &manifest, folder, replaced);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            Err(e)
        }
    }
}

/// Checks every row before any is rendered: rows that could not be read,
/// characters no font has, and what the document of each row needs (a
/// known destination, say). Every bad row is reported.
fn check(renderer: &Renderer, fonts: &FontSet, roster: &Roster, jobs: &[Job<'_>]) -> Result<()> {
    let mut errors = roster.bad.clone();
    errors.extend(roster.uncovered(fonts));
    let mut unlisted = std::collections::BTreeSet::new();
    for job in jobs {
        let request = job.request(roster)?;
        if let Err(e) = renderer.document(&request) {
            errors.push(row_error(renderer, roster, job, &e));
        }
        let dest = request.destination.as_deref();
        unlisted.extend(dest.and_then(|d| super::suggest::without_missions(renderer, d)));
    }
    fail_on(roster, errors)?;
    for w in unlisted {
        super::warn(&w);
    }
    Ok(())
}

fn row_error(
    renderer: &Renderer,
    roster: &Roster,
    job: &Job<'_>,
    e: &predeparture::Error,
) -> RowError {
    let mut error = roster.explain(job.row, e);
    if let Some(hint) = super::suggest::hint(e, renderer) {
        error.message.push_str(&hint);
    }
    error
}

/// Every bad row, in file order, as one error; `Ok` when there is none.
fn fail_on(roster: &Roster, mut errors: Vec<RowError>) -> Result<()> {
    if errors.is_empty() {
        return Ok(());
    }
    errors.sort_by_key(|e| e.line);
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let count = super::plural(errors.len(), "bad row", "bad rows");
    bail!(
        "{}\n{count} in {}: no packets written",
        lines.join("\n"),
        roster.file
    )
}

/// Refuses a target that is a file, or a folder with files of its own.
fn check_target(folder: &Path) -> Result<Target> {
    let Ok(meta) = std::fs::symlink_metadata(folder) else {
        return Ok(Target::Missing);
    };
    if !meta.is_dir() {
        bail!(
            "cannot write packets into {}: it is {}; -o names a folder with --roster",
            folder.display(),
            if meta.is_file() {
                "a file"
            } else {
                super::output::kind(&meta)
            }
        );
    }
    let names: Vec<String> = std::fs::read_dir(folder)
        .with_context(|| format!("cannot read {}", folder.display()))?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("cannot read {}", folder.display()))?;
    if names.is_empty() {
        return Ok(Target::Empty);
    }
    let listed = earlier_files(folder).with_context(|| {
        format!(
            "{} is not empty and holds no manifest.json of an earlier run: write the packets into a new or empty folder",
            folder.display()
        )
    })?;
    let foreign: Vec<&String> = names
        .iter()
        .filter(|n| !listed.contains(n) && !["manifest.csv", "manifest.json"].contains(&n.as_str()))
        .collect();
    if let Some(first) = foreign.first() {
        bail!(
            "{} holds files an earlier run did not write ({first}{}): move them, or write the packets into a new folder",
            folder.display(),
            if foreign.len() > 1 { format!(" and {} more", foreign.len() - 1) } else { String::new() }
        );
    }
    Ok(Target::Earlier(names.len().saturating_sub(2)))
}

/// The files an earlier run's manifest lists.
fn earlier_files(folder: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(folder.join("manifest.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("packets")?
        .as_array()?
        .iter()
        .map(|p| p.get("file")?.as_str().map(str::to_string))
        .collect()
}

/// Renders every job on every core; each packet goes to disk when done.
/// Returns the entries in roster order, or every row's error.
fn render_all(
    renderer: &Renderer,
    roster: &Roster,
    jobs: &[Job<'_>],
    staging: &Path,
    quiet: bool,
) -> Result<Vec<Entry>> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Entry, RowError>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    let progress = !quiet && std::io::stderr().is_terminal();
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(jobs.len());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = jobs.get(i) else { break };
                let result = render_one(renderer, roster, job, staging);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(result);
                }
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if progress {
                    let _ = write!(std::io::stderr(), "\rrendering packets: {n}/{}", jobs.len());
                }
            });
        }
    });
    if progress {
        let _ = write!(std::io::stderr(), "\r\x1b[K");
    }
    collect(roster, results.into_inner().unwrap_or_default())
}

/// The entries, or every row that failed.
fn collect(roster: &Roster, results: Vec<Option<Result<Entry, RowError>>>) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Some(Ok(entry)) => entries.push(entry),
            Some(Err(e)) => errors.push(e),
            None => bail!("a packet was not rendered"),
        }
    }
    fail_on(roster, errors)?;
    Ok(entries)
}

fn render_one(
    renderer: &Renderer,
    roster: &Roster,
    job: &Job<'_>,
    staging: &Path,
) -> Result<Entry, RowError> {
    let request = job.request(roster).map_err(|e| RowError {
        file: roster.file.clone(),
        line: job.row.line,
        message: e.to_string(),
    })?;
    let pdf = renderer
        .render_pdf(&request)
        .map_err(|e| row_error(renderer, roster, job, &e))?;
    write_new(&staging.join(&job.file), &pdf.bytes, None).map_err(|e| RowError {
        file: roster.file.clone(),
        line: job.row.line,
        message: format!("cannot write {}: {e}", job.file),
    })?;
    Ok(Entry::new(roster, job.row, &request, &job.file, &pdf))
}

/// Writes the manifests into the staging folder and syncs it.
fn finish(roster: &Roster, packets: Vec<Entry>, staging: &Path) -> Result<Manifest> {
    let manifest = Manifest {
        extra_columns: roster.extra_columns.clone(),
        packets,
    };
    for (name, text) in [
        ("manifest.csv", manifest.to_csv()),
        ("manifest.json", manifest.to_json()),
    ] {
        write_new(&staging.join(name), text.as_bytes(), None)
            .with_context(|| format!("cannot write {name}"))?;
    }
    sync_dir(staging).context("cannot write the packets")?;
    Ok(manifest)
}

/// Moves the finished staging folder to `folder`, replacing an earlier
/// run's folder whole. Returns how many packets were replaced.
fn move_into_place(staging: &Path, folder: &Path, target: &Target) -> Result<usize> {
    let fail = |e: std::io::Error| {
        anyhow::Error::from(e).context(format!("cannot write {}", folder.display()))
    };
    let replaced = match target {
        Target::Missing => 0,
        Target::Empty => {
            std::fs::remove_dir(folder).map_err(fail)?;
            0
        }
        Target::Earlier(n) => {
            let old: PathBuf = parent(folder).join(format!("{PREFIX}{}-old", std::process::id()));
            std::fs::rename(folder, &old).map_err(fail)?;
            std::fs::rename(staging, folder).map_err(fail)?;
            let _ = std::fs::remove_dir_all(&old);
            sync_dir(parent(folder)).map_err(fail)?;
            return Ok(*n);
        }
    };
    std::fs::rename(staging, folder).map_err(fail)?;
    sync_dir(parent(folder)).map_err(fail)?;
    Ok(replaced)
}

fn note_written(quiet: bool, manifest: &Manifest, folder: &Path, replaced: usize) {
    let pages: usize = manifest.packets.iter().map(|p| p.pages).sum();
    let bytes: u64 = manifest.packets.iter().map(|p| p.bytes).sum();
    let mut line = format!(
        "wrote {} ({}, {}) and manifest.csv, manifest.json to {}",
        super::plural(manifest.packets.len(), "packet", "packets"),
        super::plural(pages, "page", "pages"),
        super::size(bytes),
        folder.display()
    );
    if replaced > 0 {
        line.push_str(&format!(
            "; replaced the {} of an earlier run",
            super::plural(replaced, "packet", "packets")
        ));
    }
    super::note(quiet, &line);
}
