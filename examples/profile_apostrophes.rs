//! Runs the `apostrophes` stage many times, for a profiler:
//!
//! ```text
//! cargo build --release --example profile_apostrophes
//! perf record -g target/release/examples/profile_apostrophes news 40      # clean news
//! perf record -g target/release/examples/profile_apostrophes stripped 40  # every apostrophe gone
//! target/release/examples/profile_apostrophes articles 20   # the 295 Wikinews articles, one by one
//! target/release/examples/profile_apostrophes articles-stripped 20
//! ```
//!
//! `news` is the benchmarks' text: a 35 KB sample repeated to 1 MB, one document. `articles`
//! are 1.3 MB of distinct articles, each its own document, as a corpus is cleaned.

use textmend::stages::RestoreApostrophes;
use textmend::{Meta, Stage};

// The benchmarks' texts, so that the profile runs on exactly what `benches/pipeline.rs` measures.
#[path = "../benches/common/mod.rs"]
mod common;

#[path = "../benches/common/articles.rs"]
mod articles;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "news".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut texts = if which.starts_with("articles") {
        articles::wikinews_articles()
    } else {
        vec![common::clean_news()]
    };
    if which.ends_with("stripped") {
        for text in &mut texts {
            *text = text.replace(['\'', '’'], "");
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let stage = RestoreApostrophes::default();
    let start = std::time::Instant::now();
    let mut edits = 0;
    for _ in 0..rounds {
        for text in &texts {
            edits += stage.apply(text, &mut Meta::default()).edits().len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes x {rounds}: {:.1} MB/s ({} edits a round)",
        bytes,
        (bytes * rounds) as f64 / secs / 1e6,
        edits / rounds.max(1)
    );
}
