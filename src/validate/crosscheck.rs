//! The passes across languages: each compares what the languages define
//! with each other or with what is used. One function per finding kind.

use std::collections::BTreeSet;

use super::fluent::{Defined, Langs};
use super::Usage;
use crate::diag::{Diagnostic, Kind, Location};

/// Where message `id` is defined in the first language that has it.
fn defined_somewhere<'a>(langs: &'a Langs, id: &str) -> Option<(&'a String, &'a Defined)> {
    langs.iter().find_map(|(l, m)| m.get(id).map(|d| (l, d)))
}

/// [`Kind::Missing`]: a used message a language lacks, reported where it is
/// used (or, for the program's own messages, where another language has it).
pub(crate) fn missing(langs: &Langs, usage: &Usage, out: &mut Vec<Diagnostic>) {
    for (lang, messages) in langs {
        for (id, at) in &usage.used {
            if messages.contains_key(id) {
                continue;
            }
            let at = at
                .clone()
                .or_else(|| defined_somewhere(langs, id).map(|(_, d)| d.location.clone()));
            let at = at.unwrap_or_else(|| Location {
                file: "src/compose/mod.rs".into(),
                line: 1,
                col: 1,
            });
            let message = format!("message `{id}` is missing in {lang}");
            out.push(Diagnostic::error(at, Kind::Missing, message));
        }
    }
}

/// [`Kind::Untranslated`]: a message nothing uses that one language has and
/// another lacks.
pub(crate) fn untranslated(langs: &Langs, usage: &Usage, out: &mut Vec<Diagnostic>) {
    let all: BTreeSet<&String> = langs.values().flat_map(|m| m.keys()).collect();
    for (lang, messages) in langs {
        for id in &all {
            if messages.contains_key(*id) || usage.used.contains_key(*id) {
                continue;
            }
            if let Some((other, def)) = defined_somewhere(langs, id) {
                let message = format!("message `{id}` is in {other} but not in {lang}");
                out.push(Diagnostic::error(
                    def.location.clone(),
                    Kind::Untranslated,
                    message,
                ));
            }
        }
    }
}

/// [`Kind::Orphan`]: a message that nothing uses or references.
pub(crate) fn orphans(langs: &Langs, usage: &Usage, out: &mut Vec<Diagnostic>) {
    let referenced: BTreeSet<&String> = langs
        .values()
        .flat_map(|m| m.values())
        .flat_map(|d| &d.references)
        .collect();
    for (lang, messages) in langs {
        for (id, def) in messages {
            if !usage.may_use(id) && !referenced.contains(id) {
                let message = format!("message `{id}` in {lang} is not used");
                out.push(Diagnostic::error(
                    def.location.clone(),
                    Kind::Orphan,
                    message,
                ));
            }
        }
    }
}

/// [`Kind::Placeables`]: a message whose variables differ from those of
/// the first language that has it.
pub(crate) fn placeables(langs: &Langs, out: &mut Vec<Diagnostic>) {
    let all: BTreeSet<&String> = langs.values().flat_map(|m| m.keys()).collect();
    let show = |v: &BTreeSet<String>| {
        v.iter()
            .map(|x| format!("${x}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for id in all {
        let defs: Vec<(&String, &Defined)> = langs
            .iter()
            .filter_map(|(l, m)| m.get(id).map(|d| (l, d)))
            .collect();
        let Some(((first_lang, first), rest)) = defs.split_first() else {
            continue;
        };
        for (lang, def) in rest {
            if def.variables != first.variables {
                let message = format!(
                    "message `{id}` uses {{{}}} in {lang} but {{{}}} in {first_lang}",
                    show(&def.variables),
                    show(&first.variables)
                );
                out.push(Diagnostic::error(
                    def.location.clone(),
                    Kind::Placeables,
                    message,
                ));
            }
        }
    }
}
