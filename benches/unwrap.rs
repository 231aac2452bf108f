//! The `unwrap` stage alone (`Stage::apply`, and in a one-stage pipeline, which adds the log) on
//! about 1 MB of text: clean English news with one paragraph per line (nothing to join), the
//! same news hard-wrapped at 72 columns (and again with long words split by a hyphen at the line
//! end, so that the document is read for its spellings), and the Gutenberg excerpts of `corpus/books/` as they are
//! (wrapped at about 72 columns by their makers, with dialogue, songs and hyphenated compounds).
//!
//! ```text
//! cargo bench --bench unwrap -- --warm-up-time 1 --measurement-time 3
//! ```

use std::borrow::Cow;
use std::hint::black_box;

use cpu_time::ThreadCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textmend::stages::JoinWrappedLines;
use textmend::{Meta, Pipeline, Stage};

mod common;
#[path = "common/cpu_time.rs"]
mod cpu_time;

const BOOKS: [&str; 4] = [
    include_str!("../corpus/books/pride-and-prejudice.txt"),
    include_str!("../corpus/books/great-expectations.txt"),
    include_str!("../corpus/books/tom-sawyer.txt"),
    include_str!("../corpus/books/huckleberry-finn.txt"),
];

fn books() -> String {
    let once = BOOKS.join("\n\n");
    let mut text = String::with_capacity(common::TARGET_BYTES + once.len());
    while text.len() < common::TARGET_BYTES {
        text.push_str(&once);
        text.push_str("\n\n");
    }
    text
}

fn benches(c: &mut Criterion<ThreadCpuTime>) {
    let stage = JoinWrappedLines::default();
    let pipeline = Pipeline::builder()
        .stage(JoinWrappedLines::default())
        .build();
    let clean = common::clean_news();
    assert!(matches!(pipeline.clean(&clean).text, Cow::Borrowed(_)));
    let wrapped = common::hard_wrapped(&clean, 72, false);
    let hyphenated = common::hard_wrapped(&clean, 72, true);
    let unwrapped = stage.apply(&wrapped, &mut Meta::default());
    assert!(!unwrapped.is_unchanged(), "the wrapped news is unwrapped");
    let books = books();

    let mut group = c.benchmark_group("unwrap");
    for (name, text) in [
        ("clean-news", &clean),
        ("wrapped-news", &wrapped),
        ("wrapped-hyphenated-news", &hyphenated),
        ("books", &books),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("apply/{name}"), |b| {
            b.iter(|| stage.apply(black_box(text), &mut Meta::default()))
        });
        group.bench_function(format!("pipeline/{name}"), |b| {
            b.iter(|| pipeline.clean(black_box(text)))
        });
    }
    group.finish();
}

criterion_group! {
    name = unwrap;
    config = cpu_time::config();
    targets = benches
}
criterion_main!(unwrap);
