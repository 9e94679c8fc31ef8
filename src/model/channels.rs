//! Reporting channels: the national channels, the Chinese missions of each
//! destination, and numbers known to be superseded, from
//! `checklists/channels.toml`. Every row carries its source, source date and
//! confidence; [`Channels::check`] finds rows that lack them, malformed or
//! superseded numbers, and rows that are old or uncertain.
//!
//! Rows are read leniently (a missing source is a finding, not a parse
//! error), but unknown keys are still rejected.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use super::{Ctx, Date, ModelError, PartialDate, TextFile};
use crate::diag::{Location, Severity};

/// How sure the research is of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// An official page or government reprint.
    High,
    /// A reprint, news report or single source.
    Medium,
    /// Old or third-party only.
    Low,
}

/// Where a row's facts come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The publication.
    pub source: Option<String>,
    /// The source of `sources.toml` that is this publication, when the row
    /// names one (`source-id`): documents then cite it, titled in their
    /// own languages.
    pub source_id: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// When it was published (the "as of" date of the row).
    pub date: Option<PartialDate>,
    /// The date as written, when it does not parse.
    pub date_text: Option<String>,
    /// How sure the research is.
    pub confidence: Option<Confidence>,
    /// Where the row is defined.
    pub location: Location,
}

/// A name in several languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Names(pub std::collections::BTreeMap<String, String>);

impl Names {
    /// The name in `lang`, if given.
    pub fn get(&self, lang: &str) -> Option<&str> {
        self.0.get(lang).map(String::as_str)
    }
}

/// What a national channel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    /// A phone line (12308, 12339): abroad, printed as the consular hotline.
    Hotline,
    /// A website.
    Website,
    /// A mobile app.
    App,
    /// A WeChat account.
    Wechat,
}

/// What a Chinese mission is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissionKind {
    /// An embassy.
    Embassy,
    /// A consulate general.
    ConsulateGeneral,
    /// A consulate.
    Consulate,
}

impl MissionKind {
    /// The name used in `channels.toml`, e.g. `consulate-general`.
    pub fn name(self) -> &'static str {
        match self {
            MissionKind::Embassy => "embassy",
            MissionKind::ConsulateGeneral => "consulate-general",
            MissionKind::Consulate => "consulate",
        }
    }
}

/// Why a row must be verified before travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerifyReason {
    /// Its source has no (readable) date.
    Undated,
    /// Its source is older than its confidence allows.
    Old {
        /// How old the source is, in whole months.
        months: i32,
        /// The most months its confidence allows.
        limit: i32,
        /// The confidence.
        confidence: Confidence,
    },
    /// The research is of low confidence (or gives none): verify at any age.
    LowConfidence,
}

impl Confidence {
    /// How many months old a row of this confidence may be before its
    /// documents say "verify before travel": an official page stays good
    /// for two years, a reprint or news report for one, a low-confidence
    /// row never.
    pub fn months_good(self) -> Option<i32> {
        match self {
            Confidence::High => Some(24),
            Confidence::Medium => Some(12),
            Confidence::Low => None,
        }
    }
}

impl std::fmt::Display for VerifyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VerifyReason::Undated => f.write_str("undated"),
            VerifyReason::Old {
                months,
                limit,
                confidence,
            } => {
                let c = format!("{confidence:?}").to_lowercase();
                write!(f, "{c} confidence, {months} months old (limit {limit})")
            }
            VerifyReason::LowConfidence => f.write_str("low confidence"),
        }
    }
}

/// A national channel (12308, 12339, the website, the app, WeChat).
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    /// Stable id.
    pub id: String,
    /// Hotline, website, app or WeChat.
    pub kind: ChannelKind,
    /// Its name.
    pub name: Names,
    /// Phone numbers, as published.
    pub phones: Vec<String>,
    /// Web address, without scheme.
    pub url: Option<String>,
    /// Opening hours, e.g. `24h`.
    pub hours: Option<String>,
    /// Usable from abroad (12339 and its website are for after return).
    pub abroad: bool,
    /// Source, date, confidence.
    pub provenance: Provenance,
}

/// A Chinese embassy or consulate.
#[derive(Debug, Clone, PartialEq)]
pub struct Mission {
    /// Embassy, consulate general or consulate.
    pub kind: MissionKind,
    /// Its name.
    pub name: Names,
    /// Its city.
    pub city: Names,
    /// Address, as published.
    pub address: Option<String>,
    /// The 24-hour consular-protection number.
    pub phone: Option<String>,
    /// Web address, without scheme.
    pub website: Option<String>,
    /// Source, date, confidence.
    pub provenance: Provenance,
}

/// A destination country.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// Its name.
    pub name: Names,
    /// Other names it is known by, in any language.
    pub aliases: Vec<String>,
    /// Embassy first, then consulates in file order.
    pub missions: Vec<Mission>,
    /// Where it is defined.
    pub location: Location,
}

/// A number that is no longer current.
#[derive(Debug, Clone, PartialEq)]
pub struct Superseded {
    /// The old number.
    pub number: String,
    /// What replaced it, if anything.
    pub replaced_by: Option<String>,
    /// Source, date, confidence.
    pub provenance: Provenance,
}

/// The reporting-channel data.
#[derive(Debug, Clone, PartialEq)]
pub struct Channels {
    /// National channels.
    pub national: Vec<Channel>,
    /// Destinations with mission data, in file order.
    pub destinations: Vec<Destination>,
    /// The other countries (from `countries.toml`), in code order: a
    /// destination may name them, and their documents print lines to write
    /// the numbers in.
    pub countries: Vec<Destination>,
    /// Numbers no longer current.
    pub superseded: Vec<Superseded>,
}

/// A finding of [`Channels::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Where.
    pub location: Location,
    /// An error (the data must be fixed) or a warning (the row is printed
    /// with "verify before travel").
    pub severity: Severity,
    /// What.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    national: Vec<Spanned<ChannelDef>>,
    #[serde(default)]
    destination: Vec<Spanned<DestinationDef>>,
    #[serde(default)]
    superseded: Vec<Spanned<SupersededDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SourceDef {
    source: Option<String>,
    source_id: Option<String>,
    source_url: Option<String>,
    source_date: Option<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ChannelDef {
    id: String,
    kind: ChannelKind,
    name: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    phones: Vec<String>,
    url: Option<String>,
    hours: Option<String>,
    abroad: bool,
    #[serde(flatten)]
    source: SourceDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DestinationDef {
    code: String,
    name: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    mission: Vec<Spanned<MissionDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct MissionDef {
    kind: MissionKind,
    name: std::collections::BTreeMap<String, String>,
    city: std::collections::BTreeMap<String, String>,
    address: Option<String>,
    phone: Option<String>,
    website: Option<String>,
    #[serde(flatten)]
    source: SourceDef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SupersededDef {
    number: String,
    replaced_by: Option<String>,
    #[serde(flatten)]
    source: SourceDef,
}

impl Channels {
    /// Parses `checklists/channels.toml`.
    pub fn parse(file: &TextFile) -> Result<Channels, ModelError> {
        let def: FileDef = Ctx(file).parse()?;
        let rows = Rows(file);
        Ok(Channels {
            national: def.national.into_iter().map(|c| rows.channel(c)).collect(),
            destinations: def
                .destination
                .into_iter()
                .map(|d| rows.destination(d))
                .collect(),
            superseded: def
                .superseded
                .into_iter()
                .map(|s| rows.superseded(s))
                .collect(),
            countries: Vec::new(),
        })
    }

    /// The destination named by `query`: its code in any case, or one of its
    /// names or aliases in any language.
    pub fn find(&self, query: &str) -> Result<&Destination, ModelError> {
        let q = query.trim().to_lowercase();
        self.destinations
            .iter()
            .chain(&self.countries)
            .find(|d| {
                d.code.to_lowercase() == q
                    || d.name.0.values().any(|n| n.to_lowercase() == q)
                    || d.aliases.iter().any(|a| a.to_lowercase() == q)
            })
            .ok_or_else(|| ModelError::UnknownDestination {
                query: query.to_string(),
                available: self
                    .destinations
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    /// Every row's provenance, in file order.
    pub fn provenances(&self) -> impl Iterator<Item = &Provenance> {
        let missions = self.destinations.iter().flat_map(|d| &d.missions);
        self.national
            .iter()
            .map(|c| &c.provenance)
            .chain(missions.map(|m| &m.provenance))
            .chain(self.superseded.iter().map(|s| &s.provenance))
    }

    /// Adds the countries of `countries.toml` that have no mission data.
    pub(crate) fn add_countries(&mut self, countries: Vec<Destination>) {
        let known: std::collections::BTreeSet<String> =
            self.destinations.iter().map(|d| d.code.clone()).collect();
        self.countries = countries
            .into_iter()
            .filter(|c| !known.contains(&c.code))
            .collect();
    }

    /// Checks every row; `today` judges age, `langs` are the languages every
    /// name must be given in.
    pub fn check(&self, today: Date, langs: &[&str]) -> Vec<Finding> {
        let mut check = Check {
            today,
            langs,
            superseded: self.superseded.iter().map(|s| s.number.as_str()).collect(),
            out: Vec::new(),
        };
        for c in &self.national {
            // 12339 is a domestic short number: printed as is, never in an international form.
            let phones: Vec<&str> = c
                .phones
                .iter()
                .map(String::as_str)
                .filter(|p| c.abroad || p.starts_with('+'))
                .collect();
            let what = format!("national `{}`", c.id);
            check.row(&c.provenance, &what, &phones, &[("name", &c.name)]);
        }
        let mut codes = BTreeSet::new();
        for d in &self.destinations {
            check.destination(d, &mut codes);
        }
        check.out
    }

    /// Why a row must be verified before travel on `today` (none when it
    /// need not be): the one rule for `data check` and for the documents.
    pub fn verify_reasons(p: &Provenance, today: Date) -> Vec<VerifyReason> {
        let mut reasons = Vec::new();
        if p.date.is_none() {
            reasons.push(VerifyReason::Undated);
        }
        match p.confidence.and_then(Confidence::months_good) {
            None => reasons.push(VerifyReason::LowConfidence),
            Some(limit) => {
                let months = p.date.map(|d| months_between(d, today));
                if let (Some(months), Some(confidence)) =
                    (months.filter(|m| *m > limit), p.confidence)
                {
                    reasons.push(VerifyReason::Old {
                        months,
                        limit,
                        confidence,
                    });
                }
            }
        }
        reasons
    }

    /// Whether a row calls for "verify before travel" on `today`.
    pub fn needs_verifying(p: &Provenance, today: Date) -> bool {
        !Channels::verify_reasons(p, today).is_empty()
    }
}

/// Turns the rows of one file into data, with their locations.
struct Rows<'a>(&'a TextFile);

impl Rows<'_> {
    fn at(&self, offset: usize) -> Location {
        Location::from_offset(&self.0.path, &self.0.text, offset)
    }

    fn provenance(&self, s: SourceDef, offset: usize) -> Provenance {
        Provenance {
            date: s.source_date.as_deref().and_then(PartialDate::parse),
            date_text: s.source_date,
            source: s.source,
            source_id: s.source_id,
            url: s.source_url,
            confidence: s.confidence,
            location: self.at(offset),
        }
    }

    fn channel(&self, c: Spanned<ChannelDef>) -> Channel {
        let start = c.span().start;
        let c = c.into_inner();
        Channel {
            id: c.id,
            kind: c.kind,
            name: Names(c.name),
            phones: c.phones,
            url: c.url,
            hours: c.hours,
            abroad: c.abroad,
            provenance: self.provenance(c.source, start),
        }
    }

    fn mission(&self, m: Spanned<MissionDef>) -> Mission {
        let start = m.span().start;
        let m = m.into_inner();
        Mission {
            kind: m.kind,
            name: Names(m.name),
            city: Names(m.city),
            address: m.address,
            phone: m.phone,
            website: m.website,
            provenance: self.provenance(m.source, start),
        }
    }

    fn destination(&self, d: Spanned<DestinationDef>) -> Destination {
        let start = d.span().start;
        let d = d.into_inner();
        Destination {
            code: d.code,
            name: Names(d.name),
            aliases: d.aliases,
            missions: d.mission.into_iter().map(|m| self.mission(m)).collect(),
            location: self.at(start),
        }
    }

    fn superseded(&self, s: Spanned<SupersededDef>) -> Superseded {
        let start = s.span().start;
        let s = s.into_inner();
        Superseded {
            number: s.number,
            replaced_by: s.replaced_by,
            provenance: self.provenance(s.source, start),
        }
    }
}

/// The state of [`Channels::check`].
struct Check<'a> {
    today: Date,
    langs: &'a [&'a str],
    superseded: Vec<&'a str>,
    out: Vec<Finding>,
}

impl Check<'_> {
    fn push(&mut self, location: &Location, severity: Severity, message: String) {
        self.out.push(Finding {
            location: location.clone(),
            severity,
            message,
        });
    }

    fn destination<'d>(&mut self, d: &'d Destination, codes: &mut BTreeSet<&'d str>) {
        if d.code.len() != 2 || !d.code.chars().all(|c| c.is_ascii_uppercase()) {
            let message = format!(
                "destination code `{}` is not ISO 3166-1 alpha-2 (two capital letters)",
                d.code
            );
            self.push(&d.location, Severity::Error, message);
        }
        if !codes.insert(d.code.as_str()) {
            let message = format!("destination `{}` is defined twice", d.code);
            self.push(&d.location, Severity::Error, message);
        }
        for m in &d.missions {
            let what = format!("{} {}", d.code, m.name.get("en").unwrap_or(m.kind.name()));
            let phones: Vec<&str> = m.phone.iter().map(String::as_str).collect();
            let names = [("name", &m.name), ("city", &m.city)];
            self.row(&m.provenance, &what, &phones, &names);
        }
    }

    /// The problems of one row, then its "verify before travel" note.
    fn row(&mut self, p: &Provenance, what: &str, phones: &[&str], names: &[(&str, &Names)]) {
        let mut problems = Vec::new();
        if p.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            problems.push("no source".to_string());
        }
        match (&p.date, &p.date_text) {
            (None, None) => problems.push("no source date".into()),
            (None, Some(t)) => problems.push(format!(
                "source date `{t}` is not YYYY, YYYY-MM or YYYY-MM-DD"
            )),
            _ => {}
        }
        if p.confidence.is_none() {
            problems.push("no confidence (high, medium or low)".into());
        }
        self.phones(phones, &mut problems);
        for (label, names) in names {
            for lang in self.langs {
                if names.get(lang).is_none_or(|n| n.trim().is_empty()) {
                    problems.push(format!("no {label} in {lang}"));
                }
            }
        }
        for problem in problems {
            self.push(&p.location, Severity::Error, format!("{what}: {problem}"));
        }
        let reasons: Vec<String> = Channels::verify_reasons(p, self.today)
            .into_iter()
            // An undated row is a problem already.
            .filter(|r| *r != VerifyReason::Undated)
            .map(|r| r.to_string())
            .collect();
        if !reasons.is_empty() {
            let message = format!("{what}: {}: verify before travel", reasons.join(", "));
            self.push(&p.location, Severity::Warning, message);
        }
    }

    fn phones(&self, phones: &[&str], problems: &mut Vec<String>) {
        for phone in phones {
            if !phone_ok(phone) {
                problems.push(format!(
                    "phone `{phone}` is not `+<country code>` then digits with single hyphens"
                ));
            }
            if let Some(old) = self.superseded.iter().find(|s| digits(s) == digits(phone)) {
                problems.push(format!("phone `{phone}` is superseded ({old})"));
            }
        }
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `+<country code>` then groups of digits separated by single hyphens.
pub fn phone_ok(phone: &str) -> bool {
    let Some(rest) = phone.strip_prefix('+') else {
        return false;
    };
    let groups: Vec<&str> = rest.split('-').collect();
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
}

/// Whole months from `from` to `to`, counting a partial date from its start.
fn months_between(from: PartialDate, to: Date) -> i32 {
    let months = (to.year - from.year) * 12 + (to.month as i32 - from.month.unwrap_or(1) as i32);
    if to.day < from.day.unwrap_or(1) {
        months - 1
    } else {
        months
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(extra: &str) -> Channels {
        let text = format!(
            "[[superseded]]\nnumber = \"+86-10-59913991\"\nsource = \"s\"\nsource-date = \"2023\"\nconfidence = \"high\"\n\n[[destination]]\ncode = \"GB\"\nname = {{ en = \"United Kingdom\", zh-CN = \"英国\" }}\naliases = [\"UK\"]\n{extra}"
        );
        Channels::parse(&TextFile {
            path: "channels.toml".into(),
            text,
        })
        .unwrap()
    }

    const MISSION: &str = "[[destination.mission]]\nkind = \"embassy\"\nname = { en = \"Embassy\", zh-CN = \"大使馆\" }\ncity = { en = \"London\", zh-CN = \"伦敦\" }\n";

    #[test]
    fn finds_destinations_by_code_name_and_alias() {
        let c = data("");
        for q in ["GB", "gb", "United Kingdom", "united kingdom", "英国", "UK"] {
            assert_eq!(c.find(q).unwrap().code, "GB", "{q}");
        }
        assert_eq!(
            c.find("Narnia").unwrap_err().to_string(),
            "unknown destination `Narnia`: no country has that ISO 3166 code or name"
        );
    }

    #[test]
    fn checks_sources_phones_and_age() {
        let today = Date {
            year: 2026,
            month: 11,
            day: 22,
        };
        let clean = data(&format!("{MISSION}phone = \"+44-20-1234\"\nsource = \"notice\"\nsource-date = \"2025-01-01\"\nconfidence = \"high\"\n"));
        assert!(clean.check(today, &["en", "zh-CN"]).is_empty());
        let bad = data(&format!("{MISSION}phone = \"+86-10-59913991\"\nsource-date = \"2020-03\"\nconfidence = \"low\"\n"));
        let findings: Vec<String> = bad
            .check(today, &["en", "zh-CN"])
            .iter()
            .map(|f| {
                let tag = match f.severity {
                    Severity::Error => "E ",
                    Severity::Warning => "N ",
                };
                format!("{tag}{}", f.message)
            })
            .collect();
        assert_eq!(
            findings,
            [
                "E GB Embassy: no source",
                "E GB Embassy: phone `+86-10-59913991` is superseded (+86-10-59913991)",
                "N GB Embassy: low confidence: verify before travel",
            ]
        );
        let format = data(&format!("{MISSION}phone = \"0044 20 1234\"\nsource = \"s\"\nsource-date = \"2026\"\nconfidence = \"medium\"\n"));
        assert!(format.check(today, &["en"])[0]
            .message
            .contains("is not `+<country code>`"));
    }

    #[test]
    fn phone_format() {
        assert!(phone_ok("+86-10-12308") && phone_ok("+1-415-9296998"));
        assert!(
            !phone_ok("12339")
                && !phone_ok("+86--10")
                && !phone_ok("+86 10 12308")
                && !phone_ok("+8612")
        );
    }
}

#[cfg(test)]
mod kinds {
    use super::*;
    use crate::model::Problem;

    #[test]
    fn an_unknown_kind_is_an_error_at_its_place() {
        let text =
            "[[national]]\nid = \"h\"\nkind = \"Hotline\"\nname = { en = \"H\" }\nabroad = true\n";
        let e = Channels::parse(&TextFile {
            path: "c.toml".into(),
            text: text.into(),
        })
        .unwrap_err();
        let ModelError::Invalid { location, problem } = e else {
            panic!("{e:?}");
        };
        assert_eq!((location.line, location.col), (3, 8));
        assert!(matches!(problem, Problem::Toml(m) if m.contains("`Hotline`")));
    }

    #[test]
    fn one_rule_decides_verify_before_travel() {
        let today = Date::parse("2026-11-22").unwrap();
        let p = |date: Option<&str>, confidence| Provenance {
            source: Some("s".into()),
            source_id: None,
            url: None,
            date: date.and_then(PartialDate::parse),
            date_text: date.map(str::to_string),
            confidence: Some(confidence),
            location: Location::from_offset("c.toml", "", 0),
        };
        let reasons = |p: &Provenance| Channels::verify_reasons(p, today);
        assert!(reasons(&p(Some("2025-01"), Confidence::High)).is_empty());
        assert_eq!(
            reasons(&p(Some("2024-10"), Confidence::High)),
            [VerifyReason::Old {
                months: 25,
                limit: 24,
                confidence: Confidence::High
            }]
        );
        // A reprint is good for a year, a low-confidence row never.
        assert!(reasons(&p(Some("2026-01"), Confidence::Medium)).is_empty());
        assert_eq!(
            reasons(&p(Some("2025-10"), Confidence::Medium))[0].to_string(),
            "medium confidence, 13 months old (limit 12)"
        );
        assert_eq!(
            reasons(&p(Some("2026-11"), Confidence::Low)),
            [VerifyReason::LowConfidence]
        );
        assert_eq!(
            reasons(&p(None, Confidence::Low)),
            [VerifyReason::Undated, VerifyReason::LowConfidence]
        );
        assert!(Channels::needs_verifying(&p(None, Confidence::High), today));
        assert!(!Channels::needs_verifying(
            &p(Some("2026"), Confidence::Medium),
            today
        ));
    }
}

#[cfg(test)]
mod strict {
    #[test]
    fn unknown_keys_are_rejected() {
        let text = "[[destination]]\ncode = \"GB\"\nname = { en = \"UK\" }\n[[destination.mission]]\nkind = \"embassy\"\nname = { en = \"E\" }\ncity = { en = \"L\" }\nsorce = \"typo\"\n";
        let e = super::Channels::parse(&super::TextFile {
            path: "c.toml".into(),
            text: text.into(),
        })
        .unwrap_err()
        .to_string();
        assert!(e.contains("sorce"), "{e}");
    }
}
