//! `predeparture list`: checklists and languages, or destinations.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::ValueEnum;
use predeparture::fonts::FontSet;
use predeparture::model::Channels;
use predeparture::Renderer;
use unicode_width::UnicodeWidthStr as _;

use super::CatalogArgs;

/// The arguments of `list`.
#[derive(clap::Args)]
pub(crate) struct ListArgs {
    /// What to list.
    #[arg(value_enum, ignore_case = true, default_value_t = ListWhat::Checklists)]
    what: ListWhat,
    #[command(flatten)]
    catalog: CatalogArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListWhat {
    /// Checklists and languages.
    Checklists,
    /// Destinations: code, names, missions, oldest "as of" date.
    Destinations,
}

/// Runs `list`.
pub(crate) fn run(args: ListArgs) -> Result<ExitCode> {
    let (catalog, _) = args.catalog.load()?;
    let out = match args.what {
        ListWhat::Destinations => destinations(
            catalog
                .channels
                .as_ref()
                .context("this catalog has no checklists/channels.toml")?,
        ),
        ListWhat::Checklists => checklists(&Renderer::new(catalog, FontSet::bundled())?)?,
    };
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `s` padded with spaces to `width` terminal columns.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

fn destinations(channels: &Channels) -> String {
    let name =
        |d: &predeparture::model::Destination, lang| d.name.get(lang).unwrap_or("-").to_string();
    let widths = |lang| {
        channels
            .destinations
            .iter()
            .map(|d| name(d, lang).width())
            .max()
            .unwrap_or(0)
    };
    let (en, zh) = (widths("en"), widths("zh-CN"));
    let mut out = String::new();
    for d in &channels.destinations {
        let oldest = d
            .missions
            .iter()
            .filter_map(|m| m.provenance.date)
            .min()
            .map_or("-".to_string(), |p| match (p.month, p.day) {
                (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", p.year),
                (Some(m), None) => format!("{:04}-{m:02}", p.year),
                _ => format!("{:04}", p.year),
            });
        let missions = super::plural(d.missions.len(), "mission", "missions");
        out.push_str(&format!(
            "{}  {}  {}  {}  oldest {oldest}\n",
            d.code,
            pad(&name(d, "en"), en),
            pad(&name(d, "zh-CN"), zh),
            pad(&missions, 10),
        ));
    }
    out
}

fn checklists(renderer: &Renderer) -> Result<String> {
    let locales = renderer.localizer().locales();
    let mut out = String::from("Checklists:\n");
    for (id, checklist) in &renderer.catalog().checklists {
        let roles = if checklist.roles.is_empty() {
            String::new()
        } else {
            format!("  (roles: {})", checklist.roles.join(", "))
        };
        out.push_str(&format!("  {id}{roles}\n"));
        for locale in locales {
            let title = locale.format(&format!("{id}-title"), None)?;
            let audience = locale.format(&format!("{id}-audience"), None)?;
            out.push_str(&format!(
                "    {} {title} — {audience}\n",
                pad(&locale.tag, 6)
            ));
        }
    }
    out.push_str("Languages:\n");
    for locale in locales {
        out.push_str(&format!(
            "  {} {}{}\n",
            pad(&locale.tag, 6),
            locale.format("language-name", None)?,
            also_for(renderer, &locale.tag)
        ));
    }
    Ok(out)
}

/// Tags people commonly ask for that `--lang` serves with the language
/// `tag`, e.g. zh-HK and zh-MO with zh-TW (Taiwan usage): said, not hidden.
fn also_for(renderer: &Renderer, tag: &str) -> String {
    const ASKED: [&str; 10] = [
        "zh", "zh-Hans", "zh-SG", "zh-MY", "zh-Hant", "zh-HK", "zh-MO", "en-GB", "en-US", "en-AU",
    ];
    let served: Vec<&str> = ASKED
        .into_iter()
        .filter(|asked| {
            renderer
                .localizer()
                .negotiate(asked)
                .is_ok_and(|l| l.tag == tag && *asked != tag)
        })
        .collect();
    match served.as_slice() {
        [] => String::new(),
        tags if tags.contains(&"zh-HK") => format!(
            "  (also for {}: set in Taiwan usage; there is no Hong Kong or Macao edition yet)",
            tags.join(", ")
        ),
        tags => format!("  (also for {})", tags.join(", ")),
    }
}
