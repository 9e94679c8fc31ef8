//! Renders every bundled checklist in every language combination into a
//! folder, from one process: the library used directly.
//!
//! ```sh
//! cargo run --release --example render_all -- out/
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::path::PathBuf;

use predeparture::fonts::FontSet;
use predeparture::model::Catalog;
use predeparture::{Renderer, Request};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "out".into()));
    std::fs::create_dir_all(&out)?;
    // Parsing translations and fonts happens once; each document after that is cheap.
    let renderer = Renderer::new(Catalog::bundled()?, FontSet::bundled())?;
    let ids: Vec<String> = renderer.catalog().checklists.keys().cloned().collect();
    for id in ids {
        for langs in [&["zh-CN", "en"][..], &["zh-CN"], &["en"]] {
            let request = Request {
                roles: renderer.catalog().checklists[&id].roles.clone(),
                ..Request::handout(&id, langs)
            };
            let path = out.join(format!("{id}-{}.pdf", langs.join("-")));
            std::fs::write(&path, renderer.render(&request)?)?;
            println!("{}", path.display());
        }
    }
    Ok(())
}
