//! The catalog: every definition file read and cross-checked, in two modes.
//! [`Catalog::from_files`] stops at the first problem (render needs a
//! catalog that is whole); [`Catalog::check`] keeps going and reports every
//! problem once, at its place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::card::{parse_card, CardRow};
use super::checklist::{parse_checklist, Checklist};
use super::countries::parse_countries;
use super::files::{self, Role, TextFile};
use super::locale::{self, LocaleSettings};
use super::sources::{parse_sources, Source};
use super::{Channels, Errors, ModelError};
use crate::diag::{Diagnostic, Kind, Location};

/// Checklist definitions, sources and the raw translation files.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Checklists by id.
    pub checklists: BTreeMap<String, Checklist>,
    /// Sources by id.
    pub sources: BTreeMap<String, Source>,
    /// Rows of the wallet card, when the catalog defines one.
    pub card: Vec<CardRow>,
    /// Reporting channels and missions, when the catalog has them.
    pub channels: Option<Channels>,
    /// Translation files by language tag (the folder name under `locales/`).
    pub locales: BTreeMap<String, Vec<TextFile>>,
    /// How each language is set (its `locale.toml`), by tag.
    pub settings: BTreeMap<String, LocaleSettings>,
}

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_catalog.rs"));
}

/// The files of a catalog, sorted by what they are.
#[derive(Default)]
struct Sorted {
    sources: Option<TextFile>,
    card: Option<TextFile>,
    channels: Option<TextFile>,
    countries: Option<TextFile>,
    checklists: Vec<TextFile>,
    locales: BTreeMap<String, Vec<TextFile>>,
    ignored: Vec<PathBuf>,
}

impl Sorted {
    fn new(files: Vec<TextFile>) -> Sorted {
        let mut sorted = Sorted::default();
        for file in files {
            let file = file.without_bom();
            match files::role(&file.path) {
                Role::Sources => sorted.sources = Some(file),
                Role::Card => sorted.card = Some(file),
                Role::Channels => sorted.channels = Some(file),
                Role::Countries => sorted.countries = Some(file),
                Role::Checklist => sorted.checklists.push(file),
                Role::Locale(tag) => sorted.locales.entry(tag).or_default().push(file),
                Role::Other => sorted.ignored.push(file.path),
            }
        }
        sorted
    }
}

impl Catalog {
    /// The catalog shipped with predeparture.
    pub fn bundled() -> Result<Catalog, ModelError> {
        Catalog::from_files(Catalog::bundled_files())
    }

    /// The files of the bundled catalog.
    pub fn bundled_files() -> Vec<TextFile> {
        bundled::FILES
            .iter()
            .map(|(path, text)| TextFile {
                path: PathBuf::from(path),
                text: text.to_string(),
            })
            .collect()
    }

    /// Reads a catalog laid out like the bundled one from `dir`.
    pub fn from_dir(dir: &Path) -> Result<Catalog, ModelError> {
        Catalog::from_files(Catalog::files_in(dir)?)
    }

    /// The files of a catalog folder: `checklists/*.toml`,
    /// `locales/<lang>/locale.toml` and `locales/<lang>/*.ftl`. Other files
    /// (a `README.md`, `.DS_Store`, editor backups) are not read. Each file
    /// must be UTF-8 (a byte-order mark is dropped).
    pub fn files_in(dir: &Path) -> Result<Vec<TextFile>, ModelError> {
        files::files_in(dir)
    }

    /// Builds a catalog from files named `checklists/...` and
    /// `locales/<lang>/...`, failing at the first problem.
    pub fn from_files(files: Vec<TextFile>) -> Result<Catalog, ModelError> {
        let mut errors = Errors::default();
        let catalog = build(Sorted::new(files), &mut errors);
        match errors.into_first() {
            Some(e) => Err(e),
            None => catalog.ok_or_else(no_sources),
        }
    }

    /// Checks every file, going on after problems: a section or item with a
    /// bad id is left out, an unknown source is reported and the item kept,
    /// and a file that does not parse leaves the others to be checked. The
    /// catalog is `None` when `sources.toml` is missing or does not parse
    /// (nothing could be cross-checked against it). Files that are no part
    /// of a catalog give a warning.
    pub fn check(files: Vec<TextFile>) -> (Option<Catalog>, Vec<Diagnostic>) {
        let mut errors = Errors::default();
        let sorted = Sorted::new(files);
        let ignored: Vec<Diagnostic> = sorted
            .ignored
            .iter()
            .map(|path| {
                let at = Location {
                    file: path.clone(),
                    line: 1,
                    col: 1,
                };
                Diagnostic::warning(at, Kind::Ignored, "not a catalog file: ignored")
            })
            .collect();
        let catalog = build(sorted, &mut errors);
        let mut out = errors.into_diagnostics();
        out.extend(ignored);
        (catalog, out)
    }

    /// The checklist `id`, or an error listing the available ones.
    pub fn checklist(&self, id: &str) -> Result<&Checklist, ModelError> {
        self.checklists
            .get(id)
            .ok_or_else(|| ModelError::UnknownChecklist {
                id: id.to_string(),
                available: self
                    .checklists
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

fn no_sources() -> ModelError {
    ModelError::NotACatalog {
        path: PathBuf::from("checklists"),
        expected: "checklists/sources.toml",
    }
}

/// Reads every file in order (sources, checklists, card, channels,
/// languages), collecting problems; the first collected is the one the
/// fail-fast loader reports.
fn build(files: Sorted, errors: &mut Errors) -> Option<Catalog> {
    let sources = match &files.sources {
        Some(file) => parse_sources(file, errors),
        None => {
            errors.push(no_sources());
            None
        }
    };
    let mut checklists = BTreeMap::new();
    for file in &files.checklists {
        if let Some(checklist) = parse_checklist(file, sources.as_ref(), errors) {
            checklists.insert(checklist.id.clone(), checklist);
        }
    }
    let card = files
        .card
        .as_ref()
        .and_then(|f| parse_card(f, sources.as_ref(), errors))
        .unwrap_or_default();
    let mut channels = files
        .channels
        .as_ref()
        .and_then(|f| errors.keep(Channels::parse(f)));
    let countries = files
        .countries
        .as_ref()
        .and_then(|f| errors.keep(parse_countries(f)));
    if let (Some(channels), Some(countries)) = (&mut channels, countries) {
        channels.add_countries(countries);
    }
    if let (Some(channels), Some(sources)) = (&channels, &sources) {
        for p in channels.provenances() {
            let unknown = p.source_id.as_ref().filter(|id| !sources.contains_key(*id));
            if let Some(id) = unknown {
                let problem = super::Problem::UnknownSource(id.clone());
                errors.push(ModelError::invalid(p.location.clone(), problem));
            }
        }
    }
    let mut settings = BTreeMap::new();
    for (tag, files) in &files.locales {
        let dir = files
            .first()
            .and_then(|f| f.path.parent())
            .map(PathBuf::from)
            .unwrap_or_default();
        if let Some(s) = errors.keep(locale::parse_settings(tag, &dir, files)) {
            settings.insert(tag.clone(), s);
        }
    }
    Some(Catalog {
        checklists,
        sources: sources?,
        card,
        channels,
        locales: files.locales,
        settings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::model::{CardFill, Date, IdKind, PartialDate, Problem};

    fn file(path: &str, text: &str) -> TextFile {
        TextFile {
            path: PathBuf::from(path),
            text: text.to_string(),
        }
    }

    const SOURCES: &str = "[[source]]\nid = \"s1\"\npublished = \"2024-05\"\n";

    fn files(checklist: &str) -> Vec<TextFile> {
        vec![
            file("checklists/sources.toml", SOURCES),
            file("checklists/demo.toml", checklist),
        ]
    }

    fn catalog(checklist: &str) -> Result<Catalog, ModelError> {
        Catalog::from_files(files(checklist))
    }

    /// The problem of an `Invalid` error and its line and column.
    fn invalid(e: ModelError) -> (Problem, usize, usize) {
        match e {
            ModelError::Invalid { location, problem } => (problem, location.line, location.col),
            other => panic!("not Invalid: {other:?}"),
        }
    }

    #[test]
    fn parses_a_checklist() {
        let c = catalog(
            "# comment\n\nas-of = \"2026-11-22\"\nroles = [\"sensitive\"]\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\nroles = [\"sensitive\"]\n",
        )
        .unwrap();
        let demo = c.checklist("demo").unwrap();
        assert_eq!(demo.as_of, Date::parse("2026-11-22").unwrap());
        assert_eq!(
            demo.message_ids(),
            [
                "demo-title",
                "demo-audience",
                "demo-intro",
                "demo-role-sensitive",
                "demo-a",
                "demo-a-x"
            ]
        );
        let lines: Vec<(usize, usize)> = demo
            .messages()
            .iter()
            .map(|(_, at)| (at.line, at.col))
            .collect();
        assert_eq!(lines, [(3, 1), (3, 1), (3, 1), (4, 10), (6, 6), (8, 6)]);
        assert!(!demo.sections[0].items[0].applies_to(&[]));
        assert_eq!(
            c.sources["s1"].published,
            Some(PartialDate {
                year: 2024,
                month: Some(5),
                day: None
            })
        );
    }

    #[test]
    fn rejects_unknown_keys_with_location() {
        let e = catalog("as-of = \"2026-11-22\"\ncolour = 1\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n")
            .unwrap_err();
        let (problem, line, col) = invalid(e);
        assert!(matches!(&problem, Problem::Toml(m) if m.contains("`colour`")));
        assert_eq!((line, col), (2, 1));
    }

    #[test]
    fn rejects_unknown_source_at_its_position() {
        let e = catalog("as-of = \"2026-11-22\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"nope\"]\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "checklists/demo.toml:6:12: unknown source `nope`"
        );
        assert_eq!(invalid(e), (Problem::UnknownSource("nope".into()), 6, 12));
    }

    #[test]
    fn rejects_bad_ids() {
        let e = catalog("as-of = \"2026-11-22\"\n[[section]]\nid = \"A b\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n")
            .unwrap_err();
        let what = IdKind::Section;
        assert_eq!(
            invalid(e),
            (
                Problem::InvalidId {
                    what,
                    id: "A b".into()
                },
                3,
                6
            )
        );
    }

    #[test]
    fn check_reports_every_unknown_source_and_keeps_the_items() {
        let text = "as-of = \"2026-11-22\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"nope-1\"]\n[[section.item]]\nid = \"y\"\nsources = [\"s1\", \"nope-2\"]\n";
        let (catalog, diags) = Catalog::check(files(text));
        let found: Vec<(usize, &str)> = diags
            .iter()
            .map(|d| (d.location.line, d.kind.name()))
            .collect();
        assert_eq!(found, [(6, "unknown-source"), (9, "unknown-source")]);
        let items = &catalog.unwrap().checklists["demo"].sections[0].items;
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].sources, ["s1"]);
    }

    #[test]
    fn check_goes_on_after_a_file_that_does_not_parse() {
        let mut all = files("as-of = \n");
        all.push(file("checklists/other.toml", "as-of = \"2026-13-01\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n"));
        all.push(file("checklists/README.md", "not toml"));
        let (catalog, diags) = Catalog::check(all);
        let kinds: Vec<(&str, usize, Severity)> = diags
            .iter()
            .map(|d| (d.kind.name(), d.location.line, d.severity))
            .collect();
        assert_eq!(
            kinds,
            [
                ("syntax", 1, Severity::Error),
                ("definition", 1, Severity::Error),
                ("duplicate", 8, Severity::Error),
                ("ignored", 1, Severity::Warning),
            ]
        );
        let catalog = catalog.unwrap();
        assert_eq!(catalog.checklists.keys().collect::<Vec<_>>(), ["other"]);
    }

    #[test]
    fn without_sources_nothing_is_an_unknown_source() {
        let (catalog, diags) = Catalog::check(vec![file(
            "checklists/demo.toml",
            "as-of = \"2026-11-22\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"nope\"]\n",
        )]);
        assert!(catalog.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(matches!(
            Catalog::from_files(Vec::new()),
            Err(ModelError::NotACatalog { .. })
        ));
    }

    #[test]
    fn card_fill_is_typed() {
        let mut all = files("as-of = \"2026-11-22\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n");
        all.push(file(
            "checklists/card.toml",
            "[[row]]\nid = \"embassy\"\nsources = [\"s1\"]\nfill = \"mission\"\n",
        ));
        let c = Catalog::from_files(all.clone()).unwrap();
        assert_eq!(c.card[0].fill, Some(CardFill::Mission));
        all.last_mut().unwrap().text = all
            .last()
            .unwrap()
            .text
            .replace("\"mission\"", "\"Mission\"");
        let (problem, line, col) = invalid(Catalog::from_files(all).unwrap_err());
        assert!(matches!(&problem, Problem::Toml(m) if m.contains("unknown variant `Mission`")));
        assert_eq!((line, col), (4, 8));
    }

    #[test]
    fn a_bom_is_accepted_in_every_file() {
        let mut all = files("\u{FEFF}as-of = \"2026-11-22\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n");
        all[0].text.insert(0, '\u{FEFF}');
        assert!(Catalog::from_files(all).is_ok());
    }
}
