//! `POST /api/roster`: one packet per row of an uploaded roster (CSV or
//! .xlsx), zipped with `manifest.csv` and `manifest.json`. The roster is
//! checked whole before any packet is made and every bad row reported;
//! nothing is half-made and nothing touches the disk.

use std::num::NonZeroUsize;
use std::sync::Arc;

use axum::extract::{Path, Query, Request as HttpRequest, State as Shared};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use predeparture::layout::Profile;
use predeparture::memo::Memo;
use predeparture::roster::{self, Encoding, Entry, Manifest, Roster, RosterError, Row, RowError};
use predeparture::Request;
use serde::Deserialize;

use super::api::{blocking, read};
use super::input::{self, Fields, Uploads};
use super::problem::Problem;
use super::zip::Zip;
use super::State;

/// Most bytes a workbook may unpack to.
const MAX_UNPACKED: u64 = 64 << 20;

/// Where the packets of a roster being made stand, by the token the page
/// chose (`POST /api/roster?progress=TOKEN`), for `GET /api/progress/TOKEN`:
/// done and total, for the 64 most recent rosters; nothing else is kept.
pub(crate) struct Progress(Memo<String, (usize, usize)>);

impl Default for Progress {
    fn default() -> Self {
        Progress(Memo::new(NonZeroUsize::MIN.saturating_add(63)))
    }
}

/// The query of `POST /api/roster`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Track {
    /// A token of the page's choosing under which to report progress.
    progress: Option<String>,
}

/// `GET /api/progress/{token}`: `{"done": N, "total": M}` packets of the
/// roster posted with that token.
pub(crate) async fn progress(
    Shared(state): Shared<Arc<State>>,
    Path(token): Path<String>,
) -> Result<Json<serde_json::Value>, Problem> {
    match state.progress.0.get(&token) {
        Some((done, total)) => Ok(Json(serde_json::json!({ "done": done, "total": total }))),
        None => Err(Problem::not_found(
            "no roster is being made under this token",
        )),
    }
}

/// `POST /api/roster`.
pub(crate) async fn handler(
    Shared(state): Shared<Arc<State>>,
    Query(track): Query<Track>,
    request: HttpRequest,
) -> Result<Response, Problem> {
    let token = match track.progress {
        Some(t) if (8..=64).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Some(t)
        }
        Some(_) => {
            return Err(Problem::unprocessable(
                "progress: a token of 8 to 64 letters and digits",
            ))
        }
        None => None,
    };
    let (mut fields, mut uploads) = read(&state, request).await?;
    let Some((file, bytes)) = uploads.roster.take() else {
        return Err(Problem::unprocessable(
            "the roster is missing: send it as the multipart file `roster` (CSV or .xlsx)",
        ));
    };
    if fields.name.is_some() {
        return Err(Problem::unprocessable(
            "--name cannot be used with --roster: each packet takes its name from the roster's name column",
        ));
    }
    fields.profile.get_or_insert_with(|| "packet".into());
    let (zip, name) = blocking(&state, move |state| {
        packets(state, &fields, &uploads, &file, &bytes, token.as_deref())
    })
    .await?;
    let mut response = zip.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// One packet to make.
struct Job<'a> {
    row: &'a Row,
    request: Request,
    file: String,
}

/// Reads, checks and renders the roster; returns the zip and its name.
fn packets(
    state: &State,
    fields: &Fields,
    uploads: &Uploads,
    file: &str,
    bytes: &[u8],
    token: Option<&str>,
) -> Result<(Vec<u8>, String), Problem> {
    let base = input::request(state, fields, uploads)?;
    if base.profile != Profile::Packet {
        return Err(Problem::unprocessable(
            "a roster makes packets: use --profile packet",
        ));
    }
    let Some(date) = base.packet.as_ref().map(|p| p.date) else {
        return Err(Problem::unprocessable(
            "the packet profile needs an organisation file (--org)",
        ));
    };
    let roster = read_roster(file, bytes)?;
    let rows = roster.rows.len() + roster.bad.len();
    if rows > state.limits.rows {
        return Err(Problem::too_large(format!(
            "{}: {rows} rows; this server makes at most {} packets at once",
            roster.file, state.limits.rows
        )));
    }
    let jobs = roster
        .rows
        .iter()
        .map(|row| {
            Ok(Job {
                row,
                request: roster
                    .request(row, &base)
                    .map_err(|e| Problem::from_library(&e, &state.renderer))?,
                file: roster.file_name(row, &base.checklist),
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    check(state, &roster, &jobs)?;
    let report = |done: usize| {
        if let Some(token) = token {
            state.progress.0.put(token.to_string(), (done, jobs.len()));
        }
    };
    report(0);
    let mut entries = Vec::new();
    let mut pdfs = Vec::new();
    let mut errors = Vec::new();
    for (done, job) in jobs.iter().enumerate() {
        match state.renderer.render_pdf(&job.request) {
            Ok(pdf) => {
                entries.push(Entry::new(&roster, job.row, &job.request, &job.file, &pdf));
                pdfs.push(pdf.bytes);
            }
            Err(e) => errors.push(row_error(state, &roster, job, &e)),
        }
        report(done + 1);
    }
    fail_on(&roster, errors)?;
    let manifest = Manifest {
        extra_columns: roster.extra_columns.clone(),
        packets: entries,
    };
    let mut zip = Zip::new(date);
    let too_big = |_| Problem::too_large("the packets are too large for one zip file");
    for (entry, pdf) in manifest.packets.iter().zip(&pdfs) {
        zip.add(&entry.file, pdf).map_err(too_big)?;
    }
    zip.add("manifest.csv", manifest.to_csv().as_bytes())
        .map_err(too_big)?;
    zip.add("manifest.json", manifest.to_json().as_bytes())
        .map_err(too_big)?;
    let name = format!("{}-packets.zip", base.checklist);
    Ok((zip.finish().map_err(too_big)?, name))
}

/// Every row checked before any is rendered, as `render --roster` does:
/// unreadable rows, characters no font has, and what each row's document
/// needs (a known destination, say).
fn check(state: &State, roster: &Roster, jobs: &[Job<'_>]) -> Result<(), Problem> {
    let mut errors = roster.bad.clone();
    errors.extend(roster.uncovered(&state.fonts));
    for job in jobs {
        if let Err(e) = state.renderer.document(&job.request) {
            errors.push(row_error(state, roster, job, &e));
        }
    }
    fail_on(roster, errors)
}

fn row_error(state: &State, roster: &Roster, job: &Job<'_>, e: &predeparture::Error) -> RowError {
    let mut error = roster.explain(job.row, e);
    if let Some(hint) = crate::cli::suggest::hint(e, &state.renderer) {
        error.message.push_str(&hint);
    }
    error
}

/// A 422 listing every bad row in file order, its detail the command line's
/// last line; `Ok` when there is none.
fn fail_on(roster: &Roster, mut errors: Vec<RowError>) -> Result<(), Problem> {
    if errors.is_empty() {
        return Ok(());
    }
    errors.sort_by_key(|e| e.line);
    let count = crate::cli::plural(errors.len(), "bad row", "bad rows");
    let mut problem =
        Problem::unprocessable(format!("{count} in {}: no packets written", roster.file));
    problem.errors = errors.into_iter().map(|e| (e.line, e.message)).collect();
    Err(problem)
}

/// The roster from the uploaded bytes: a workbook by its extension or its
/// zip signature, else CSV in any encoding the command line reads.
fn read_roster(name: &str, bytes: &[u8]) -> Result<Roster, Problem> {
    // Only the last part of the sent name, for messages; never a path.
    let file: String = name
        .rsplit(['/', '\\'])
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or("roster")
        .chars()
        .filter(|c| !c.is_control())
        .take(80)
        .collect();
    let extension = file
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let workbook = bytes.starts_with(b"PK\x03\x04")
        || ["xlsx", "xlsm", "xls", "ods"].contains(&extension.as_str());
    let result = if workbook {
        workbook_csv(bytes, &file).and_then(|csv| Roster::parse_csv(&csv, &file))
    } else {
        roster::decode(bytes, Encoding::Auto)
            .map_err(|message| RosterError::File {
                file: file.clone(),
                message,
            })
            .and_then(|text| Roster::parse_csv(&text, &file))
    };
    result.map_err(|e| match e {
        RosterError::Rows(rows) => {
            let mut p = Problem::unprocessable(format!(
                "{} in {file}: no packets written",
                crate::cli::plural(rows.len(), "bad row", "bad rows")
            ));
            p.errors = rows.into_iter().map(|e| (e.line, e.message)).collect();
            p
        }
        other => Problem::unprocessable(super::problem::one_line(&other)),
    })
}

/// The first sheet of a workbook as CSV, each row on the line of its row
/// number, dates as `YYYY-MM-DD`: what `Roster::read` makes of a workbook
/// file, from memory.
fn workbook_csv(bytes: &[u8], file: &str) -> Result<String, RosterError> {
    use calamine::{Data, Reader as _};
    let err = |message: String| RosterError::File {
        file: file.to_string(),
        message,
    };
    if unpacked_size(bytes).is_some_and(|n| n > MAX_UNPACKED) {
        return Err(err(format!(
            "unpacks to more than {} MiB: save a smaller workbook or a CSV file",
            MAX_UNPACKED >> 20
        )));
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| err(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| err("has no worksheet".into()))?
        .map_err(|e| err(e.to_string()))?;
    let (first, leading) = range.start().unwrap_or((0, 0));
    let mut out = "\n".repeat(first as usize);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for cells in range.rows() {
        let mut record = vec![String::new(); leading as usize];
        record.extend(cells.iter().map(|cell| match cell {
            Data::DateTime(dt) if dt.is_datetime() => {
                let (y, m, d, ..) = dt.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{d:02}")
            }
            Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_string(),
            Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
            Data::Empty => String::new(),
            other => other.to_string(),
        }));
        writer
            .write_record(&record)
            .map_err(|e| err(e.to_string()))?;
    }
    let bytes = writer.into_inner().map_err(|e| err(e.to_string()))?;
    out.push_str(&String::from_utf8_lossy(&bytes));
    Ok(out)
}

/// The total unpacked size a zip file's central directory declares.
fn unpacked_size(bytes: &[u8]) -> Option<u64> {
    let end = bytes.windows(4).rposition(|w| w == b"PK\x05\x06")?;
    let u16_at = |i: usize| Some(u16::from_le_bytes(bytes.get(i..i + 2)?.try_into().ok()?));
    let u32_at = |i: usize| Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    let entries = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)? as usize;
    let mut total = 0u64;
    for _ in 0..entries {
        if bytes.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        total += u64::from(u32_at(at + 24)?);
        let skip = usize::from(u16_at(at + 28)?)
            + usize::from(u16_at(at + 30)?)
            + usize::from(u16_at(at + 32)?);
        at += 46 + skip;
    }
    Some(total)
}
