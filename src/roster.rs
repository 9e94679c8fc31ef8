//! Rosters: one onboarding packet per person, from the list an office keeps.
//!
//! A roster is a CSV file (UTF-8 with or without a byte-order mark, UTF-16,
//! or GB 18030/GBK as Excel saves it on Chinese Windows) or an `.xlsx`
//! workbook (its first sheet). The first row names the columns, in English
//! or Chinese: `name`/`姓名` (required), `destination`/`目的地` and
//! `departure`/`出发日期`. Any other column is kept and carried into the
//! manifest. Dates may be written `2026-12-01`, `2026/12/1`, `2026.12.1`,
//! `2026年12月1日`, or be spreadsheet date cells.
//!
//! [`Roster::read`] checks every row and reports every bad one at once
//! ([`RosterError::Rows`]); [`Roster::request`] turns a row into a
//! [`Request`]; [`Roster::file_name`] names its packet; [`Manifest`] lists
//! what was written. Nothing here writes files or reads a clock.

use std::fmt;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::model::Date;
use crate::{Error, Pdf, Request};

/// How a CSV roster's bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// A byte-order mark, else UTF-8 if the bytes are valid UTF-8, else
    /// UTF-16 if they look like it, else GB 18030.
    #[default]
    Auto,
    /// UTF-8 (a byte-order mark is skipped).
    Utf8,
    /// UTF-16, little-endian unless a byte-order mark says otherwise.
    Utf16Le,
    /// UTF-16, big-endian unless a byte-order mark says otherwise.
    Utf16Be,
    /// GB 18030, which includes GBK and GB 2312.
    Gb18030,
}

/// A problem with one row of a roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The roster, as named to the user.
    pub file: String,
    /// The line (CSV) or row (spreadsheet) in the file, 1-based.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// An error reading or checking a roster.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// The file could not be read.
    #[error("cannot read {file}: {source}")]
    Io {
        /// The roster.
        file: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file as a whole is unusable: its encoding, its header, no rows.
    #[error("{file}: {message}")]
    File {
        /// The roster.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// Some rows are bad; every one is listed, in file order.
    #[error("{}", join_lines(.0))]
    Rows(Vec<RowError>),
}

fn join_lines(rows: &[RowError]) -> String {
    rows.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One person of a roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The person's place in the roster, 1-based, counting only non-blank rows.
    pub number: usize,
    /// The line (CSV) or row (spreadsheet) in the file, 1-based.
    pub line: usize,
    /// The name, trimmed.
    pub name: String,
    /// The destination, when the row gives one.
    pub destination: Option<String>,
    /// The departure date, when the row gives one.
    pub departure: Option<Date>,
    /// The values of the roster's other columns, in [`Roster::extra_columns`] order.
    pub extra: Vec<String>,
}

/// A roster read and checked: every row has a name and well-formed dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    /// The file, as named in messages.
    pub file: String,
    /// Headers of the columns that are not name, destination or departure.
    pub extra_columns: Vec<String>,
    /// The people, in file order.
    pub rows: Vec<Row>,
    /// The rows that could not be read (no name, a date that is no date),
    /// every one, in file order. [`Roster::check`] turns them into an error.
    pub bad: Vec<RowError>,
}

/// A raw cell: text, or a spreadsheet date.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Date(Date),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.trim().to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// Which known column each header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Destination,
    Departure,
    Extra(usize),
}

impl Roster {
    /// Reads a roster: `.xlsx` by its extension, anything else as CSV in
    /// `encoding`. `file` is how messages name it.
    pub fn read(path: &Path, encoding: Encoding) -> Result<Roster, RosterError> {
        let file = path.display().to_string();
        let is_xlsx = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["xlsx", "xlsm", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str())
        });
        let table = if is_xlsx {
            read_workbook(path, &file)?
        } else {
            let bytes = std::fs::read(path).map_err(|source| RosterError::Io {
                file: file.clone(),
                source,
            })?;
            let text = decode(&bytes, encoding).map_err(|message| RosterError::File {
                file: file.clone(),
                message,
            })?;
            parse_csv(&text, &file)?
        };
        Roster::from_table(file, table)
    }

    /// Parses CSV text that is already decoded; `file` is how messages name it.
    pub fn parse_csv(text: &str, file: &str) -> Result<Roster, RosterError> {
        Roster::from_table(file.to_string(), parse_csv(text, file)?)
    }

    fn from_table(file: String, table: Vec<(usize, Vec<Cell>)>) -> Result<Roster, RosterError> {
        let mut lines = table.into_iter();
        let Some((_, header)) = lines.next() else {
            return Err(file_error(
                &file,
                "is empty: the first row must name the columns",
            ));
        };
        let (columns, extra_columns) = header_columns(&header, &file)?;
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        let mut number = 0;
        for (line, cells) in lines {
            if cells.iter().all(|c| c.text().is_empty()) {
                continue;
            }
            number += 1;
            match read_row(&columns, &cells, extra_columns.len()) {
                Ok(mut row) => {
                    row.number = number;
                    row.line = line;
                    rows.push(row);
                }
                Err(messages) => errors.extend(messages.into_iter().map(|message| RowError {
                    file: file.clone(),
                    line,
                    message,
                })),
            }
        }
        if rows.is_empty() && errors.is_empty() {
            return Err(file_error(&file, "has no rows below its header"));
        }
        Ok(Roster {
            file,
            extra_columns,
            rows,
            bad: errors,
        })
    }

    /// The roster, if no row is bad; else every bad row.
    pub fn check(self) -> Result<Roster, RosterError> {
        if self.bad.is_empty() {
            Ok(self)
        } else {
            Err(RosterError::Rows(self.bad))
        }
    }

    /// The request for `row`: `base` (a packet request) with the row's name,
    /// and its destination and departure where the row gives them.
    pub fn request(&self, row: &Row, base: &Request) -> Result<Request, Error> {
        let mut request = base.clone();
        let packet = request.packet.as_mut().ok_or_else(|| {
            Error::Request("a roster makes packets: the request needs an organisation".into())
        })?;
        packet.name = Some(row.name.clone());
        if let Some(departure) = row.departure {
            packet.departure = Some(departure);
        }
        if let Some(destination) = &row.destination {
            request.destination = Some(destination.clone());
        }
        Ok(request)
    }

    /// The file name of `row`'s packet: its number, padded to the roster's
    /// size, the checklist, and a path-safe form of the name, at most
    /// [`MAX_NAME_BYTES`] bytes of it; e.g. `007-student-Wang-Fang.pdf`.
    pub fn file_name(&self, row: &Row, checklist: &str) -> String {
        let width = self.rows.len().to_string().len().max(3);
        let slug = slug(&row.name);
        let checklist = slug_of(checklist, MAX_NAME_BYTES);
        if slug.is_empty() {
            format!("{:0width$}-{checklist}.pdf", row.number)
        } else {
            format!("{:0width$}-{checklist}-{slug}.pdf", row.number)
        }
    }

    /// Explains a failed render of `row` as a message about the row: a
    /// character no font has is named with the field it is in.
    pub fn explain(&self, row: &Row, error: &Error) -> RowError {
        let message = match error {
            Error::Font(crate::fonts::FontError::MissingGlyph { ch, .. }) => {
                let field = self.field_with(row, *ch);
                glyph_message(field, self.field_value(row, field), *ch)
            }
            other => other.to_string(),
        };
        RowError {
            file: self.file.clone(),
            line: row.line,
            message,
        }
    }

    /// Every row with a character that no font of `fonts` has, in its name
    /// or destination; cheaper than rendering, so a roster is checked whole
    /// before any packet is made.
    pub fn uncovered(&self, fonts: &crate::fonts::FontSet) -> Vec<RowError> {
        let faces = fonts.metrics();
        let missing = |s: &str| {
            s.chars().find(|&c| {
                !c.is_whitespace() && !c.is_control() && !faces.iter().any(|f| f.covers(c))
            })
        };
        let mut errors = Vec::new();
        for row in &self.rows {
            let fields = [
                ("name", Some(&row.name)),
                ("destination", row.destination.as_ref()),
            ];
            for (field, value) in fields {
                let Some((value, ch)) = value.and_then(|v| Some((v, missing(v)?))) else {
                    continue;
                };
                errors.push(RowError {
                    file: self.file.clone(),
                    line: row.line,
                    message: glyph_message(field, value, ch),
                });
            }
        }
        errors
    }

    fn field_with(&self, row: &Row, ch: char) -> &'static str {
        if row.name.contains(ch) {
            "name"
        } else if row.destination.as_deref().is_some_and(|d| d.contains(ch)) {
            "destination"
        } else {
            "name"
        }
    }

    fn field_value<'a>(&self, row: &'a Row, field: &str) -> &'a str {
        match (field, &row.destination) {
            ("destination", Some(d)) => d,
            _ => &row.name,
        }
    }
}

fn glyph_message(field: &str, value: &str, ch: char) -> String {
    format!(
        "{field} {}: no font has {ch:?} (U+{:04X}); add a font that has it with --font-dir",
        quote(value),
        ch as u32
    )
}

/// The most bytes of a name that go into a file name.
pub const MAX_NAME_BYTES: usize = 80;

fn file_error(file: &str, message: &str) -> RosterError {
    RosterError::File {
        file: file.to_string(),
        message: message.to_string(),
    }
}

/// `s` quoted for a message, with control and invisible characters escaped,
/// so a roster cannot send escape sequences to a terminal.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", s.escape_debug())
}

/// A path-safe form of a name: letters and digits of any script, other
/// characters as single hyphens, at most [`MAX_NAME_BYTES`] bytes.
pub fn slug(name: &str) -> String {
    slug_of(name, MAX_NAME_BYTES)
}

fn slug_of(name: &str, max: usize) -> String {
    let mut out = String::new();
    for c in name.chars() {
        let c = if c.is_alphanumeric() { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        if out.len() + c.len_utf8() > max {
            break;
        }
        out.push(c);
    }
    out.trim_end_matches('-').to_string()
}

fn header_columns(header: &[Cell], file: &str) -> Result<(Vec<Column>, Vec<String>), RosterError> {
    let mut columns = Vec::new();
    let mut extra = Vec::new();
    for cell in header {
        let text = cell.text();
        let column = match known_column(&text) {
            Some(known) if columns.contains(&known) => {
                return Err(file_error(
                    &format!("{file}:1"),
                    &format!("column {} appears twice", quote(&text)),
                ))
            }
            Some(known) => known,
            None => {
                extra.push(text);
                Column::Extra(extra.len() - 1)
            }
        };
        columns.push(column);
    }
    if !columns.contains(&Column::Name) {
        let found: Vec<String> = header.iter().map(|c| quote(&c.text())).collect();
        return Err(file_error(
            &format!("{file}:1"),
            &format!(
                "no name column (name or 姓名); the columns are {}",
                found.join(", ")
            ),
        ));
    }
    Ok((columns, extra))
}

fn known_column(header: &str) -> Option<Column> {
    let h = header.trim().trim_start_matches('\u{FEFF}').to_lowercase();
    match h.as_str() {
        "name" | "姓名" | "full name" => Some(Column::Name),
        "destination" | "目的地" | "country" | "国家" | "國家" => Some(Column::Destination),
        "departure" | "出发日期" | "出發日期" | "departure date" | "出发时间" => {
            Some(Column::Departure)
        }
        _ => None,
    }
}

fn read_row(columns: &[Column], cells: &[Cell], extras: usize) -> Result<Row, Vec<String>> {
    let mut row = Row {
        number: 0,
        line: 0,
        name: String::new(),
        destination: None,
        departure: None,
        extra: vec![String::new(); extras],
    };
    let mut errors = Vec::new();
    if cells.len() > columns.len() && cells[columns.len()..].iter().any(|c| !c.text().is_empty()) {
        errors.push(format!(
            "has {} fields but the header names {} columns",
            cells.len(),
            columns.len()
        ));
    }
    for (column, cell) in columns.iter().zip(cells) {
        let text = cell.text();
        match column {
            Column::Name => match crate::text::clean(&text) {
                Ok(name) => row.name = name,
                Err(why) if !text.is_empty() => errors.push(format!("the name {why}")),
                Err(_) => {}
            },
            Column::Destination => row.destination = Some(text).filter(|t| !t.is_empty()),
            Column::Departure => match departure(cell) {
                Ok(date) => row.departure = date,
                Err(e) => errors.push(e),
            },
            Column::Extra(i) => row.extra[*i] = text,
        }
    }
    if row.name.is_empty() && !errors.iter().any(|e| e.starts_with("the name")) {
        errors.insert(0, "the name is empty".to_string());
    }
    if errors.is_empty() {
        Ok(row)
    } else {
        Err(errors)
    }
}

fn departure(cell: &Cell) -> Result<Option<Date>, String> {
    match cell {
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => parse_date(t).map(Some).ok_or_else(|| {
            format!(
                "departure {} is not a date: write 2026-12-01, 2026/12/1 or 2026年12月1日",
                quote(t.trim())
            )
        }),
    }
}

/// Parses a date as people type it: `2026-12-01`, `2026/12/1`, `2026.12.1`,
/// `2026年12月1日`; the year first, always (`01/12/2026` is ambiguous).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let s = s.strip_suffix('日').unwrap_or(s);
    let parts: Vec<&str> = s
        .split(['-', '/', '.', '年', '月'])
        .map(str::trim)
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    if y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
    Date::parse(&format!("{y}-{m:02}-{d:02}"))
}

/// Decodes a CSV file's bytes; the error says what to do.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, String> {
    use encoding_rs::{GB18030, UTF_16BE, UTF_16LE, UTF_8};
    let chosen = match encoding {
        Encoding::Auto => match encoding_rs::Encoding::for_bom(bytes) {
            Some((enc, _)) => enc,
            None => match utf16_guess(bytes) {
                Some(enc) => enc,
                None if std::str::from_utf8(bytes).is_ok() => UTF_8,
                None => GB18030,
            },
        },
        Encoding::Utf8 => UTF_8,
        Encoding::Utf16Le => UTF_16LE,
        Encoding::Utf16Be => UTF_16BE,
        Encoding::Gb18030 => GB18030,
    };
    let (text, _, malformed) = chosen.decode(bytes);
    if malformed {
        return Err(match encoding {
            Encoding::Auto => {
                "is not text in UTF-8, UTF-16 or GB 18030 (GBK); name the encoding with --encoding"
                    .to_string()
            }
            _ => format!(
                "is not valid {} text; try another --encoding",
                chosen.name()
            ),
        });
    }
    Ok(text.into_owned())
}

/// UTF-16 without a byte-order mark: most ASCII characters have a zero byte.
fn utf16_guess(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 4;
    if sample.len() >= 4 && zeros_at(1) > half {
        Some(encoding_rs::UTF_16LE)
    } else if sample.len() >= 4 && zeros_at(0) > half {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn parse_csv(text: &str, file: &str) -> Result<Vec<(usize, Vec<Cell>)>, RosterError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut table = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            file_error(&format!("{file}:{line}"), &e.to_string())
        })?;
        let line = record
            .position()
            .map_or(table.len() + 1, |p| line_at(text, p.byte() as usize));
        table.push((
            line,
            record.iter().map(|f| Cell::Text(f.to_string())).collect(),
        ));
    }
    Ok(table)
}

/// The line of the record read from byte `start`: csv's position is where
/// it started reading, before any blank lines it skipped.
fn line_at(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start.min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\n' | b'\r') {
        end += 1;
    }
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Comma, unless the header line has none and has semicolons or tabs.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    if header.contains(',') {
        b','
    } else if header.contains('\t') {
        b'\t'
    } else if header.contains(';') {
        b';'
    } else {
        b','
    }
}

fn read_workbook(path: &Path, file: &str) -> Result<Vec<(usize, Vec<Cell>)>, RosterError> {
    use calamine::Reader as _;
    let mut workbook =
        calamine::open_workbook_auto(path).map_err(|e| file_error(file, &e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| file_error(file, "has no worksheet"))?
        .map_err(|e| file_error(file, &e.to_string()))?;
    let first = range.start().map_or(0, |(row, _)| row as usize);
    let leading = range.start().map_or(0, |(_, col)| col as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row = vec![Cell::Text(String::new()); leading];
            row.extend(cells.iter().map(workbook_cell));
            (first + i + 1, row)
        })
        .collect())
}

fn workbook_cell(cell: &calamine::Data) -> Cell {
    use calamine::Data;
    match cell {
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(Date {
                year: i32::from(y),
                month: m,
                day: d,
            })
        }
        Data::DateTimeIso(s) => Cell::Text(s.split('T').next().unwrap_or(s).to_string()),
        Data::Float(f) if f.fract() == 0.0 => Cell::Text(format!("{f:.0}")),
        Data::Empty => Cell::Text(String::new()),
        other => Cell::Text(other.to_string()),
    }
}

/// One written packet, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// The person's number in the roster.
    pub row: usize,
    /// The name.
    pub name: String,
    /// The destination, as the row or the request gave it.
    pub destination: Option<String>,
    /// The departure date.
    pub departure: Option<String>,
    /// The packet's file name, relative to the folder.
    pub file: String,
    /// Pages of the packet.
    pub pages: usize,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, in lowercase hexadecimal.
    pub sha256: String,
    /// The roster's other columns, by header.
    pub extra: std::collections::BTreeMap<String, String>,
}

impl Entry {
    /// The entry of `row`'s packet `pdf`, written as `file` for `request`.
    pub fn new(roster: &Roster, row: &Row, request: &Request, file: &str, pdf: &Pdf) -> Entry {
        Entry {
            row: row.number,
            name: row.name.clone(),
            destination: request.destination.clone(),
            departure: request
                .packet
                .as_ref()
                .and_then(|p| p.departure)
                .map(|d| d.to_string()),
            file: file.to_string(),
            pages: pdf.pages,
            bytes: pdf.bytes.len() as u64,
            sha256: sha256_hex(&pdf.bytes),
            extra: roster
                .extra_columns
                .iter()
                .cloned()
                .zip(row.extra.iter().cloned())
                .collect(),
        }
    }
}

/// What a roster run wrote: `manifest.csv` and `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Manifest {
    /// The headers of the roster's other columns.
    pub extra_columns: Vec<String>,
    /// One entry per packet, in roster order.
    pub packets: Vec<Entry>,
}

impl Manifest {
    /// The manifest as CSV: row, name, destination, departure, file, pages,
    /// bytes, sha256, then the other columns.
    pub fn to_csv(&self) -> String {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let mut header: Vec<&str> = vec![
            "row",
            "name",
            "destination",
            "departure",
            "file",
            "pages",
            "bytes",
            "sha256",
        ];
        header.extend(self.extra_columns.iter().map(String::as_str));
        let mut records = vec![header.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
        for e in &self.packets {
            let mut record = vec![
                e.row.to_string(),
                e.name.clone(),
                e.destination.clone().unwrap_or_default(),
                e.departure.clone().unwrap_or_default(),
                e.file.clone(),
                e.pages.to_string(),
                e.bytes.to_string(),
                e.sha256.clone(),
            ];
            record.extend(
                self.extra_columns
                    .iter()
                    .map(|c| e.extra.get(c).cloned().unwrap_or_default()),
            );
            records.push(record);
        }
        for record in records {
            // Writing to memory cannot fail.
            let _ = writer.write_record(&record);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The manifest as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// SHA-256 of `bytes`, in lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_people_type_them() {
        let d = Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        for s in [
            "2026-12-01",
            "2026/12/1",
            "2026.12.01",
            "2026年12月1日",
            " 2026-12-1 ",
        ] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        for s in [
            "31/02/2026",
            "2026-02-30",
            "next week",
            "2026-12",
            "26-12-01",
            "2026-123-1",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn chinese_headers_extra_columns_and_every_bad_row() {
        let csv = "工号,姓名,目的地,出发日期\n7,王芳,KE,2026/12/1\n8,,GB,2026-12-01\n\n9,李雷,,31/02/2026\n";
        let Err(RosterError::Rows(errors)) =
            Roster::parse_csv(csv, "r.csv").and_then(Roster::check)
        else {
            panic!("bad rows accepted")
        };
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(lines[0], "r.csv:3: the name is empty");
        assert!(
            lines[1].starts_with("r.csv:5: departure \"31/02/2026\" is not a date"),
            "{lines:?}"
        );
        let ok = Roster::parse_csv("工号,姓名\n7,王芳\n", "r.csv").unwrap();
        assert_eq!(ok.extra_columns, ["工号"]);
        assert_eq!(ok.rows[0].extra, ["7"]);
    }

    #[test]
    fn file_names_are_safe_unique_and_bounded() {
        let long = "王".repeat(200);
        let roster = Roster::parse_csv(
            &format!("name\n../../etc/passwd\n{long}\n\u{1b}]0;x\n"),
            "r",
        )
        .unwrap();
        let names: Vec<String> = roster
            .rows
            .iter()
            .map(|r| roster.file_name(r, "student"))
            .collect();
        assert_eq!(names[0], "001-student-etc-passwd.pdf");
        assert!(names[1].len() <= 120, "{}", names[1]);
        assert_eq!(names[2], "003-student-0-x.pdf");
    }

    #[test]
    fn encodings_are_detected() {
        let text = "name,destination\n王芳,英国\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk, Encoding::Auto).unwrap(), text);
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&utf16, Encoding::Auto).unwrap(), text);
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&bom, Encoding::Auto).unwrap(), text);
    }
}
