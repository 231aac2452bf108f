//! Runs one stage over a corpus text many times, for a profiler:
//! `cargo run --release --example profile_encoding -- mojibake|unicode|preset news|multilingual|mojibake 50`.

#[path = "../benches/common/mod.rs"]
mod common;

use textmend::stages::{FixMojibake, NormalizeUnicode};
use textmend::{Meta, Stage};

fn main() {
    let mut args = std::env::args().skip(1);
    let stage = args.next().unwrap_or_else(|| "mojibake".into());
    let text = match args.next().as_deref() {
        Some("multilingual") => common::clean_multilingual(),
        Some("mojibake") => common::mojibaked(&common::clean_news()),
        _ => common::clean_news(),
    };
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let stage: Box<dyn Stage> = match stage.as_str() {
        "unicode" => Box::new(NormalizeUnicode::default()),
        "preset" => {
            let encoding = textmend::Pipeline::preset("encoding").expect("a preset");
            let start = std::time::Instant::now();
            let mut len = 0;
            for _ in 0..times {
                len += encoding.clean(&text).text.len();
            }
            let secs = start.elapsed().as_secs_f64();
            println!("{} MB/s ({len})", (text.len() * times) as f64 / secs / 1e6);
            return;
        }
        _ => Box::new(FixMojibake::default()),
    };
    let start = std::time::Instant::now();
    let mut changed = 0;
    for _ in 0..times {
        changed += stage.apply(&text, &mut Meta::default()).edits().len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} MB/s ({changed} edits)",
        (text.len() * times) as f64 / secs / 1e6
    );
}
