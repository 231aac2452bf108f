//! Runs a pipeline over a corpus text many times, for a profiler or a quick figure:
//! `cargo run --release --example profile_pipeline -- STAGES TEXT TIMES`, where STAGES is a
//! preset name (`news`, `encoding`, `minimal`), `news-apostrophes` (the `news` preset without
//! its `apostrophes` stage) or stage names joined by commas, and TEXT is one of `clean-news`,
//! `damaged-news`, `books`, `mojibake`, `multilingual`, or one of these with `-windows-1252`
//! after it (its bytes in that encoding, through `clean_bytes`), or `articles`: the 295 Wikinews
//! articles of `corpus/news/wikinews-295.jsonl` as they are, each cleaned as a document of its
//! own (what a user's corpus looks like: short documents, curly quotes, runs of blank lines).
//! Prints MB/s (under callgrind, compare instruction counts instead).

#[path = "../benches/common/mod.rs"]
mod common;

#[path = "../benches/common/articles.rs"]
mod articles;

fn main() {
    let mut args = std::env::args().skip(1);
    let stages = args.next().unwrap_or_else(|| "news".into());
    let text = args.next().unwrap_or_else(|| "clean-news".into());
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let pipeline = common::pipeline(&stages);
    if text == "articles" {
        return articles(&pipeline, times);
    }
    let (text, legacy) = match text.strip_suffix("-windows-1252") {
        Some(name) => (common::text(name), true),
        None => (common::text(&text), false),
    };
    let bytes = encoding_rs::WINDOWS_1252.encode(&text).0.into_owned();
    let start = std::time::Instant::now();
    let mut edits = 0;
    for _ in 0..times {
        edits += match legacy {
            true => pipeline.clean_bytes(&bytes).edits.len(),
            false => pipeline.clean(&text).edits.len(),
        };
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} MB/s ({} edits a run)",
        (text.len() * times) as f64 / secs / 1e6,
        edits / times.max(1)
    );
}

/// The 295 Wikinews articles, each cleaned on its own, `times` times over.
fn articles(pipeline: &textmend::Pipeline, times: usize) {
    let articles = articles::wikinews_articles();
    let bytes: usize = articles.iter().map(String::len).sum();
    let start = std::time::Instant::now();
    let mut edits = 0;
    for _ in 0..times {
        edits += articles
            .iter()
            .map(|a| pipeline.clean(a).edits.len())
            .sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} MB/s ({} edits a run, {} articles, {} bytes)",
        (bytes * times) as f64 / secs / 1e6,
        edits / times.max(1),
        articles.len(),
        bytes
    );
}
