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
    "ui-name-separator",
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

/// The string arguments the program gives each message it formats with
/// some (numbers and dates aside: `ui-page`, `ui-date*`, `card-cut`).
/// `validate` formats every message with these, so a translation that uses
/// a variable the program does not give fails there, not in `render`. A
/// test checks that the shipped messages use no variable missing here:
/// add a message's arguments here when the code gives it new ones.
pub const UI_ARGS: &[(&str, &[&str])] = &[
    ("ui-source-ref", &["refs"]),
    ("ui-source-entry", &["title", "date"]),
    ("ui-source-entry-undated", &["title"]),
    ("ui-as-of", &["date"]),
    ("ui-edition", &["roles"]),
    ("ui-org-name", &["org"]),
    ("ui-org-items", &["org"]),
    ("ui-org-contacts", &["org"]),
    ("ui-cover-employee", &["name"]),
    ("ui-cover-destination", &["destination"]),
    ("ui-cover-departure", &["date"]),
    ("ui-cover-date", &["date"]),
    ("ui-contact-officer", &["name", "details"]),
    ("ui-contact", &["name", "details"]),
    ("ui-ack-statement", &["org", "name", "checklist"]),
    ("ui-ack-checklist", &["checklist", "date"]),
    ("ui-card-org", &["org", "contacts"]),
    ("ui-card-contact", &["name", "details"]),
    ("ui-channels-heading", &["destination"]),
    ("ui-mission-none", &["destination"]),
    ("ui-mission-name", &["name", "city"]),
    ("ui-mission-phone", &["phone"]),
    ("ui-mission-address", &["address"]),
    ("ui-mission-website", &["website"]),
    ("ui-mission-as-of", &["date"]),
    ("ui-verify-note", &["date"]),
    ("ui-channel-hotline", &["name", "contact"]),
    ("ui-channel-after-return", &["name", "contact"]),
    // The web page of `predeparture serve` (src/serve/page.rs).
    ("web-org-configured", &["org"]),
    ("web-made", &["file"]),
    ("web-made-packets", &["file"]),
    ("web-error", &["message"]),
    ("ui-link-call", &["number", "address"]),
    ("ui-link-open", &["number", "address"]),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `{ $variable }` of the shipped English messages the program
    /// formats is one the program gives (listed in [`UI_ARGS`], or a number
    /// or date of the messages formatted with those).
    #[test]
    fn the_argument_table_covers_every_variable_the_messages_use() {
        let numeric: &[(&str, &[&str])] = &[
            ("ui-page", &["page", "total"]),
            ("ui-date", &["year", "month", "day"]),
            ("ui-date-month", &["year", "month"]),
            ("ui-date-year", &["year"]),
            ("card-cut", &["languages"]),
            // Called by ui-date and ui-date-month with their arguments.
            ("ui-month-name", &["month"]),
            ("web-preview-pages", &["pages"]),
        ];
        let ftl = [
            include_str!("../../locales/en/ui.ftl"),
            include_str!("../../locales/en/web.ftl"),
        ]
        .concat();
        for line in ftl.lines() {
            let Some((id, body)) = line.split_once(" = ") else {
                continue;
            };
            let id = id.trim();
            let mut given: Vec<&str> = UI_ARGS
                .iter()
                .chain(numeric)
                .filter(|(m, _)| *m == id)
                .flat_map(|(_, args)| args.iter().copied())
                .collect();
            // A card row filled with the destination's embassy (see card.rs).
            if id.starts_with("card-") && id.ends_with("-known") {
                given.extend(["name", "phone"]);
            }
            for var in body
                .split("{ $")
                .skip(1)
                .filter_map(|v| v.split([' ', '}']).next())
            {
                assert!(
                    given.contains(&var),
                    "`{id}` uses ${var}, which UI_ARGS does not give it"
                );
            }
        }
    }
}
