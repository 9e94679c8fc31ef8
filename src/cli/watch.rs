//! `render --watch`: render again whenever a file of the catalog
//! (`checklists/`, `locales/`), the org file or the font folder changes. Polls modification times twice a
//! second; needs no file-system notification service.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use anyhow::{bail, Result};

use super::render::RenderArgs;
use super::Source;

/// Renders, then renders again whenever a watched file changes; runs until
/// interrupted. A failed render is reported and waited out.
pub(crate) fn run(args: &RenderArgs, quiet: bool) -> Result<ExitCode> {
    let mut roots: Vec<PathBuf> = Vec::new();
    match args.catalog.source() {
        Source::Dir { path, .. } => {
            roots.extend(["checklists", "locales"].map(|sub| path.join(sub)));
        }
        Source::Bundled => {
            bail!("--watch watches a catalog folder: run it inside one, or give --catalog DIR")
        }
    }
    roots.extend(args.org.iter().cloned());
    roots.extend(args.font_dir.iter().cloned());
    loop {
        let before = snapshot(&roots);
        if let Err(e) = super::render::render_once(args, quiet) {
            super::report(&e);
        }
        super::note(quiet, "watching for changes (Ctrl-C to stop)");
        while snapshot(&roots) == before {
            std::thread::sleep(Duration::from_millis(500));
        }
    }
}

/// Every file under `roots` with its modification time and size.
fn snapshot(roots: &[PathBuf]) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut out = Vec::new();
    for root in roots {
        walk(root, &mut out);
    }
    out.sort();
    out
}

fn walk(path: &Path, out: &mut Vec<(PathBuf, Option<SystemTime>, u64)>) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            walk(&entry.path(), out);
        }
    } else {
        out.push((path.to_path_buf(), meta.modified().ok(), meta.len()));
    }
}
