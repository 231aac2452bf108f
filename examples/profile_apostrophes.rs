//! Runs the `apostrophes` stage many times, for a profiler:
//!
//! ```text
//! cargo build --release --example profile_apostrophes
//! perf record -g target/release/examples/profile_apostrophes news 40      # clean news
//! perf record -g target/release/examples/profile_apostrophes stripped 40  # every apostrophe gone
//! ```

use textmend::stages::RestoreApostrophes;
use textmend::{Meta, Stage};

// The benchmarks' texts, so that the profile runs on exactly what `benches/pipeline.rs` measures.
#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "news".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut text = common::clean_news();
    if which == "stripped" {
        text = text.replace(['\'', '’'], "");
    }
    let stage = RestoreApostrophes::default();
    let start = std::time::Instant::now();
    let mut edits = 0;
    for _ in 0..rounds {
        edits += stage.apply(&text, &mut Meta::default()).edits().len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} bytes x {rounds}: {:.1} MB/s ({} edits a round)",
        text.len(),
        (text.len() * rounds) as f64 / secs / 1e6,
        edits / rounds.max(1)
    );
}
