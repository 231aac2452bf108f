//! The library's integration tests, in one binary: decoding real samples, the golden files of
//! `corpus/golden/`, pipelines of several stages, and property tests of the invariants every
//! stage keeps. Everything they read is in `corpus/` (see `corpus/README.md`).

mod apostrophes;
mod boilerplate;
#[cfg(feature = "cli")]
mod cli;
mod damage;
mod decode;
mod end_to_end;
mod golden;
mod invariants;
mod mojibake;
mod pipeline;
mod properties;
#[cfg(feature = "cli")]
mod readme;
mod unwrap;

use std::path::{Path, PathBuf};

/// A path inside the crate's `corpus/` directory.
pub fn corpus_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(relative)
}

/// The bytes of a corpus file.
pub fn corpus_bytes(relative: &str) -> Vec<u8> {
    let path = corpus_path(relative);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// A corpus file that is UTF-8 text.
pub fn corpus_text(relative: &str) -> String {
    String::from_utf8(corpus_bytes(relative))
        .unwrap_or_else(|e| panic!("corpus/{relative} is not UTF-8: {e}"))
}
