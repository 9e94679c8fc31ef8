//! Source positions and diagnostics: the leaf every stage that reads a file
//! imports.
//!
//! Every error renders as one line. Errors that come from a file carry a
//! [`Location`] and print as `file:line:col: message`. A check that keeps
//! going after the first problem collects [`Diagnostic`]s instead.

use std::fmt;
use std::path::PathBuf;

/// A place in an input file, 1-based.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file as the user named it (or its path inside the bundled catalog).
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
}

impl Location {
    /// The location of byte `offset` in `text`.
    pub fn from_offset(file: impl Into<PathBuf>, text: &str, offset: usize) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        // With memchr: catalog files are read with the location of every
        // row kept, so this runs a few thousand times at start-up.
        let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
        let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        Location {
            file: file.into(),
            line,
            col,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.col)
    }
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The input must be fixed: rendering it fails or prints something wrong.
    Error,
    /// Worth a look, but nothing fails (an ignored file, a fact to verify).
    Warning,
}

/// What kind of problem a diagnostic reports; its kebab-case name is part of
/// `predeparture validate --format json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A file does not parse (TOML or Fluent syntax, an unknown key or kind).
    Syntax,
    /// A file is not UTF-8 text.
    Encoding,
    /// A message that is used is missing in a language.
    Missing,
    /// A message exists in one language but not in another.
    Untranslated,
    /// A message nothing uses.
    Orphan,
    /// A message uses different variables in different languages.
    Placeables,
    /// A message fails to format with the arguments the program gives it.
    Format,
    /// A definition names a source that does not exist.
    UnknownSource,
    /// An id is defined twice.
    Duplicate,
    /// Another error in a definition file.
    Definition,
    /// A file in a catalog folder that is not part of the catalog.
    Ignored,
}

impl Kind {
    /// The kebab-case name, as in the JSON report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Syntax => "syntax",
            Kind::Encoding => "encoding",
            Kind::Missing => "missing",
            Kind::Untranslated => "untranslated",
            Kind::Orphan => "orphan",
            Kind::Placeables => "placeables",
            Kind::Format => "format",
            Kind::UnknownSource => "unknown-source",
            Kind::Duplicate => "duplicate",
            Kind::Definition => "definition",
            Kind::Ignored => "ignored",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem found by a check that keeps going, with its place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// Where.
    pub location: Location,
    /// How bad.
    pub severity: Severity,
    /// What kind of problem.
    pub kind: Kind,
    /// What exactly, one line.
    pub message: String,
}

impl Diagnostic {
    /// An error of `kind` at `location`.
    pub fn error(location: Location, kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic {
            location,
            severity: Severity::Error,
            kind,
            message: message.into(),
        }
    }

    /// A warning of `kind` at `location`.
    pub fn warning(location: Location, kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, kind, message)
        }
    }
}

/// `file:line:col: kind: message`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.location, self.kind, self.message)
    }
}

/// Serialised flat, as `validate --format json` has always printed findings:
/// `file`, `line`, `col`, `severity`, `kind`, `message`.
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Diagnostic", 6)?;
        st.serialize_field("file", &self.location.file)?;
        st.serialize_field("line", &self.location.line)?;
        st.serialize_field("col", &self.location.col)?;
        st.serialize_field("severity", &self.severity)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_line_and_column() {
        let text = "a = 1\nb = 好x\n";
        let loc = Location::from_offset("f.toml", text, text.find('x').unwrap());
        assert_eq!(loc.to_string(), "f.toml:2:6");
        assert_eq!(Location::from_offset("f", text, 0).to_string(), "f:1:1");
    }

    #[test]
    fn kind_names_match_serde() {
        for kind in [
            Kind::Syntax,
            Kind::UnknownSource,
            Kind::Format,
            Kind::Ignored,
        ] {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json.as_str(), Some(kind.name()));
        }
        let d = Diagnostic::error(Location::from_offset("f", "", 0), Kind::Duplicate, "x");
        assert_eq!(d.to_string(), "f:1:1: duplicate: x");
    }
}
