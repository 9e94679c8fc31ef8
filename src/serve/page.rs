//! The page: one HTML form per interface language, built once at start from
//! the catalog and the `web-*` messages, with its stylesheet and script
//! compiled in.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{RawQuery, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use fluent_bundle::FluentArgs;
use predeparture::compose::WEB_MESSAGES;
use predeparture::l10n::{L10nError, Locale};
use predeparture::model::Org;
use predeparture::Renderer;

use super::preview::escape;
use super::State;

/// The messages the script shows, sent in the page as JSON; `{name}` marks
/// where it puts a value.
const SCRIPT_MESSAGES: &[&str] = &[
    "web-updating",
    "web-making",
    "web-made",
    "web-uploading",
    "web-making-packets",
    "web-made-packets",
    "web-error",
];

const CSS: &str = include_str!("../../assets/app.css");
const JS: &str = include_str!("../../assets/app.js");

/// `GET /assets/app.css`.
pub(crate) async fn css() -> Response {
    asset(CSS, "text/css; charset=utf-8")
}

/// `GET /assets/app.js`.
pub(crate) async fn js() -> Response {
    asset(JS, "text/javascript; charset=utf-8")
}

fn asset(body: &'static str, media_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// `GET /`: the page in the language of `?ui=`, else of `Accept-Language`.
pub(crate) async fn index(
    Shared(state): Shared<Arc<State>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let asked = query
        .as_deref()
        .unwrap_or_default()
        .split('&')
        .find_map(|p| p.strip_prefix("ui="))
        .map(str::to_string);
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(',')
        .filter_map(|r| r.split(';').next())
        .map(|t| t.trim().to_string())
        .collect::<Vec<_>>();
    let wanted = asked.into_iter().chain(accepted);
    let pages = &state.pages;
    let page = wanted
        .filter_map(|tag| state.renderer.localizer().negotiate(&tag).ok())
        .find_map(|locale| pages.iter().find(|(t, _)| *t == locale.tag))
        .or_else(|| pages.iter().find(|(t, _)| t == "en"))
        .or_else(|| pages.first());
    let Some((_, html)) = page else {
        return super::problem::Problem::new(
            axum::http::StatusCode::NOT_FOUND,
            "this catalog has no web page messages (locales/*/web.ftl)",
        )
        .into_response();
    };
    let mut response = html.clone().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

/// The page in every language that has all of [`WEB_MESSAGES`].
pub(crate) fn build_all(
    renderer: &Renderer,
    org: Option<&Org>,
) -> Result<Vec<(String, String)>, L10nError> {
    let locales = renderer.localizer().locales();
    let with_page: Vec<&Locale> = locales
        .iter()
        .filter(|l| WEB_MESSAGES.iter().all(|id| l.has(id)))
        .collect();
    with_page
        .iter()
        .map(|l| Ok((l.tag.clone(), build(renderer, org, l, &with_page)?)))
        .collect()
}

/// One message, escaped for HTML.
fn msg(locale: &Locale, id: &str) -> Result<String, L10nError> {
    Ok(escape(&locale.format(id, None)?))
}

/// One message with one variable, escaped.
fn msg_with(
    locale: &Locale,
    id: &str,
    name: &'static str,
    value: &str,
) -> Result<String, L10nError> {
    let mut args = FluentArgs::new();
    args.set(name, value.to_string());
    Ok(escape(&locale.format(id, Some(&args))?))
}

/// The page in `ui`'s language; `uis` are the languages it can switch to.
fn build(
    renderer: &Renderer,
    org: Option<&Org>,
    ui: &Locale,
    uis: &[&Locale],
) -> Result<String, L10nError> {
    let m = |id: &str| msg(ui, id);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"icon\" href=\"data:,\">\
         <link rel=\"stylesheet\" href=\"/assets/app.css\">\
         <script src=\"/assets/app.js\" defer></script></head><body>\
         <a class=\"skip\" href=\"#preview-heading\">{skip}</a>\
         <header class=\"top\"><h1>{title}</h1>",
        tag = escape(&ui.tag),
        title = m("web-title")?,
        skip = m("web-skip")?,
    );
    switcher(&mut out, ui, uis)?;
    let _ = write!(
        out,
        "</header><main><form id=\"form\" method=\"post\" action=\"/api/render\" \
         enctype=\"multipart/form-data\"><p class=\"intro\">{}</p>\
         <input type=\"hidden\" name=\"ui\" value=\"{}\">",
        m("web-intro")?,
        escape(&ui.tag)
    );
    checklists(&mut out, renderer, ui)?;
    languages(&mut out, renderer, ui)?;
    format_fields(&mut out, renderer, ui)?;
    packet(&mut out, ui, org)?;
    let _ = write!(
        out,
        "<div class=\"actions\"><button type=\"submit\" id=\"download\">{}</button></div>\
         <p id=\"status\" role=\"status\"></p><div id=\"error\" role=\"alert\"></div></form>\
         <section class=\"preview\" aria-labelledby=\"preview-heading\">\
         <h2 id=\"preview-heading\" tabindex=\"-1\">{}</h2>\
         <p class=\"hint\">{}</p><p id=\"preview-status\" role=\"status\"></p>\
         <div id=\"preview\"></div><noscript><p>{}</p></noscript></section></main>\
         <footer><p>{}</p></footer>",
        m("web-download")?,
        m("web-preview")?,
        m("web-preview-note")?,
        m("web-noscript")?,
        m("web-privacy")?,
    );
    script_messages(&mut out, ui)?;
    out.push_str("</body></html>\n");
    Ok(out)
}

/// Links to the page in the other languages, each named in its own.
fn switcher(out: &mut String, ui: &Locale, uis: &[&Locale]) -> Result<(), L10nError> {
    let _ = write!(
        out,
        "<nav aria-label=\"{}\"><ul>",
        msg(ui, "web-ui-language")?
    );
    for l in uis {
        let current = if l.tag == ui.tag {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<li><a href=\"/?ui={tag}\" lang=\"{tag}\" hreflang=\"{tag}\"{current}>{}</a></li>",
            msg(l, "language-name")?,
            tag = escape(&l.tag)
        );
    }
    out.push_str("</ul></nav>");
    Ok(())
}

/// The checklists (title and audience) and their roles.
fn checklists(out: &mut String, renderer: &Renderer, ui: &Locale) -> Result<(), L10nError> {
    let _ = write!(
        out,
        "<fieldset><legend>{}</legend>",
        msg(ui, "web-checklist")?
    );
    for (i, raw) in renderer.catalog().checklists.keys().enumerate() {
        let id = escape(raw);
        let _ = write!(
            out,
            "<div class=\"choice\"><input type=\"radio\" name=\"checklist\" id=\"cl-{id}\" \
             value=\"{id}\" aria-describedby=\"cl-{id}-audience\"{}>\
             <label for=\"cl-{id}\">{}</label><p class=\"hint\" id=\"cl-{id}-audience\">{}</p></div>",
            if i == 0 { " checked" } else { "" },
            msg(ui, &format!("{raw}-title"))?,
            msg(ui, &format!("{raw}-audience"))?,
        );
    }
    let _ = write!(
        out,
        "</fieldset><fieldset id=\"roles\"><legend>{}</legend>",
        msg(ui, "web-roles")?
    );
    for (raw_id, checklist) in &renderer.catalog().checklists {
        for raw_role in &checklist.roles {
            let (id, role) = (escape(raw_id), escape(raw_role));
            let _ = write!(
                out,
                "<div class=\"choice role\" data-checklist=\"{id}\"><input type=\"checkbox\" \
                 name=\"role\" value=\"{role}\" id=\"role-{id}-{role}\">\
                 <label for=\"role-{id}-{role}\">{}</label></div>",
                msg(ui, &format!("{raw_id}-role-{raw_role}"))?
            );
        }
    }
    let _ = write!(
        out,
        "<p class=\"hint\" id=\"no-roles\" hidden>{}</p></fieldset>",
        msg(ui, "web-roles-none")?
    );
    Ok(())
}

/// Up to three languages, in print order.
fn languages(out: &mut String, renderer: &Renderer, ui: &Locale) -> Result<(), L10nError> {
    let locales = renderer.localizer().locales();
    let _ = write!(
        out,
        "<fieldset class=\"langs\"><legend>{}</legend>",
        msg(ui, "web-languages")?
    );
    let defaults = ["zh-CN", "en", ""];
    for (n, label) in ["web-lang-first", "web-lang-second", "web-lang-third"]
        .iter()
        .enumerate()
    {
        let _ = write!(
            out,
            "<div class=\"field\"><label for=\"lang{n}\">{}</label><select id=\"lang{n}\" name=\"lang\">",
            msg(ui, label)?
        );
        if n > 0 {
            let _ = write!(
                out,
                "<option value=\"\">{}</option>",
                msg(ui, "web-lang-none")?
            );
        }
        for l in locales {
            let selected = if l.tag == defaults[n] {
                " selected"
            } else {
                ""
            };
            let _ = write!(
                out,
                "<option value=\"{tag}\" lang=\"{tag}\"{selected}>{}</option>",
                msg(l, "language-name")?,
                tag = escape(&l.tag)
            );
        }
        out.push_str("</select></div>");
    }
    out.push_str("</fieldset>");
    Ok(())
}

/// Profile, paper size and destination (with its list for type-ahead).
fn format_fields(out: &mut String, renderer: &Renderer, ui: &Locale) -> Result<(), L10nError> {
    let _ = write!(
        out,
        "<fieldset><legend>{}</legend>",
        msg(ui, "web-profile")?
    );
    for (i, p) in ["handout", "phone", "packet"].iter().enumerate() {
        let _ = write!(
            out,
            "<div class=\"choice\"><input type=\"radio\" name=\"profile\" id=\"profile-{p}\" value=\"{p}\" \
             aria-describedby=\"profile-{p}-hint\"{}><label for=\"profile-{p}\">{}</label>\
             <p class=\"hint\" id=\"profile-{p}-hint\">{}</p></div>",
            if i == 0 { " checked" } else { "" },
            msg(ui, &format!("web-profile-{p}"))?,
            msg(ui, &format!("web-profile-{p}-hint"))?,
        );
    }
    let _ = write!(
        out,
        "</fieldset><div class=\"field\" id=\"paper\"><label for=\"page\">{}</label>\
         <select id=\"page\" name=\"page\"><option value=\"a4\">{}</option>\
         <option value=\"letter\">{}</option></select></div>\
         <div class=\"field\"><label for=\"destination\">{}</label>\
         <input id=\"destination\" name=\"destination\" list=\"destinations\" autocomplete=\"off\" \
         spellcheck=\"false\" aria-describedby=\"destination-hint\">\
         <p class=\"hint\" id=\"destination-hint\">{}</p><datalist id=\"destinations\">",
        msg(ui, "web-paper")?,
        msg(ui, "web-paper-a4")?,
        msg(ui, "web-paper-letter")?,
        msg(ui, "web-destination")?,
        msg(ui, "web-destination-hint")?,
    );
    for d in renderer
        .catalog()
        .channels
        .iter()
        .flat_map(|c| c.destinations.iter().chain(&c.countries))
    {
        let mut names: Vec<&str> = d.name.0.values().map(String::as_str).collect();
        names.dedup();
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            escape(&d.code),
            escape(&names.join(" · "))
        );
    }
    out.push_str("</datalist></div>");
    Ok(())
}

/// The packet's organisation, employee and roster.
fn packet(out: &mut String, ui: &Locale, org: Option<&Org>) -> Result<(), L10nError> {
    let m = |id: &str| msg(ui, id);
    let configured = match org {
        Some(org) => {
            let name = org
                .name
                .get(&ui.tag)
                .or_else(|_| org.name.get("en"))
                .unwrap_or_default();
            msg_with(ui, "web-org-configured", "org", name)?
        }
        None => m("web-org-none")?,
    };
    let _ = write!(
        out,
        "<fieldset id=\"packet\"><legend>{legend}</legend><p>{configured}</p>\
         <div class=\"field\"><label for=\"org\">{org}</label>\
         <input type=\"file\" id=\"org\" name=\"org\" accept=\".toml\"></div>\
         <div class=\"field\"><label for=\"logo\">{logo}</label>\
         <input type=\"file\" id=\"logo\" name=\"logo\" accept=\"image/png,image/jpeg\"></div>\
         <div class=\"field\"><label for=\"name\">{name}</label>\
         <input id=\"name\" name=\"name\" autocomplete=\"off\"></div>\
         <div class=\"field\"><label for=\"departure\">{departure}</label>\
         <input type=\"date\" id=\"departure\" name=\"departure\"></div>\
         <div class=\"field\"><label for=\"date\">{date}</label>\
         <input type=\"date\" id=\"date\" name=\"date\" aria-describedby=\"date-hint\">\
         <p class=\"hint\" id=\"date-hint\">{date_hint}</p></div>\
         <h3>{roster}</h3><div class=\"field\"><label for=\"roster\">{roster_file}</label>\
         <input type=\"file\" id=\"roster\" name=\"roster\" accept=\".csv,.xlsx,text/csv\"></div>\
         <button type=\"submit\" id=\"roster-button\" formaction=\"/api/roster\">{roster_button}</button>\
         <progress id=\"roster-progress\" hidden></progress></fieldset>",
        legend = m("web-packet")?,
        org = m("web-org-file")?,
        logo = m("web-logo-file")?,
        name = m("web-name")?,
        departure = m("web-departure")?,
        date = m("web-date")?,
        date_hint = m("web-date-hint")?,
        roster = m("web-roster")?,
        roster_file = m("web-roster-file")?,
        roster_button = m("web-roster-button")?,
    );
    Ok(())
}

/// The script's messages as JSON, with `{name}` where a value goes.
fn script_messages(out: &mut String, ui: &Locale) -> Result<(), L10nError> {
    let mut map = serde_json::Map::new();
    for id in SCRIPT_MESSAGES {
        let mut args = FluentArgs::new();
        for name in ["file", "message"] {
            args.set(name, format!("{{{name}}}"));
        }
        let text = ui
            .format(id, Some(&args))?
            .replace(['\u{2068}', '\u{2069}'], "");
        map.insert((*id).to_string(), text.into());
    }
    // `<` escaped so the JSON cannot close the element.
    let json = serde_json::Value::Object(map)
        .to_string()
        .replace('<', "\\u003c");
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"messages\">{json}</script>"
    );
    Ok(())
}

/// The status line under the preview: the page count in the page's language.
pub(crate) fn pages_line(renderer: &Renderer, ui: Option<&str>, pages: usize) -> String {
    let locale = ui
        .and_then(|t| renderer.localizer().negotiate(t).ok())
        .filter(|l| l.has("web-preview-pages"));
    let Some(locale) = locale else {
        return format!("{pages} pages");
    };
    let mut args = FluentArgs::new();
    args.set("pages", pages);
    locale
        .format("web-preview-pages", Some(&args))
        .map(|s| s.replace(['\u{2068}', '\u{2069}'], ""))
        .unwrap_or_else(|_| format!("{pages} pages"))
}
