//! The subcommands, one adapter module each, and what they share: the
//! catalog to use, the date of today, error reporting.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use predeparture::model::{Catalog, Date, TextFile};

pub(crate) mod ack;
pub(crate) mod batch;
pub(crate) mod data;
pub(crate) mod extra;
pub(crate) mod init;
pub(crate) mod list;
pub(crate) mod output;
pub(crate) mod render;
pub(crate) mod suggest;
pub(crate) mod validate;
pub(crate) mod watch;

/// Which catalog a command reads.
#[derive(clap::Args, Clone)]
pub(crate) struct CatalogArgs {
    /// Read checklists and translations from this folder (with checklists/
    /// and locales/). Default: the current folder if it holds both, else the
    /// catalog built into predeparture.
    #[arg(long, value_name = "DIR")]
    pub(crate) catalog: Option<PathBuf>,
    /// Use the built-in catalog even inside a catalog folder.
    #[arg(long, conflicts_with = "catalog")]
    pub(crate) bundled: bool,
}

/// Where the catalog comes from, as told to the user.
pub(crate) enum Source {
    Bundled,
    Dir { path: PathBuf, found: bool },
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Bundled => write!(f, "the built-in catalog"),
            Source::Dir { found: true, .. } => {
                write!(f, "the catalog in this folder (checklists/, locales/)")
            }
            Source::Dir { path, .. } => write!(f, "the catalog in {}", path.display()),
        }
    }
}

impl CatalogArgs {
    /// `--catalog`, else the current folder when it is a catalog, else the built-in one.
    pub(crate) fn source(&self) -> Source {
        match &self.catalog {
            Some(path) => Source::Dir {
                path: path.clone(),
                found: false,
            },
            None if !self.bundled && is_catalog(Path::new(".")) => Source::Dir {
                path: PathBuf::from("."),
                found: true,
            },
            None => Source::Bundled,
        }
    }

    /// The catalog, loaded.
    pub(crate) fn load(&self) -> Result<(Catalog, Source)> {
        let source = self.source();
        let catalog = match &source {
            Source::Bundled => Catalog::bundled()?,
            Source::Dir { path, .. } => Catalog::from_dir(path)?,
        };
        Ok((catalog, source))
    }

    /// The catalog's files, unparsed (for `validate`).
    pub(crate) fn files(&self) -> Result<(Vec<TextFile>, Source)> {
        let source = self.source();
        let files = match &source {
            Source::Bundled => Catalog::bundled_files(),
            Source::Dir { path, .. } => Catalog::files_in(path)?,
        };
        Ok((files, source))
    }
}

fn is_catalog(dir: &Path) -> bool {
    dir.join("checklists").is_dir() && dir.join("locales").is_dir()
}

/// SOURCE_DATE_EPOCH, when set.
pub(crate) fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => Ok(Some(v.trim().parse().with_context(|| {
            format!("SOURCE_DATE_EPOCH `{v}` is not a number of seconds")
        })?)),
        Err(_) => Ok(None),
    }
}

/// Today: the day of SOURCE_DATE_EPOCH when set, else of the clock. The only
/// place the program reads the clock; the library is given the date.
pub(crate) fn today(timestamp: Option<i64>) -> Date {
    let now = timestamp.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    Date::from_days_since_epoch(now.div_euclid(86_400))
}

/// A date given on the command line.
pub(crate) fn parse_date(flag: &str, value: &str) -> Result<Date> {
    Date::parse(value.trim())
        .with_context(|| format!("{flag} `{value}` is not a date: use YYYY-MM-DD"))
}

/// Writes `text` to standard output.
pub(crate) fn print(text: &str) -> Result<()> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to standard output.
pub(crate) fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// A size for people: `312 KB`, `4.2 MB`.
pub(crate) fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} bytes"),
        b if b < 1_000_000 => format!("{} KB", (b + 500) / 1_000),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

/// `1 mission`, `2 missions`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints `error` (each line once, each cause once) and gives the exit
/// status: 2, or 0 for a closed pipe, which ends the program quietly.
pub(crate) fn report(error: &anyhow::Error) -> ExitCode {
    let broken_pipe = error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !message.contains(&text) {
            if !message.is_empty() {
                message.push_str(": ");
            }
            message.push_str(&text);
        }
    }
    let mut err = std::io::stderr().lock();
    for line in message.lines() {
        let _ = writeln!(err, "error: {}", escaped(line));
    }
    ExitCode::from(2)
}

/// Prints a warning on stderr.
pub(crate) fn warn(message: &str) {
    let _ = writeln!(std::io::stderr(), "warning: {}", escaped(message));
}

/// Prints a note on stderr unless `quiet`.
pub(crate) fn note(quiet: bool, message: &str) {
    if !quiet {
        let _ = writeln!(std::io::stderr(), "{}", escaped(message));
    }
}

/// `line` safe to print on a terminal: control characters (escape
/// sequences that could retitle or clear it), bidirectional controls and
/// other invisible format characters, as a roster or a file may hold them,
/// are shown as `\u{…}` escapes.
pub(crate) fn escaped(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_control() || predeparture::text::is_invisible(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}
