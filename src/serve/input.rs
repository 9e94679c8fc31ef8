//! What a request asks for: the fields (named as the command line's flags)
//! from a JSON body or a multipart form, and the uploaded files, turned into
//! the library's [`Request`] by the same rules as `predeparture render`.

use axum::body::Bytes;
use axum::extract::Multipart;
use predeparture::layout::{PageSize, Profile};
use predeparture::model::{Date, Org, TextFile};
use predeparture::{PacketRequest, Request};
use serde::Deserialize;

use super::problem::Problem;
use super::State;

/// A list given as a JSON array, or as one comma-separated string.
#[derive(Deserialize)]
#[serde(untagged)]
enum List {
    One(String),
    Many(Vec<String>),
}

impl List {
    fn into_vec(self) -> Vec<String> {
        match self {
            List::One(s) => vec![s],
            List::Many(v) => v,
        }
    }
}

/// The JSON body of `POST /api/render`: the command line's flags.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct JsonFields {
    checklist: Option<String>,
    lang: Option<List>,
    profile: Option<String>,
    destination: Option<String>,
    role: Option<List>,
    page: Option<String>,
    name: Option<String>,
    departure: Option<String>,
    date: Option<String>,
    #[serde(rename = "pdf-a")]
    pdf_a: Option<bool>,
}

/// The fields of a request, from JSON or a form.
#[derive(Default, Debug)]
pub(crate) struct Fields {
    pub(crate) checklist: Option<String>,
    pub(crate) lang: Vec<String>,
    pub(crate) profile: Option<String>,
    pub(crate) destination: Option<String>,
    pub(crate) role: Vec<String>,
    pub(crate) page: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) departure: Option<String>,
    pub(crate) date: Option<String>,
    /// Archival PDF/A-2b (`--pdf-a`); packets are always archival.
    pub(crate) pdf_a: bool,
    /// The page's language (the page's own field, for the preview's status line).
    pub(crate) ui: Option<String>,
}

/// Files sent with a multipart request. They stay in memory.
#[derive(Default)]
pub(crate) struct Uploads {
    /// An organisation file (TOML) to use instead of the configured one.
    pub(crate) org: Option<Bytes>,
    /// The uploaded organisation's logo.
    pub(crate) logo: Option<Bytes>,
    /// A roster (CSV or .xlsx) and its file name.
    pub(crate) roster: Option<(String, Bytes)>,
}

/// Splits comma-separated entries and drops empty ones.
fn split(values: Vec<String>) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// `None` for an absent or blank value.
fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

impl Fields {
    /// Reads a JSON body; a syntax error or an unknown field is a 400.
    pub(crate) fn from_json(body: &[u8]) -> Result<Fields, Problem> {
        let json: JsonFields = serde_json::from_slice(body)
            .map_err(|e| Problem::bad_request(format!("the request is not valid JSON: {e}")))?;
        Ok(Fields {
            checklist: non_empty(json.checklist),
            lang: split(json.lang.map(List::into_vec).unwrap_or_default()),
            profile: non_empty(json.profile),
            destination: non_empty(json.destination),
            role: split(json.role.map(List::into_vec).unwrap_or_default()),
            page: non_empty(json.page),
            name: non_empty(json.name),
            departure: non_empty(json.departure),
            date: non_empty(json.date),
            pdf_a: json.pdf_a.unwrap_or(false),
            ui: None,
        })
    }

    /// Reads a multipart form: text fields named as the flags (`lang` and
    /// `role` may repeat), files `org`, `logo` and `roster`.
    pub(crate) async fn from_multipart(
        mut form: Multipart,
        limit: usize,
    ) -> Result<(Fields, Uploads), Problem> {
        let mut fields = Fields::default();
        let mut uploads = Uploads::default();
        let (mut langs, mut roles) = (Vec::new(), Vec::new());
        while let Some(field) = form.next_field().await.map_err(multipart_error(limit))? {
            let name = field.name().unwrap_or_default().to_string();
            let file_name = field.file_name().map(str::to_string);
            let bytes = field.bytes().await.map_err(multipart_error(limit))?;
            if file_name.is_some() {
                if bytes.is_empty() {
                    continue;
                }
                match name.as_str() {
                    "org" => uploads.org = Some(bytes),
                    "logo" => uploads.logo = Some(bytes),
                    "roster" => uploads.roster = Some((file_name.unwrap_or_default(), bytes)),
                    other => return Err(unknown_field(other)),
                }
                continue;
            }
            let text = String::from_utf8(bytes.to_vec())
                .map_err(|_| Problem::bad_request(format!("field `{name}` is not UTF-8 text")))?;
            fields.set(&name, text, &mut langs, &mut roles)?;
        }
        fields.lang = split(langs);
        fields.role = split(roles);
        Ok((fields, uploads))
    }

    fn set(
        &mut self,
        name: &str,
        text: String,
        langs: &mut Vec<String>,
        roles: &mut Vec<String>,
    ) -> Result<(), Problem> {
        let text = non_empty(Some(text));
        match name {
            "checklist" => self.checklist = text,
            "lang" => langs.extend(text),
            "role" => roles.extend(text),
            "profile" => self.profile = text,
            "destination" => self.destination = text,
            "page" => self.page = text,
            "name" => self.name = text,
            "departure" => self.departure = text,
            "date" => self.date = text,
            "pdf-a" => self.pdf_a = text.is_some_and(|t| t != "false"),
            "ui" => self.ui = text,
            other => return Err(unknown_field(other)),
        }
        Ok(())
    }

    /// The profile asked for (handout when absent).
    pub(crate) fn profile(&self) -> Result<Profile, Problem> {
        match self
            .profile
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("handout") => Ok(Profile::Handout),
            Some("phone") => Ok(Profile::Phone),
            Some("packet") => Ok(Profile::Packet),
            Some(other) => Err(Problem::unprocessable(format!(
                "invalid value `{other}` for --profile: use handout, phone or packet"
            ))),
        }
    }

    fn page(&self) -> Result<PageSize, Problem> {
        match self.page.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("a4") => Ok(PageSize::A4),
            Some("letter") => Ok(PageSize::Letter),
            Some(other) => Err(Problem::unprocessable(format!(
                "invalid value `{other}` for --page: use a4 or letter"
            ))),
        }
    }
}

fn unknown_field(name: &str) -> Problem {
    Problem::bad_request(format!(
        "unknown field `{name}`; fields: checklist, lang, profile, destination, role, page, name, departure, date, and the files org, logo, roster"
    ))
}

/// A multipart error: 413 when the body is over `limit` bytes, else 400.
fn multipart_error(limit: usize) -> impl Fn(axum::extract::multipart::MultipartError) -> Problem {
    move |e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            too_large(limit)
        } else {
            Problem::bad_request(format!("the form cannot be read: {}", e.body_text()))
        }
    }
}

/// The 413 for a body over `limit` bytes.
pub(crate) fn too_large(limit: usize) -> Problem {
    Problem::too_large(format!(
        "the request is larger than {} KiB, this server's limit",
        limit / 1024
    ))
}

/// Parses a date flag as the command line does, with its message.
pub(crate) fn parse_date(flag: &str, value: &str) -> Result<Date, Problem> {
    crate::cli::parse_date(flag, value).map_err(|e| Problem::unprocessable(format!("{e:#}")))
}

/// The library request for `fields`, by the rules of `predeparture render`:
/// packet-only fields refused for other profiles, the configured
/// organisation unless one was uploaded, the document date (`date`, else
/// today) judging how old facts are and dating packets.
pub(crate) fn request(
    state: &State,
    fields: &Fields,
    uploads: &Uploads,
) -> Result<Request, Problem> {
    let profile = fields.profile()?;
    let page = fields.page()?;
    let checklist = fields.checklist.clone().ok_or_else(|| {
        Problem::unprocessable("the checklist is required: see GET /api/checklists")
    })?;
    let packet_only = [
        ("--org", uploads.org.is_some() || uploads.logo.is_some()),
        ("--name", fields.name.is_some()),
        ("--departure", fields.departure.is_some()),
    ];
    if profile != Profile::Packet {
        if let Some((flag, _)) = packet_only.iter().find(|(_, given)| *given) {
            return Err(Problem::unprocessable(format!(
                "{flag} is for packets and acknowledgement pages: add --profile packet, or --ack with --org"
            )));
        }
    }
    let timestamp = state.timestamp;
    let date = match &fields.date {
        Some(d) => parse_date("--date", d)?,
        None => crate::cli::today(timestamp),
    };
    // The configured organisation is for packets (as before --org worked
    // on every profile; the page does not offer it elsewhere yet).
    let org = organisation(state, uploads)?.filter(|_| profile == Profile::Packet);
    let packet = match (&org, profile) {
        (Some(_), Profile::Packet) => Some(PacketRequest {
            name: fields.name.clone(),
            departure: fields
                .departure
                .as_deref()
                .map(|d| parse_date("--departure", d))
                .transpose()?,
            date,
        }),
        _ => None,
    };
    let langs = if fields.lang.is_empty() {
        vec!["zh-CN".to_string(), "en".to_string()]
    } else {
        fields.lang.clone()
    };
    Ok(Request {
        checklist,
        langs,
        roles: fields.role.clone(),
        page,
        profile,
        org,
        org_items: false,
        acknowledgement: false,
        packet,
        destination: fields.destination.clone(),
        today: Some(date),
        timestamp,
        pdf_a: fields.pdf_a,
    })
}

/// The uploaded organisation, else the configured one.
fn organisation(state: &State, uploads: &Uploads) -> Result<Option<Org>, Problem> {
    let Some(bytes) = &uploads.org else {
        if uploads.logo.is_some() {
            return Err(Problem::unprocessable(
                "a logo goes with an uploaded organisation file: upload both",
            ));
        }
        return Ok(state.org.clone());
    };
    let text = String::from_utf8(bytes.to_vec())
        .map_err(|_| Problem::unprocessable("org.toml: the organisation file is not UTF-8 text"))?;
    // The file's own `logo` names a path on the server: never follow it.
    // (A file that does not parse is reported by `Org::parse`, with its line.)
    if text
        .parse::<toml::Table>()
        .is_ok_and(|t| t.contains_key("logo"))
    {
        return Err(Problem::unprocessable(
            "org.toml: an uploaded organisation file cannot name a logo file: remove the `logo` line and upload the logo beside it",
        ));
    }
    let mut org = Org::parse(&TextFile {
        path: "org.toml".into(),
        text,
    })
    .map_err(|e| Problem::unprocessable(super::problem::one_line(&e)))?;
    if let Some(logo) = &uploads.logo {
        attach_logo(&mut org, logo)?;
    }
    Ok(Some(org))
}

/// Gives an uploaded organisation its uploaded logo (PNG or JPEG), decoded
/// from memory.
fn attach_logo(org: &mut Org, bytes: &[u8]) -> Result<(), Problem> {
    let image = predeparture::model::image::Image::decode(bytes)
        .map_err(|e| Problem::unprocessable(format!("logo: {}", super::problem::one_line(&e))))?;
    org.logo = Some(std::sync::Arc::new(image));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_on_commas_and_skip_blanks() {
        let f = Fields::from_json(
            br#"{"checklist":"student","lang":"zh-CN, en","role":["a","b,c"],"name":" "}"#,
        )
        .unwrap();
        assert_eq!(f.lang, ["zh-CN", "en"]);
        assert_eq!(f.role, ["a", "b", "c"]);
        assert_eq!(f.name, None);
    }

    #[test]
    fn unknown_fields_and_bad_json_are_400() {
        let e = Fields::from_json(br#"{"checklst":"student"}"#)
            .err()
            .unwrap();
        assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
        assert!(e.detail.contains("checklst"), "{}", e.detail);
        assert!(Fields::from_json(b"{").is_err());
    }

    #[test]
    fn profiles_and_pages_name_their_choices() {
        let f = Fields {
            profile: Some("poster".into()),
            page: Some("A5".into()),
            ..Fields::default()
        };
        assert!(f
            .profile()
            .err()
            .unwrap()
            .detail
            .contains("handout, phone or packet"));
        assert!(f.page().err().unwrap().detail.contains("a4 or letter"));
    }
}
