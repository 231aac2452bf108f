//! The `markup` and `boilerplate` stages: the seed article, Wikinews articles as they are, and the
//! same articles wrapped in generated headers and footers of many kinds and languages.

use serde::Deserialize;
use textmend::stages::{JoinWrappedLines, StripBoilerplate, StripMarkup};
use textmend::{Meta, Pipeline};

use crate::corpus_text;

fn markup_and_boilerplate() -> Pipeline {
    Pipeline::builder()
        .stage(StripMarkup::default())
        .stage(StripBoilerplate::default())
        .build()
}

#[test]
fn seed_gives_title_and_body_and_meta() {
    let seed = corpus_text("seed/azernews-156893.txt");
    let cleaned = markup_and_boilerplate().clean(&seed);
    let body_start = seed.find("Judging by the words").unwrap();
    let body_end = seed.rfind("constantly developing.").unwrap() + "constantly developing.".len();
    let expected = format!(
        "RUSSIA-AZERBAIJAN CO-OP IN MILITARY SPHERE OF STRATEGIC NATURE - POLITICAL ANALYST\n\n{}\n",
        &seed[body_start..body_end]
    );
    assert_eq!(cleaned.text, expected);
    let want: serde_json::Value =
        serde_json::from_str(&corpus_text("seed/azernews-156893.expected-meta.json")).unwrap();
    let got = serde_json::to_value(&cleaned.meta).unwrap();
    for field in ["title", "date", "source", "url"] {
        assert_eq!(got[field], want[field], "meta.{field}");
    }
}

#[derive(Deserialize)]
struct Article {
    url: String,
    date: String,
    title: String,
    text: String,
}

fn articles() -> Vec<Article> {
    corpus_text("news/wikinews-100.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn articles_as_they_are_come_out_unchanged() {
    let pipeline = markup_and_boilerplate();
    let mut changed = Vec::new();
    for a in articles() {
        let cleaned = pipeline.clean(&a.text);
        if cleaned.text != a.text {
            changed.push(format!("{}: {:?}", a.title, cleaned.edits));
        }
    }
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

/// A small, seeded random generator (xorshift), so that the wrapped corpus is the same each run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ISO date written the ways datelines write it.
fn dateline(rng: &mut Rng, iso: &str) -> String {
    let (y, m, d) = (
        &iso[..4],
        iso[5..7].parse::<usize>().unwrap(),
        iso[8..10].parse::<u32>().unwrap(),
    );
    let month = MONTHS[m - 1];
    match rng.below(5) {
        0 => format!("{d:02}.{m:02}.{y}"),
        1 => iso.to_owned(),
        2 => format!("{}. {d}, {y}", &month[..3]),
        3 => format!("{d} {month} {y}"),
        _ => format!("{month} {d}, {y}"),
    }
}

const LABELS: &[&str] = &[
    "Source",
    "Kaynak",
    "Mənbə",
    "Источник",
    "Джерело",
    "Quelle",
    "Source ",
    "Fuente",
    "Fonte",
    "المصدر",
    "منبع",
    "Kaynak/Source",
];
const OUTLETS: &[&str] = &["AzerNews", "Trend", "Reuters", "Anadolu Agency", "TASS"];
const SEPARATORS: &[&str] = &["---", "***", "=====", "•", "-", "___"];
const SOCIAL: &[&str] = &[
    "Share this article",
    "Follow us on Twitter",
    "Subscribe to our newsletter",
    "Read more:",
    "Related articles",
    "Advertisement",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
];

/// One article wrapped: the text, the boilerplate lines it got, the expected output, and whether
/// it carries a URL and a date.
struct Wrapped {
    text: String,
    boilerplate: Vec<String>,
    expected: String,
    has_url: bool,
    has_date: bool,
}

fn wrap(rng: &mut Rng, a: &Article) -> Wrapped {
    // The article's own dateline (its first line) goes: the header carries its date instead.
    let text = a.text.trim_start();
    let body = text.split_once('\n').map_or(text, |(_, rest)| rest);
    let body = body.trim();
    let mut header: Vec<String> = Vec::new();
    let mut boilerplate = Vec::new();
    let push = |lines: &mut Vec<String>, line: String, bp: &mut Vec<String>| {
        bp.push(line.clone());
        lines.push(line);
    };
    let has_title = rng.chance(60);
    let has_date = rng.chance(80);
    let has_url = rng.chance(80);
    if rng.chance(50) {
        push(
            &mut header,
            rng.pick(SEPARATORS).to_owned(),
            &mut boilerplate,
        );
    }
    if has_title {
        header.push(if rng.chance(50) {
            format!("**{}**", a.title)
        } else {
            format!("# {}", a.title)
        });
    }
    if rng.chance(40) {
        push(
            &mut header,
            rng.pick(SEPARATORS).to_owned(),
            &mut boilerplate,
        );
    }
    if has_date {
        let line = dateline(rng, &a.date);
        push(&mut header, line, &mut boilerplate);
    }
    if rng.chance(50) {
        let outlet = rng.pick(OUTLETS);
        let line = format!("{outlet} ({})", dateline(rng, &a.date).replace(',', ""));
        push(&mut header, line, &mut boilerplate);
    }
    // A header that is one dateline and nothing else is how the Wikinews articles themselves
    // begin, which the stage keeps by design; so every header here has something besides.
    let only_dateline =
        header.len() == usize::from(has_title) + usize::from(has_date) && !has_title;
    if header.len() == usize::from(has_title) || only_dateline || rng.chance(30) {
        push(
            &mut header,
            format!("{}: {}", rng.pick(LABELS), rng.pick(OUTLETS)),
            &mut boilerplate,
        );
    }
    let mut footer: Vec<String> = Vec::new();
    if has_url {
        let line = if rng.chance(50) {
            format!("<{}>", a.url)
        } else {
            a.url.clone()
        };
        push(&mut footer, line, &mut boilerplate);
    }
    for _ in 0..rng.below(3) {
        push(&mut footer, rng.pick(SOCIAL).to_owned(), &mut boilerplate);
    }
    if rng.chance(50) {
        push(
            &mut footer,
            rng.pick(SEPARATORS).to_owned(),
            &mut boilerplate,
        );
    }
    if rng.chance(40) {
        let line = format!(
            "© {} {}. All rights reserved.",
            &a.date[..4],
            rng.pick(OUTLETS)
        );
        push(&mut footer, line, &mut boilerplate);
    }
    if footer.is_empty() || rng.chance(40) {
        let label = rng.pick(LABELS);
        let line = if rng.chance(50) {
            format!("{label}:")
        } else {
            format!("{label}: {}", rng.pick(OUTLETS))
        };
        push(&mut footer, line, &mut boilerplate);
    }
    let gap = |rng: &mut Rng| if rng.chance(50) { "\n\n" } else { "\n" };
    let mut text = String::new();
    for line in &header {
        text.push_str(line);
        text.push_str(gap(rng));
    }
    text.push('\n');
    text.push_str(body);
    for line in &footer {
        text.push_str(gap(rng));
        text.push('\n');
        text.push_str(line);
    }
    text.push('\n');
    let expected = if has_title {
        format!("{}\n\n{body}\n", a.title)
    } else {
        format!("{body}\n")
    };
    Wrapped {
        text,
        boilerplate,
        expected,
        has_url,
        has_date,
    }
}

#[test]
fn wrapped_articles_lose_their_wrapping_and_nothing_else() {
    let pipeline = markup_and_boilerplate();
    // `unwrap` runs after `boilerplate` in the `news` preset: with it, a footer line that was
    // left (or the title) must never join the body, so the output is the same.
    let with_unwrap = Pipeline::builder()
        .stage(StripMarkup::default())
        .stage(StripBoilerplate::default())
        .stage(JoinWrappedLines::default())
        .build();
    let mut rng = Rng(0x2026_1203);
    let (mut lines, mut lines_left) = (0, 0);
    let (mut words_lost, mut exact) = (0, 0);
    let (mut urls, mut urls_right, mut dates, mut dates_right) = (0, 0, 0, 0);
    let articles = articles();
    let mut failures = Vec::new();
    for round in 0..3 {
        for a in &articles {
            let w = wrap(&mut rng, a);
            let cleaned = pipeline.clean(&w.text);
            assert_eq!(
                with_unwrap.clean(&w.text).text,
                cleaned.text,
                "unwrap joined something in {:?}",
                a.title
            );
            let out_lines: Vec<&str> = cleaned.text.lines().map(str::trim).collect();
            for line in &w.boilerplate {
                lines += 1;
                if out_lines.contains(&line.trim()) {
                    lines_left += 1;
                    failures.push(format!("left {line:?} in {:?}", a.title));
                }
            }
            let expected_words: Vec<&str> = w.expected.split_whitespace().collect();
            let mut got_words: std::collections::HashMap<&str, usize> = Default::default();
            for word in cleaned.text.split_whitespace() {
                *got_words.entry(word).or_default() += 1;
            }
            for word in expected_words {
                match got_words.get_mut(word) {
                    Some(n) if *n > 0 => *n -= 1,
                    _ => words_lost += 1,
                }
            }
            if cleaned.text == w.expected {
                exact += 1;
            } else if failures.len() < 12 {
                failures.push(format!(
                    "round {round}, {:?}:\n{:?}\n->\n{:?}",
                    a.title,
                    w.text.get(..300),
                    cleaned.text.get(..300)
                ));
            }
            let meta: &Meta = &cleaned.meta;
            if w.has_url {
                urls += 1;
                urls_right += usize::from(meta.url.as_deref() == Some(a.url.as_str()));
            }
            if w.has_date {
                dates += 1;
                dates_right += usize::from(meta.date.as_deref() == Some(a.date.as_str()));
            }
        }
    }
    let docs = 3 * articles.len();
    let removed = 100.0 * (lines - lines_left) as f64 / lines as f64;
    println!(
        "{docs} wrapped documents: {exact} exact; boilerplate lines removed {}/{lines} ({removed:.2}%); \
         body words lost {words_lost}; meta.url right {urls_right}/{urls}; meta.date right {dates_right}/{dates}",
        lines - lines_left
    );
    for f in failures.iter().take(12) {
        println!("{f}");
    }
    assert!(removed >= 99.0, "boilerplate lines removed: {removed:.2}%");
    assert_eq!(words_lost, 0, "body words lost");
    assert!(
        urls_right * 100 >= urls * 98,
        "meta.url right {urls_right}/{urls}"
    );
    assert!(
        dates_right * 100 >= dates * 98,
        "meta.date right {dates_right}/{dates}"
    );
}

#[test]
fn labels_patterns_and_title_come_from_config() {
    let toml = r#"
[[stages]]
name = "markup"

[[stages]]
name = "boilerplate"
keep_title = false
labels = ["Kilde"]
patterns = ['^Foto: .*$']
"#;
    let config = textmend::PipelineConfig::from_toml(toml).unwrap();
    let pipeline = Pipeline::from_config(&config).unwrap();
    let cleaned = pipeline.clean("**Tittel**\n\nFoto: NTB\n\nBrødtekst.\n\nKilde: NRK\n");
    assert_eq!(cleaned.text, "Brødtekst.\n");
    assert_eq!(cleaned.meta.title.as_deref(), Some("Tittel"));
    assert_eq!(cleaned.meta.source.as_deref(), Some("NRK"));
    // The config round-trips, patterns and all.
    let again = textmend::PipelineConfig::from_toml(&pipeline.config().unwrap().to_toml()).unwrap();
    assert_eq!(again, config);

    let bad = "[[stages]]\nname = \"boilerplate\"\npatterns = ['(']\n";
    let err = textmend::PipelineConfig::from_toml(bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("boilerplate") && err.contains("pattern \"(\""),
        "{err}"
    );
}
