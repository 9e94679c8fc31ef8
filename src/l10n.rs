//! Localisation: language negotiation and Fluent messages.
//!
//! Each folder `locales/<lang>/` is one language: its `*.ftl` files hold the
//! messages and `locale.toml` says how the language is set (script and
//! fonts). Adding a language means adding a folder; no code changes.
//!
//! Requested languages are negotiated against the folders with CLDR likely
//! subtags (`zh`, `zh-Hans`, `zh-SG` → `zh-CN`; `en-GB` → `en`), and a match
//! must agree in script, so Traditional Chinese is never served Simplified.
//! Bundles are built with Unicode isolation marks off: fonts have no glyphs
//! for U+2068/U+2069 and they must never reach the PDF.

use std::path::PathBuf;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use crate::diag::Location;
use crate::model::{Catalog, Date, LocaleSettings, PartialDate, TextFile};
use crate::text::strip_controls;

/// An error in the translations or the choice of language.
#[derive(Debug, thiserror::Error)]
pub enum L10nError {
    /// A Fluent file does not parse.
    #[error("{location}: {message}")]
    Syntax {
        /// Where.
        location: Location,
        /// The parser's message.
        message: String,
    },
    /// No available language matches a requested one.
    #[error("unsupported language `{requested}`; available: {available}")]
    UnknownLanguage {
        /// The language asked for.
        requested: String,
        /// The languages the catalog has.
        available: String,
    },
    /// A message the document needs is missing in one language.
    #[error("{}: message `{id}` is missing", dir.display())]
    MissingMessage {
        /// The locale folder that lacks it.
        dir: PathBuf,
        /// The message id.
        id: String,
    },
    /// A message could not be formatted (e.g. it uses an unknown variable).
    #[error("{location}: message `{id}`: {message}")]
    Format {
        /// Where the message is defined.
        location: Location,
        /// The message id.
        id: String,
        /// What went wrong.
        message: String,
    },
}

/// One language of the catalog, ready to format messages.
pub struct Locale {
    /// The folder name, a BCP 47 tag such as `zh-CN`.
    pub tag: String,
    /// The folder, for error messages.
    pub dir: PathBuf,
    /// How the language is set.
    pub settings: LocaleSettings,
    id: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
    /// Where each message is defined, for error messages.
    definitions: std::collections::HashMap<String, Location>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("tag", &self.tag)
            .field("settings", &self.settings)
            .finish()
    }
}

impl Locale {
    /// Whether the message `id` exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .and_then(|m| m.value())
            .is_some()
    }

    /// Formats message `id` with `args`.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Result<String, L10nError> {
        let pattern = self
            .bundle
            .get_message(id)
            .and_then(|m| m.value())
            .ok_or_else(|| L10nError::MissingMessage {
                dir: self.dir.clone(),
                id: id.to_string(),
            })?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if let Some(e) = errors.first() {
            return Err(L10nError::Format {
                location: self
                    .definitions
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| Location {
                        file: self.dir.clone(),
                        line: 1,
                        col: 1,
                    }),
                id: id.to_string(),
                message: e.to_string(),
            });
        }
        Ok(strip_controls(&text))
    }

    /// Formats a date with the `ui-date*` messages, e.g. `2026年11月22日` or `22 November 2026`.
    pub fn format_date(&self, date: PartialDate) -> Result<String, L10nError> {
        let mut args = FluentArgs::new();
        args.set("year", FluentValue::from(date.year));
        let id = match (date.month, date.day) {
            (Some(m), Some(d)) => {
                args.set("month", FluentValue::from(m));
                args.set("day", FluentValue::from(d));
                "ui-date"
            }
            (Some(m), None) => {
                args.set("month", FluentValue::from(m));
                "ui-date-month"
            }
            _ => "ui-date-year",
        };
        self.format(id, Some(&args))
    }

    /// Formats a full date.
    pub fn format_day(&self, date: Date) -> Result<String, L10nError> {
        self.format_date(PartialDate {
            year: date.year,
            month: Some(date.month),
            day: Some(date.day),
        })
    }
}

/// All languages of a catalog.
pub struct Localizer {
    locales: Vec<Locale>,
}

impl Localizer {
    /// Parses every language folder of `catalog`.
    pub fn new(catalog: &Catalog) -> Result<Localizer, L10nError> {
        let locales = catalog
            .locales
            .iter()
            .map(|(tag, files)| {
                let settings =
                    catalog
                        .settings
                        .get(tag)
                        .cloned()
                        .ok_or_else(|| L10nError::Syntax {
                            location: Location {
                                file: format!("locales/{tag}/locale.toml").into(),
                                line: 1,
                                col: 1,
                            },
                            message: "missing locale.toml (script and fonts of the language)"
                                .into(),
                        })?;
                load_locale(tag, files, settings)
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Localizer { locales })
    }

    /// The languages, sorted by tag.
    pub fn locales(&self) -> &[Locale] {
        &self.locales
    }

    /// The tags of all languages, comma-separated.
    pub fn available(&self) -> String {
        self.locales
            .iter()
            .map(|l| l.tag.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The language that best serves `requested` (a BCP 47 tag).
    pub fn negotiate(&self, requested: &str) -> Result<&Locale, L10nError> {
        let unknown = || L10nError::UnknownLanguage {
            requested: requested.to_string(),
            available: self.available(),
        };
        let wanted: LanguageIdentifier = requested.parse().map_err(|_| unknown())?;
        let available: Vec<&LanguageIdentifier> = self.locales.iter().map(|l| &l.id).collect();
        let matches =
            negotiate_languages(&[&wanted], &available, None, NegotiationStrategy::Filtering);
        let script = |id: &LanguageIdentifier| {
            let mut id = id.clone();
            id.maximize();
            id.script
        };
        let best = matches
            .into_iter()
            .find(|m| script(m) == script(&wanted))
            .ok_or_else(unknown)?;
        self.locales
            .iter()
            .find(|l| &&l.id == best)
            .ok_or_else(unknown)
    }
}

fn load_locale(
    tag: &str,
    files: &[TextFile],
    settings: LocaleSettings,
) -> Result<Locale, L10nError> {
    let dir = files
        .first()
        .and_then(|f| f.path.parent())
        .map(PathBuf::from)
        .unwrap_or_default();
    let id: LanguageIdentifier = tag.parse().map_err(|_| L10nError::Syntax {
        location: Location {
            file: dir.clone(),
            line: 1,
            col: 1,
        },
        message: format!("folder name `{tag}` is not a language tag"),
    })?;
    let mut definitions = std::collections::HashMap::new();
    let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
    bundle.set_use_isolating(false);
    let mut ftl: Vec<_> = files
        .iter()
        .filter(|f| f.path.extension().is_some_and(|e| e == "ftl"))
        .collect();
    ftl.sort_by(|a, b| a.path.cmp(&b.path));
    for file in ftl {
        for (name, offset) in definition_offsets(&file.text) {
            definitions.insert(
                name.to_string(),
                Location::from_offset(&file.path, &file.text, offset),
            );
        }
        let resource = FluentResource::try_new(file.text.clone()).map_err(|(_, errors)| {
            let e = &errors[0];
            L10nError::Syntax {
                location: Location::from_offset(&file.path, &file.text, e.pos.start),
                message: e.to_string(),
            }
        })?;
        bundle.add_resource(resource).map_err(|errors| {
            let id = errors
                .iter()
                .find_map(|e| match e {
                    FluentError::Overriding { id, .. } => Some(id.clone()),
                    _ => None,
                })
                .unwrap_or_default();
            let offset = find_definition(&file.text, &id);
            L10nError::Syntax {
                location: Location::from_offset(&file.path, &file.text, offset),
                message: format!("message `{id}` is defined twice in this language"),
            }
        })?;
    }
    Ok(Locale {
        tag: tag.to_string(),
        dir,
        settings,
        id,
        bundle,
        definitions,
    })
}

/// Every message defined in `text` with the byte offset of its line: lines
/// that start with an identifier followed by `=`.
fn definition_offsets(text: &str) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let name_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len());
        let name = &line[..name_len];
        if name.starts_with(|c: char| c.is_ascii_alphabetic())
            && line[name_len..].trim_start().starts_with('=')
        {
            out.push((name, pos));
        }
        pos += line.len();
    }
    out
}

/// Byte offset of the (last) definition of message `id` in `text`.
pub(crate) fn find_definition(text: &str, id: &str) -> usize {
    let mut offset = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.strip_prefix(id).map(str::trim_start);
        if rest.is_some_and(|r| r.starts_with('=')) {
            offset = pos;
        }
        pos += line.len();
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(extra_zh: &str) -> Catalog {
        let mut files = vec![TextFile {
            path: "checklists/sources.toml".into(),
            text: "[[source]]\nid = \"s\"\n".into(),
        }];
        let en = "hello = Hello, { $name }!\nui-date = { $day } { $month ->\n [1] January\n *[other] December\n} { $year }\n";
        let zh = format!("hello = 你好，{{ $name }}！\nui-date = {{ $year }}年{{ $month }}月{{ $day }}日\n{extra_zh}");
        for (tag, script, ftl) in [("en", "latin", en.to_string()), ("zh-CN", "hans", zh)] {
            files.push(TextFile {
                path: format!("locales/{tag}/locale.toml").into(),
                text: format!("script = \"{script}\"\nfonts = [\"NotoSans\"]\n"),
            });
            files.push(TextFile {
                path: format!("locales/{tag}/main.ftl").into(),
                text: ftl,
            });
        }
        Catalog::from_files(files).unwrap()
    }

    #[test]
    fn negotiates_chinese_and_english_variants() {
        let l = Localizer::new(&catalog("")).unwrap();
        for tag in ["zh", "zh-Hans", "zh-Hans-CN", "zh-SG", "zh-CN"] {
            assert_eq!(l.negotiate(tag).unwrap().tag, "zh-CN", "{tag}");
        }
        for tag in ["en", "en-GB", "en-US"] {
            assert_eq!(l.negotiate(tag).unwrap().tag, "en", "{tag}");
        }
        for tag in ["fr", "zh-TW", "zh-Hant", "not a tag"] {
            let e = l.negotiate(tag).unwrap_err().to_string();
            assert_eq!(
                e,
                format!("unsupported language `{tag}`; available: en, zh-CN")
            );
        }
    }

    #[test]
    fn formats_without_isolation_marks() {
        let l = Localizer::new(&catalog("")).unwrap();
        let zh = l.negotiate("zh-CN").unwrap();
        let mut args = FluentArgs::new();
        args.set("name", "小明");
        assert_eq!(zh.format("hello", Some(&args)).unwrap(), "你好，小明！");
        let date = Date {
            year: 2026,
            month: 1,
            day: 5,
        };
        assert_eq!(zh.format_day(date).unwrap(), "2026年1月5日");
        assert_eq!(
            l.negotiate("en").unwrap().format_day(date).unwrap(),
            "5 January 2026"
        );
    }

    #[test]
    fn reports_syntax_errors_with_line_and_column() {
        let e = Localizer::new(&catalog("broken = { $x\n"))
            .err()
            .unwrap()
            .to_string();
        assert!(e.starts_with("locales/zh-CN/main.ftl:4:"), "{e}");
        let e = Localizer::new(&catalog("hello = again\n"))
            .err()
            .unwrap()
            .to_string();
        assert_eq!(
            e,
            "locales/zh-CN/main.ftl:3:1: message `hello` is defined twice in this language"
        );
    }

    #[test]
    fn missing_messages_and_variables_are_errors() {
        let l = Localizer::new(&catalog("")).unwrap();
        let zh = l.negotiate("zh").unwrap();
        assert_eq!(
            zh.format("nope", None).unwrap_err().to_string(),
            "locales/zh-CN: message `nope` is missing"
        );
        assert!(zh.format("hello", None).is_err());
    }

    #[test]
    fn strips_bidi_controls() {
        let l = Localizer::new(&catalog("bidi = a\u{2068}b\u{2069}c\n")).unwrap();
        assert_eq!(
            l.negotiate("zh").unwrap().format("bidi", None).unwrap(),
            "abc"
        );
    }
}
