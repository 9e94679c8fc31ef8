//! The `predeparture` command line: parses arguments, calls the library,
//! prints errors as one line and exits with status 2 on bad input.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use predeparture::export::{export, Format};
use predeparture::fonts::FontSet;
use predeparture::layout::{PageSize, Profile};
use predeparture::model::{Catalog, Date, Org};
use predeparture::{PacketRequest, Renderer, Request};

mod serve;

/// Typeset pre-departure security checklists as Chinese and English PDFs.
#[derive(Parser)]
#[command(name = "predeparture", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a checklist as a PDF.
    Render(Box<RenderArgs>),
    /// List the checklists and languages, or the destinations.
    List(ListArgs),
    /// Check every translation and definition of a catalog: syntax, missing,
    /// untranslated and unused messages, differing variables, unknown sources,
    /// duplicates. Exits 0 when clean, 1 on findings, 2 when it cannot run.
    Validate {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[command(flatten)]
        catalog: CatalogArgs,
    },
    /// Serve the web page and the HTTP API (on 127.0.0.1:8080 by default).
    Serve(serve::ServeArgs),
    /// Work on the reporting-channel data.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
}

#[derive(clap::Args)]
struct ListArgs {
    /// What to list.
    #[arg(value_enum, default_value_t = ListWhat::Checklists)]
    what: ListWhat,
    #[command(flatten)]
    catalog: CatalogArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Pdf,
    Text,
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// One line per finding.
    Text,
    /// A JSON object with the findings, for tools.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListWhat {
    /// Checklists and languages.
    Checklists,
    /// Destinations: code, names, missions, oldest "as of" date.
    Destinations,
}

#[derive(Subcommand)]
enum DataCommand {
    /// Check checklists/channels.toml: sources, dates, phone formats,
    /// superseded numbers; list rows to verify before travel. Exits 1 on a problem.
    Check {
        /// Judge the age of rows on this date (YYYY-MM-DD; default today, or SOURCE_DATE_EPOCH's day).
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        #[command(flatten)]
        catalog: CatalogArgs,
    },
}

#[derive(clap::Args)]
struct CatalogArgs {
    /// Read checklists and translations from this folder (with checklists/ and locales/) instead of the bundled ones.
    #[arg(long, value_name = "DIR")]
    catalog: Option<PathBuf>,
}

#[derive(clap::Args)]
struct RenderArgs {
    /// Checklist id (see `predeparture list`).
    #[arg(long, short)]
    checklist: String,
    /// Languages in print order, comma-separated, e.g. `zh-CN,en`.
    #[arg(long, short, value_delimiter = ',', default_value = "zh-CN,en")]
    lang: Vec<String>,
    /// Include the items for these roles, e.g. `sensitive`.
    #[arg(long, value_delimiter = ',')]
    role: Vec<String>,
    /// Who it is for: a printed handout, a phone PDF (90 × 160 mm, tappable
    /// numbers, form checkboxes) or an employer's onboarding packet.
    #[arg(long, value_enum, default_value_t = ProfileArg::Handout)]
    profile: ProfileArg,
    /// Paper size of handouts and packets.
    #[arg(long, value_enum, default_value_t = Paper::A4)]
    page: Paper,
    /// Packet: the organisation file (name, logo, security officer, items, contacts).
    #[arg(long, value_name = "FILE")]
    org: Option<PathBuf>,
    /// Packet: the employee's name.
    #[arg(long)]
    name: Option<String>,
    /// The destination (ISO 3166 code such as GB, or a name such as
    /// `United Kingdom` or `英国`): prints its Chinese embassy and consulates.
    #[arg(long)]
    destination: Option<String>,
    /// Packet: the departure date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    departure: Option<String>,
    /// Packet: the document date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH's date, else today).
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Packet: one packet per row of this CSV file (columns `name`, and
    /// optionally `destination` and `departure`); `-o` names the folder.
    #[arg(long, value_name = "FILE", requires = "org")]
    roster: Option<PathBuf>,
    /// Output file (`-` for standard output); defaults to `<checklist>-<langs>.<format>`.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// What to write: the PDF, or the same document as plain text, Markdown or JSON.
    #[arg(long, value_enum, default_value_t = OutputFormat::Pdf)]
    format: OutputFormat,
    /// Also use the fonts in this folder (`<Family>-Regular.ttf`, `<Family>-Bold.ttf`).
    #[arg(long, value_name = "DIR")]
    font_dir: Option<PathBuf>,
    #[command(flatten)]
    catalog: CatalogArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProfileArg {
    Handout,
    Phone,
    Packet,
}

#[derive(Clone, Copy, ValueEnum)]
enum Paper {
    A4,
    Letter,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render(*args).map(|()| ExitCode::SUCCESS),
        Command::List(args) => list(args).map(|()| ExitCode::SUCCESS),
        Command::Data {
            command: DataCommand::Check { date, catalog },
        } => data_check(date, &catalog),
        Command::Validate { format, catalog } => validate(format, &catalog),
        Command::Serve(args) => serve::run(args).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let msg = e
                .chain()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(": ");
            eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}

fn load_catalog(args: &CatalogArgs) -> Result<Catalog> {
    Ok(match &args.catalog {
        Some(dir) => Catalog::from_dir(dir)?,
        None => Catalog::bundled()?,
    })
}

fn source_date_epoch() -> Result<Option<i64>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => Ok(Some(v.trim().parse().with_context(|| {
            format!("SOURCE_DATE_EPOCH `{v}` is not a number of seconds")
        })?)),
        Err(_) => Ok(None),
    }
}

fn render(args: RenderArgs) -> Result<()> {
    let mut fonts = FontSet::bundled();
    if let Some(dir) = &args.font_dir {
        fonts.add_dir(dir)?;
    }
    let renderer = Renderer::new(load_catalog(&args.catalog)?, fonts)?;
    let timestamp = source_date_epoch()?;
    let profile = match args.profile {
        ProfileArg::Handout => Profile::Handout,
        ProfileArg::Phone => Profile::Phone,
        ProfileArg::Packet => Profile::Packet,
    };
    let packet_only = [
        ("--org", args.org.is_some()),
        ("--name", args.name.is_some()),
        ("--departure", args.departure.is_some()),
        ("--date", args.date.is_some()),
    ];
    if profile != Profile::Packet {
        if let Some((flag, _)) = packet_only.iter().find(|(_, given)| *given) {
            bail!("{flag} is for packets: add --profile packet");
        }
    }
    let packet = match (&args.org, profile) {
        (Some(path), Profile::Packet) => {
            let date = match &args.date {
                Some(d) => parse_date("--date", d)?,
                None => {
                    let now = timestamp.unwrap_or_else(|| {
                        std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .map_or(0, |d| d.as_secs() as i64)
                    });
                    Date::from_days_since_epoch(now.div_euclid(86_400))
                }
            };
            Some(PacketRequest {
                org: Org::load(path)?,
                name: args.name,
                departure: args
                    .departure
                    .as_deref()
                    .map(|d| parse_date("--departure", d))
                    .transpose()?,
                date,
            })
        }
        _ => None,
    };
    let request = Request {
        checklist: args.checklist,
        langs: args.lang,
        roles: args.role,
        page: match args.page {
            Paper::A4 => PageSize::A4,
            Paper::Letter => PageSize::Letter,
        },
        profile,
        packet,
        destination: args.destination,
        today: Some(today(timestamp)),
        timestamp,
    };
    if let Some(roster) = &args.roster {
        let folder = args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("{}-packets", request.checklist)));
        return render_roster(&renderer, request, roster, &folder);
    }
    let output = match args.output {
        Some(path) => path,
        None => {
            let tags: Vec<String> = renderer
                .locales(&request)?
                .iter()
                .map(|l| l.tag.clone())
                .collect();
            let ext = match args.format {
                OutputFormat::Pdf => "pdf",
                OutputFormat::Text => "txt",
                OutputFormat::Md => "md",
                OutputFormat::Json => "json",
            };
            PathBuf::from(format!("{}-{}.{ext}", request.checklist, tags.join("-")))
        }
    };
    let bytes = match args.format {
        OutputFormat::Pdf => renderer.render(&request)?,
        other => {
            let format = match other {
                OutputFormat::Text => Format::Text,
                OutputFormat::Md => Format::Markdown,
                _ => Format::Json,
            };
            export(&renderer.document(&request)?, format)?.into_bytes()
        }
    };
    if output.as_os_str() == "-" {
        std::io::stdout().write_all(&bytes)?;
        return Ok(());
    }
    write_atomically(&output, &bytes)
}

/// Renders one packet per roster row; writes the files only when all rendered.
fn render_roster(
    renderer: &Renderer,
    request: Request,
    roster: &Path,
    folder: &Path,
) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(roster)
        .with_context(|| format!("cannot read {}", roster.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("{}: no header row", roster.display()))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    if let Some(unknown) = headers
        .iter()
        .find(|h| !["name", "destination", "departure"].contains(&h.to_ascii_lowercase().as_str()))
    {
        bail!(
            "{}:1: unknown column `{unknown}` (columns: name, destination, departure)",
            roster.display()
        );
    }
    let name_col =
        column("name").with_context(|| format!("{}:1: no `name` column", roster.display()))?;
    let (dest_col, dep_col) = (column("destination"), column("departure"));
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("cannot read {}", roster.display()))?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |col: Option<usize>| {
            col.and_then(|c| record.get(c))
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let name = field(Some(name_col))
            .with_context(|| format!("{}:{line}: the name is empty", roster.display()))?;
        let mut row = request.clone();
        if let Some(d) = field(dest_col) {
            row.destination = Some(d);
        }
        let packet = row.packet.as_mut().expect("packets have an organisation");
        packet.name = Some(name.clone());
        if let Some(d) = field(dep_col) {
            packet.departure = Some(
                parse_date("departure", &d)
                    .with_context(|| format!("{}:{line}", roster.display()))?,
            );
        }
        let bytes = renderer
            .render(&row)
            .with_context(|| format!("{}:{line}: {name}", roster.display()))?;
        let slug: String = name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        files.push((
            folder.join(format!(
                "{:03}-{}-{}.pdf",
                files.len() + 1,
                row.checklist,
                slug.trim_matches('-')
            )),
            bytes,
        ));
    }
    if files.is_empty() {
        bail!("{}: no rows", roster.display());
    }
    std::fs::create_dir_all(folder)
        .with_context(|| format!("cannot write {}", folder.display()))?;
    for (path, bytes) in &files {
        write_atomically(path, bytes)?;
    }
    println!("{} packets in {}", files.len(), folder.display());
    Ok(())
}

/// Today: the day of SOURCE_DATE_EPOCH when set, else of the clock.
fn today(timestamp: Option<i64>) -> Date {
    let now = timestamp.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    Date::from_days_since_epoch(now.div_euclid(86_400))
}

/// `validate`: one line per finding (or JSON); status 1 when there are any.
fn validate(format: ReportFormat, args: &CatalogArgs) -> Result<ExitCode> {
    let files = match &args.catalog {
        Some(dir) => Catalog::files_in(dir)?,
        None => Catalog::bundled_files(),
    };
    let findings = predeparture::validate::validate(&files);
    let out = match format {
        ReportFormat::Json => {
            let report = serde_json::json!({ "findings": findings, "count": findings.len(), "files": files.len() });
            format!("{}\n", serde_json::to_string_pretty(&report)?)
        }
        ReportFormat::Text => {
            let mut out: String = findings.iter().map(|f| format!("{f}\n")).collect();
            out.push_str(&format!(
                "{} files checked: {} findings\n",
                files.len(),
                findings.len()
            ));
            out
        }
    };
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `data check`: one line per finding; status 1 when any is a problem.
fn data_check(date: Option<String>, args: &CatalogArgs) -> Result<ExitCode> {
    let catalog = load_catalog(args)?;
    let channels = catalog
        .channels
        .as_ref()
        .context("this catalog has no checklists/channels.toml")?;
    let today = match date {
        Some(d) => parse_date("--date", &d)?,
        None => today(source_date_epoch()?),
    };
    let langs: Vec<&str> = catalog.locales.keys().map(String::as_str).collect();
    let findings = channels.check(today, &langs);
    let mut out = String::new();
    for f in &findings {
        out.push_str(&format!(
            "{}: {}: {}\n",
            f.location,
            if f.problem { "problem" } else { "verify" },
            f.message
        ));
    }
    let problems = findings.iter().filter(|f| f.problem).count();
    let missions: usize = channels.destinations.iter().map(|d| d.missions.len()).sum();
    out.push_str(&format!(
        "{} national channels, {} destinations, {missions} missions: {problems} problems, {} to verify before travel (as of {today})\n",
        channels.national.len(),
        channels.destinations.len(),
        findings.len() - problems
    ));
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn parse_date(flag: &str, value: &str) -> Result<Date> {
    Date::parse(value.trim())
        .with_context(|| format!("{flag} `{value}` is not a date: use YYYY-MM-DD"))
}

/// Writes through a temporary file beside the target, so a failed run leaves nothing behind.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.is_dir() {
        bail!("cannot write {}: it is a directory", path.display());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "cannot write {}: folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".predeparture-")
        .suffix(".tmp")
        .tempfile_in(dir)
        // Name the target, not the temporary file.
        .map_err(|e| std::io::Error::from(e.kind()))
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // Temporary files are private; the finished document is an ordinary file.
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn list(args: ListArgs) -> Result<()> {
    let catalog = load_catalog(&args.catalog)?;
    if let ListWhat::Destinations = args.what {
        let channels = catalog
            .channels
            .as_ref()
            .context("this catalog has no checklists/channels.toml")?;
        let mut out = String::new();
        for d in &channels.destinations {
            let oldest = d.missions.iter().filter_map(|m| m.provenance.date).min();
            let oldest = oldest.map_or("-".to_string(), |p| match (p.month, p.day) {
                (Some(m), Some(day)) => format!("{:04}-{m:02}-{day:02}", p.year),
                (Some(m), None) => format!("{:04}-{m:02}", p.year),
                _ => format!("{:04}", p.year),
            });
            out.push_str(&format!(
                "{}  {:<22} {:<8} {} missions  oldest {oldest}\n",
                d.code,
                d.name.get("en").unwrap_or("-"),
                d.name.get("zh-CN").unwrap_or("-"),
                d.missions.len()
            ));
        }
        std::io::stdout().write_all(out.as_bytes())?;
        return Ok(());
    }
    let renderer = Renderer::new(catalog, FontSet::bundled())?;
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
            out.push_str(&format!("    {:<6} {title} — {audience}\n", locale.tag));
        }
    }
    out.push_str("Languages:\n");
    for locale in locales {
        out.push_str(&format!(
            "  {:<6} {}\n",
            locale.tag,
            locale.format("language-name", None)?
        ));
    }
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(())
}
