//! `predeparture render`: one document, or one packet per roster row.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::ValueEnum;
use predeparture::export::{export, Format};
use predeparture::fonts::FontSet;
use predeparture::layout::{PageSize, Profile};
use predeparture::model::Org;
use predeparture::{PacketRequest, Renderer, Request};

use super::{note, parse_date, source_date_epoch, today, warn, CatalogArgs};

/// The arguments of `render`.
#[derive(clap::Args, Clone)]
pub(crate) struct RenderArgs {
    /// Checklist id (see `predeparture list`).
    #[arg(long, short)]
    pub(crate) checklist: String,
    /// Languages in print order, comma-separated, e.g. `zh-CN,en`.
    #[arg(long, short, value_delimiter = ',', default_value = "zh-CN,en")]
    pub(crate) lang: Vec<String>,
    /// Include the items for these roles, e.g. `sensitive`.
    #[arg(long, value_delimiter = ',')]
    pub(crate) role: Vec<String>,
    /// Who it is for: a printed handout, a phone PDF (90 × 160 mm, tappable
    /// numbers, form checkboxes) or an employer's onboarding packet.
    #[arg(long, value_enum, ignore_case = true, default_value_t = ProfileArg::Handout)]
    pub(crate) profile: ProfileArg,
    /// Paper size of handouts and packets: a4, letter, or WIDTHxHEIGHT with
    /// mm, cm, in or pt, e.g. 148x210mm [default: a4].
    #[arg(long, value_name = "SIZE", value_parser = clap::value_parser!(PageSize))]
    pub(crate) page: Option<PageSize>,
    /// The organisation file (name, logo, security officer, items,
    /// contacts): its name and logo head the document, its contacts follow
    /// the channels and go on the wallet card. Packets also print its items.
    #[arg(long, value_name = "FILE")]
    pub(crate) org: Option<PathBuf>,
    /// Handouts and phone PDFs: also print the organisation's own items
    /// (packets always do).
    #[arg(long, requires = "org")]
    pub(crate) org_items: bool,
    /// Handouts and phone PDFs: end with the acknowledgement page (packets
    /// always do); on the phone it is a form to fill in and return.
    #[arg(long, requires = "org")]
    pub(crate) ack: bool,
    /// Packet or --ack: the employee's name.
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// The destination (ISO 3166 code such as GB, or a name such as
    /// `United Kingdom` or `英国`): prints its Chinese embassy and consulates.
    #[arg(long)]
    pub(crate) destination: Option<String>,
    /// Packet or --ack: the departure date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub(crate) departure: Option<String>,
    /// The document date, YYYY-MM-DD, which judges how old a fact is and
    /// dates packets (default: SOURCE_DATE_EPOCH's day, else today).
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
    /// Packet or --ack: one document per row of this roster (CSV or .xlsx; columns
    /// name/姓名, and optionally destination/目的地, departure/出发日期, and
    /// any others); `-o` names the folder.
    #[arg(long, value_name = "FILE", requires = "org")]
    pub(crate) roster: Option<PathBuf>,
    /// The roster's encoding when it is CSV [default: detected].
    #[arg(long, value_enum, ignore_case = true, requires = "roster")]
    pub(crate) encoding: Option<EncodingArg>,
    /// Output file (`-` for standard output); defaults to
    /// `<checklist>-<profile>-<langs>.<format>`; with --roster, a folder.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// What to write: the PDF, or the same document as plain text, Markdown
    /// or JSON [default: from the -o extension, else pdf].
    #[arg(long, value_enum, ignore_case = true)]
    pub(crate) format: Option<OutputFormat>,
    /// Write PDF/A-2b, for archiving (packets always are).
    #[arg(long)]
    pub(crate) pdf_a: bool,
    /// Also use the fonts in this folder (`<Family>-Regular.ttf`, `<Family>-Bold.ttf`; also `.otf` and collections `.ttc`, whose face is chosen by the language).
    #[arg(long, value_name = "DIR")]
    pub(crate) font_dir: Option<PathBuf>,
    /// Render again whenever a file of the catalog (or the org file) changes.
    #[arg(long, conflicts_with = "roster")]
    pub(crate) watch: bool,
    #[command(flatten)]
    pub(crate) catalog: CatalogArgs,
}

/// What `render` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    Pdf,
    Text,
    Md,
    Json,
}

impl OutputFormat {
    fn extension(self) -> &'static str {
        match self {
            OutputFormat::Pdf => "pdf",
            OutputFormat::Text => "txt",
            OutputFormat::Md => "md",
            OutputFormat::Json => "json",
        }
    }

    fn from_extension(ext: &str) -> Option<OutputFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "pdf" => Some(OutputFormat::Pdf),
            "txt" | "text" => Some(OutputFormat::Text),
            "md" | "markdown" => Some(OutputFormat::Md),
            "json" => Some(OutputFormat::Json),
            _ => None,
        }
    }
}

/// The three profiles.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileArg {
    Handout,
    Phone,
    Packet,
}

/// Roster encodings.
#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum EncodingArg {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "utf-16le", alias = "utf-16")]
    Utf16le,
    #[value(name = "utf-16be")]
    Utf16be,
    #[value(name = "gb18030", alias = "gbk")]
    Gb18030,
}

/// Runs `render`.
pub(crate) fn run(args: RenderArgs, quiet: bool) -> Result<ExitCode> {
    if args.watch {
        return super::watch::run(&args, quiet);
    }
    render_once(&args, quiet)
}

/// One render of `args`, as `render` without `--watch` does it.
pub(crate) fn render_once(args: &RenderArgs, quiet: bool) -> Result<ExitCode> {
    let profile = profile(args)?;
    let (renderer, source) = renderer(args)?;
    let request = request(args, profile)?;
    if let Some(roster) = &args.roster {
        refuse_with_roster(args)?;
        let encoding = args.encoding.map(encoding).unwrap_or_default();
        let folder = args
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(format!("{}-packets", request.checklist)));
        let fonts = fonts(args)?;
        return super::batch::run(
            &renderer, &fonts, &request, roster, encoding, &folder, quiet,
        );
    }
    if let Some(w) = request
        .destination
        .as_deref()
        .and_then(|d| super::suggest::without_missions(&renderer, d))
    {
        warn(&w);
    }
    let format = format(args)?;
    let output = match &args.output {
        Some(path) => path.clone(),
        None => default_name(&renderer, &request, format)?,
    };
    let (bytes, pages) = match format {
        OutputFormat::Pdf => {
            let pdf = renderer
                .render_pdf(&request)
                .map_err(|e| super::suggest::explain(e, &renderer))?;
            (pdf.bytes, Some(pdf.pages))
        }
        other => {
            let doc = renderer
                .document(&request)
                .map_err(|e| super::suggest::explain(e, &renderer))?;
            (export(&doc, export_format(other))?.into_bytes(), None)
        }
    };
    super::output::write(&output, &bytes)?;
    if output.as_os_str() != "-" {
        note(quiet, &wrote(&output, &bytes, pages, &source));
    }
    Ok(ExitCode::SUCCESS)
}

fn wrote(output: &Path, bytes: &[u8], pages: Option<usize>, source: &super::Source) -> String {
    let pages = pages
        .map(|n| format!("{}, ", super::plural(n, "page", "pages")))
        .unwrap_or_default();
    let from = match source {
        super::Source::Bundled => String::new(),
        other => format!(" from {other}"),
    };
    format!(
        "wrote {} ({pages}{}){from}",
        output.display(),
        super::size(bytes.len() as u64)
    )
}

fn profile(args: &RenderArgs) -> Result<Profile> {
    let profile = match args.profile {
        ProfileArg::Handout => Profile::Handout,
        ProfileArg::Phone => Profile::Phone,
        ProfileArg::Packet => Profile::Packet,
    };
    let personal = [
        ("--name", args.name.is_some()),
        ("--departure", args.departure.is_some()),
        ("--roster", args.roster.is_some()),
    ];
    if profile == Profile::Packet {
        for (flag, given) in [("--ack", args.ack), ("--org-items", args.org_items)] {
            if given {
                warn(&format!("{flag} is implied by the packet profile"));
            }
        }
    } else if !args.ack {
        if let Some((flag, _)) = personal.iter().find(|(_, given)| *given) {
            bail!("{flag} is for packets and acknowledgement pages: add --profile packet, or --ack with --org");
        }
    }
    if profile == Profile::Phone && args.page.is_some() {
        warn("--page is ignored by the phone profile, whose pages are 90 × 160 mm");
    }
    Ok(profile)
}

fn renderer(args: &RenderArgs) -> Result<(Renderer, super::Source)> {
    let (catalog, source) = args.catalog.load()?;
    Ok((Renderer::new(catalog, fonts(args)?)?, source))
}

/// The bundled fonts and those of `--font-dir`.
fn fonts(args: &RenderArgs) -> Result<FontSet> {
    let mut fonts = FontSet::bundled();
    if let Some(dir) = &args.font_dir {
        fonts.add_dir(dir)?;
    }
    Ok(fonts)
}

fn request(args: &RenderArgs, profile: Profile) -> Result<Request> {
    let timestamp = source_date_epoch()?;
    let date = match &args.date {
        Some(d) => parse_date("--date", d)?,
        None => today(timestamp),
    };
    let org = args.org.as_deref().map(Org::load).transpose()?;
    // The person's facts go on a cover or an acknowledgement page.
    let packet =
        (org.is_some() && (profile == Profile::Packet || args.ack)).then_some(PacketRequest {
            name: args.name.clone(),
            departure: args
                .departure
                .as_deref()
                .map(|d| parse_date("--departure", d))
                .transpose()?,
            date,
        });
    Ok(Request {
        checklist: args.checklist.clone(),
        langs: args.lang.clone(),
        roles: args.role.clone(),
        page: args.page.unwrap_or(PageSize::A4),
        profile,
        org,
        org_items: args.org_items,
        acknowledgement: args.ack,
        packet,
        destination: args.destination.clone(),
        today: Some(date),
        timestamp,
        pdf_a: args.pdf_a,
    })
}

/// The format: `--format`, else the `-o` extension, else PDF; they must agree.
fn format(args: &RenderArgs) -> Result<OutputFormat> {
    let ext = args
        .output
        .as_deref()
        .filter(|p| p.as_os_str() != "-")
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().into_owned());
    let inferred = ext.as_deref().map(|e| (e, OutputFormat::from_extension(e)));
    match (args.format, inferred) {
        (Some(f), Some((e, Some(g)))) if f != g => bail!(
            "--format {} does not match the extension of -o (.{e}): use .{} or --format {}",
            name(f),
            f.extension(),
            name(g)
        ),
        (Some(f), _) => Ok(f),
        (None, Some((_, Some(g)))) => Ok(g),
        (None, Some((e, None))) => bail!(
            "cannot tell the format from the extension .{e}: name the file .pdf, .txt, .md or .json, or give --format"
        ),
        (None, None) => Ok(OutputFormat::Pdf),
    }
}

fn name(format: OutputFormat) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

fn export_format(format: OutputFormat) -> Format {
    match format {
        OutputFormat::Text => Format::Text,
        OutputFormat::Md => Format::Markdown,
        _ => Format::Json,
    }
}

/// `<checklist>-<profile>-<langs>.<ext>`, e.g. `student-handout-zh-CN-en.pdf`.
fn default_name(renderer: &Renderer, request: &Request, format: OutputFormat) -> Result<PathBuf> {
    Ok(PathBuf::from(
        renderer.file_name(request, format.extension())?,
    ))
}

/// Flags a roster cannot use.
fn refuse_with_roster(args: &RenderArgs) -> Result<()> {
    if args.name.is_some() {
        bail!("--name cannot be used with --roster: each packet takes its name from the roster's name column");
    }
    if args.output.as_deref().is_some_and(|o| o.as_os_str() == "-") {
        bail!("-o - cannot be used with --roster: a roster writes one PDF per row into the folder -o names");
    }
    if let Some(f) = args.format.filter(|f| *f != OutputFormat::Pdf) {
        bail!(
            "--format {} cannot be used with --roster: a roster writes PDF packets",
            name(f)
        );
    }
    Ok(())
}

fn encoding(arg: EncodingArg) -> predeparture::roster::Encoding {
    use predeparture::roster::Encoding;
    match arg {
        EncodingArg::Utf8 => Encoding::Utf8,
        EncodingArg::Utf16le => Encoding::Utf16Le,
        EncodingArg::Utf16be => Encoding::Utf16Be,
        EncodingArg::Gb18030 => Encoding::Gb18030,
    }
}
