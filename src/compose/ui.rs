//! The interface messages: the list of those the program formats itself,
//! and the page footer.

use fluent_bundle::FluentArgs;

use super::{text, Text};
use crate::l10n::{L10nError, Locale};

/// The interface messages the program formats itself (besides those derived
/// from checklist, source and card ids). `predeparture validate` reports
/// each one a language lacks, and every message neither listed here nor
/// derived from a definition as unused.
pub const UI_MESSAGES: &[&str] = &[
    "language-name",
    "ui-date",
    "ui-date-month",
    "ui-date-year",
    "ui-page",
    "ui-link-call",
    "ui-link-open",
    "ui-sources",
    "ui-source-ref",
    "ui-source-entry",
    "ui-source-entry-undated",
    "ui-as-of",
    "ui-edition",
    "ui-list-separator",
    "ui-or",
    "card-title",
    "card-cut",
    "ui-org-name",
    "ui-packet-kind",
    "ui-cover-employee",
    "ui-cover-destination",
    "ui-cover-departure",
    "ui-cover-date",
    "ui-org-items",
    "ui-org-contacts",
    "ui-contact-officer",
    "ui-contact",
    "ui-ack-heading",
    "ui-ack-statement",
    "ui-ack-name",
    "ui-ack-signature",
    "ui-ack-date",
    "ui-channels-heading",
    "ui-channels-heading-blank",
    "ui-mission-name",
    "ui-mission-phone",
    "ui-mission-no-phone",
    "ui-mission-address",
    "ui-mission-website",
    "ui-mission-as-of",
    "ui-verify",
    "ui-verify-note",
    "ui-mission-none",
    "ui-mission-blank-name",
    "ui-mission-blank-phone",
    "ui-channel-hotline",
    "ui-channel-after-return",
    "ui-channel-employer",
];

/// The footer of page `page` of `total`, in every language.
pub fn page_label(locales: &[&Locale], page: usize, total: usize) -> Result<Text, L10nError> {
    let mut args = FluentArgs::new();
    args.set("page", page);
    args.set("total", total);
    text(locales, "ui-page".into(), Some(&args))
}

/// How links are described to a screen reader in `locale`: a telephone
/// link with `{number}` standing for the number ("Call {number}"), a web
/// link with `{address}` standing for the address ("Open {address}").
pub fn link_words(locale: &Locale) -> Result<(String, String), L10nError> {
    let mut args = FluentArgs::new();
    args.set("number", "{number}");
    args.set("address", "{address}");
    Ok((
        locale.format("ui-link-call", Some(&args))?,
        locale.format("ui-link-open", Some(&args))?,
    ))
}
