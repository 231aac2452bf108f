//! Runs the `unwrap` stage many times, for a profiler:
//!
//! ```text
//! cargo build --release --example profile_unwrap
//! perf record -g target/release/examples/profile_unwrap books 40   # corpus/books/, as they are
//! perf record -g target/release/examples/profile_unwrap news 100   # clean news, nothing to join
//! perf record -g target/release/examples/profile_unwrap wrapped 40 # the same, wrapped at 72
//! perf record -g target/release/examples/profile_unwrap hyphenated 40 # and long words split
//! ```
//!
//! With `NO_HYPHENS` set in the environment, the stage runs without dehyphenation.

use textmend::stages::JoinWrappedLines;
use textmend::{Meta, Pipeline, Stage};

// The benchmarks' texts, so that the profile runs on exactly what `benches/unwrap.rs` measures.
#[path = "../benches/common/mod.rs"]
mod common;

const BOOKS: [&str; 4] = [
    "pride-and-prejudice",
    "great-expectations",
    "tom-sawyer",
    "huckleberry-finn",
];

fn corpus(path: &str) -> String {
    let path = format!("{}/corpus/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "books".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut text = String::new();
    if which == "news" || which == "wrapped" || which == "hyphenated" {
        let minimal = Pipeline::preset("minimal").expect("the minimal preset exists");
        let sample = minimal
            .clean(&corpus("news/wikinews-sample.txt"))
            .text
            .into_owned();
        while text.len() < 1 << 20 {
            text.push_str(&sample);
        }
        if which != "news" {
            text = common::hard_wrapped(&text, 72, which == "hyphenated");
        }
    } else {
        for book in BOOKS {
            text.push_str(&corpus(&format!("books/{book}.txt")));
            text.push_str("\n\n");
        }
    }
    let stage = JoinWrappedLines::default().hyphenation(std::env::var_os("NO_HYPHENS").is_none());
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
