//! The `markup` and `boilerplate` stages: the seed article, Wikinews articles as they are, and the
//! same articles wrapped in generated headers and footers of many kinds and languages.

use textmend::stages::{JoinWrappedLines, StripBoilerplate, StripMarkup};
use textmend::{Meta, Pipeline};

use crate::corpus_text;
use crate::damage::{Article, Frame, Rng, body_without_dateline, wikinews};

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

fn articles() -> Vec<Article> {
    wikinews("wikinews-100.jsonl")
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
    let frame = Frame::generated(rng, a);
    let body = body_without_dateline(&a.text);
    Wrapped {
        text: frame.around(rng, body),
        expected: frame.expected(body),
        has_url: frame.has_url,
        has_date: frame.has_date,
        boilerplate: frame.boilerplate,
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
