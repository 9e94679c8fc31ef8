//! The bad-input corpus (`tests/fixtures/bad-input.toml`): each case runs
//! the binary and checks what a user sees: the exit status, one line on
//! stderr naming the problem (with its file and place where there is one),
//! and no file left behind.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::*;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Corpus {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Case {
    name: String,
    args: Vec<String>,
    exit: i32,
    #[serde(default)]
    files: BTreeMap<String, String>,
    #[serde(default)]
    catalog_edit: Edits,
    #[serde(default)]
    stderr: Vec<String>,
    #[serde(default)]
    stdout: Vec<String>,
    stdout_lines: Option<usize>,
    /// Lines on stderr when not one (a roster: one per bad row and a summary).
    stderr_lines: Option<usize>,
}

/// One edit or a list of them.
#[derive(serde::Deserialize, Default)]
#[serde(untagged)]
enum Edits {
    #[default]
    None,
    One(Edit),
    Many(Vec<Edit>),
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    from: String,
    to: String,
}

impl Edits {
    fn list(&self) -> Vec<&Edit> {
        match self {
            Edits::None => Vec::new(),
            Edits::One(e) => vec![e],
            Edits::Many(v) => v.iter().collect(),
        }
    }
}

fn run_case(case: &Case) -> Result<(), String> {
    let dir = tempdir();
    for (name, text) in &case.files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let fill = |a: &String| {
        a.replace("{dir}", dir.path().to_str().unwrap())
            .replace("{root}", root().to_str().unwrap())
    };
    let mut args: Vec<String> = case.args.iter().map(fill).collect();
    let catalog = catalog_copy();
    let edits = case.catalog_edit.list();
    for e in &edits {
        edit(&catalog.path().join(&e.file), &e.from, &e.to);
    }
    if !edits.is_empty() {
        args.extend([
            "--catalog".to_string(),
            catalog.path().to_str().unwrap().to_string(),
        ]);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_predeparture"))
        .args(&args)
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    let stderr =
        String::from_utf8_lossy(&o.stderr).replace(&format!("{}/", catalog.path().display()), "");
    let stdout =
        String::from_utf8_lossy(&o.stdout).replace(&format!("{}/", catalog.path().display()), "");
    let mut problems = Vec::new();
    if o.status.code() != Some(case.exit) {
        problems.push(format!(
            "exit {:?}, expected {}",
            o.status.code(),
            case.exit
        ));
    }
    let lines = case.stderr_lines.unwrap_or(1);
    if case.exit == 2 && stderr.lines().count() != lines {
        problems.push(format!("expected exactly {lines} lines on stderr"));
    }
    problems.extend(
        case.stderr
            .iter()
            .filter(|w| !stderr.contains(w.as_str()))
            .map(|w| format!("stderr lacks {w:?}")),
    );
    problems.extend(
        case.stdout
            .iter()
            .filter(|w| !stdout.contains(w.as_str()))
            .map(|w| format!("stdout lacks {w:?}")),
    );
    if let Some(n) = case.stdout_lines.filter(|n| stdout.lines().count() != *n) {
        problems.push(format!("expected {n} lines on stdout"));
    }
    let left = leftovers(dir.path(), case);
    if !left.is_empty() {
        problems.push(format!("files left behind: {left:?}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: {}\n  stderr: {stderr}  stdout: {stdout}",
            case.name,
            problems.join("; ")
        ))
    }
}

/// Files in `dir` that the case did not write itself.
fn leftovers(dir: &Path, case: &Case) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !case.files.contains_key(n))
        .collect()
}

#[test]
fn every_bad_input_gets_its_one_line_and_leaves_nothing() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/bad-input.toml")).unwrap();
    let corpus: Corpus = toml::from_str(&text).unwrap();
    assert!(corpus.case.len() >= 10);
    let failures: Vec<String> = corpus
        .case
        .iter()
        .filter_map(|c| run_case(c).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        corpus.case.len(),
        failures.join("\n")
    );
}
