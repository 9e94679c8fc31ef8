//! Fonts: the bundled faces, faces from a user's font folder, and their
//! metrics for layout.
//!
//! Families are named by their file names: `<Family>-Regular.ttf` and
//! `<Family>-Bold.ttf` (`.otf` too). The bundled families are every such
//! file in `fonts/` (compiled in): `NotoSans` (Latin), `NotoSansSC`
//! (Simplified Chinese) and `NotoSansTC` (Traditional Chinese, Taiwan forms);
//! see `fonts/README.md`. Layout reads metrics with ttf-parser, which costs
//! microseconds. Embedding faces in a PDF is the PDF stage's business
//! (`pdf::fonts`); it reads a face's bytes through [`Face::data`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// An error with fonts.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// A font file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A font file is not a usable font.
    #[error("{file}: {reason}")]
    Invalid {
        /// The file.
        file: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A language names a font family that is not available.
    #[error("unknown font family `{family}` (named in {locale}); available: {available}")]
    UnknownFamily {
        /// The family.
        family: String,
        /// The locale that names it.
        locale: String,
        /// The families there are.
        available: String,
    },
    /// No font of the language has a glyph for a character.
    #[error("message `{id}`: no font has a glyph for {ch:?} (U+{:04X}); fonts tried: {fonts}", *ch as u32)]
    MissingGlyph {
        /// The message whose text has the character.
        id: String,
        /// The character.
        ch: char,
        /// The families tried.
        fonts: String,
    },
}

/// Index of a face in a [`FontSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct FaceId(pub usize);

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Titles and headings.
    Bold,
}

/// One font file.
pub struct Face {
    /// The family, e.g. `NotoSansSC`.
    pub family: String,
    /// The weight the file was registered as.
    pub weight: Weight,
    /// The file name, for messages and PDF metadata.
    pub file: String,
    data: Cow<'static, [u8]>,
    key: u64,
}

/// The next [`Face::key`].
static NEXT_KEY: AtomicU64 = AtomicU64::new(0);

impl Face {
    /// The font file's bytes.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// A number that no other face loaded by this process has, for caches
    /// of work derived from the face.
    pub fn key(&self) -> u64 {
        self.key
    }
}

/// Metrics of one face, borrowed from its [`FontSet`].
pub struct Metrics<'a> {
    /// The parsed face; always there, as every face is parsed when added.
    face: Option<ttf_parser::Face<'a>>,
    upem: f32,
}

impl Metrics<'_> {
    /// The advance of `ch` in ems, or `None` when the face has no glyph for it.
    pub fn advance(&self, ch: char) -> Option<f32> {
        let face = self.face.as_ref()?;
        let gid = face.glyph_index(ch)?;
        Some(face.glyph_hor_advance(gid).unwrap_or(0) as f32 / self.upem)
    }

    /// Whether the face has a glyph for `ch`.
    pub fn covers(&self, ch: char) -> bool {
        self.face.as_ref().and_then(|f| f.glyph_index(ch)).is_some()
    }
}

/// The fonts available to a render.
pub struct FontSet {
    faces: Vec<Face>,
    families: BTreeMap<String, [FaceId; 2]>,
}

mod bundled {
    use super::Weight;
    include!(concat!(env!("OUT_DIR"), "/bundled_fonts.rs"));
}

impl FontSet {
    /// The fonts shipped with predeparture.
    pub fn bundled() -> FontSet {
        let mut set = FontSet {
            faces: Vec::new(),
            families: BTreeMap::new(),
        };
        for &(family, weight, file, data) in bundled::FONTS {
            // The bundled files are valid fonts (a test loads every one), so
            // none is skipped here.
            let _ = set.add(family, weight, file.to_string(), Cow::Borrowed(data));
        }
        set
    }

    /// Adds the families found in `dir` (`<Family>-Regular.ttf` and
    /// `<Family>-Bold.ttf`, or `.otf`), replacing bundled ones of the same name.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), FontError> {
        fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FontError + '_ {
            move |source| FontError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
        let mut found = 0;
        for entry in crate::model::read_dir_sorted(dir).map_err(io(dir))? {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name
                .strip_suffix(".ttf")
                .or_else(|| name.strip_suffix(".otf"))
            else {
                continue;
            };
            let (family, weight) = if let Some(f) = stem.strip_suffix("-Regular") {
                (f, Weight::Regular)
            } else if let Some(f) = stem.strip_suffix("-Bold") {
                (f, Weight::Bold)
            } else {
                continue;
            };
            let data = std::fs::read(&path).map_err(io(&path))?;
            self.add(family, weight, path.display().to_string(), Cow::Owned(data))?;
            found += 1;
        }
        if found == 0 {
            return Err(FontError::Invalid {
                file: dir.display().to_string(),
                reason: "no <Family>-Regular.ttf/.otf or <Family>-Bold.ttf/.otf files".into(),
            });
        }
        Ok(())
    }

    fn add(
        &mut self,
        family: &str,
        weight: Weight,
        file: String,
        data: Cow<'static, [u8]>,
    ) -> Result<(), FontError> {
        let invalid = |reason: &str| FontError::Invalid {
            file: file.clone(),
            reason: reason.into(),
        };
        let face =
            ttf_parser::Face::parse(&data, 0).map_err(|e| invalid(&format!("not a font: {e}")))?;
        if face.is_variable() {
            return Err(invalid(
                "variable fonts cannot be subset; use a static instance",
            ));
        }
        let id = FaceId(self.faces.len());
        self.faces.push(Face {
            family: family.to_string(),
            weight,
            file,
            data,
            key: NEXT_KEY.fetch_add(1, Ordering::Relaxed),
        });
        let slot = self.families.entry(family.to_string()).or_insert([id, id]);
        match weight {
            Weight::Regular => {
                // A regular face stands in for bold until a bold one is added.
                if self.faces[slot[1].0].weight == Weight::Regular {
                    slot[1] = id;
                }
                slot[0] = id;
            }
            Weight::Bold => {
                if self.faces[slot[0].0].weight == Weight::Bold {
                    slot[0] = id;
                }
                slot[1] = id;
            }
        }
        Ok(())
    }

    /// The face of `family` in `weight`.
    pub fn family(&self, family: &str, weight: Weight, locale: &str) -> Result<FaceId, FontError> {
        let faces = self
            .families
            .get(family)
            .ok_or_else(|| FontError::UnknownFamily {
                family: family.to_string(),
                locale: locale.to_string(),
                available: self.families.keys().cloned().collect::<Vec<_>>().join(", "),
            })?;
        Ok(faces[usize::from(weight == Weight::Bold)])
    }

    /// The face `id`.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[id.0]
    }

    /// Metrics of every face, indexed by [`FaceId`].
    pub fn metrics(&self) -> Vec<Metrics<'_>> {
        self.faces
            .iter()
            .map(|f| {
                let face = ttf_parser::Face::parse(&f.data, 0).ok();
                let upem = face.as_ref().map_or(1000.0, |f| f.units_per_em() as f32);
                Metrics { face, upem }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_families_cover_their_scripts() {
        let set = FontSet::bundled();
        assert_eq!(set.faces.len(), bundled::FONTS.len());
        let metrics = set.metrics();
        let sc = set.family("NotoSansSC", Weight::Regular, "zh-CN").unwrap();
        let latin = set.family("NotoSans", Weight::Bold, "en").unwrap();
        assert_ne!(sc, latin);
        for ch in "国家安全机关举报受理电话，。“”（）——……".chars() {
            assert!(metrics[sc.0].covers(ch), "{ch}");
        }
        assert_eq!(metrics[sc.0].advance('国'), Some(1.0));
        assert!(metrics[latin.0].covers('“') && !metrics[latin.0].covers('国'));
        assert!(set
            .family("Nope", Weight::Regular, "xx")
            .unwrap_err()
            .to_string()
            .contains("available: NotoSans, NotoSansSC, NotoSansTC"));
    }
}
