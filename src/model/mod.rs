//! The definitions model: checklists, their sections and items, and the
//! sources every item cites, read from TOML.
//!
//! A catalog is a directory laid out as
//!
//! ```text
//! checklists/sources.toml        [[source]] id, published, url
//! checklists/card.toml           [[row]] id, sources: the cut-out wallet card (optional)
//! checklists/<checklist>.toml    as-of, roles, [[section]] with [[section.item]]
//! locales/<lang>/locale.toml     script and fonts of the language
//! locales/<lang>/*.ftl           the text of every message, in Fluent syntax
//! ```
//!
//! The catalog shipped with the project is compiled into the library
//! ([`Catalog::bundled`]); [`Catalog::from_dir`] reads another one.
//!
//! Text lives only in the Fluent files. Message ids are derived from the ids
//! here, see [`message_id`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diag::Location;

mod channels;
pub mod image;
mod locale;
mod org;
pub use channels::{
    phone_ok, Channel, Channels, Confidence, Destination, Finding, Mission, Names, Provenance,
    Superseded,
};
pub use locale::{LocaleSettings, Script};
pub use org::{Contact, Localized, Org, OrgItem};

/// An error in the checklist definitions.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A file or directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A definition is malformed or refers to something that does not exist.
    #[error("{location}: {message}")]
    Invalid {
        /// Where the problem is.
        location: Location,
        /// What is wrong.
        message: String,
    },
    /// The catalog has no checklist of that id.
    #[error("unknown checklist `{id}`; available: {available}")]
    UnknownChecklist {
        /// The id asked for.
        id: String,
        /// The ids the catalog has, comma-separated.
        available: String,
    },
    /// A role was asked for that the checklist does not declare.
    #[error("checklist `{checklist}` has no role `{role}`; its roles: {available}")]
    UnknownRole {
        /// The checklist.
        checklist: String,
        /// The role asked for.
        role: String,
        /// The roles the checklist declares.
        available: String,
    },
    /// No destination matches.
    #[error("unknown destination `{query}`; accepted codes: {available}")]
    UnknownDestination {
        /// What was asked for.
        query: String,
        /// The codes there are.
        available: String,
    },
    /// The catalog has no reporting-channel data.
    #[error("this catalog has no checklists/channels.toml")]
    NoChannels,
    /// The directory is not laid out as a catalog.
    #[error("{}: not a catalog (expected {expected})", path.display())]
    NotACatalog {
        /// The directory.
        path: PathBuf,
        /// What was missing.
        expected: &'static str,
    },
}

/// A text file of the catalog, with the path used in error messages.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path relative to the catalog root for the bundled catalog, or as found on disk.
    pub path: PathBuf,
    /// The file's contents.
    pub text: String,
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        match PartialDate::parse(s)? {
            PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            } => Some(Date { year, month, day }),
            _ => None,
        }
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    pub fn days_since_epoch(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month, when known.
    pub month: Option<u8>,
    /// Day, when known (only with a month).
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<PartialDate> {
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let num = |p: Option<&str>| -> Option<Option<u8>> {
            match p {
                None => Some(None),
                Some(p) if p.len() == 2 => p.parse().ok().map(Some),
                Some(_) => None,
            }
        };
        let month = num(parts.next())?;
        let day = num(parts.next())?;
        if parts.next().is_some() || (month.is_none() && day.is_some()) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
                let days = [
                    31,
                    if leap { 29 } else { 28 },
                    31,
                    30,
                    31,
                    30,
                    31,
                    31,
                    30,
                    31,
                    30,
                    31,
                ];
                if d == 0 || d > days[m as usize - 1] {
                    return None;
                }
            }
        }
        Some(PartialDate { year, month, day })
    }
}

/// A publication that checklist items cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Stable id, e.g. `mss-2024-05-10`; its title is the message `source-<id>`.
    pub id: String,
    /// When it was published, as precisely as known.
    pub published: Option<PartialDate>,
    /// Where to read it, when the address is known.
    pub url: Option<String>,
}

/// One checklist: a document for one audience.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// Id, the file stem, e.g. `student`.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// The date its content was last checked against its sources.
    pub as_of: Date,
    /// Roles that select extra items, e.g. `sensitive`.
    pub roles: Vec<String>,
    /// Sections in print order.
    pub sections: Vec<Section>,
}

/// A titled group of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Id, unique in its checklist.
    pub id: String,
    /// Items in print order.
    pub items: Vec<Item>,
}

/// One thing to check.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Id, unique in its section.
    pub id: String,
    /// Ids of the sources it rests on.
    pub sources: Vec<String>,
    /// When not empty, the item is printed only for these roles.
    pub roles: Vec<String>,
}

impl Item {
    /// Whether the item is printed for a reader who has `roles`.
    pub fn applies_to(&self, roles: &[String]) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| roles.contains(r))
    }
}

/// A row of the cut-out wallet card: its text is the message `card-<id>`.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    /// Id, unique on the card.
    pub id: String,
    /// Ids of the sources it rests on.
    pub sources: Vec<String>,
    /// `mission`: with a destination, the row names its embassy instead
    /// (message `card-<id>-known`).
    pub fill: Option<String>,
}

/// The Fluent message id of a checklist part: the ids joined by `-`.
///
/// `message_id(&["student", "title"])` is `student-title`; a section heading is
/// `<checklist>-<section>`, an item `<checklist>-<section>-<item>`, a source
/// title `source-<source>`.
pub fn message_id(parts: &[&str]) -> String {
    parts.join("-")
}

/// Section ids that would collide with the checklist's own messages.
pub const RESERVED_SECTION_IDS: [&str; 4] = ["title", "audience", "intro", "role"];

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

    /// The files of a catalog folder: `checklists/*.toml` and `locales/<lang>/*`.
    pub fn files_in(dir: &Path) -> Result<Vec<TextFile>, ModelError> {
        let mut files = Vec::new();
        for (sub, ext) in [("checklists", "toml"), ("locales", "")] {
            let base = dir.join(sub);
            if !base.is_dir() {
                return Err(ModelError::NotACatalog {
                    path: dir.to_path_buf(),
                    expected: "checklists/ and locales/ folders",
                });
            }
            collect(&base, ext, sub == "locales", &mut files)?;
        }
        Ok(files)
    }

    /// Builds a catalog from files named `checklists/...` and `locales/<lang>/...`.
    pub fn from_files(files: Vec<TextFile>) -> Result<Catalog, ModelError> {
        let mut sources_file = None;
        let mut card_file = None;
        let mut channels_file = None;
        let mut checklist_files = Vec::new();
        let mut locales: BTreeMap<String, Vec<TextFile>> = BTreeMap::new();
        for file in files {
            let comps: Vec<String> = file
                .path
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let n = comps.len();
            if n >= 3 && comps[n - 3] == "locales" {
                locales.entry(comps[n - 2].clone()).or_default().push(file);
            } else if n >= 2 && comps[n - 2] == "checklists" && comps[n - 1].ends_with(".toml") {
                if comps[n - 1] == "sources.toml" {
                    sources_file = Some(file);
                } else if comps[n - 1] == "card.toml" {
                    card_file = Some(file);
                } else if comps[n - 1] == "channels.toml" {
                    channels_file = Some(file);
                } else {
                    checklist_files.push(file);
                }
            }
        }
        let sources_file = sources_file.ok_or_else(|| ModelError::NotACatalog {
            path: PathBuf::from("checklists"),
            expected: "checklists/sources.toml",
        })?;
        let sources = parse_sources(&sources_file)?;
        let mut checklists = BTreeMap::new();
        for file in &checklist_files {
            let checklist = parse_checklist(file, &sources)?;
            checklists.insert(checklist.id.clone(), checklist);
        }
        let card = match &card_file {
            Some(file) => parse_card(file, &sources)?,
            None => Vec::new(),
        };
        let channels = channels_file.as_ref().map(Channels::parse).transpose()?;
        let mut settings = BTreeMap::new();
        for (tag, files) in &locales {
            let dir = files
                .first()
                .and_then(|f| f.path.parent())
                .map(PathBuf::from)
                .unwrap_or_default();
            settings.insert(tag.clone(), locale::parse_settings(tag, &dir, files)?);
        }
        Ok(Catalog {
            settings,
            checklists,
            sources,
            card,
            channels,
            locales,
        })
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

impl Checklist {
    /// Checks that every role in `roles` is declared by this checklist.
    pub fn check_roles(&self, roles: &[String]) -> Result<(), ModelError> {
        match roles.iter().find(|r| !self.roles.contains(r)) {
            None => Ok(()),
            Some(role) => Err(ModelError::UnknownRole {
                checklist: self.id.clone(),
                role: role.clone(),
                available: if self.roles.is_empty() {
                    "none".into()
                } else {
                    self.roles.join(", ")
                },
            }),
        }
    }

    /// Every message id the checklist uses, in print order.
    pub fn message_ids(&self) -> Vec<String> {
        let c = self.id.as_str();
        let mut ids: Vec<String> = ["title", "audience", "intro"]
            .iter()
            .map(|p| message_id(&[c, p]))
            .collect();
        ids.extend(self.roles.iter().map(|r| message_id(&[c, "role", r])));
        for s in &self.sections {
            ids.push(message_id(&[c, &s.id]));
            ids.extend(s.items.iter().map(|i| message_id(&[c, &s.id, &i.id])));
        }
        ids
    }
}

fn collect(
    dir: &Path,
    ext: &str,
    recurse: bool,
    out: &mut Vec<TextFile>,
) -> Result<(), ModelError> {
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ModelError + '_ {
        move |source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
    for entry in read_dir_sorted(dir).map_err(io(dir))? {
        let path = entry.path();
        if path.is_dir() {
            if recurse {
                collect(&path, ext, false, out)?;
            }
        } else if ext.is_empty() || path.extension().is_some_and(|e| e == ext) {
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            out.push(TextFile { path, text });
        }
    }
    Ok(())
}

/// The entries of `dir`, sorted by name so output never depends on the file system's order.
pub(crate) fn read_dir_sorted(dir: &Path) -> std::io::Result<Vec<std::fs::DirEntry>> {
    let mut entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<SourceDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDef {
    id: Spanned<String>,
    published: Option<Spanned<String>>,
    url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ChecklistDef {
    as_of: Spanned<String>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
    section: Vec<SectionDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionDef {
    id: Spanned<String>,
    item: Vec<ItemDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemDef {
    id: Spanned<String>,
    sources: Vec<Spanned<String>>,
    #[serde(default)]
    roles: Vec<Spanned<String>>,
}

/// Error helpers bound to one file.
struct Ctx<'a>(&'a TextFile);

impl Ctx<'_> {
    fn err(&self, offset: usize, message: impl Into<String>) -> ModelError {
        ModelError::Invalid {
            location: Location::from_offset(&self.0.path, &self.0.text, offset),
            message: message.into(),
        }
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ModelError> {
        toml::from_str(&self.0.text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            self.err(offset, e.message().trim().replace('\n', " "))
        })
    }

    fn id(&self, id: &Spanned<String>, what: &str) -> Result<String, ModelError> {
        let s = id.get_ref();
        let ok = !s.is_empty()
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !s.ends_with('-')
            && !s.contains("--");
        if ok {
            Ok(s.clone())
        } else {
            Err(self.err(
                id.span().start,
                format!(
                    "invalid {what} id `{s}`: use lowercase letters, digits and single hyphens"
                ),
            ))
        }
    }
}

fn unique(
    ctx: &Ctx,
    seen: &mut BTreeSet<String>,
    id: &Spanned<String>,
    what: &str,
) -> Result<String, ModelError> {
    let id_str = ctx.id(id, what)?;
    if !seen.insert(id_str.clone()) {
        return Err(ctx.err(id.span().start, format!("duplicate {what} id `{id_str}`")));
    }
    Ok(id_str)
}

pub(crate) fn parse_sources(file: &TextFile) -> Result<BTreeMap<String, Source>, ModelError> {
    let ctx = Ctx(file);
    let def: SourcesFile = ctx.parse()?;
    let mut seen = BTreeSet::new();
    let mut out = BTreeMap::new();
    for s in def.source {
        let id = unique(&ctx, &mut seen, &s.id, "source")?;
        let published = match &s.published {
            None => None,
            Some(p) => Some(PartialDate::parse(p.get_ref()).ok_or_else(|| {
                ctx.err(
                    p.span().start,
                    format!(
                        "invalid date `{}`: use YYYY, YYYY-MM or YYYY-MM-DD",
                        p.get_ref()
                    ),
                )
            })?),
        };
        out.insert(
            id.clone(),
            Source {
                id,
                published,
                url: s.url,
            },
        );
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardFile {
    row: Vec<CardRowDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardRowDef {
    id: Spanned<String>,
    sources: Vec<Spanned<String>>,
    fill: Option<Spanned<String>>,
}

pub(crate) fn parse_card(
    file: &TextFile,
    sources: &BTreeMap<String, Source>,
) -> Result<Vec<CardRow>, ModelError> {
    let ctx = Ctx(file);
    let def: CardFile = ctx.parse()?;
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    for row in &def.row {
        let id = unique(&ctx, &mut seen, &row.id, "card row")?;
        if row.sources.is_empty() {
            return Err(ctx.err(
                row.id.span().start,
                format!("card row `{id}` names no source"),
            ));
        }
        let mut ids = Vec::new();
        for src in &row.sources {
            if !sources.contains_key(src.get_ref()) {
                return Err(ctx.err(
                    src.span().start,
                    format!("unknown source `{}`", src.get_ref()),
                ));
            }
            ids.push(src.get_ref().clone());
        }
        if let Some(fill) = &row.fill {
            if fill.get_ref() != "mission" {
                return Err(ctx.err(
                    fill.span().start,
                    format!("unknown fill `{}` (known: mission)", fill.get_ref()),
                ));
            }
        }
        rows.push(CardRow {
            id,
            sources: ids,
            fill: row.fill.as_ref().map(|f| f.get_ref().clone()),
        });
    }
    Ok(rows)
}

pub(crate) fn parse_checklist(
    file: &TextFile,
    sources: &BTreeMap<String, Source>,
) -> Result<Checklist, ModelError> {
    let ctx = Ctx(file);
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = ctx.id(&Spanned::new(0..0, stem), "checklist (file name)")?;
    let def: ChecklistDef = ctx.parse()?;
    let as_of = Date::parse(def.as_of.get_ref()).ok_or_else(|| {
        ctx.err(
            def.as_of.span().start,
            format!("invalid date `{}`: use YYYY-MM-DD", def.as_of.get_ref()),
        )
    })?;
    let mut seen = BTreeSet::new();
    let roles = def
        .roles
        .iter()
        .map(|r| unique(&ctx, &mut seen, r, "role"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut section_ids = BTreeSet::new();
    let mut message_ids = BTreeSet::new();
    let mut sections = Vec::new();
    for s in &def.section {
        let sid = unique(&ctx, &mut section_ids, &s.id, "section")?;
        if RESERVED_SECTION_IDS.contains(&sid.as_str()) {
            return Err(ctx.err(s.id.span().start, format!("section id `{sid}` is reserved")));
        }
        if s.item.is_empty() {
            return Err(ctx.err(s.id.span().start, format!("section `{sid}` has no items")));
        }
        let mut item_ids = BTreeSet::new();
        let mut items = Vec::new();
        for i in &s.item {
            let iid = unique(&ctx, &mut item_ids, &i.id, "item")?;
            if !message_ids.insert(message_id(&[&sid, &iid])) {
                return Err(ctx.err(
                    i.id.span().start,
                    format!("item `{sid}-{iid}` collides with another message id"),
                ));
            }
            if i.sources.is_empty() {
                return Err(ctx.err(i.id.span().start, format!("item `{iid}` names no source")));
            }
            let mut item_sources = Vec::new();
            for src in &i.sources {
                if !sources.contains_key(src.get_ref()) {
                    return Err(ctx.err(
                        src.span().start,
                        format!("unknown source `{}`", src.get_ref()),
                    ));
                }
                item_sources.push(src.get_ref().clone());
            }
            let mut item_roles = Vec::new();
            for r in &i.roles {
                if !roles.contains(r.get_ref()) {
                    return Err(ctx.err(
                        r.span().start,
                        format!("role `{}` is not declared in `roles`", r.get_ref()),
                    ));
                }
                item_roles.push(r.get_ref().clone());
            }
            items.push(Item {
                id: iid,
                sources: item_sources,
                roles: item_roles,
            });
        }
        if !message_ids.insert(sid.clone()) {
            return Err(ctx.err(
                s.id.span().start,
                format!("section `{sid}` collides with another message id"),
            ));
        }
        sections.push(Section { id: sid, items });
    }
    Ok(Checklist {
        id,
        path: file.path.clone(),
        as_of,
        roles,
        sections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> TextFile {
        TextFile {
            path: PathBuf::from(path),
            text: text.to_string(),
        }
    }

    const SOURCES: &str = "[[source]]\nid = \"s1\"\npublished = \"2024-05\"\n";

    fn catalog(checklist: &str) -> Result<Catalog, ModelError> {
        Catalog::from_files(vec![
            file("checklists/sources.toml", SOURCES),
            file("checklists/demo.toml", checklist),
        ])
    }

    #[test]
    fn parses_a_checklist() {
        let c = catalog(
            "as-of = \"2026-11-22\"\nroles = [\"sensitive\"]\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\nroles = [\"sensitive\"]\n",
        )
        .unwrap();
        let demo = c.checklist("demo").unwrap();
        assert_eq!(
            demo.as_of,
            Date {
                year: 2026,
                month: 11,
                day: 22
            }
        );
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
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("checklists/demo.toml:2:1: unknown field `colour`"),
            "{e}"
        );
    }

    #[test]
    fn rejects_unknown_source_at_its_position() {
        let e = catalog("as-of = \"2026-11-22\"\n[[section]]\nid = \"a\"\n[[section.item]]\nid = \"x\"\nsources = [\"nope\"]\n")
            .unwrap_err()
            .to_string();
        assert_eq!(e, "checklists/demo.toml:6:12: unknown source `nope`");
    }

    #[test]
    fn rejects_bad_dates_and_ids() {
        assert!(PartialDate::parse("2024-02-30").is_none());
        assert!(PartialDate::parse("2024-13").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        let e = catalog("as-of = \"2026-11-22\"\n[[section]]\nid = \"A b\"\n[[section.item]]\nid = \"x\"\nsources = [\"s1\"]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("3:6: invalid section id `A b`"), "{e}");
    }

    #[test]
    fn days_round_trip() {
        for days in [0, 59, 60, 365, 11_016, 20_779, 47_540] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(
            Date::from_days_since_epoch(20_779).to_string(),
            "2026-11-22"
        );
    }

    #[test]
    fn epoch_days() {
        assert_eq!(
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
            .days_since_epoch(),
            0
        );
        assert_eq!(
            Date {
                year: 2026,
                month: 11,
                day: 22
            }
            .days_since_epoch(),
            20_779
        );
    }
}
