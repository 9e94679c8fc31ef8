//! The organisation file of an onboarding packet (`--org org.toml`): the
//! employer's name, logo, security officer, its own checklist items and
//! contacts, each text given in every language the packet uses.
//!
//! ```toml
//! name = { en = "Acme Engineering Co., Ltd.", zh-CN = "艾克米工程有限公司" }
//! logo = "logo.png"                      # optional, PNG or JPEG, relative to this file
//!
//! [security-officer]                     # optional
//! name = { en = "Security Office", zh-CN = "保密办公室" }
//! phone = "+86-10-5555-0100"
//! email = "security@example.com"
//!
//! [[item]]
//! id = "report-travel"
//! text = { en = "…", zh-CN = "…" }
//!
//! [[contact]]
//! name = { en = "Duty office", zh-CN = "值班室" }
//! phone = "+86-10-5555-0199"
//! ```
//!
//! Text supplied here is stripped of control and bidirectional-override
//! characters.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::image::Image;
use super::{unique, Ctx, ModelError, TextFile};
use crate::diag::Location;
use crate::text::strip_controls;

/// A text given per language tag, with where it was defined.
#[derive(Debug, Clone, PartialEq)]
pub struct Localized {
    /// Text by language tag (`en`, `zh-CN`, …).
    pub text: BTreeMap<String, String>,
    /// Where it is defined, for errors.
    pub location: Location,
    /// What it is, for errors (e.g. "item `report-travel`").
    pub what: String,
}

impl Localized {
    /// The text in `lang`, or an error naming the file position and the language.
    pub fn get(&self, lang: &str) -> Result<&str, ModelError> {
        self.text
            .get(lang)
            .map(String::as_str)
            .ok_or_else(|| ModelError::Invalid {
                location: self.location.clone(),
                message: format!("{} has no text in {lang}", self.what),
            })
    }
}

/// The organisation behind a packet.
#[derive(Debug, Clone, PartialEq)]
pub struct Org {
    /// The file it was read from.
    pub path: PathBuf,
    /// The organisation's name.
    pub name: Localized,
    /// Its logo (PNG or JPEG), read from a path relative to the file's folder and
    /// decoded when the file is loaded.
    pub logo: Option<Arc<Image>>,
    /// Who staff report to.
    pub security_officer: Option<Contact>,
    /// Its own checklist items.
    pub items: Vec<OrgItem>,
    /// Further contacts.
    pub contacts: Vec<Contact>,
}

/// An item the organisation adds.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgItem {
    /// Id, unique in the file.
    pub id: String,
    /// The item text.
    pub text: Localized,
}

/// A person or office to contact.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// Name or role.
    pub name: Localized,
    /// Phone number, as written.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct OrgDef {
    name: Spanned<BTreeMap<String, String>>,
    logo: Option<Spanned<String>>,
    security_officer: Option<ContactDef>,
    #[serde(default)]
    item: Vec<ItemDef>,
    #[serde(default)]
    contact: Vec<ContactDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemDef {
    id: Spanned<String>,
    text: Spanned<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactDef {
    name: Spanned<BTreeMap<String, String>>,
    phone: Option<Spanned<String>>,
    email: Option<String>,
}

impl Org {
    /// Reads and checks an organisation file.
    pub fn load(path: &Path) -> Result<Org, ModelError> {
        let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Org::parse(&TextFile {
            path: path.to_path_buf(),
            text,
        })
    }

    /// Parses an organisation file's text.
    pub fn parse(file: &TextFile) -> Result<Org, ModelError> {
        let ctx = Ctx(file);
        let def: OrgDef = ctx.parse()?;
        let localized = |value: &Spanned<BTreeMap<String, String>>,
                         what: String|
         -> Result<Localized, ModelError> {
            let text: BTreeMap<String, String> = value
                .get_ref()
                .iter()
                .map(|(lang, s)| (lang.clone(), strip_controls(s).trim().to_string()))
                .collect();
            let location = Location::from_offset(&file.path, &file.text, value.span().start);
            if let Some((lang, _)) = text.iter().find(|(_, s)| s.is_empty()) {
                return Err(ModelError::Invalid {
                    location,
                    message: format!("{what} has an empty text in {lang}"),
                });
            }
            Ok(Localized {
                text,
                location,
                what,
            })
        };
        let contact = |c: &ContactDef, what: &str| -> Result<Contact, ModelError> {
            let phone = match &c.phone {
                Some(p) => {
                    let phone = strip_controls(p.get_ref()).trim().to_string();
                    let ok = phone.chars().filter(char::is_ascii_digit).count() >= 3
                        && phone
                            .chars()
                            .all(|ch| ch.is_ascii_digit() || " +-().".contains(ch));
                    if !ok {
                        return Err(ctx.err(
                            p.span().start,
                            format!(
                                "`{phone}` is not a phone number (digits, spaces, + - ( ) only)"
                            ),
                        ));
                    }
                    Some(phone)
                }
                None => None,
            };
            Ok(Contact {
                name: localized(&c.name, what.to_string())?,
                phone,
                email: c
                    .email
                    .as_deref()
                    .map(|e| strip_controls(e).trim().to_string()),
            })
        };
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for item in &def.item {
            let id = unique(&ctx, &mut seen, &item.id, "item")?;
            items.push(OrgItem {
                text: localized(&item.text, format!("item `{id}`"))?,
                id,
            });
        }
        let logo = def.logo.as_ref().map(|l| logo(&ctx, l)).transpose()?;
        Ok(Org {
            path: file.path.clone(),
            name: localized(&def.name, "the organisation name".into())?,
            logo,
            security_officer: def
                .security_officer
                .as_ref()
                .map(|c| contact(c, "the security officer"))
                .transpose()?,
            items,
            contacts: def
                .contact
                .iter()
                .enumerate()
                .map(|(i, c)| contact(c, &format!("contact {}", i + 1)))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// Reads and decodes the logo named at `name`, relative to the file's folder.
fn logo(ctx: &Ctx, name: &Spanned<String>) -> Result<Arc<Image>, ModelError> {
    let dir = ctx.0.path.parent().unwrap_or(Path::new("."));
    let path = dir.join(name.get_ref());
    let bytes = std::fs::read(&path).map_err(|source| ModelError::Io {
        path: path.clone(),
        source,
    })?;
    Image::decode(&bytes)
        .map(Arc::new)
        .map_err(|e| ctx.err(name.span().start, format!("logo {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str) -> Result<Org, ModelError> {
        Org::parse(&TextFile {
            path: "org.toml".into(),
            text: text.into(),
        })
    }

    #[test]
    fn parses_and_cleans_text() {
        let o = org("name = { en = \"Acme\\u202E\", zh-CN = \"艾克米\" }\n[[item]]\nid = \"a\"\ntext = { en = \"Do\", zh-CN = \"做\" }\n[[contact]]\nname = { en = \"Desk\", zh-CN = \"值班\" }\nphone = \"+86-10-5555-0199\"\n").unwrap();
        assert_eq!(o.name.get("en").unwrap(), "Acme");
        assert_eq!(o.logo, None);
        assert_eq!(o.contacts[0].phone.as_deref(), Some("+86-10-5555-0199"));
    }

    #[test]
    fn decodes_the_logo_once_at_load() {
        let dir = tempfile::tempdir().unwrap();
        let mut png = Vec::new();
        let mut enc = png::Encoder::new(&mut png, 3, 2);
        enc.set_color(png::ColorType::Rgba);
        enc.write_header()
            .unwrap()
            .write_image_data(&[200; 24])
            .unwrap();
        std::fs::write(dir.path().join("l.png"), &png).unwrap();
        let text = "name = { en = \"A\" }\nlogo = \"l.png\"\n";
        let file = |text: &str| TextFile {
            path: dir.path().join("org.toml"),
            text: text.into(),
        };
        let logo = Org::parse(&file(text)).unwrap().logo.unwrap();
        assert_eq!((logo.width, logo.height, logo.pixels.len()), (3, 2, 24));
        std::fs::write(dir.path().join("bad.png"), b"GIF89a").unwrap();
        let e = Org::parse(&file("name = { en = \"A\" }\nlogo = \"bad.png\"\n"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("org.toml:2:8: logo ") && !e.contains('\n'),
            "{e}"
        );
    }

    #[test]
    fn a_missing_language_names_the_place() {
        let o = org("name = { en = \"Acme\", zh-CN = \"艾克米\" }\n[[item]]\nid = \"a\"\ntext = { en = \"Do\" }\n").unwrap();
        assert_eq!(
            o.items[0].text.get("zh-CN").unwrap_err().to_string(),
            "org.toml:4:8: item `a` has no text in zh-CN"
        );
    }

    #[test]
    fn rejects_unknown_keys_and_bad_phones() {
        assert!(org("name = { en = \"A\" }\ncolour = 1\n")
            .unwrap_err()
            .to_string()
            .starts_with("org.toml:2:1: unknown field `colour`"));
        let e = org("name = { en = \"A\" }\n[security-officer]\nname = { en = \"B\" }\nphone = \"call me\"\n").unwrap_err().to_string();
        assert_eq!(
            e,
            "org.toml:4:9: `call me` is not a phone number (digits, spaces, + - ( ) only)"
        );
    }
}
