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

const BOOKS: [&str; 4] = [
    include_str!("../../corpus/books/pride-and-prejudice.txt"),
    include_str!("../../corpus/books/great-expectations.txt"),
    include_str!("../../corpus/books/tom-sawyer.txt"),
    include_str!("../../corpus/books/huckleberry-finn.txt"),
];

/// The four book excerpts of `corpus/books/` as they are (hard-wrapped at about 72 columns,
/// curly quotes), one after another, repeated to about 1 MB.
pub fn books() -> String {
    repeat_to_target(&BOOKS.join("\n\n"))
}

/// The Wikinews sample damaged the way the seed article was, article by article: the seed's
/// header (separators, a bold title, a dateline, an outlet line) and footer (the URL in `<>`, a
/// separator, an empty source label), every apostrophe inside a word dropped, every fifth
/// paragraph broken by a blank line after its eighth word, lines hard-wrapped at 72 columns, and
/// one paragraph in ten decoded as Windows-1252 once (`mojibaked`); repeated to about 1 MB.
pub fn damaged_news() -> String {
    let minimal = Pipeline::preset("minimal").expect("the minimal preset exists");
    let clean = minimal.clean(SAMPLE).text.into_owned();
    let mut once = String::new();
    // The sample's articles begin with their dateline ("Friday, January 4, 2019").
    let mut articles: Vec<String> = Vec::new();
    for paragraph in clean.split("\n\n") {
        let dateline = paragraph.len() < 40 && paragraph.contains(", 20");
        if dateline || articles.is_empty() {
            articles.push(String::new());
        }
        let article = articles.last_mut().expect("one article at least");
        article.push_str(paragraph);
        article.push_str("\n\n");
    }
    for (k, article) in articles.iter().enumerate() {
        let mut body = String::new();
        for (i, paragraph) in article.split("\n\n").enumerate() {
            let paragraph = drop_apostrophes(paragraph);
            let words: Vec<&str> = paragraph.split(' ').collect();
            if i % 5 == 4 && words.len() > 12 && !words[7].ends_with(['.', ',', '"']) {
                body.push_str(&words[..8].join(" "));
                body.push_str("\n\n");
                body.push_str(&words[8..].join(" "));
            } else {
                body.push_str(&paragraph);
            }
            body.push_str("\n\n");
        }
        once.push_str(&format!(
            "\n\n---\n\n**ARTICLE {k} OF THE SAMPLE**\n\n-\n\n07.10.2019\n\n---\n\nAzerNews (05 October 2019)\n\n"
        ));
        once.push_str(&hard_wrapped(body.trim(), 72, false));
        once.push_str(&format!(
            "<https://www.azernews.az/nation/{k}.html>\n\n---\n\nKaynak/Source:\n"
        ));
    }
    repeat_to_target(&mojibaked(&once))
}

/// `text` without the apostrophes inside its words ("doesn't" → "doesnt").
fn drop_apostrophes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (k, &c) in chars.iter().enumerate() {
        let inside = k > 0
            && chars[k - 1].is_alphabetic()
            && chars.get(k + 1).is_some_and(|n| n.is_alphabetic());
        if !(matches!(c, '\'' | '’') && inside) {
            out.push(c);
        }
    }
    out
}

/// The texts the benchmarks run every pipeline on, by name: `clean-news`, `damaged-news`,
/// `books`, `mojibake` (clean news with one paragraph in ten mojibaked) and `multilingual`.
pub const TEXTS: [&str; 5] = [
    "clean-news",
    "damaged-news",
    "books",
    "mojibake",
    "multilingual",
];

/// The text of [`TEXTS`] with this name.
pub fn text(name: &str) -> String {
    match name {
        "clean-news" => clean_news(),
        "damaged-news" => damaged_news(),
        "books" => books(),
        "mojibake" => mojibaked(&clean_news()),
        "multilingual" => clean_multilingual(),
        other => panic!("no benchmark text named {other:?} (one of {TEXTS:?})"),
    }
}

/// A pipeline by name: a preset (`news`, `encoding`, `minimal`), `news-apostrophes` (the `news`
/// preset without its `apostrophes` stage), or stage names joined by commas.
pub fn pipeline(name: &str) -> Pipeline {
    if let Ok(preset) = Pipeline::preset(name) {
        return preset;
    }
    let names: Vec<&str> = match name {
        "news-apostrophes" => textmend::registry::PRESETS
            .iter()
            .find(|p| p.name == "news")
            .expect("the news preset exists")
            .stages
            .iter()
            .copied()
            .filter(|&s| s != "apostrophes")
            .collect(),
        _ => name.split(',').collect(),
    };
    Pipeline::from_stage_names(names).expect("known stage names")
}

/// Criterion settings short enough that the whole of `cargo bench` runs in a few minutes (the
/// texts are about 1 MB, so twenty samples of two seconds give a stable median): each benchmark
/// passes them to `Criterion` (this file is also compiled where criterion is not a dependency).
pub const WARM_UP: std::time::Duration = std::time::Duration::from_millis(500);
/// See [`WARM_UP`].
pub const MEASUREMENT: std::time::Duration = std::time::Duration::from_secs(2);
/// See [`WARM_UP`].
pub const SAMPLES: usize = 20;

/// Multilingual text read as Windows-1252 three times over (192 KB of it at `scale` 1, about
/// 1.3 MB after): every non-ASCII character of it is a sequence of a dozen or more characters.
/// An adversarial case (`examples/adversarial.rs`, `examples/profile_adversarial.rs`).
pub fn mojibake_three_layers(scale: usize) -> Vec<u8> {
    let mut text = clean_multilingual();
    let mut len = (192 << 10).min(text.len());
    while !text.is_char_boundary(len) {
        len -= 1;
    }
    text.truncate(len);
    let mut text = text.repeat(scale);
    for _ in 0..3 {
        text = encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(text.as_bytes())
            .0
            .into_owned();
    }
    text.into_bytes()
}

/// A chain (`Â` and a no-break space are a no-break space, again and again) before a long run
/// of mojibake, and one (`¬®` is `¨`, `¬¨` is `¬`, in MacRoman) beside clear MacRoman mojibake:
/// each repair takes its chain with it, a link at a time at its ends. About 0.8 MB at `scale`
/// 1. An adversarial probe, as [`mojibake_three_layers`] is.
pub fn mojibake_chains(scale: usize) -> Vec<u8> {
    let mut text = "Â".repeat(100_000 * scale);
    text.push('\u{a0}');
    text.push_str(&"Ã©".repeat(100_000 * scale));
    text.push_str(" x ");
    text.push_str(&"¬".repeat(50_000 * scale));
    text.push_str(&"®".repeat(50_000 * scale));
    text.push_str(" –ö √©t√©\n");
    text.into_bytes()
}
