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
    "ui-ack-checklist",
    "ui-ack-read",
    "ui-ack-countersignature",
    "ui-card-org",
    "ui-card-contact",
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

/// The messages of the web page that `predeparture serve` shows
/// (`locales/*/web.ftl`). A language that has them all gets the page in
/// its language; `predeparture validate` checks them like [`UI_MESSAGES`].
pub const WEB_MESSAGES: &[&str] = &[
    "web-title",
    "web-intro",
    "web-skip",
    "web-ui-language",
    "web-checklist",
    "web-roles",
    "web-roles-none",
    "web-languages",
    "web-lang-first",
    "web-lang-second",
    "web-lang-third",
    "web-lang-none",
    "web-profile",
    "web-profile-handout",
    "web-profile-handout-hint",
    "web-profile-phone",
    "web-profile-phone-hint",
    "web-profile-packet",
    "web-profile-packet-hint",
    "web-paper",
    "web-paper-a4",
    "web-paper-letter",
    "web-destination",
    "web-destination-hint",
    "web-packet",
    "web-org-configured",
    "web-org-none",
    "web-org-file",
    "web-logo-file",
    "web-name",
    "web-departure",
    "web-date",
    "web-date-hint",
    "web-roster",
    "web-roster-file",
    "web-roster-button",
    "web-download",
    "web-preview",
    "web-preview-note",
    "web-preview-pages",
    "web-updating",
    "web-making",
    "web-made",
    "web-uploading",
    "web-making-packets",
    "web-made-packets",
    "web-error",
    "web-noscript",
    "web-privacy",
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
