//! How a language is set, from `locales/<lang>/locale.toml`: its script
//! (which selects line-breaking and spacing rules) and its font families.

use serde::Deserialize;

use super::{Ctx, ModelError, Problem, TextFile};
use crate::diag::Location;

/// How a language is set, from `locales/<lang>/locale.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocaleSettings {
    /// The writing system, which selects line-breaking and spacing rules.
    pub script: Script,
    /// Font families: a Latin face, then the faces for the script in order of
    /// preference (e.g. `["NotoSans", "NotoSansTC", "NotoSansSC"]`: Taiwan
    /// forms, with the Simplified face for characters the first lacks).
    pub fonts: Vec<String>,
}

/// Writing systems the layout knows rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Script {
    /// Latin script: breaks at spaces and hyphens, Western line height.
    Latin,
    /// Chinese (Simplified): GB line-breaking prohibitions, punctuation
    /// compression, a gap between Han and Latin text, CJK line height.
    Hans,
    /// Chinese (Traditional): prohibitions without compression of centred marks.
    Hant,
}

impl Script {
    /// Whether the script is set with Chinese rules.
    pub fn is_cjk(self) -> bool {
        matches!(self, Script::Hans | Script::Hant)
    }
}

/// Reads the `locale.toml` among the files of language `tag` (folder `dir`).
pub(crate) fn parse_settings(
    tag: &str,
    dir: &std::path::Path,
    files: &[TextFile],
) -> Result<LocaleSettings, ModelError> {
    let file = files
        .iter()
        .find(|f| f.path.file_name().is_some_and(|n| n == "locale.toml"))
        .ok_or_else(|| {
            let location = Location {
                file: dir.join("locale.toml"),
                line: 1,
                col: 1,
            };
            ModelError::invalid(location, Problem::MissingLocaleSettings(tag.to_string()))
        })?;
    let ctx = Ctx(file);
    let settings: LocaleSettings = ctx.parse()?;
    if settings.fonts.is_empty() {
        return Err(ctx.err(0, Problem::NoFonts));
    }
    Ok(settings)
}
