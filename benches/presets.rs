//! The three presets (`news`, `encoding`, `minimal`), and the `news` preset without its
//! `apostrophes` stage, through `Pipeline::clean` (and, on two of the texts, `clean_bytes`,
//! which adds `decode`) on the five benchmark texts of `benches/common/` (about 1 MB each): clean
//! English news, news damaged the way the seed was, the hard-wrapped books of `corpus/books/`,
//! clean news with one paragraph in ten mojibaked, and clean multilingual text.
//!
//! ```text
//! cargo bench --bench presets
//! cargo bench --bench presets -- 'news/'      # one preset
//! ```

use std::hint::black_box;

use cpu_time::ThreadCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod common;
#[path = "common/cpu_time.rs"]
mod cpu_time;

fn benches(c: &mut Criterion<ThreadCpuTime>) {
    let texts: Vec<(&str, String)> = common::TEXTS
        .iter()
        .map(|&name| (name, common::text(name)))
        .collect();
    for preset in ["news", "news-apostrophes", "encoding", "minimal"] {
        let pipeline = common::pipeline(preset);
        let mut group = c.benchmark_group(preset);
        for (name, text) in &texts {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("clean/{name}"), |b| {
                b.iter(|| pipeline.clean(black_box(text)).edits.len())
            });
            // `decode` on the UTF-8 bytes costs the same on every text: two are enough.
            if preset != "news-apostrophes" && ["clean-news", "damaged-news"].contains(name) {
                group.bench_function(format!("clean_bytes/{name}"), |b| {
                    b.iter(|| pipeline.clean_bytes(black_box(text.as_bytes())).edits.len())
                });
            }
        }
        group.finish();
    }
}

criterion_group! {
    name = presets;
    config = cpu_time::config();
    targets = benches
}
criterion_main!(presets);
