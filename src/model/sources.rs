//! `checklists/sources.toml`: the publications checklist items and card rows
//! cite, and the check that every cited id is one of them.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use super::{unique, Ctx, DateForm, Errors, IdKind, PartialDate, Problem, TextFile};
use crate::diag::Location;

/// A publication that checklist items cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Stable id, e.g. `mss-2024-05-10`; its title is the message `source-<id>`.
    pub id: String,
    /// When it was published, as precisely as known.
    pub published: Option<PartialDate>,
    /// Where to read it, when the address is known.
    pub url: Option<String>,
    /// Where its id is defined.
    pub location: Location,
}

/// Sources by id.
pub(crate) type Sources = BTreeMap<String, Source>;

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

/// Parses `sources.toml`, collecting every problem into `errors`; `None`
/// when the file does not parse as a whole. A source with a bad id is left
/// out, one with a bad date kept undated.
pub(crate) fn parse_sources(file: &TextFile, errors: &mut Errors) -> Option<Sources> {
    let ctx = Ctx(file);
    let def: SourcesFile = errors.keep(ctx.parse())?;
    let mut seen = BTreeSet::new();
    let mut out = BTreeMap::new();
    for s in def.source {
        let Some(id) = errors.keep(unique(&ctx, &mut seen, &s.id, IdKind::Source)) else {
            continue;
        };
        let published = s.published.as_ref().and_then(|p| {
            let date = PartialDate::parse(p.get_ref());
            if date.is_none() {
                errors.push(ctx.err(
                    p.span().start,
                    Problem::InvalidDate {
                        text: p.get_ref().clone(),
                        form: DateForm::Partial,
                    },
                ));
            }
            date
        });
        let location = ctx.at(s.id.span().start);
        out.insert(
            id.clone(),
            Source {
                id,
                published,
                url: s.url,
                location,
            },
        );
    }
    Some(out)
}

/// The ids of `cited`, each an error unless `sources` defines it. With no
/// sources (their file did not parse) nothing can be checked and every id
/// is kept, so one broken file gives no cascade of unknown sources.
pub(crate) fn cite(
    ctx: &Ctx,
    sources: Option<&Sources>,
    cited: &[Spanned<String>],
    errors: &mut Errors,
) -> Vec<String> {
    let mut ids = Vec::new();
    for src in cited {
        let id = src.get_ref();
        if sources.is_some_and(|s| !s.contains_key(id)) {
            errors.push(ctx.err(src.span().start, Problem::UnknownSource(id.clone())));
        } else {
            ids.push(id.clone());
        }
    }
    ids
}
