//! The cut-out wallet card: the catalog's card rows, with the destination's
//! embassy filled in where a row asks for it and put first. The card prints
//! no source numbers (they mean nothing once it is cut out); its sources
//! are still cited, so the sources list names them.

use fluent_bundle::FluentArgs;

use super::channels::destination_embassy;
use super::citations::Citations;
use super::{name_in, per_lang, text, Card, ComposeError, Extras, Item};
use crate::l10n::Locale;
use crate::model::{message_id, Catalog, Channels};

/// The card, when `extras` asks for one and the catalog has one.
pub(super) fn card(
    catalog: &Catalog,
    extras: &Extras,
    locales: &[&Locale],
    citations: &mut Citations,
) -> Result<Option<Card>, ComposeError> {
    if !extras.card || catalog.card.is_empty() {
        return Ok(None);
    }
    {
        let mut rows = Vec::new();
        for row in &catalog.card {
            let embassy = destination_embassy(extras.destination).filter(|_| row.fill.is_some());
            let item = match embassy {
                Some(m) => {
                    let text = per_lang(locales, &message_id(&["card", &row.id, "known"]), |l| {
                        let mut args = FluentArgs::new();
                        args.set("name", name_in(&m.name, l, &m.provenance.location)?);
                        let mut phone = m.phone.clone().unwrap_or_default();
                        // An old or uncertain number says so on the card too.
                        if let (true, Some(date)) = (
                            Channels::needs_verifying(&m.provenance, extras.today),
                            m.provenance.date,
                        ) {
                            let mut note = FluentArgs::new();
                            note.set("date", l.format_date(date)?);
                            phone.push_str(&l.format("ui-verify-note", Some(&note))?);
                        }
                        args.set("phone", phone);
                        Ok(args)
                    })?;
                    let (_, sources) = citations.cite_data(&m.provenance, locales)?;
                    Item {
                        text,
                        reference: None,
                        sources,
                    }
                }
                None => {
                    let (_, sources) = citations.cite(&row.sources, locales)?;
                    Item {
                        text: text(locales, message_id(&["card", &row.id]), None)?,
                        reference: None,
                        sources,
                    }
                }
            };
            // The mission's row comes first: it is the number to call.
            if row.fill.is_some() {
                rows.insert(0, item);
            } else {
                rows.push(item);
            }
        }
        Ok(Some(Card {
            title: text(locales, "card-title".into(), None)?,
            rows,
            cut: {
                // Two languages make one card, folded between them.
                let mut args = FluentArgs::new();
                args.set("languages", locales.len());
                text(locales, "card-cut".into(), Some(&args))?
            },
        }))
    }
}
