//! The `news` preset on adversarial input, next to clean news: a check that nothing is
//! quadratic, and that no input is much slower per byte than ordinary text.
//!
//! ```sh
//! cargo run --release --example adversarial
//! ```
//!
//! Each case is built at two sizes, the second twice the first, and cleaned with `clean_bytes`
//! (best of two to ten runs). The table gives the throughput at the larger size, how much slower per
//! byte that is than clean news (`x slower`), and how much longer the larger size took than the
//! smaller (`growth`: 2.0 is linear, 4.0 quadratic). A case of the issue's list more than 10x
//! slower per byte than clean news, or any case whose growth is above 3, is flagged, and the
//! example then exits with 1; a further probe (marked `+`) more than 10x slower is reported.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use textmend::Pipeline;

/// A case: its name and how to build it at a scale (1 or 2).
type Build = fn(usize) -> Vec<u8>;

/// About 1 MB times `scale` of `unit` repeated.
fn repeat(unit: &str, bytes: usize, scale: usize) -> Vec<u8> {
    unit.repeat((bytes * scale).div_ceil(unit.len()))
        .into_bytes()
}

/// Cuts `text` to at most `len` bytes, at a character boundary.
fn truncate(text: &mut String, mut len: usize) {
    if len >= text.len() {
        return;
    }
    while !text.is_char_boundary(len) {
        len -= 1;
    }
    text.truncate(len);
}

fn clean_news(scale: usize) -> Vec<u8> {
    common::clean_news().repeat(scale).into_bytes()
}

fn one_line(scale: usize) -> Vec<u8> {
    // Clean news with every line break a space: 5 MB, or 10 MB on one line.
    let news = common::clean_news().replace('\n', " ");
    let mut line = news.repeat((5 << 20) * scale / news.len() + 1);
    truncate(&mut line, (5 << 20) * scale);
    line.into_bytes()
}

fn apostrophe_candidates(scale: usize) -> Vec<u8> {
    // 500 000 or a million candidates.
    "as ".repeat(500_000 * scale).into_bytes()
}

fn blank_lines(scale: usize) -> Vec<u8> {
    format!("Start.{}End.\n", "\n".repeat(50_000 * scale)).into_bytes()
}

fn one_char_lines(scale: usize) -> Vec<u8> {
    "a\n".repeat(50_000 * scale).into_bytes()
}

fn every_scalar(scale: usize) -> Vec<u8> {
    // Every Unicode scalar value once (scale 2), or the first half of them (scale 1).
    let end = if scale == 1 { 0x88000 } else { 0x110000 };
    (0..end)
        .filter_map(char::from_u32)
        .collect::<String>()
        .into_bytes()
}

fn invalid_every_other_byte(scale: usize) -> Vec<u8> {
    // `a`, an invalid byte, `a`, ...: 1 MB or 2 MB.
    [b'a', 0xFF].repeat((1 << 19) * scale)
}

fn invalid_utf8_every_other_byte(scale: usize) -> Vec<u8> {
    // The same with a UTF-8 document around it, so that it is read as damaged UTF-8.
    let mut bytes = "Текст по-русски. ".repeat(1000).into_bytes();
    bytes.extend([b'a', 0x80].repeat((1 << 19) * scale));
    bytes.extend("Конец.".bytes());
    bytes
}

fn url(scale: usize) -> Vec<u8> {
    // An article, then a URL of 1 MB or 2 MB on a line of its own.
    let mut text = String::from("A title\n\nA paragraph of the article.\n\nhttps://example.com/");
    text.push_str(&"a/b-c_d%20".repeat((1 << 20) * scale / 10));
    text.push_str("\n\nThe end.\n");
    text.into_bytes()
}

fn stars(scale: usize) -> Vec<u8> {
    "*".repeat(500_000 * scale).into_bytes()
}

fn stars_and_words(scale: usize) -> Vec<u8> {
    repeat("*a ", 1 << 20, scale)
}

fn brackets(scale: usize) -> Vec<u8> {
    repeat("[", 1 << 20, scale)
}

fn angles(scale: usize) -> Vec<u8> {
    repeat("<", 1 << 20, scale)
}

fn hyphens_at_line_ends(scale: usize) -> Vec<u8> {
    repeat("word-\n", 1 << 20, scale)
}

fn full_width(scale: usize) -> Vec<u8> {
    let mut text = "，".repeat(350_000 * scale);
    text.push('中');
    text.into_bytes()
}

fn mojibake_lead_and_controls(scale: usize) -> Vec<u8> {
    ("Ã".to_owned() + &"\0".repeat(500_000 * scale))
        .repeat(3)
        .into_bytes()
}

fn mojibake_pairs(scale: usize) -> Vec<u8> {
    repeat("Ã©", 1 << 20, scale)
}

fn entities(scale: usize) -> Vec<u8> {
    repeat("&amp;&#x41;&", 1 << 20, scale)
}

fn list_items(scale: usize) -> Vec<u8> {
    repeat("- item\n", 1 << 20, scale)
}

fn broken_paragraphs(scale: usize) -> Vec<u8> {
    repeat("and\n\n", 1 << 20, scale)
}

/// The cases: the issue's (reliability, "Adversarial input"), then more that probe each stage's
/// worst input (`listed` false).
const CASES: &[(&str, Build, bool)] = &[
    ("clean news (reference)", clean_news, true),
    ("10 MB on one line", one_line, true),
    ("1M apostrophe candidates", apostrophe_candidates, true),
    ("100k blank lines", blank_lines, true),
    ("100k one-character lines", one_char_lines, true),
    (
        "all mojibake, 3 layers",
        common::mojibake_three_layers,
        true,
    ),
    ("every scalar value once", every_scalar, true),
    ("invalid byte every other", invalid_every_other_byte, true),
    (
        "in UTF-8: 0x80 every other",
        invalid_utf8_every_other_byte,
        true,
    ),
    ("a 2 MB URL", url, true),
    ("'*' x 1M", stars, true),
    ("'*a ' x 1M", stars_and_words, false),
    ("'[' x 2M", brackets, false),
    ("'<' x 2M", angles, false),
    ("'word-\\n' x 350k", hyphens_at_line_ends, false),
    ("full-width x 700k + 中", full_width, false),
    ("'Ã' + 1M NUL, x 3", mojibake_lead_and_controls, false),
    ("'Ã©' x 500k", mojibake_pairs, false),
    ("mojibake chains, 1 MB", common::mojibake_chains, false),
    ("entities x 170k", entities, false),
    ("'- item' x 300k", list_items, false),
    ("'and\\n\\n' x 400k", broken_paragraphs, false),
];

/// The best of several runs of `clean_bytes` on `bytes`: five, or more for small inputs (up to
/// ten, about 8 MB in all), whose times vary more on a shared machine.
fn time(news: &Pipeline, bytes: &[u8]) -> Duration {
    let runs = (8 << 20) / bytes.len().max(1);
    time_runs(news, bytes, runs.clamp(5, 10))
}

/// The best of `runs` runs of `clean_bytes` on `bytes`.
fn time_runs(news: &Pipeline, bytes: &[u8], runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            let cleaned = news.clean_bytes(bytes);
            let elapsed = start.elapsed();
            std::hint::black_box(cleaned);
            elapsed
        })
        .min()
        .unwrap()
}

/// Where the time goes: the bytes decoded, then each text stage of `news` alone on that text,
/// in MB/s.
fn by_stage(bytes: &[u8]) -> String {
    let decode = Pipeline::from_stage_names(["decode"]).unwrap();
    let start = Instant::now();
    let text = decode.clean_bytes(bytes).text.into_owned();
    let mb = bytes.len() as f64 / 1e6;
    let mut out = format!("decode {:.1}", mb / start.elapsed().as_secs_f64());
    let news = Pipeline::preset("news").unwrap();
    for name in news.stage_names().into_iter().filter(|&n| n != "decode") {
        let stage = Pipeline::from_stage_names([name]).unwrap();
        let start = Instant::now();
        std::hint::black_box(stage.clean(&text));
        out.push_str(&format!(
            ", {name} {:.1}",
            mb / start.elapsed().as_secs_f64()
        ));
    }
    out + " (MB/s, each stage alone on the decoded input)"
}

fn main() {
    let news = Pipeline::preset("news").unwrap();
    println!(
        "{:<28} {:>9} {:>10} {:>9} {:>7}",
        "case", "MB", "MB/s", "x slower", "growth"
    );
    let mut reference = None;
    // Cases of the issue more than 10x slower than clean news; cases or probes whose time grows
    // faster than their size; probes more than 10x slower (reported, not failed).
    let mut slow_cases = 0;
    let mut not_linear = 0;
    let mut slow_probes = 0;
    for &(name, build, listed) in CASES {
        let small = build(1);
        let large = build(2);
        // Every case is compared with the first, clean news: its best of ten runs, so that a
        // moment of load on the shared machine does not make the others look fast.
        let runs = |bytes: &[u8]| match reference {
            None => time_runs(&news, bytes, 10),
            Some(_) => time(&news, bytes),
        };
        let t_small = runs(&small);
        let t_large = runs(&large);
        let mb = large.len() as f64 / 1e6;
        let mb_per_s = mb / t_large.as_secs_f64();
        let reference = *reference.get_or_insert(mb_per_s);
        let slower = reference / mb_per_s;
        // Per byte, so that the two sizes compare even when not exactly 1:2.
        let growth = (t_large.as_secs_f64() / large.len() as f64)
            / (t_small.as_secs_f64() / small.len() as f64)
            * 2.0;
        let flag = if listed && slower > 10.0 {
            slow_cases += 1;
            "  <-- FLAGGED: over 10x"
        } else if growth > 3.0 {
            not_linear += 1;
            "  <-- FLAGGED: not linear"
        } else if slower > 10.0 {
            slow_probes += 1;
            "  <-- over 10x"
        } else {
            ""
        };
        let mark = if listed { ' ' } else { '+' };
        println!("{mark}{name:<27} {mb:>9.2} {mb_per_s:>10.1} {slower:>9.2} {growth:>7.2}{flag}");
        if !flag.is_empty() {
            println!("    {}", by_stage(&large));
        }
    }
    println!("(+: a further probe, not one of the issue's cases)");
    if slow_probes > 0 {
        println!("{slow_probes} further probe(s) more than 10x slower per byte than clean news");
    }
    if slow_cases > 0 {
        println!("{slow_cases} case(s) of the issue more than 10x slower per byte than clean news");
    }
    if not_linear > 0 {
        println!(
            "{not_linear} case(s) or probe(s) not linear: the time more than triples at twice \
             the size"
        );
    }
    if slow_cases + not_linear > 0 {
        std::process::exit(1);
    }
}
