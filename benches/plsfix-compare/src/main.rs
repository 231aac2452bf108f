//! textmend against plsfix 0.1.8's `fix_text` (its defaults) and, through `benches/compare.sh`,
//! ftfy 6.3.1's `fix_text`, on the same texts, in the same run, one thread: the median of 15 runs
//! each, in MB/s (10^6 bytes), and the ratios. The texts are those of the benchmarks
//! (`benches/common/mod.rs`).
//!
//! ```text
//! cargo run --release --manifest-path benches/plsfix-compare/Cargo.toml               # the table
//! cargo run --release --manifest-path benches/plsfix-compare/Cargo.toml -- --write DIR
//! cargo run --release --manifest-path benches/plsfix-compare/Cargo.toml -- --ftfy FILE
//! ```
//!
//! `--write DIR` writes the texts to `DIR/NAME.txt` (for ftfy, timed by
//! `benches/compare_ftfy.py`); `--ftfy FILE` adds ftfy's figures from that script's output (one
//! `NAME MB/s` line each) to the table.

#[path = "../../common/mod.rs"]
mod common;

use std::collections::BTreeMap;
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

fn texts() -> Vec<(&'static str, String)> {
    let clean = common::clean_news();
    let mojibaked = common::mojibaked(&clean);
    vec![
        ("clean-news", clean),
        ("damaged-news", common::damaged_news()),
        ("mojibake-10pct", mojibaked),
        ("books", common::books()),
        ("multilingual", common::clean_multilingual()),
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts = texts();
    if let [flag, dir] = args.as_slice()
        && flag == "--write"
    {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for (name, text) in &texts {
            let path = format!("{dir}/{name}.txt");
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        return;
    }
    let ftfy: BTreeMap<String, f64> = match args.as_slice() {
        [flag, file] if flag == "--ftfy" => std::fs::read_to_string(file)
            .unwrap_or_else(|e| panic!("{file}: {e}"))
            .lines()
            .filter_map(|l| {
                let (name, speed) = l.split_once(' ')?;
                Some((name.to_owned(), speed.trim().parse().ok()?))
            })
            .collect(),
        [] => BTreeMap::new(),
        _ => panic!("usage: [--write DIR | --ftfy FILE]"),
    };
    let news = Pipeline::preset("news").expect("the news preset exists");
    let encoding = Pipeline::preset("encoding").expect("the encoding preset exists");
    println!(
        "MB/s, one thread   textmend news   textmend encoding   plsfix   ftfy   encoding/plsfix   news/plsfix   encoding/ftfy   news/ftfy"
    );
    for (name, text) in &texts {
        let whole = median_mb_s(text, |t| news.clean(t).text.len());
        let like = median_mb_s(text, |t| encoding.clean(t).text.len());
        let plsfix = median_mb_s(text, |t| plsfix::fix_text(t, None).len());
        let ftfy = ftfy.get(*name).copied();
        let show = |v: Option<f64>| v.map_or("-".to_owned(), |v| format!("{v:.1}"));
        let ratio = |a: f64, b: Option<f64>| b.map_or("-".to_owned(), |b| format!("{:.1}x", a / b));
        println!(
            "{name:<18} {whole:>15.1} {like:>19.1} {plsfix:>8.1} {:>6} {:>17} {:>13} {:>15} {:>11}",
            show(ftfy),
            ratio(like, Some(plsfix)),
            ratio(whole, Some(plsfix)),
            ratio(like, ftfy),
            ratio(whole, ftfy),
        );
    }
    // What each makes of the mojibake, for the record: textmend restores the clean text exactly.
    let (clean, mojibaked) = (&texts[0].1, &texts[2].1);
    let ours = encoding.clean(mojibaked).text == *clean;
    let theirs = plsfix::fix_text(mojibaked, None) == *clean;
    println!("mojibake-10pct restored exactly: textmend {ours}, plsfix {theirs}");
}
