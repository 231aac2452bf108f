//! The texts the benchmarks run on, built from `corpus/` the same way in every benchmark (and in
//! the comparison with plsfix under `benches/plsfix-compare/`, which includes this file).

#![allow(dead_code)]

use textmend::Pipeline;

// Paths relative to this file, so that the crate under `benches/plsfix-compare/` finds them too.
pub const SAMPLE: &str = include_str!("../../corpus/news/wikinews-sample.txt");

const SENTENCES: &str = include_str!("../../corpus/mojibake/sentences.txt");

pub const TARGET_BYTES: usize = 1 << 20;

fn repeat_to_target(once: &str) -> String {
    let mut text = String::with_capacity(TARGET_BYTES + once.len());
    while text.len() < TARGET_BYTES {
        text.push_str(once);
    }
    text
}

/// The Wikinews sample cleaned once by `minimal`, repeated to about 1 MB: clean English news.
pub fn clean_news() -> String {
    let minimal = Pipeline::preset("minimal").expect("the minimal preset exists");
    let once = minimal.clean(SAMPLE).text.into_owned();
    repeat_to_target(&once)
}

/// The sentences of `corpus/mojibake/sentences.txt` (45 languages and scripts), one paragraph
/// each, repeated to about 1 MB: clean multilingual text.
pub fn clean_multilingual() -> String {
    let once: String = SENTENCES
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, s)| format!("{s}\n\n")))
        .collect();
    repeat_to_target(&once)
}

/// `clean` with one paragraph in ten (those with non-ASCII text first) decoded as Windows-1252
/// once, as news damaged upstream looks; every twentieth damaged one twice.
pub fn mojibaked(clean: &str) -> String {
    let mut out = String::with_capacity(clean.len() * 11 / 10);
    for (i, paragraph) in clean.split_inclusive("\n\n").enumerate() {
        if i % 10 == 0 {
            let layers = if i % 200 == 0 { 2 } else { 1 };
            let mut damaged = paragraph.to_owned();
            for _ in 0..layers {
                damaged = encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(damaged.as_bytes())
                    .0
                    .into_owned();
            }
            out.push_str(&damaged);
        } else {
            out.push_str(paragraph);
        }
    }
    out
}

/// Each paragraph of `text` wrapped greedily at `width` columns; with `hyphenate`, a word of
/// eight letters or more that does not fit is split with a hyphen after its fourth letter.
pub fn hard_wrapped(text: &str, width: usize, hyphenate: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    for paragraph in text.split("\n\n") {
        let mut line = 0;
        for word in paragraph.split_whitespace() {
            let len = word.chars().count();
            let splittable = word.len() >= 8 && word.bytes().all(|b| b.is_ascii_lowercase());
            if hyphenate && splittable && line > 0 && line + 6 <= width && line + 1 + len > width {
                out.push(' ');
                out.push_str(&word[..4]);
                out.push_str("-\n");
                out.push_str(&word[4..]);
                line = len - 4;
                continue;
            }
            if line > 0 && line + 1 + len > width {
                out.push('\n');
                line = 0;
            } else if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(word);
            line += len;
        }
        out.push_str("\n\n");
    }
    out
}
