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
//! Every text supplied here goes through [`crate::text::clean`]: normalised
//! to NFC, invisible characters removed; a text that is then empty is an
//! error. The file may start with a byte-order mark; it must be UTF-8.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::image::Image;
use super::{unique, Ctx, IdKind, ModelError, Problem, TextFile};
use crate::diag::Location;
use crate::text::clean;

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
        self.text.get(lang).map(String::as_str).ok_or_else(|| {
            let problem = Problem::NoText {
                what: self.what.clone(),
                lang: lang.to_string(),
            };
            ModelError::invalid(self.location.clone(), problem)
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
    /// decoded once, when the file is loaded.
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
    email: Option<Spanned<String>>,
}

impl Org {
    /// Reads and checks an organisation file.
    pub fn load(path: &Path) -> Result<Org, ModelError> {
        Org::parse(&TextFile::read(path)?)
    }

    /// Parses an organisation file's text.
    pub fn parse(file: &TextFile) -> Result<Org, ModelError> {
        let file = file.clone().without_bom();
        let ctx = Ctx(&file);
        let def: OrgDef = ctx.parse()?;
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for item in &def.item {
            let id = unique(&ctx, &mut seen, &item.id, IdKind::Item)?;
            items.push(OrgItem {
                text: localized(&ctx, &item.text, format!("item `{id}`"))?,
                id,
            });
        }
        let logo = def.logo.as_ref().map(|l| logo(&ctx, l)).transpose()?;
        Ok(Org {
            path: file.path.clone(),
            name: localized(&ctx, &def.name, "the organisation name".into())?,
            logo,
            security_officer: def
                .security_officer
                .as_ref()
                .map(|c| contact(&ctx, c, "the security officer"))
                .transpose()?,
            items,
            contacts: def
                .contact
                .iter()
                .enumerate()
                .map(|(i, c)| contact(&ctx, c, &format!("contact {}", i + 1)))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// A text in several languages, each cleaned; an empty one is an error.
fn localized(
    ctx: &Ctx,
    value: &Spanned<BTreeMap<String, String>>,
    what: String,
) -> Result<Localized, ModelError> {
    let location = ctx.at(value.span().start);
    let mut text = BTreeMap::new();
    for (lang, s) in value.get_ref() {
        match clean(s) {
            Ok(s) => text.insert(lang.clone(), s),
            Err(why) => {
                let lang = Some(lang.clone());
                let problem = Problem::EmptyText { what, lang, why };
                return Err(ModelError::invalid(location, problem));
            }
        };
    }
    Ok(Localized {
        text,
        location,
        what,
    })
}

/// A contact, its phone number checked.
fn contact(ctx: &Ctx, c: &ContactDef, what: &str) -> Result<Contact, ModelError> {
    let field = |value: &str, offset: usize, label: &str| {
        clean(value).map_err(|why| {
            let what = format!("the {label} of {what}");
            ctx.err(
                offset,
                Problem::EmptyText {
                    what,
                    lang: None,
                    why,
                },
            )
        })
    };
    let phone = match &c.phone {
        Some(p) => {
            let phone = field(p.get_ref(), p.span().start, "phone number")?;
            let ok = phone.chars().filter(char::is_ascii_digit).count() >= 3
                && phone
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || " +-().".contains(ch));
            if !ok {
                return Err(ctx.err(p.span().start, Problem::NotAPhone(phone)));
            }
            Some(phone)
        }
        None => None,
    };
    let email = match &c.email {
        Some(e) => Some(field(e.get_ref(), e.span().start, "e-mail address")?),
        None => None,
    };
    Ok(Contact {
        name: localized(ctx, &c.name, what.to_string())?,
        phone,
        email,
    })
}

/// Reads and decodes the logo named at `name`, relative to the file's folder.
fn logo(ctx: &Ctx, name: &Spanned<String>) -> Result<Arc<Image>, ModelError> {
    let dir = ctx.0.path.parent().unwrap_or(Path::new("."));
    let path = dir.join(name.get_ref());
    let bytes = std::fs::read(&path).map_err(|error| ModelError::Io {
        path: path.clone(),
        error,
    })?;
    Image::decode(&bytes).map(Arc::new).map_err(|e| {
        ctx.err(
            name.span().start,
            Problem::Logo(format!("{}: {e}", path.display())),
        )
    })
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
    fn texts_are_cleaned_and_invisible_ones_refused() {
        let o = org(
            "\u{FEFF}name = { en = \"Rene\u{301}e\u{00AD} Co\u{2028}Ltd\", zh-CN = \"艾克米\" }\n",
        )
        .unwrap();
        assert_eq!(o.name.get("en").unwrap(), "Ren\u{E9}e Co Ltd");
        let e = org("name = { en = \"A\", zh-CN = \"\u{200B}\u{2060}\" }\n").unwrap_err();
        let ModelError::Invalid { location, problem } = e else {
            panic!("{e:?}");
        };
        assert_eq!((location.line, location.col), (1, 8));
        assert_eq!(
            problem,
            Problem::EmptyText {
                what: "the organisation name".into(),
                lang: Some("zh-CN".into()),
                why: crate::text::CleanError::Invisible
            }
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("org.toml");
        std::fs::write(&path, b"name = { en = \"A\xe9\" }\n").unwrap();
        let e = Org::load(&path).unwrap_err();
        assert!(
            matches!(
                &e,
                ModelError::Invalid { location, problem: Problem::NotUtf8 } if (location.line, location.col) == (1, 17)
            ),
            "{e:?}"
        );
        let missing = Org::load(&dir.path().join("none.toml")).unwrap_err();
        assert!(
            std::error::Error::source(&missing).is_none(),
            "the OS error is printed once"
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
