//! Validation for translators and content maintainers: every Fluent file and
//! every checklist definition of a catalog checked at once, each finding
//! with its file, line and column.
//!
//! It is [`Catalog::check`] (syntax, unknown source ids, duplicate and
//! malformed ids, each reported once at its place, without cascades) plus
//! the passes across languages: messages a checklist, source, card row or
//! the program uses that a language lacks ([`Kind::Missing`]); messages one
//! language has and another does not ([`Kind::Untranslated`]); messages
//! nothing uses ([`Kind::Orphan`]); variables (`{ $name }`) that differ
//! between languages ([`Kind::Placeables`]); and every message the program
//! formats, formatted with the arguments the program gives it
//! ([`Kind::Format`]), so what would fail in `render` fails here first.

use std::collections::BTreeMap;

use crate::diag::Location;
use crate::model::{message_id, Catalog, TextFile};

mod crosscheck;
mod fluent;
mod format;

pub use crate::diag::{Diagnostic, Kind, Severity};

/// One problem found: a [`Diagnostic`].
pub type Finding = Diagnostic;

/// Checks every file of a catalog (as [`Catalog::files_in`] or
/// [`Catalog::bundled_files`] gives them). Findings are sorted by file and
/// line; each problem is reported once.
pub fn validate(files: &[TextFile]) -> Vec<Finding> {
    let files: Vec<TextFile> = files.iter().cloned().map(TextFile::without_bom).collect();
    let (catalog, mut out) = Catalog::check(files.clone());
    let langs = fluent::read(&files, &mut out);
    let usage = Usage::new(catalog.as_ref(), &files);
    crosscheck::missing(&langs, &usage, &mut out);
    crosscheck::untranslated(&langs, &usage, &mut out);
    crosscheck::orphans(&langs, &usage, &mut out);
    crosscheck::placeables(&langs, &mut out);
    if let Some(catalog) = &catalog {
        format::check(catalog, &langs, &usage, &mut out);
    }
    out.sort();
    out.dedup();
    out
}

/// Which messages the definitions and the program use.
pub(crate) struct Usage {
    /// Message id → the definition that uses it (none for the program's own).
    used: BTreeMap<String, Option<Location>>,
    /// Prefixes of messages whose definitions could not be read (their file
    /// does not parse): never reported as unused. Empty string: all.
    unread: Vec<String>,
}

impl Usage {
    fn new(catalog: Option<&Catalog>, files: &[TextFile]) -> Usage {
        let mut used = BTreeMap::new();
        // The web page's messages are expected of a catalog that has them
        // (a `locales/*/web.ftl`), all of them in every language.
        let has_page = files
            .iter()
            .any(|f| f.path.file_name().is_some_and(|n| n == "web.ftl"));
        let web = if has_page {
            crate::compose::WEB_MESSAGES
        } else {
            &[]
        };
        for id in crate::compose::UI_MESSAGES.iter().chain(web) {
            used.insert(id.to_string(), None);
        }
        let Some(catalog) = catalog else {
            // Without sources.toml nothing can be cross-checked.
            let unread = vec![String::new()];
            return Usage { used, unread };
        };
        let mut add = |id: String, at: &Location| {
            used.entry(id).or_insert_with(|| Some(at.clone()));
        };
        for source in catalog.sources.values() {
            add(message_id(&["source", &source.id]), &source.location);
        }
        for row in &catalog.card {
            if row.fill.is_some() {
                add(message_id(&["card", &row.id, "known"]), &row.location);
            }
            add(message_id(&["card", &row.id]), &row.location);
        }
        for checklist in catalog.checklists.values() {
            for (id, at) in checklist.messages() {
                add(id, at);
            }
        }
        let unread = unread(catalog, files);
        Usage { used, unread }
    }

    /// Whether message `id` is used, or may be by a definition that did not parse.
    fn may_use(&self, id: &str) -> bool {
        self.used.contains_key(id) || self.unread.iter().any(|p| id.starts_with(p.as_str()))
    }
}

/// The message prefixes of definition files that did not parse.
fn unread(catalog: &Catalog, files: &[TextFile]) -> Vec<String> {
    use crate::model::FileRole;
    let mut out = Vec::new();
    for file in files {
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        match crate::model::file_role(&file.path) {
            FileRole::Checklist if !catalog.checklists.contains_key(&stem) => {
                out.push(format!("{stem}-"));
            }
            FileRole::Card if catalog.card.is_empty() => out.push("card-".into()),
            _ => {}
        }
    }
    out
}
