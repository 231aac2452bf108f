//! The `minimal` pipeline (and the `markup`, `boilerplate` and `apostrophes` stages) on about 1 MB of English news (the Wikinews sample of `corpus/news/`,
//! cleaned once, then repeated), as text and as bytes, clean and with whitespace damage; and, in
//! the same run, two baselines that bound what a scan of the same bytes can cost: UTF-8
//! validation and counting line breaks with memchr.
//!
//! ```text
//! cargo bench --bench pipeline -- --warm-up-time 1 --measurement-time 3
//! ```

use std::borrow::Cow;
use std::hint::black_box;

use cpu_time::ThreadCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textmend::{Pipeline, Stage};

mod common;
#[path = "common/cpu_time.rs"]
mod cpu_time;

/// Clean news that `minimal` has nothing to do on.
fn clean_news(minimal: &Pipeline) -> String {
    let text = common::clean_news();
    assert!(
        matches!(minimal.clean(&text).text, Cow::Borrowed(_)),
        "the clean text is clean"
    );
    text
}

/// The same text with the damage `whitespace` repairs: trailing spaces on every third
/// paragraph, doubled spaces after the commas of every other one, and two to three extra blank
/// lines between paragraphs.
fn damaged(clean: &str) -> String {
    let mut text = String::with_capacity(clean.len() * 11 / 10);
    for (i, paragraph) in clean.trim_end().split("\n\n").enumerate() {
        if i > 0 {
            text.push_str(if i % 4 == 0 { "\n\n\n\n\n" } else { "\n\n\n\n" });
        }
        if i % 2 == 0 {
            text.push_str(&paragraph.replace(", ", ",  "));
        } else {
            text.push_str(paragraph);
        }
        if i % 3 == 0 {
            text.push_str("   ");
        }
    }
    text
}

fn benches(c: &mut Criterion<ThreadCpuTime>) {
    let minimal = Pipeline::preset("minimal").expect("the minimal preset exists");
    let clean = clean_news(&minimal);
    let damaged = damaged(&clean);
    assert_eq!(
        minimal.clean(&damaged).text,
        clean,
        "the damage is what minimal repairs"
    );

    let mut group = c.benchmark_group("minimal");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("clean/clean-news", |b| {
        b.iter(|| minimal.clean(black_box(&clean)))
    });
    group.bench_function("clean_bytes/clean-news", |b| {
        b.iter(|| minimal.clean_bytes(black_box(clean.as_bytes())))
    });
    group.throughput(Throughput::Bytes(damaged.len() as u64));
    group.bench_function("clean/damaged-news", |b| {
        b.iter(|| minimal.clean(black_box(&damaged)))
    });
    group.bench_function("clean_bytes/damaged-news", |b| {
        b.iter(|| minimal.clean_bytes(black_box(damaged.as_bytes())))
    });
    group.finish();

    // The `markup` and `boilerplate` stages together: on clean news they find nothing to do.
    let ends = Pipeline::builder()
        .stage(textmend::stages::StripMarkup::default())
        .stage(textmend::stages::StripBoilerplate::default())
        .build();
    assert!(matches!(ends.clean(&clean).text, Cow::Borrowed(_)));
    let mut group = c.benchmark_group("markup+boilerplate");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("clean/clean-news", |b| {
        b.iter(|| ends.clean(black_box(&clean)))
    });
    group.finish();

    // The `apostrophes` stage: on clean news (nothing to restore), and on the same news with
    // every apostrophe removed.
    let apostrophes = textmend::stages::RestoreApostrophes::default();
    let stripped: String = clean.chars().filter(|&c| c != '\'' && c != '’').collect();
    let mut group = c.benchmark_group("apostrophes");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("stage/clean-news", |b| {
        b.iter(|| {
            apostrophes
                .apply(black_box(&clean), &mut textmend::Meta::default())
                .is_unchanged()
        })
    });
    group.throughput(Throughput::Bytes(stripped.len() as u64));
    group.bench_function("stage/news-without-apostrophes", |b| {
        b.iter(|| {
            apostrophes
                .apply(black_box(&stripped), &mut textmend::Meta::default())
                .edits()
                .len()
        })
    });
    group.finish();

    // The lexicon: opening it, and a lookup of a word it has and of one it has not.
    let mut group = c.benchmark_group("lexicon");
    group.bench_function("open", |b| {
        b.iter(|| textmend::lexicon::Lexicon::embedded_english().len())
    });
    let en = textmend::lexicon::english();
    group.bench_function("lookup/governments", |b| {
        b.iter(|| en.get(black_box("governments")))
    });
    group.bench_function("lookup/Nagiyevs", |b| {
        b.iter(|| en.get(black_box("Nagiyevs")))
    });
    group.finish();

    let mut group = c.benchmark_group("baseline");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("from_utf8/clean-news", |b| {
        b.iter(|| std::str::from_utf8(black_box(clean.as_bytes())).is_ok())
    });
    group.bench_function("memchr-newlines/clean-news", |b| {
        b.iter(|| memchr::memchr_iter(b'\n', black_box(clean.as_bytes())).count())
    });
    group.finish();
}

criterion_group! {
    name = pipeline;
    config = cpu_time::config();
    targets = benches
}
criterion_main!(pipeline);
