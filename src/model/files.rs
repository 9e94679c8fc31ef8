//! The text files of a catalog: reading them (UTF-8, a byte-order mark
//! accepted), finding them in a folder (anything that is not a catalog file
//! is left alone), and sorting them by role.

use std::path::{Path, PathBuf};

use super::{ModelError, Problem};
use crate::diag::Location;

/// A text file of the catalog, with the path used in error messages.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Path relative to the catalog root for the bundled catalog, or as found on disk.
    pub path: PathBuf,
    /// The file's contents.
    pub text: String,
}

const BOM: char = '\u{FEFF}';

impl TextFile {
    /// A file from its bytes: UTF-8, with a leading byte-order mark dropped.
    /// Anything else is an error at the first byte that is not UTF-8.
    pub fn decode(path: PathBuf, bytes: Vec<u8>) -> Result<TextFile, ModelError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(TextFile { path, text }.without_bom()),
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let prefix = String::from_utf8_lossy(&e.as_bytes()[..good]);
                let prefix = prefix.strip_prefix(BOM).unwrap_or(&prefix);
                let location = Location::from_offset(&path, prefix, prefix.len());
                Err(ModelError::invalid(location, Problem::NotUtf8))
            }
        }
    }

    /// Reads the file at `path` (see [`TextFile::decode`]).
    pub fn read(path: &Path) -> Result<TextFile, ModelError> {
        let bytes = std::fs::read(path).map_err(|error| ModelError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        TextFile::decode(path.to_path_buf(), bytes)
    }

    /// The file without a leading byte-order mark.
    pub fn without_bom(mut self) -> TextFile {
        if self.text.starts_with(BOM) {
            self.text.drain(..BOM.len_utf8());
        }
        self
    }
}

/// What a file is in a catalog, by its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Role {
    /// `checklists/sources.toml`.
    Sources,
    /// `checklists/card.toml`.
    Card,
    /// `checklists/channels.toml`.
    Channels,
    /// `checklists/countries.toml`.
    Countries,
    /// Any other `checklists/*.toml`.
    Checklist,
    /// A file of `locales/<tag>/` (`locale.toml` or `*.ftl`).
    Locale(String),
    /// Not part of the catalog.
    Other,
}

/// The role of the file at `path`, judged by its last components.
pub(crate) fn role(path: &Path) -> Role {
    let comps: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let n = comps.len();
    let name = comps.last().map(String::as_str).unwrap_or_default();
    if n >= 3 && comps[n - 3] == "locales" && is_locale_file(name) {
        return Role::Locale(comps[n - 2].clone());
    }
    if n < 2 || comps[n - 2] != "checklists" || !is_toml(name) {
        return Role::Other;
    }
    match name {
        "sources.toml" => Role::Sources,
        "card.toml" => Role::Card,
        "channels.toml" => Role::Channels,
        "countries.toml" => Role::Countries,
        _ => Role::Checklist,
    }
}

fn is_toml(name: &str) -> bool {
    !name.starts_with('.') && name.ends_with(".toml") && name.len() > ".toml".len()
}

fn is_locale_file(name: &str) -> bool {
    name == "locale.toml" || (!name.starts_with('.') && name.ends_with(".ftl") && name.len() > 4)
}

/// The files of a catalog folder: `checklists/*.toml`, `locales/<lang>/locale.toml`
/// and `locales/<lang>/*.ftl`. Anything else (a `README.md`, `.DS_Store`, an
/// editor's backup) is not read.
pub(crate) fn files_in(dir: &Path) -> Result<Vec<TextFile>, ModelError> {
    let mut files = Vec::new();
    for sub in ["checklists", "locales"] {
        let base = dir.join(sub);
        if !base.is_dir() {
            return Err(ModelError::NotACatalog {
                path: dir.to_path_buf(),
                expected: "checklists/ and locales/ folders",
            });
        }
        collect(&base, sub == "locales", &mut files)?;
    }
    Ok(files)
}

fn collect(dir: &Path, recurse: bool, out: &mut Vec<TextFile>) -> Result<(), ModelError> {
    let entries = read_dir_sorted(dir).map_err(|error| ModelError::Io {
        path: dir.to_path_buf(),
        error,
    })?;
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            if recurse {
                collect(&path, false, out)?;
            }
        } else if role(&path) != Role::Other {
            out.push(TextFile::read(&path)?);
        }
    }
    Ok(())
}

/// The entries of `dir`, sorted by name so output never depends on the file system's order.
pub(crate) fn read_dir_sorted(dir: &Path) -> std::io::Result<Vec<std::fs::DirEntry>> {
    let mut entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_is_dropped() {
        let f = TextFile::decode("a.ftl".into(), "\u{FEFF}a = b\n".into()).unwrap();
        assert_eq!(f.text, "a = b\n");
    }

    #[test]
    fn bad_utf8_is_located_at_its_first_byte() {
        let e = TextFile::decode("a.ftl".into(), b"ok = 1\nx = \xff\n".to_vec()).unwrap_err();
        match e {
            ModelError::Invalid { location, problem } => {
                assert_eq!(problem, Problem::NotUtf8);
                assert_eq!((location.line, location.col), (2, 5));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn roles_by_path() {
        assert_eq!(role(Path::new("x/checklists/sources.toml")), Role::Sources);
        assert_eq!(role(Path::new("checklists/student.toml")), Role::Checklist);
        assert_eq!(role(Path::new("checklists/README.md")), Role::Other);
        assert_eq!(role(Path::new("checklists/.student.toml")), Role::Other);
        assert_eq!(role(Path::new("checklists/student.toml~")), Role::Other);
        assert_eq!(
            role(Path::new("locales/en/ui.ftl")),
            Role::Locale("en".into())
        );
        assert_eq!(role(Path::new("locales/en/.DS_Store")), Role::Other);
        assert_eq!(role(Path::new("locales/en/notes.txt")), Role::Other);
    }

    #[test]
    fn stray_files_in_a_catalog_folder_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::create_dir_all(p.join("checklists")).unwrap();
        std::fs::create_dir_all(p.join("locales/en")).unwrap();
        std::fs::write(p.join("checklists/sources.toml"), "").unwrap();
        std::fs::write(p.join("locales/en/.DS_Store"), b"\x00\x01\xff").unwrap();
        std::fs::write(p.join("locales/README.md"), b"\xff").unwrap();
        std::fs::write(p.join("locales/en/ui.ftl"), "a = b\n").unwrap();
        let files = files_in(p).unwrap();
        let names: Vec<_> = files.iter().map(|f| f.path.file_name().unwrap()).collect();
        assert_eq!(names, ["sources.toml", "ui.ftl"]);
    }
}
