//! The `encoding` preset (`decode`, `mojibake`, `unicode`) and its two text stages on their own,
//! on about 1 MB each of: clean English news, the same news with one paragraph in ten mojibaked
//! (UTF-8 read as Windows-1252), and clean multilingual text (`corpus/mojibake/sentences.txt`).
//! UTF-8 validation of the same bytes is the baseline, measured in the same run.
//!
//! ```text
//! cargo bench --bench encoding -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! The comparison with plsfix is a separate crate, `benches/plsfix-compare/`.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textmend::stages::{FixMojibake, NormalizeUnicode};
use textmend::{Meta, Pipeline, Stage};

mod common;

fn benches(c: &mut Criterion) {
    let encoding = Pipeline::preset("encoding").expect("the encoding preset exists");
    let clean = common::clean_news();
    let mojibaked = common::mojibaked(&clean);
    let multilingual = common::clean_multilingual();
    assert!(matches!(encoding.clean(&clean).text, Cow::Borrowed(_)));
    assert!(matches!(
        encoding.clean(&multilingual).text,
        Cow::Borrowed(_)
    ));
    assert_eq!(
        encoding.clean(&mojibaked).text,
        clean,
        "the damage is what the encoding preset repairs"
    );

    let texts = [
        ("clean-news", &clean),
        ("mojibake-10pct", &mojibaked),
        ("multilingual", &multilingual),
    ];
    let mut group = c.benchmark_group("encoding");
    for (name, text) in texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("clean/{name}"), |b| {
            b.iter(|| encoding.clean(black_box(text)))
        });
        group.bench_function(format!("clean_bytes/{name}"), |b| {
            b.iter(|| encoding.clean_bytes(black_box(text.as_bytes())))
        });
    }
    group.finish();

    let mojibake = FixMojibake::default();
    let unicode = NormalizeUnicode::default();
    let mut group = c.benchmark_group("stage");
    for (name, text) in texts {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("mojibake/{name}"), |b| {
            b.iter(|| {
                mojibake
                    .apply(black_box(text), &mut Meta::default())
                    .is_unchanged()
            })
        });
        group.bench_function(format!("unicode/{name}"), |b| {
            b.iter(|| {
                unicode
                    .apply(black_box(text), &mut Meta::default())
                    .is_unchanged()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("baseline");
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("from_utf8/clean-news", |b| {
        b.iter(|| std::str::from_utf8(black_box(clean.as_bytes())).is_ok())
    });
    group.finish();
}

criterion_group!(encoding, benches);
criterion_main!(encoding);
