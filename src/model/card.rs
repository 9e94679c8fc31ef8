//! `checklists/card.toml`: the rows of the cut-out wallet card.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use super::sources::{cite, Sources};
use super::{unique, Ctx, Errors, IdKind, Problem, TextFile};
use crate::diag::Location;

/// A row of the cut-out wallet card: its text is the message `card-<id>`.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    /// Id, unique on the card.
    pub id: String,
    /// Where its id is defined.
    pub location: Location,
    /// Ids of the sources it rests on.
    pub sources: Vec<String>,
    /// What the row is filled with when the document knows more.
    pub fill: Option<CardFill>,
}

/// What a card row is filled with when the document knows more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CardFill {
    /// With a destination, the row names its embassy instead (message
    /// `card-<id>-known`).
    Mission,
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
    fill: Option<CardFill>,
}

/// Parses `card.toml`, collecting every problem into `errors`. A row with a
/// bad or repeated id is left out; one with an unknown source is kept
/// without it. `None` when the file does not parse as a whole.
pub(crate) fn parse_card(
    file: &TextFile,
    sources: Option<&Sources>,
    errors: &mut Errors,
) -> Option<Vec<CardRow>> {
    let ctx = Ctx(file);
    let def: CardFile = errors.keep(ctx.parse())?;
    let mut seen = BTreeSet::new();
    let mut rows = Vec::new();
    for row in &def.row {
        let Some(id) = errors.keep(unique(&ctx, &mut seen, &row.id, IdKind::CardRow)) else {
            continue;
        };
        let at = row.id.span().start;
        if row.sources.is_empty() {
            let problem = Problem::NoSource {
                what: IdKind::CardRow,
                id: id.clone(),
            };
            errors.push(ctx.err(at, problem));
        }
        rows.push(CardRow {
            id,
            location: ctx.at(at),
            sources: cite(&ctx, sources, &row.sources, errors),
            fill: row.fill,
        });
    }
    Some(rows)
}
