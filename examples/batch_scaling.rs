//! `Pipeline::clean_many` on one thread and on two (rayon pools of each size), on the 295
//! Wikinews articles of `corpus/news/wikinews-295.jsonl` repeated ROUNDS times (default 20), each
//! size measured RUNS times in turn (default 7); prints the medians and their ratio:
//! `cargo run --release --example batch_scaling -- [PRESET] [ROUNDS] [RUNS]`.

use std::time::Instant;

#[path = "../benches/common/articles.rs"]
mod articles;

fn main() {
    let mut args = std::env::args().skip(1);
    let preset = args.next().unwrap_or_else(|| "news".into());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(7);
    let articles = articles::wikinews_articles();
    let texts: Vec<&str> = (0..rounds)
        .flat_map(|_| articles.iter().map(String::as_str))
        .collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let pipeline = textmend::Pipeline::preset(&preset).expect("a preset");
    let pools: Vec<rayon::ThreadPool> = [1, 2]
        .iter()
        .map(|&n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .expect("a pool")
        })
        .collect();
    let mut seconds = [Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (pool, times) in pools.iter().zip(&mut seconds) {
            let start = Instant::now();
            let edits: usize = pool.install(|| {
                pipeline
                    .clean_many(&texts)
                    .iter()
                    .map(|c| c.edits.len())
                    .sum()
            });
            times.push(start.elapsed().as_secs_f64());
            std::hint::black_box(edits);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let one = median(&mut seconds[0]);
    let two = median(&mut seconds[1]);
    println!(
        "{preset}, {} documents, {:.1} MB: 1 thread {:.1} MB/s, 2 threads {:.1} MB/s, ratio {:.2}",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / one / 1e6,
        bytes as f64 / two / 1e6,
        one / two
    );
}
