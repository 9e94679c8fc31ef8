//! Benchmark: a cold run of the binary, and documents rendered in one process.
//!
//! Run with `cargo bench`. Prints the median wall time of a cold
//! `predeparture render` of the bilingual student handout, its peak memory,
//! the time per document when one process renders many: the same document
//! again, and documents that differ (another checklist, or another date);
//! and a roster of packets (1,000 rows, or `PD_ROSTER_ROWS`) rendered by
//! the binary: wall time, CPU time, cores used and peak memory.
//! `examples/bench_inprocess.rs` gives the in-process figures in the form
//! other tools compare.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::process::Command;
use std::time::{Duration, Instant};

use predeparture::fonts::FontSet;
use predeparture::model::Catalog;
use predeparture::{Renderer, Request};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs `cmd` and returns its wall time and peak resident memory in KiB.
fn run_measured(cmd: &mut Command) -> (Duration, i64) {
    let (wall, _, rss) = run_timed(cmd);
    (wall, rss)
}

/// Runs `cmd` and returns its wall time, CPU time (user and system) and
/// peak resident memory in KiB.
fn run_timed(cmd: &mut Command) -> (Duration, Duration, i64) {
    let start = Instant::now();
    let child = cmd.spawn().expect("spawn predeparture");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our child; status and usage are valid out-pointers.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert!(
        r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "render failed"
    );
    std::mem::forget(child);
    let cpu = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    (
        elapsed,
        cpu(usage.ru_utime) + cpu(usage.ru_stime),
        usage.ru_maxrss,
    )
}

/// A roster of `rows` people as an office keeps it: Chinese and Latin
/// names in turn, ten destinations, departures over three months.
fn roster(rows: usize) -> String {
    const SURNAMES: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
    const GIVEN: [&str; 10] = ["芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军"];
    const LATIN: [&str; 6] = [
        "Anna Müller",
        "José Núñez",
        "Liam O'Brien",
        "Chloé Dubois",
        "Zoë Smith",
        "Björn Larsson",
    ];
    const DESTINATIONS: [&str; 10] = ["GB", "US", "FR", "DE", "JP", "AU", "CA", "KE", "SG", "IT"];
    let mut csv = String::from("name,destination,departure\n");
    for i in 0..rows {
        let name = if i % 2 == 0 {
            format!(
                "{}{}{}",
                SURNAMES[i % 10],
                GIVEN[i / 10 % 10],
                GIVEN[i / 100 % 10]
            )
        } else {
            LATIN[i % 6].to_string()
        };
        let month = 1 + i % 3;
        let day = 1 + i % 28;
        let dest = DESTINATIONS[i / 2 % 10];
        csv.push_str(&format!("{name},{dest},2027-{month:02}-{day:02}\n"));
    }
    csv
}

/// Renders a roster of packets with the binary, as an office would.
fn roster_bench(bin: &str) {
    let rows: usize = std::env::var("PD_ROSTER_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("roster.csv");
    std::fs::write(&csv, roster(rows)).unwrap();
    let out = dir.path().join("packets");
    let org = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/org/org.toml");
    let (wall, cpu, rss) = run_timed(
        Command::new(bin)
            .args([
                "render",
                "-q",
                "--checklist",
                "overseas-staff",
                "--profile",
                "packet",
            ])
            .args(["--org", org, "--date", "2026-12-01", "--roster"])
            .arg(&csv)
            .arg("-o")
            .arg(&out),
    );
    let files = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
    println!(
        "roster of {rows} packets: {:.2} s wall, {:.2} s CPU ({:.2} cores), peak RSS {:.1} MB, {files} files",
        wall.as_secs_f64(),
        cpu.as_secs_f64(),
        cpu.as_secs_f64() / wall.as_secs_f64(),
        rss as f64 / 1024.0
    );
}

fn main() {
    let out = std::env::temp_dir().join("predeparture-bench.pdf");
    let bin = env!("CARGO_BIN_EXE_predeparture");
    let runs = 30;
    let mut times = Vec::new();
    let mut peak = 0;
    for _ in 0..runs {
        let (t, rss) = run_measured(
            Command::new(bin)
                .args([
                    "render",
                    "-q",
                    "--checklist",
                    "student",
                    "--lang",
                    "zh-CN,en",
                    "-o",
                ])
                .arg(&out),
        );
        times.push(t);
        peak = peak.max(rss);
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!("cold render, student zh-CN+en A4: median {:.1} ms over {runs} runs, peak RSS {:.1} MB, {} bytes",
        median(times).as_secs_f64() * 1e3, peak as f64 / 1024.0, size);

    roster_bench(bin);

    let start = Instant::now();
    let renderer = Renderer::new(Catalog::bundled().unwrap(), FontSet::bundled()).unwrap();
    let setup = start.elapsed();
    let request = |checklist: &str| Request {
        timestamp: Some(0),
        ..Request::handout(checklist, &["zh-CN", "en"])
    };
    let first = Instant::now();
    renderer.render(&request("student")).unwrap();
    let first = first.elapsed();
    let n = 100;
    println!(
        "in process: setup {:.1} ms, first document {:.1} ms",
        setup.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3
    );
    let same = request("student");
    let timed = |name: &str, make: &dyn Fn(usize) -> Request| {
        let mut times = Vec::new();
        let mut bytes = 0;
        for i in 0..n {
            let req = make(i);
            let t = Instant::now();
            bytes += renderer.render(&req).unwrap().len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "  {name}: median {:.2} ms per document, fastest {:.2}, 90th percentile {:.2} over {n} ({} KB average)",
            median(times.clone()).as_secs_f64() * 1e3,
            times[0].as_secs_f64() * 1e3,
            times[n * 9 / 10].as_secs_f64() * 1e3,
            bytes / n / 1024
        );
    };
    timed("same document", &|_| same.clone());
    let checklists = ["student", "overseas-staff", "short-trip"];
    timed("three checklists in turn", &|i| request(checklists[i % 3]));
    timed("another date each time", &|i| Request {
        timestamp: Some(i as i64 * 86_400),
        today: Some(predeparture::model::Date::from_days_since_epoch(
            20_000 + i as i64,
        )),
        ..same.clone()
    });

    let doc_req = request("student");
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(renderer.layout(&doc_req).unwrap());
    }
    println!(
        "  of which layout (localise, measure, break, paginate): {:.2} ms per document",
        (t.elapsed() / n as u32).as_secs_f64() * 1e3
    );
}
