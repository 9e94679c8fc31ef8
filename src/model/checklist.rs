//! A checklist file, `checklists/<id>.toml`: its date, roles, sections and
//! items, each kept with the place it is defined.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;
use toml::Spanned;

use super::sources::{cite, Sources};
use super::{
    message_id, unique, Ctx, Date, DateForm, Errors, IdKind, ModelError, Problem, TextFile,
    RESERVED_SECTION_IDS,
};
use crate::diag::Location;

/// One checklist: a document for one audience.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// Id, the file stem, e.g. `student`.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// Its first line of content: where its title, audience and intro
    /// messages are said to be used.
    pub location: Location,
    /// The date its content was last checked against its sources.
    pub as_of: Date,
    /// Roles that select extra items, e.g. `sensitive`.
    pub roles: Vec<String>,
    /// Where each of `roles` is declared, in the same order.
    pub role_locations: Vec<Location>,
    /// Sections in print order.
    pub sections: Vec<Section>,
}

/// A titled group of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Id, unique in its checklist.
    pub id: String,
    /// Where its id is defined.
    pub location: Location,
    /// Items in print order.
    pub items: Vec<Item>,
}

/// One thing to check.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Id, unique in its section.
    pub id: String,
    /// Where its id is defined.
    pub location: Location,
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
        self.messages().into_iter().map(|(id, _)| id).collect()
    }

    /// Every message id the checklist uses, in print order, with the place
    /// of the definition that uses it.
    pub fn messages(&self) -> Vec<(String, &Location)> {
        let c = self.id.as_str();
        let mut out: Vec<(String, &Location)> = ["title", "audience", "intro"]
            .iter()
            .map(|p| (message_id(&[c, p]), &self.location))
            .collect();
        for (r, at) in self.roles.iter().zip(&self.role_locations) {
            out.push((message_id(&[c, "role", r]), at));
        }
        for s in &self.sections {
            out.push((message_id(&[c, &s.id]), &s.location));
            for i in &s.items {
                out.push((message_id(&[c, &s.id, &i.id]), &i.location));
            }
        }
        out
    }
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

/// What the sections of one checklist share while they are read.
struct Reader<'a, 'f> {
    ctx: Ctx<'f>,
    sources: Option<&'a Sources>,
    roles: &'a [String],
    /// Message ids (without the checklist prefix) taken so far.
    message_ids: BTreeSet<String>,
    errors: &'a mut Errors,
}

/// Parses one checklist file, collecting every problem into `errors`. A
/// section or item with a bad or repeated id is left out; an item with an
/// unknown source or role is kept without it. `None` when the file does not
/// parse as a whole or its name is not an id.
pub(crate) fn parse_checklist(
    file: &TextFile,
    sources: Option<&Sources>,
    errors: &mut Errors,
) -> Option<Checklist> {
    let ctx = Ctx(file);
    let stem = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = errors.keep(ctx.id(&Spanned::new(0..0, stem), IdKind::Checklist))?;
    let def: ChecklistDef = errors.keep(ctx.parse())?;
    let as_of = Date::parse(def.as_of.get_ref()).unwrap_or_else(|| {
        errors.push(ctx.err(
            def.as_of.span().start,
            Problem::InvalidDate {
                text: def.as_of.get_ref().clone(),
                form: DateForm::Day,
            },
        ));
        Date::from_days_since_epoch(0)
    });
    let mut seen = BTreeSet::new();
    let (mut roles, mut role_locations) = (Vec::new(), Vec::new());
    for r in &def.roles {
        if let Some(role) = errors.keep(unique(&ctx, &mut seen, r, IdKind::Role)) {
            roles.push(role);
            role_locations.push(ctx.at(r.span().start));
        }
    }
    let mut reader = Reader {
        ctx,
        sources,
        roles: &roles,
        message_ids: BTreeSet::new(),
        errors,
    };
    let mut section_ids = BTreeSet::new();
    let sections = def
        .section
        .iter()
        .filter_map(|s| reader.section(s, &mut section_ids))
        .collect();
    Some(Checklist {
        id,
        path: file.path.clone(),
        location: first_line(file),
        as_of,
        roles,
        role_locations,
        sections,
    })
}

impl Reader<'_, '_> {
    fn error(&mut self, offset: usize, problem: Problem) {
        self.errors.push(self.ctx.err(offset, problem));
    }

    fn section(&mut self, s: &SectionDef, seen: &mut BTreeSet<String>) -> Option<Section> {
        let at = s.id.span().start;
        let sid = self
            .errors
            .keep(unique(&self.ctx, seen, &s.id, IdKind::Section))?;
        if RESERVED_SECTION_IDS.contains(&sid.as_str()) {
            self.error(at, Problem::ReservedSection(sid));
            return None;
        }
        if s.item.is_empty() {
            // Kept, so that its heading's message is not reported as unused.
            self.error(at, Problem::EmptySection(sid.clone()));
        }
        let mut item_ids = BTreeSet::new();
        let items = s
            .item
            .iter()
            .filter_map(|i| self.item(&sid, i, &mut item_ids))
            .collect();
        if !self.message_ids.insert(sid.clone()) {
            self.error(
                at,
                Problem::Collision {
                    what: IdKind::Section,
                    id: sid,
                },
            );
            return None;
        }
        Some(Section {
            id: sid,
            location: self.ctx.at(at),
            items,
        })
    }

    fn item(&mut self, sid: &str, i: &ItemDef, seen: &mut BTreeSet<String>) -> Option<Item> {
        let at = i.id.span().start;
        let iid = self
            .errors
            .keep(unique(&self.ctx, seen, &i.id, IdKind::Item))?;
        if !self.message_ids.insert(message_id(&[sid, &iid])) {
            let id = format!("{sid}-{iid}");
            self.error(
                at,
                Problem::Collision {
                    what: IdKind::Item,
                    id,
                },
            );
            return None;
        }
        if i.sources.is_empty() {
            let id = iid.clone();
            self.error(
                at,
                Problem::NoSource {
                    what: IdKind::Item,
                    id,
                },
            );
        }
        let sources = cite(&self.ctx, self.sources, &i.sources, self.errors);
        let mut roles = Vec::new();
        for r in &i.roles {
            if self.roles.contains(r.get_ref()) {
                roles.push(r.get_ref().clone());
            } else {
                self.error(r.span().start, Problem::UndeclaredRole(r.get_ref().clone()));
            }
        }
        Some(Item {
            id: iid,
            location: self.ctx.at(at),
            sources,
            roles,
        })
    }
}

/// The start of the file's first line that is neither blank nor a comment.
fn first_line(file: &TextFile) -> Location {
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let content = line.trim();
        if !content.is_empty() && !content.starts_with('#') {
            break;
        }
        offset += line.len();
    }
    if offset >= file.text.len() {
        offset = 0;
    }
    Location::from_offset(&file.path, &file.text, offset)
}
