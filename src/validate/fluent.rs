//! The Fluent files of every language, parsed on their own: which messages
//! each language defines, where, and with which variables.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use crate::diag::{Diagnostic, Kind, Location};
use crate::l10n::find_definition;
use crate::model::{file_role, FileRole, TextFile};

/// A message as defined in one language.
pub(crate) struct Defined {
    /// Where.
    pub(crate) location: Location,
    /// The variables it uses, with those of the messages it references.
    pub(crate) variables: BTreeSet<String>,
    /// Messages it references.
    pub(crate) references: BTreeSet<String>,
}

/// Messages by id, by language tag.
pub(crate) type Langs = BTreeMap<String, BTreeMap<String, Defined>>;

/// Parses every `.ftl` file; syntax errors and messages defined twice in a
/// language go to `out`.
pub(crate) fn read(files: &[TextFile], out: &mut Vec<Diagnostic>) -> Langs {
    let mut langs = Langs::new();
    for file in files {
        let FileRole::Locale(lang) = file_role(&file.path) else {
            continue;
        };
        if file.path.extension().is_some_and(|e| e == "ftl") {
            read_file(file, langs.entry(lang.clone()).or_default(), &lang, out);
        }
    }
    for messages in langs.values_mut() {
        resolve_variables(messages);
    }
    langs
}

fn read_file(
    file: &TextFile,
    messages: &mut BTreeMap<String, Defined>,
    lang: &str,
    out: &mut Vec<Diagnostic>,
) {
    let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
        Ok(r) => r,
        Err((r, errors)) => {
            for e in errors {
                let at = Location::from_offset(&file.path, &file.text, e.pos.start);
                out.push(Diagnostic::error(at, Kind::Syntax, e.to_string()));
            }
            r
        }
    };
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else {
            continue;
        };
        let id = m.id.name.to_string();
        let offset = find_definition(&file.text, &id);
        let location = Location::from_offset(&file.path, &file.text, offset);
        let mut variables = BTreeSet::new();
        let mut references = BTreeSet::new();
        if let Some(pattern) = &m.value {
            walk_pattern(pattern, &mut variables, &mut references);
        }
        if let Some(first) = messages.get(&id) {
            let message = format!(
                "message `{id}` is defined twice in {lang} (first at {})",
                first.location
            );
            out.push(Diagnostic::error(
                location.clone(),
                Kind::Duplicate,
                message,
            ));
        }
        let defined = Defined {
            location,
            variables,
            references,
        };
        messages.insert(id, defined);
    }
}

/// A message uses the variables of the messages it references.
fn resolve_variables(messages: &mut BTreeMap<String, Defined>) {
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
        if let Some(def) = messages.get_mut(&id) {
            def.variables = variables;
        }
    }
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
