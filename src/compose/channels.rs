//! The section of help and reporting channels: the destination's missions,
//! the consular hotline and the channels for after return.

use fluent_bundle::FluentArgs;

use super::citations::Citations;
use super::{destination_names, name_in, per_lang, text, ComposeError, Item, Section, Text};
use crate::l10n::Locale;
use crate::model::{ChannelKind, Channels, Date, Destination, Mission};

/// The first mission with a consular-protection number, of the first
/// destination that has one.
pub(super) fn destination_embassy<'a>(destinations: &[&'a Destination]) -> Option<&'a Mission> {
    destinations
        .iter()
        .find_map(|d| d.missions.iter().find(|m| m.phone.is_some()))
}

/// The section of help and reporting channels: the destination's embassy and
/// consulates (or lines to write them in), the consular hotline, then the
/// channels for after return.
pub(super) fn channels_section(
    data: &Channels,
    destinations: &[&Destination],
    today: Date,
    locales: &[&Locale],
    citations: &mut Citations,
) -> Result<Section, ComposeError> {
    let heading = if destinations.is_empty() {
        text(locales, "ui-channels-heading-blank".into(), None)?
    } else {
        with_destinations(locales, "ui-channels-heading", destinations)?
    };
    let mut items = Vec::new();
    // Each country of a trip in turn: its missions, or where to look them up.
    for d in destinations {
        if d.missions.is_empty() {
            items.push(plain(with_destinations(locales, "ui-mission-none", &[d])?));
        } else {
            items.extend(mission_rows(d, today, locales, citations)?);
        }
    }
    if destinations.is_empty() {
        for id in ["ui-mission-blank-name", "ui-mission-blank-phone"] {
            items.push(plain(text(locales, id.into(), None)?));
        }
    }
    items.extend(national_rows(data, locales, citations)?);
    items.push(plain(text(locales, "ui-channel-employer".into(), None)?));
    Ok(Section { heading, items })
}

/// An item without source reference.
fn plain(text: Text) -> Item {
    Item {
        text,
        reference: None,
        sources: Vec::new(),
    }
}

/// Message `id` with the destinations' names as `$destination`.
fn with_destinations(
    locales: &[&Locale],
    id: &str,
    destinations: &[&Destination],
) -> Result<Text, ComposeError> {
    per_lang(locales, id, |l| {
        let mut args = FluentArgs::new();
        args.set("destination", destination_names(destinations, l)?);
        Ok(args)
    })
}

/// One row per mission of the destination, with its source.
fn mission_rows(
    d: &Destination,
    today: Date,
    locales: &[&Locale],
    citations: &mut Citations,
) -> Result<Vec<Item>, ComposeError> {
    let mut items = Vec::new();
    for (n, m) in d.missions.iter().enumerate() {
        let texts = locales
            .iter()
            .map(|l| mission_text(m, today, l))
            .collect::<Result<_, _>>()?;
        let (reference, sources) = citations.cite_data(&m.provenance, locales)?;
        items.push(Item {
            text: Text {
                id: format!("ui-mission:{}-{}", d.code, n + 1),
                text: texts,
            },
            reference: Some(reference),
            sources,
        });
    }
    Ok(items)
}

/// A mission's row in one language: name and city, number, address,
/// website, date and, where due, "verify before travel".
fn mission_text(m: &Mission, today: Date, locale: &Locale) -> Result<String, ComposeError> {
    let one = |id: &str, name: &str, value: String| -> Result<String, ComposeError> {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), value);
        Ok(locale.format(id, Some(&args))?)
    };
    let at = &m.provenance.location;
    let name = name_in(&m.name, locale, at)?;
    let city = name_in(&m.city, locale, at)?;
    // "Consulate General in Osaka" needs no ", Osaka".
    let mut parts = if name.contains(&city) {
        vec![name]
    } else {
        let mut args = FluentArgs::new();
        args.set("name", name);
        args.set("city", city);
        vec![locale.format("ui-mission-name", Some(&args))?]
    };
    parts.push(match &m.phone {
        Some(phone) => one("ui-mission-phone", "phone", phone.clone())?,
        None => locale.format("ui-mission-no-phone", None)?,
    });
    if let Some(address) = &m.address {
        parts.push(one("ui-mission-address", "address", address.clone())?);
    }
    if let Some(website) = &m.website {
        parts.push(one("ui-mission-website", "website", website.clone())?);
    }
    if let Some(date) = m.provenance.date {
        parts.push(one("ui-mission-as-of", "date", locale.format_date(date)?)?);
    }
    if Channels::needs_verifying(&m.provenance, today) {
        parts.push(locale.format("ui-verify", None)?);
    }
    Ok(parts.join(&locale.format("ui-list-separator", None)?))
}

/// The consular hotline, then what to use after return.
fn national_rows(
    data: &Channels,
    locales: &[&Locale],
    citations: &mut Citations,
) -> Result<Vec<Item>, ComposeError> {
    let hotlines = data
        .national
        .iter()
        .filter(|c| c.abroad && c.kind == ChannelKind::Hotline && !c.phones.is_empty());
    let after_return = data
        .national
        .iter()
        .filter(|c| !c.abroad && (!c.phones.is_empty() || c.url.is_some()));
    let mut items = Vec::new();
    for (channel, id) in hotlines
        .map(|c| (c, "ui-channel-hotline"))
        .chain(after_return.map(|c| (c, "ui-channel-after-return")))
    {
        let text = per_lang(locales, id, |l| {
            let mut args = FluentArgs::new();
            args.set(
                "name",
                name_in(&channel.name, l, &channel.provenance.location)?,
            );
            let how: Vec<&str> = channel
                .phones
                .iter()
                .chain(&channel.url)
                .map(String::as_str)
                .collect();
            args.set("contact", how.join(&l.format("ui-or", None)?));
            Ok(args)
        })?;
        let (reference, sources) = citations.cite_data(&channel.provenance, locales)?;
        items.push(Item {
            // One id per row, naming the channel.
            text: Text {
                id: format!("{id}:{}", channel.id),
                ..text
            },
            reference: Some(reference),
            sources,
        });
    }
    Ok(items)
}
