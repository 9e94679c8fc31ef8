//! `predeparture init DIR`: a starting catalog for an organisation: the
//! checklists and translations, an organisation file with every field
//! explained, and a roster template. It validates and renders as written.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use predeparture::fonts::FontSet;
use predeparture::model::{Catalog, Date, Org};
use predeparture::{PacketRequest, Renderer, Request};

/// The arguments of `init`.
#[derive(clap::Args)]
pub(crate) struct InitArgs {
    /// The folder to create (it must not exist, or be empty).
    dir: std::path::PathBuf,
}

const ORG: &str = include_str!("init/org.toml");
const ROSTER: &str = "name,destination,departure,employee no\nWang Fang,KE,2026-12-01,0001\n李雷,英国,2026/12/8,0002\n";

/// Runs `init`.
pub(crate) fn run(args: InitArgs, quiet: bool) -> Result<ExitCode> {
    let dir = &args.dir;
    if std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
        bail!(
            "{} is not empty: init writes into a new or empty folder",
            dir.display()
        );
    }
    let mut files: Vec<(std::path::PathBuf, String)> = Catalog::bundled_files()
        .into_iter()
        .map(|f| (f.path, f.text))
        .collect();
    files.push(("org.toml".into(), ORG.to_string()));
    files.push(("roster.csv".into(), ROSTER.to_string()));
    for (path, text) in &files {
        let path = dir.join(path);
        std::fs::create_dir_all(super::output::parent(&path))
            .and_then(|()| std::fs::write(&path, text))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    check(dir)?;
    super::note(quiet, &next_steps(dir));
    Ok(ExitCode::SUCCESS)
}

/// The new catalog validates, and renders a packet with its org file.
fn check(dir: &Path) -> Result<()> {
    let findings = predeparture::validate::validate(&Catalog::files_in(dir)?);
    if let Some(first) = findings.first() {
        bail!("the new catalog has findings: {first}");
    }
    let renderer = Renderer::new(Catalog::from_dir(dir)?, FontSet::bundled())?;
    let mut request = Request::handout("overseas-staff", &["zh-CN", "en"]);
    request.profile = predeparture::layout::Profile::Packet;
    request.packet = Some(PacketRequest {
        org: Org::load(&dir.join("org.toml"))?,
        name: Some("Wang Fang".into()),
        departure: None,
        date: Date::from_days_since_epoch(0),
    });
    renderer.render(&request)?;
    Ok(())
}

fn next_steps(dir: &Path) -> String {
    let d = dir.display();
    format!(
        "wrote a catalog to {d}: checklists/, locales/, org.toml, roster.csv\n\
         next: cd {d}; edit org.toml and the checklists; then\n  \
         predeparture validate\n  \
         predeparture render -c overseas-staff --profile packet --org org.toml --roster roster.csv -o packets"
    )
}
