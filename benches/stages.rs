//! Every stage alone (`Stage::apply`; for `decode`, `DecodeBytes::decode` on the text's bytes),
//! on the five benchmark texts of `benches/common/` (about 1 MB each): clean English news, news
//! damaged the way the seed was, the hard-wrapped books of `corpus/books/`, clean news with one
//! paragraph in ten mojibaked, and clean multilingual text. `decode` also runs on the clean news
//! written in Windows-1252, which it must detect and decode. Each figure is the stage on the
//! text as it is, not as the stages before it in a preset would leave it.
//!
//! ```text
//! cargo bench --bench stages
//! cargo bench --bench stages -- markup/      # one stage
//! ```

use std::hint::black_box;

use cpu_time::ThreadCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textmend::stages::{
    DecodeBytes, FixMojibake, JoinWrappedLines, NormalizeUnicode, NormalizeWhitespace,
    RestoreApostrophes, StripBoilerplate, StripMarkup,
};
use textmend::{Meta, Stage};

mod common;
#[path = "common/cpu_time.rs"]
mod cpu_time;

fn benches(c: &mut Criterion<ThreadCpuTime>) {
    let texts: Vec<(&str, String)> = common::TEXTS
        .iter()
        .map(|&name| (name, common::text(name)))
        .collect();

    let decode = DecodeBytes::default();
    // (The few characters Windows-1252 lacks are written as HTML references.)
    let (legacy, _, _) = encoding_rs::WINDOWS_1252.encode(&texts[0].1);
    assert_eq!(
        decode.decode(&legacy).encoding,
        encoding_rs::WINDOWS_1252,
        "the Windows-1252 text is detected"
    );
    let mut group = c.benchmark_group("decode");
    for (name, bytes) in texts
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .chain([("clean-news-windows-1252", &legacy[..])])
    {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| decode.decode(black_box(bytes)).edits.len())
        });
    }
    group.finish();

    let stages: [Box<dyn Stage>; 7] = [
        Box::new(FixMojibake::default()),
        Box::new(NormalizeUnicode::default()),
        Box::new(StripMarkup::default()),
        Box::new(StripBoilerplate::default()),
        Box::new(JoinWrappedLines::default()),
        Box::new(RestoreApostrophes::default()),
        Box::new(NormalizeWhitespace::default()),
    ];
    for stage in &stages {
        let mut group = c.benchmark_group(stage.name());
        for (name, text) in &texts {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(*name, |b| {
                b.iter(|| {
                    stage
                        .apply(black_box(text), &mut Meta::default())
                        .edits()
                        .len()
                })
            });
        }
        group.finish();
    }
}

criterion_group! {
    name = stages;
    config = cpu_time::config();
    targets = benches
}
criterion_main!(stages);
