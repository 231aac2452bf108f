//! textmend's `encoding` preset against plsfix 0.1.8's `fix_text` (its defaults), on the same
//! texts, in the same run, one thread: the median of 15 runs each, in MB/s (10^6 bytes), and the
//! ratio. The texts are those of `cargo bench --bench encoding` (`benches/common/mod.rs`).

#[path = "../../common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use textmend::Pipeline;

const RUNS: usize = 15;

/// The median throughput of `f` over `text`, in MB/s.
fn median_mb_s(text: &str, mut f: impl FnMut(&str) -> usize) -> f64 {
    let mut speeds: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(f(black_box(text)));
            text.len() as f64 / start.elapsed().as_secs_f64() / 1e6
        })
        .collect();
    speeds.sort_by(f64::total_cmp);
    speeds[RUNS / 2]
}

fn main() {
    let encoding = Pipeline::preset("encoding").expect("the encoding preset exists");
    let clean = common::clean_news();
    let mojibaked = common::mojibaked(&clean);
    let multilingual = common::clean_multilingual();
    println!("text             textmend MB/s   plsfix MB/s   ratio");
    for (name, text) in [
        ("clean-news", &clean),
        ("mojibake-10pct", &mojibaked),
        ("multilingual", &multilingual),
    ] {
        let ours = median_mb_s(text, |t| encoding.clean(t).text.len());
        let theirs = median_mb_s(text, |t| plsfix::fix_text(t, None).len());
        println!(
            "{name:<16} {ours:>13.1} {theirs:>13.1} {:>7.1}x",
            ours / theirs
        );
    }
    // What each makes of the damage, for the record: textmend restores the clean text exactly.
    let ours = encoding.clean(&mojibaked).text == clean;
    let theirs = plsfix::fix_text(&mojibaked, None) == clean;
    println!("mojibake-10pct restored exactly: textmend {ours}, plsfix {theirs}");
}
