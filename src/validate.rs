//! Validation for translators and content maintainers: every Fluent file and
//! every checklist definition of a catalog checked at once, each finding
//! with its file, line and column.
//!
//! It reports syntax errors; messages a checklist, source, card row or the
//! program uses that a language lacks; messages one language has and another
//! does not; messages nothing uses; variables (`{ $name }`) that differ
//! between languages; unknown source ids; duplicate ids.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use crate::compose::{UI_MESSAGES, WEB_MESSAGES};
use crate::diag::Location;
use crate::l10n::find_definition;
use crate::model::{
    message_id, parse_card, parse_checklist, parse_sources, Channels, ModelError, TextFile,
};

/// What kind of problem a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A file does not parse.
    Syntax,
    /// A message that is used is missing in a language.
    Missing,
    /// A message exists in one language but not in another.
    Untranslated,
    /// A message nothing uses.
    Orphan,
    /// A message uses different variables in different languages.
    Placeables,
    /// A definition names a source that does not exist.
    UnknownSource,
    /// An id is defined twice.
    Duplicate,
    /// Another error in a definition file.
    Definition,
}

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Finding {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What kind of problem.
    pub kind: Kind,
    /// What exactly.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = serde_json::to_value(self.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        write!(
            f,
            "{}:{}:{}: {kind}: {}",
            self.file.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

fn finding(location: Location, kind: Kind, message: impl Into<String>) -> Finding {
    Finding {
        file: location.file,
        line: location.line,
        col: location.col,
        kind,
        message: message.into(),
    }
}

/// A message as defined in one language.
struct Defined {
    location: Location,
    variables: BTreeSet<String>,
    /// Messages it references, whose variables it uses too.
    references: BTreeSet<String>,
}

/// Checks every file of a catalog (as [`crate::model::Catalog::files_in`] or
/// [`crate::model::Catalog::bundled_files`] gives them). Findings are sorted by file and line.
pub fn validate(files: &[TextFile]) -> Vec<Finding> {
    let mut out = Vec::new();
    let name = |f: &TextFile| {
        f.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let in_dir = |f: &TextFile, dir: &str| {
        f.path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n == dir)
    };

    // Definitions: which message ids they need.
    let mut used: BTreeMap<String, Location> = BTreeMap::new();
    let use_id =
        |used: &mut BTreeMap<String, Location>, id: String, file: &TextFile, needle: &str| {
            let offset = file.text.find(needle).unwrap_or(0);
            used.entry(id)
                .or_insert_with(|| Location::from_offset(&file.path, &file.text, offset));
        };
    let definition_error = |e: ModelError| match e {
        ModelError::Invalid { location, message } => {
            let kind = if message.starts_with("unknown source") {
                Kind::UnknownSource
            } else if message.starts_with("duplicate") {
                Kind::Duplicate
            } else if message.contains("unknown field")
                || message.contains("expected")
                || message.contains("missing field")
            {
                Kind::Syntax
            } else {
                Kind::Definition
            };
            finding(location, kind, message)
        }
        other => Finding {
            file: PathBuf::new(),
            line: 1,
            col: 1,
            kind: Kind::Definition,
            message: other.to_string(),
        },
    };
    let toml_files: Vec<&TextFile> = files
        .iter()
        .filter(|f| in_dir(f, "checklists") && name(f).ends_with(".toml"))
        .collect();
    let sources = match toml_files.iter().find(|f| name(f) == "sources.toml") {
        Some(file) => match parse_sources(file) {
            Ok(sources) => {
                for id in sources.keys() {
                    use_id(
                        &mut used,
                        message_id(&["source", id]),
                        file,
                        &format!("\"{id}\""),
                    );
                }
                sources
            }
            Err(e) => {
                out.push(definition_error(e));
                BTreeMap::new()
            }
        },
        None => {
            out.push(Finding {
                file: PathBuf::from("checklists/sources.toml"),
                line: 1,
                col: 1,
                kind: Kind::Definition,
                message: "missing".into(),
            });
            BTreeMap::new()
        }
    };
    for file in &toml_files {
        match name(file).as_str() {
            "sources.toml" => {}
            "channels.toml" => {
                if let Err(e) = Channels::parse(file) {
                    out.push(definition_error(e));
                }
            }
            "card.toml" => match parse_card(file, &sources) {
                Ok(rows) => {
                    for row in rows {
                        let needle = format!("\"{}\"", row.id);
                        if row.fill.is_some() {
                            use_id(
                                &mut used,
                                message_id(&["card", &row.id, "known"]),
                                file,
                                &needle,
                            );
                        }
                        use_id(&mut used, message_id(&["card", &row.id]), file, &needle);
                    }
                }
                Err(e) => out.push(definition_error(e)),
            },
            _ => match parse_checklist(file, &sources) {
                Ok(checklist) => {
                    for id in checklist.message_ids() {
                        let last = id.rsplit('-').next().unwrap_or_default().to_string();
                        use_id(&mut used, id, file, &format!("\"{last}\""));
                    }
                }
                Err(e) => out.push(definition_error(e)),
            },
        }
    }

    // Translations: what each language defines and references.
    let mut langs: BTreeMap<String, BTreeMap<String, Defined>> = BTreeMap::new();
    let mut referenced: BTreeSet<String> = BTreeSet::new();
    for file in files.iter().filter(|f| name(f).ends_with(".ftl")) {
        let lang = file
            .path
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let messages = langs.entry(lang.clone()).or_default();
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    out.push(finding(
                        Location::from_offset(&file.path, &file.text, e.pos.start),
                        Kind::Syntax,
                        e.to_string(),
                    ));
                }
                r
            }
        };
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_string();
                let location =
                    Location::from_offset(&file.path, &file.text, find_definition(&file.text, &id));
                let mut variables = BTreeSet::new();
                let mut references = BTreeSet::new();
                if let Some(pattern) = &m.value {
                    walk_pattern(pattern, &mut variables, &mut references);
                }
                referenced.extend(references.iter().cloned());
                if let Some(first) = messages.get(&id) {
                    out.push(finding(
                        location.clone(),
                        Kind::Duplicate,
                        format!(
                            "message `{id}` is defined twice in {lang} (first at {})",
                            first.location
                        ),
                    ));
                }
                messages.insert(
                    id,
                    Defined {
                        location,
                        variables,
                        references,
                    },
                );
            }
        }
    }
    for id in UI_MESSAGES.iter().chain(WEB_MESSAGES) {
        used.entry(id.to_string()).or_insert_with(|| Location {
            file: PathBuf::from("src/document.rs"),
            line: 1,
            col: 1,
        });
    }

    // A message uses the variables of the messages it references.
    for messages in langs.values_mut() {
        let mut resolved: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for id in messages.keys() {
            let mut seen = BTreeSet::new();
            let mut stack = vec![id.clone()];
            let mut variables = BTreeSet::new();
            while let Some(next) = stack.pop() {
                if let Some(def) = messages.get(&next).filter(|_| seen.insert(next.clone())) {
                    variables.extend(def.variables.iter().cloned());
                    stack.extend(def.references.iter().cloned());
                }
            }
            resolved.insert(id.clone(), variables);
        }
        for (id, variables) in resolved {
            messages.get_mut(&id).expect("same keys").variables = variables;
        }
    }
    let all: BTreeSet<&String> = langs.values().flat_map(|m| m.keys()).collect();
    for (lang, messages) in &langs {
        for (id, at) in &used {
            if !messages.contains_key(id) {
                out.push(finding(
                    at.clone(),
                    Kind::Missing,
                    format!("message `{id}` is missing in {lang}"),
                ));
            }
        }
        for id in &all {
            if !messages.contains_key(*id) && !used.contains_key(*id) {
                let (other, def) = langs
                    .iter()
                    .find_map(|(l, m)| m.get(*id).map(|d| (l, d)))
                    .expect("defined somewhere");
                out.push(finding(
                    def.location.clone(),
                    Kind::Untranslated,
                    format!("message `{id}` is in {other} but not in {lang}"),
                ));
            }
        }
    }
    for (lang, messages) in &langs {
        for (id, def) in messages {
            if !used.contains_key(id) && !referenced.contains(id) {
                out.push(finding(
                    def.location.clone(),
                    Kind::Orphan,
                    format!("message `{id}` in {lang} is not used"),
                ));
            }
        }
    }
    // Variables: compare each language with the first that has the message.
    for id in &all {
        let defs: Vec<(&String, &Defined)> = langs
            .iter()
            .filter_map(|(l, m)| m.get(*id).map(|d| (l, d)))
            .collect();
        if let Some((first_lang, first)) = defs.first() {
            for (lang, def) in &defs[1..] {
                if def.variables != first.variables {
                    let show = |v: &BTreeSet<String>| {
                        v.iter()
                            .map(|x| format!("${x}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    out.push(finding(
                        def.location.clone(),
                        Kind::Placeables,
                        format!(
                            "message `{id}` uses {{{}}} in {lang} but {{{}}} in {first_lang}",
                            show(&def.variables),
                            show(&first.variables)
                        ),
                    ));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk_pattern(
    pattern: &ast::Pattern<&str>,
    variables: &mut BTreeSet<String>,
    referenced: &mut BTreeSet<String>,
) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, variables, referenced);
        }
    }
}

fn walk_expression(
    expression: &ast::Expression<&str>,
    variables: &mut BTreeSet<String>,
    referenced: &mut BTreeSet<String>,
) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, variables, referenced),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, variables, referenced);
            for v in variants {
                walk_pattern(&v.value, variables, referenced);
            }
        }
    }
}

fn walk_inline(
    inline: &ast::InlineExpression<&str>,
    variables: &mut BTreeSet<String>,
    referenced: &mut BTreeSet<String>,
) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            referenced.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                walk_inline(a, variables, referenced);
            }
            for a in &arguments.named {
                walk_inline(&a.value, variables, referenced);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, variables, referenced)
        }
        _ => {}
    }
}
