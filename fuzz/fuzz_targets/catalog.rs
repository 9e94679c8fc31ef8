//! The checklist/translation loader on arbitrary text: the first byte picks
//! which file of the base fixture catalog the rest replaces; the catalog is
//! then loaded fail-fast (as `render` does), its languages parsed, and the
//! whole checked as `validate` does. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use predeparture::l10n::Localizer;
use predeparture::model::{Catalog, TextFile};

macro_rules! base {
    ($($path:literal),* $(,)?) => {
        [$(($path, include_str!(concat!("../../tests/fixtures/catalogs/base/", $path)))),*]
    };
}

const BASE: [(&str, &str); 12] = base![
    "checklists/sources.toml",
    "checklists/demo.toml",
    "locales/en/locale.toml",
    "locales/en/ui.ftl",
    "locales/en/page.ftl",
    "locales/en/demo.ftl",
    "locales/en/sources.ftl",
    "locales/zh-CN/locale.toml",
    "locales/zh-CN/ui.ftl",
    "locales/zh-CN/page.ftl",
    "locales/zh-CN/demo.ftl",
    "locales/zh-CN/sources.ftl",
];

/// Files only the fuzzer adds.
const EXTRA: [&str; 2] = ["checklists/card.toml", "checklists/channels.toml"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = TextFile::decode("fuzz".into(), rest.to_vec()) else {
        return;
    };
    let n = BASE.len() + EXTRA.len();
    let pick = usize::from(pick) % n;
    let target = BASE
        .iter()
        .map(|(p, _)| *p)
        .chain(EXTRA)
        .nth(pick)
        .unwrap_or("checklists/demo.toml");
    let mut files: Vec<TextFile> = BASE
        .iter()
        .filter(|(p, _)| *p != target)
        .map(|(p, t)| TextFile {
            path: p.into(),
            text: t.to_string(),
        })
        .collect();
    files.push(TextFile {
        path: target.into(),
        text: text.text,
    });
    if let Ok(catalog) = Catalog::from_files(files.clone()) {
        let _ = Localizer::new(&catalog);
    }
    let _ = predeparture::validate::validate(&files);
});
