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

use std::collections::BTreeSet;

use toml::Spanned;

use crate::diag::{Diagnostic, Location};

mod card;
mod catalog;
mod channels;
mod checklist;
mod countries;
mod date;
mod error;
mod files;
pub mod image;
mod locale;
mod org;
mod sources;

pub use card::{CardFill, CardRow};
pub use catalog::Catalog;
pub use channels::{
    phone_ok, Channel, ChannelKind, Channels, Confidence, Destination, Finding, Mission,
    MissionKind, Names, Provenance, Superseded, VerifyReason,
};
pub use checklist::{Checklist, Item, Section};
pub use date::{Date, PartialDate};
pub use error::{DateForm, IdKind, ModelError, Problem};
pub use files::TextFile;
pub(crate) use files::{read_dir_sorted, role as file_role, Role as FileRole};
pub use locale::{LocaleSettings, Script};
pub use org::{Contact, Localized, Org, OrgItem};
pub use sources::Source;

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

/// Problems collected while reading, in the order they were found.
#[derive(Debug, Default)]
pub(crate) struct Errors(Vec<ModelError>);

impl Errors {
    fn push(&mut self, e: ModelError) {
        self.0.push(e);
    }

    /// The value, or `None` with the error kept.
    fn keep<T>(&mut self, r: Result<T, ModelError>) -> Option<T> {
        r.map_err(|e| self.push(e)).ok()
    }

    fn into_first(self) -> Option<ModelError> {
        self.0.into_iter().next()
    }

    fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.0.iter().map(ModelError::to_diagnostic).collect()
    }
}

/// Error helpers bound to one file.
pub(crate) struct Ctx<'a>(&'a TextFile);

impl Ctx<'_> {
    /// The location of byte `offset` of the file.
    fn at(&self, offset: usize) -> Location {
        Location::from_offset(&self.0.path, &self.0.text, offset)
    }

    fn err(&self, offset: usize, problem: Problem) -> ModelError {
        ModelError::invalid(self.at(offset), problem)
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, ModelError> {
        toml::from_str(&self.0.text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let message = e.message().trim().replace(['\r', '\n'], " ");
            self.err(offset, Problem::Toml(message))
        })
    }

    fn id(&self, id: &Spanned<String>, what: IdKind) -> Result<String, ModelError> {
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
            let problem = Problem::InvalidId {
                what,
                id: s.clone(),
            };
            Err(self.err(id.span().start, problem))
        }
    }
}

/// The id, checked, and an error if `seen` has it already.
fn unique(
    ctx: &Ctx,
    seen: &mut BTreeSet<String>,
    id: &Spanned<String>,
    what: IdKind,
) -> Result<String, ModelError> {
    let id_str = ctx.id(id, what)?;
    if !seen.insert(id_str.clone()) {
        let problem = Problem::Duplicate { what, id: id_str };
        return Err(ctx.err(id.span().start, problem));
    }
    Ok(id_str)
}
