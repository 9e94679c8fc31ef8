//! What can be wrong with the definitions: [`ModelError`] for the fail-fast
//! loader, with a typed [`Problem`] for everything that has a place in a file.

use std::fmt;
use std::path::PathBuf;

use crate::diag::{Diagnostic, Kind, Location};
use crate::text::CleanError;

/// An error in the checklist definitions.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// A file or directory could not be read.
    #[error("{}: {error}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// What the system said (printed once, as part of this message).
        error: std::io::Error,
    },
    /// A definition is malformed or refers to something that does not exist.
    #[error("{location}: {problem}")]
    Invalid {
        /// Where the problem is.
        location: Location,
        /// What is wrong.
        problem: Problem,
    },
    /// The catalog has no checklist of that id.
    #[error("unknown checklist `{id}`; available: {available}")]
    UnknownChecklist {
        /// The id asked for.
        id: String,
        /// The ids the catalog has, comma-separated.
        available: String,
    },
    /// A role was asked for that the checklist does not declare.
    #[error("checklist `{checklist}` has no role `{role}`; its roles: {available}")]
    UnknownRole {
        /// The checklist.
        checklist: String,
        /// The role asked for.
        role: String,
        /// The roles the checklist declares.
        available: String,
    },
    /// No destination matches.
    #[error("unknown destination `{query}`: no country has that ISO 3166 code or name")]
    UnknownDestination {
        /// What was asked for.
        query: String,
        /// The codes there are.
        available: String,
    },
    /// The catalog has no reporting-channel data.
    #[error("this catalog has no checklists/channels.toml")]
    NoChannels,
    /// The directory is not laid out as a catalog.
    #[error("{}: not a catalog (expected {expected})", path.display())]
    NotACatalog {
        /// The directory.
        path: PathBuf,
        /// What was missing.
        expected: &'static str,
    },
}

impl ModelError {
    /// A [`ModelError::Invalid`].
    pub fn invalid(location: Location, problem: Problem) -> ModelError {
        ModelError::Invalid { location, problem }
    }

    /// The error as a diagnostic: its place (the file's start when it has
    /// no better one) and the kind `validate` reports.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let at = |path: &std::path::Path| Location {
            file: path.to_path_buf(),
            line: 1,
            col: 1,
        };
        match self {
            ModelError::Invalid { location, problem } => {
                Diagnostic::error(location.clone(), problem.kind(), problem.to_string())
            }
            ModelError::Io { path, .. } | ModelError::NotACatalog { path, .. } => {
                Diagnostic::error(at(path), Kind::Definition, self.to_string())
            }
            _ => Diagnostic::error(
                at(std::path::Path::new("")),
                Kind::Definition,
                self.to_string(),
            ),
        }
    }
}

/// What a definition's id names, for messages about ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// A source of `sources.toml`.
    Source,
    /// A checklist (its file name).
    Checklist,
    /// A section of a checklist.
    Section,
    /// An item of a section, or of an organisation file.
    Item,
    /// A role a checklist declares.
    Role,
    /// A row of the wallet card.
    CardRow,
    /// A country of `countries.toml` (an ISO 3166-1 alpha-2 code).
    Country,
}

impl fmt::Display for IdKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IdKind::Source => "source",
            IdKind::Checklist => "checklist (file name)",
            IdKind::Section => "section",
            IdKind::Item => "item",
            IdKind::Role => "role",
            IdKind::CardRow => "card row",
            IdKind::Country => "country (ISO 3166-1 alpha-2 code)",
        })
    }
}

/// How precise a date must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// `YYYY-MM-DD` only.
    Day,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Partial,
}

/// What is wrong at a place in a definition file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The TOML parser's message: bad syntax, an unknown key or kind, a
    /// missing key, a value of the wrong type.
    Toml(String),
    /// The file is not UTF-8 text; the location is the first bad byte.
    NotUtf8,
    /// A source id that `sources.toml` does not define.
    UnknownSource(String),
    /// An id used twice.
    Duplicate {
        /// What the id names.
        what: IdKind,
        /// The id.
        id: String,
    },
    /// An id that is not lowercase letters, digits and single hyphens.
    InvalidId {
        /// What the id names.
        what: IdKind,
        /// The id as written.
        id: String,
    },
    /// A date that does not parse.
    InvalidDate {
        /// The date as written.
        text: String,
        /// The form it must have.
        form: DateForm,
    },
    /// A section id that would collide with the checklist's own messages.
    ReservedSection(String),
    /// A section without items.
    EmptySection(String),
    /// An item or card row that cites no source.
    NoSource {
        /// What it is.
        what: IdKind,
        /// Its id.
        id: String,
    },
    /// Two parts whose message ids are the same.
    Collision {
        /// What collides.
        what: IdKind,
        /// The message id (without the checklist prefix).
        id: String,
    },
    /// An item's role that the checklist does not declare.
    UndeclaredRole(String),
    /// A language folder without `locale.toml`.
    MissingLocaleSettings(String),
    /// `fonts = []` in a `locale.toml`.
    NoFonts,
    /// A text of the organisation file is not given in a language.
    NoText {
        /// What lacks it, e.g. "item `report-travel`".
        what: String,
        /// The language.
        lang: String,
    },
    /// A text is empty (or invisible) once cleaned.
    EmptyText {
        /// What it is.
        what: String,
        /// The language, when the text is one of several.
        lang: Option<String>,
        /// Why it was refused.
        why: CleanError,
    },
    /// A channel-data name not given in a language.
    NoName(String),
    /// A phone number of the organisation file that is not one.
    NotAPhone(String),
    /// The organisation's logo cannot be used: its path and why.
    Logo(String),
}

impl Problem {
    /// The kind of finding `validate` reports for this problem.
    pub fn kind(&self) -> Kind {
        match self {
            Problem::Toml(_) => Kind::Syntax,
            Problem::NotUtf8 => Kind::Encoding,
            Problem::UnknownSource(_) => Kind::UnknownSource,
            Problem::Duplicate { .. } => Kind::Duplicate,
            Problem::InvalidId { .. }
            | Problem::InvalidDate { .. }
            | Problem::ReservedSection(_)
            | Problem::EmptySection(_)
            | Problem::NoSource { .. }
            | Problem::Collision { .. }
            | Problem::UndeclaredRole(_)
            | Problem::MissingLocaleSettings(_)
            | Problem::NoFonts
            | Problem::NoText { .. }
            | Problem::EmptyText { .. }
            | Problem::NoName(_)
            | Problem::NotAPhone(_)
            | Problem::Logo(_) => Kind::Definition,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Toml(message) => f.write_str(message),
            Problem::NotUtf8 => f.write_str("not UTF-8 text (save the file as UTF-8)"),
            Problem::UnknownSource(id) => write!(f, "unknown source `{id}`"),
            Problem::Duplicate { what, id } => write!(f, "duplicate {what} id `{id}`"),
            Problem::InvalidId { what, id } => write!(
                f,
                "invalid {what} id `{id}`: use lowercase letters, digits and single hyphens"
            ),
            Problem::InvalidDate { text, form } => match form {
                DateForm::Day => write!(f, "invalid date `{text}`: use YYYY-MM-DD"),
                DateForm::Partial => {
                    write!(f, "invalid date `{text}`: use YYYY, YYYY-MM or YYYY-MM-DD")
                }
            },
            Problem::ReservedSection(id) => write!(f, "section id `{id}` is reserved"),
            Problem::EmptySection(id) => write!(f, "section `{id}` has no items"),
            Problem::NoSource { what, id } => write!(f, "{what} `{id}` names no source"),
            Problem::Collision { what, id } => {
                write!(f, "{what} `{id}` collides with another message id")
            }
            Problem::UndeclaredRole(role) => {
                write!(f, "role `{role}` is not declared in `roles`")
            }
            Problem::MissingLocaleSettings(tag) => write!(
                f,
                "missing locale.toml for `{tag}` (script and fonts of the language)"
            ),
            Problem::NoFonts => f.write_str("`fonts` names no font family"),
            Problem::Logo(what) => write!(f, "logo {what}"),
            Problem::NoText { what, lang } => write!(f, "{what} has no text in {lang}"),
            Problem::EmptyText { what, lang, why } => match lang {
                Some(lang) => write!(f, "{what} {why} in {lang}"),
                None => write!(f, "{what} {why}"),
            },
            Problem::NoName(lang) => write!(f, "no name in {lang}"),
            Problem::NotAPhone(phone) => write!(
                f,
                "`{phone}` is not a phone number (digits, spaces, + - ( ) only)"
            ),
        }
    }
}
