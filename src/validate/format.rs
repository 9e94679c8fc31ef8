//! [`Kind::Format`]: every message the program formats, formatted in every
//! language with the arguments the program gives it (numbers where it gives
//! numbers, for several pages, totals and dates), so a translation that
//! selects on a value and then uses a variable it is not given fails here
//! rather than in `render`.

use std::collections::BTreeMap;

use fluent_bundle::{FluentArgs, FluentValue};

use super::fluent::Langs;
use super::Usage;
use crate::compose::UI_ARGS;
use crate::diag::{Diagnostic, Kind};
use crate::l10n::{L10nError, Locale, Localizer};
use crate::model::Catalog;

/// One way the program calls a message: its arguments by name.
type ArgSet = Vec<(&'static str, FluentValue<'static>)>;

/// Page numbers and totals `ui-page` is formatted with.
fn pages() -> Vec<ArgSet> {
    let totals = (1..=12).chain([20, 21, 22, 99, 100, 101, 111]);
    let mut sets = Vec::new();
    for total in totals {
        let mut pages = vec![1, 2, 3, total.max(2) - 1, total];
        pages.retain(|p| *p <= total);
        pages.dedup();
        for page in pages {
            let value = |n: usize| FluentValue::from(n);
            sets.push(vec![("page", value(page)), ("total", value(total))]);
        }
    }
    sets
}

/// Every day of 2024 (a leap year) for `ui-date`, every month for `ui-date-month`.
fn dates(days: bool) -> Vec<ArgSet> {
    let mut sets = Vec::new();
    for month in 1u8..=12 {
        let last = if days {
            [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1]
        } else {
            0
        };
        for day in (1u8..=last)
            .map(Some)
            .chain(std::iter::once(None).filter(|_| !days))
        {
            let mut set = vec![
                ("year", FluentValue::from(2024)),
                ("month", FluentValue::from(month)),
            ];
            set.extend(day.map(|d| ("day", FluentValue::from(d))));
            sets.push(set);
        }
    }
    sets
}

/// Every way the program formats message `id`.
fn arg_sets(id: &str) -> Vec<ArgSet> {
    let strings = |names: &[&'static str]| -> Vec<ArgSet> {
        vec![names.iter().map(|n| (*n, FluentValue::from("x"))).collect()]
    };
    match id {
        "ui-page" => pages(),
        "ui-date" => dates(true),
        "ui-date-month" => dates(false),
        "ui-date-year" => [1999, 2024, 2026]
            .into_iter()
            .map(|y| vec![("year", FluentValue::from(y))])
            .collect(),
        "web-preview-pages" => (1..=40usize)
            .chain([99, 100, 101, 111])
            .map(|n| vec![("pages", FluentValue::from(n))])
            .collect(),
        "card-cut" => (1..=3)
            .map(|n| vec![("languages", FluentValue::from(n))])
            .collect(),
        _ if id.starts_with("card-") && id.ends_with("-known") => strings(&["name", "phone"]),
        _ => match UI_ARGS.iter().find(|(m, _)| *m == id) {
            Some((_, names)) => strings(names),
            None => vec![Vec::new()],
        },
    }
}

/// Formats every used message of every language that loads.
pub(crate) fn check(catalog: &Catalog, langs: &Langs, usage: &Usage, out: &mut Vec<Diagnostic>) {
    for (tag, files) in &catalog.locales {
        let Some(settings) = catalog.settings.get(tag) else {
            continue;
        };
        let one = Catalog {
            checklists: BTreeMap::new(),
            sources: BTreeMap::new(),
            card: Vec::new(),
            channels: None,
            locales: BTreeMap::from([(tag.clone(), files.clone())]),
            settings: BTreeMap::from([(tag.clone(), settings.clone())]),
        };
        // A language that does not load has its syntax errors reported already.
        let Ok(localizer) = Localizer::new(&one) else {
            continue;
        };
        let Some(locale) = localizer.locales().first() else {
            continue;
        };
        for id in usage.used.keys() {
            let at = langs.get(tag).and_then(|m| m.get(id)).map(|d| &d.location);
            if let (Some(at), Some(message)) = (at, fails(locale, id)) {
                out.push(Diagnostic::error(at.clone(), Kind::Format, message));
            }
        }
    }
}

/// Why message `id` fails with one of the program's argument sets, if it does.
fn fails(locale: &Locale, id: &str) -> Option<String> {
    if !locale.has(id) {
        return None;
    }
    for set in arg_sets(id) {
        let mut args = FluentArgs::new();
        for (name, value) in &set {
            args.set(*name, value.clone());
        }
        let args = if set.is_empty() { None } else { Some(&args) };
        if let Err(L10nError::Format { message, .. }) = locale.format(id, args) {
            let given: Vec<String> = set
                .iter()
                .map(|(name, value)| match value {
                    FluentValue::Number(n) => format!("${name} = {}", n.value),
                    _ => format!("${name}"),
                })
                .collect();
            let with = if given.is_empty() {
                "no arguments".to_string()
            } else {
                given.join(", ")
            };
            return Some(format!(
                "message `{id}` fails in {} with {with}: {message}",
                locale.tag
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_gives_ui_page_numbers_for_many_pages() {
        let sets = pages();
        assert!(sets.len() > 40);
        assert!(sets.iter().all(|s| s.len() == 2));
        assert_eq!(dates(true).len(), 366);
        assert_eq!(dates(false).len(), 12);
        assert_eq!(arg_sets("card-embassy-known")[0].len(), 2);
        assert!(arg_sets("student-title")[0].is_empty());
    }
}
