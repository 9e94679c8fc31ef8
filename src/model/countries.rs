//! The countries a destination may name (`checklists/countries.toml`): ISO
//! 3166-1 codes with their names in each language, from the Unicode CLDR.
//! A country without mission data in `channels.toml` is still a
//! destination: its documents print lines to write the numbers in and say
//! where to look them up.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use toml::Spanned;

use super::channels::{Destination, Names};
use super::{Ctx, IdKind, ModelError, Problem, TextFile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    country: Vec<Spanned<CountryDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryDef {
    code: Spanned<String>,
    name: BTreeMap<String, String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Every country of the file, as a destination without missions.
pub(crate) fn parse_countries(file: &TextFile) -> Result<Vec<Destination>, ModelError> {
    let ctx = Ctx(file);
    let def: CountriesFile = ctx.parse()?;
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(def.country.len());
    for country in def.country {
        let start = country.span().start;
        let c = country.into_inner();
        let code = c.code.get_ref();
        if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
            let problem = Problem::InvalidId {
                what: IdKind::Country,
                id: code.clone(),
            };
            return Err(ctx.err(c.code.span().start, problem));
        }
        if !seen.insert(code.clone()) {
            let problem = Problem::Duplicate {
                what: IdKind::Country,
                id: code.clone(),
            };
            return Err(ctx.err(c.code.span().start, problem));
        }
        out.push(Destination {
            code: code.clone(),
            name: Names(c.name),
            aliases: c.aliases,
            missions: Vec::new(),
            location: ctx.at(start),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Destination>, ModelError> {
        parse_countries(&TextFile {
            path: "checklists/countries.toml".into(),
            text: text.into(),
        })
    }

    #[test]
    fn reads_codes_names_and_aliases() {
        let c = parse("[[country]]\ncode = \"IT\"\nname = { en = \"Italy\", zh-CN = \"意大利\" }\naliases = [\"ITA\"]\n").unwrap();
        assert_eq!(c[0].code, "IT");
        assert_eq!(c[0].name.get("zh-CN"), Some("意大利"));
        assert!(c[0].missions.is_empty());
    }

    #[test]
    fn rejects_bad_and_repeated_codes_at_their_place() {
        let e = parse("[[country]]\ncode = \"Italy\"\nname = { en = \"Italy\" }\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("checklists/countries.toml:2:8:"), "{e}");
        let twice = "[[country]]\ncode = \"IT\"\nname = { en = \"Italy\" }\n";
        let e = parse(&format!("{twice}{twice}")).unwrap_err().to_string();
        assert!(e.contains("duplicate") && e.contains(":5:8:"), "{e}");
    }
}
