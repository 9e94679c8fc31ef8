//! The cut-out wallet card: the catalog's card rows, with the destination's
//! embassy filled in where a row asks for it and put first. The card prints
//! no source numbers (they mean nothing once it is cut out); its sources
//! are still cited, so the sources list names them.

use fluent_bundle::FluentArgs;

use super::channels::destination_embassy;
use super::citations::Citations;
use super::{name_in, per_lang, text, Card, ComposeError, Extras, Item};
use crate::l10n::Locale;
use crate::model::Org;
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
            let embassy = destination_embassy(&extras.destinations).filter(|_| row.fill.is_some());
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
        if let Some(input) = &extras.org {
            rows.extend(org_row(input.org, locales)?);
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
            logo: match extras
                .org
                .as_ref()
                .and_then(|o| o.org.logo.clone().zip(Some(o.org)))
            {
                Some((logo, org)) => Some((
                    logo,
                    per_lang(locales, "ui-org-name", |l| {
                        let mut args = FluentArgs::new();
                        args.set("org", org.name.get(&l.tag)?.to_string());
                        Ok(args)
                    })?,
                )),
                None => None,
            },
        }))
    }
}

/// The organisation's row: its name and the number (or e-mail address when
/// it has no number) of its security officer, else of its first contact.
/// One contact only: a card with a destination's embassy has room for no
/// more; the document lists them all.
fn org_row(org: &Org, locales: &[&Locale]) -> Result<Option<Item>, ComposeError> {
    let people: Vec<_> = org
        .security_officer
        .iter()
        .chain(&org.contacts)
        .take(1)
        .collect();
    if people.is_empty() {
        return Ok(None);
    }
    let text = per_lang(locales, "ui-card-org", |l| {
        let mut list = Vec::new();
        for contact in &people {
            let mut args = FluentArgs::new();
            args.set("name", contact.name.get(&l.tag)?.to_string());
            let reach = contact.phone.as_ref().or(contact.email.as_ref());
            args.set("details", reach.cloned().unwrap_or_default());
            list.push(l.format("ui-card-contact", Some(&args))?);
        }
        let mut args = FluentArgs::new();
        args.set("org", org.name.get(&l.tag)?.to_string());
        args.set("contacts", list.join(&l.format("ui-list-separator", None)?));
        Ok(args)
    })?;
    Ok(Some(Item {
        text,
        reference: None,
        sources: Vec::new(),
    }))
}
