//! In-process benchmark: documents rendered one after another by one
//! [`Renderer`], the way a server or a batch uses the library.
//!
//! ```sh
//! cargo run --release --example bench_inprocess -- CATALOG_DIR N
//! ```
//!
//! Renders the catalog's first checklist (or `PD_CHECKLIST`) as a handout in
//! Chinese and English (or the languages in `PD_LANGS`, comma-separated) and
//! prints two lines:
//!
//! ```text
//! mode=same n=N first_ms=… median_ms=… min_ms=… p90_ms=… bytes=…
//! mode=varied n=N first_ms=… median_ms=… min_ms=… p90_ms=… bytes=…
//! mode=uncached n=N first_ms=… median_ms=… min_ms=… p90_ms=… bytes=…
//! ```
//!
//! `same` renders one request N times; `varied` gives every document another
//! date (its "today", which dates the verification notes, and its creation
//! time), so no two documents are the same; `uncached` is `varied` with
//! every cache emptied before each document (set paragraphs, font subsets,
//! deflated pages, QR codes), so each is made from scratch. With `PD_ORG=org.toml` the
//! documents are onboarding packets and `varied` also gives each one another
//! employee name. `first_ms` is the first document of a fresh renderer
//! (loading the catalog and fonts is not counted); the other figures are over
//! the N documents after it.

use std::path::PathBuf;
use std::time::Instant;

use predeparture::fonts::FontSet;
use predeparture::layout::Profile;
use predeparture::model::{Catalog, Date, Org};
use predeparture::{PacketRequest, Renderer, Request};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: bench_inprocess CATALOG_DIR N")?);
    let n: usize = args.next().unwrap_or_else(|| "100".into()).parse()?;
    let org = match std::env::var("PD_ORG") {
        Ok(path) => Some(Org::load(path.as_ref())?),
        Err(_) => None,
    };
    for mode in ["same", "varied", "uncached"] {
        // A fresh renderer per mode, so both report a first document.
        let renderer = Renderer::new(Catalog::from_dir(&dir)?, FontSet::bundled())?;
        let base = base_request(&renderer, org.clone())?;
        let request = |i: usize| vary(&base, if mode == "same" { 0 } else { i });
        let t = Instant::now();
        let bytes = renderer.render(&request(0))?.len();
        let first = t.elapsed().as_secs_f64() * 1e3;
        let mut times = Vec::with_capacity(n);
        for i in 1..=n {
            let request = request(i);
            if mode == "uncached" {
                renderer.clear_caches();
            }
            let t = Instant::now();
            std::hint::black_box(renderer.render(&request)?);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "mode={mode} n={n} first_ms={first:.2} median_ms={:.2} min_ms={:.2} p90_ms={:.2} bytes={bytes}",
            at(0.5),
            at(0.0),
            at(0.9)
        );
    }
    Ok(())
}

/// The first request: the catalog's first checklist (or `PD_CHECKLIST`) in
/// `PD_LANGS` (default `zh-CN,en`), as a handout or, with an organisation, a packet.
fn base_request(
    renderer: &Renderer,
    org: Option<Org>,
) -> Result<Request, Box<dyn std::error::Error>> {
    let checklist = match std::env::var("PD_CHECKLIST") {
        Ok(id) => id,
        Err(_) => renderer
            .catalog()
            .checklists
            .keys()
            .next()
            .ok_or("the catalog has no checklist")?
            .clone(),
    };
    let langs = std::env::var("PD_LANGS").unwrap_or_else(|_| "zh-CN,en".into());
    let langs: Vec<&str> = langs.split(',').collect();
    let mut request = Request::handout(&checklist, &langs);
    request.timestamp = Some(1_764_547_200);
    request.today = Date::parse("2026-12-01");
    if let Some(org) = org {
        request.profile = Profile::Packet;
        request.org = Some(org);
        request.packet = Some(PacketRequest {
            name: Some(name(0)),
            departure: Date::parse("2027-01-15"),
            date: Date::parse("2026-12-01").ok_or("date")?,
        });
    }
    Ok(request)
}

/// `base` changed by document number `i` (0: unchanged).
fn vary(base: &Request, i: usize) -> Request {
    let mut request = base.clone();
    if i == 0 {
        return request;
    }
    let days = base.today.map_or(0, Date::days_since_epoch) + i as i64;
    request.today = Some(Date::from_days_since_epoch(days));
    request.timestamp = base.timestamp.map(|t| t + i as i64 * 86_400);
    if let Some(packet) = &mut request.packet {
        packet.name = Some(name(i));
        packet.date = Date::from_days_since_epoch(days);
    }
    request
}

/// A different employee name for every `i`: Chinese and Latin in turn.
fn name(i: usize) -> String {
    const SURNAMES: [&str; 8] = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"];
    const GIVEN: [&str; 10] = ["芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军"];
    const LATIN: [&str; 6] = ["Anna", "José", "Zoë", "Liam", "Núria", "O'Brien"];
    if i.is_multiple_of(2) {
        format!(
            "{}{}{}",
            SURNAMES[i % 8],
            GIVEN[(i / 8) % 10],
            GIVEN[(i / 80) % 10]
        )
    } else {
        format!("{} {}", LATIN[i % 6], LATIN[(i / 6) % 6])
    }
}
