//! Source positions for diagnostics: the leaf every stage that reads a file
//! imports.
//!
//! Every error renders as one line. Errors that come from a file carry a
//! [`Location`] and print as `file:line:col: message`.

use std::fmt;
use std::path::PathBuf;

/// A place in an input file, 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
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
}
