//! The `unwrap` stage, measured: the books of `corpus/books/` re-wrapped at widths 50 to 100 and
//! unwrapped; the books as they are (verse, letters, chapter headings intact); Wikinews articles
//! with paragraphs broken mid-sentence by a blank line; words hyphenated at line ends; and
//! unwrapped news, which must come back unchanged and borrowed. The figures are printed
//! (`cargo test --test integration unwrap -- --nocapture`); the bars are asserted.

use std::borrow::Cow;

use textmend::edit::StageEdit;
use textmend::stages::{JoinWrappedLines, StripBoilerplate, StripMarkup};
use textmend::{Meta, Pipeline, Stage};

use crate::corpus_text;
use crate::damage::{Article, Rng, Site, break_paragraphs, gaps, wikinews, wrap_words as wrap};

const BOOKS: [&str; 4] = [
    "books/pride-and-prejudice.txt",
    "books/great-expectations.txt",
    "books/tom-sawyer.txt",
    "books/huckleberry-finn.txt",
];

fn unwrap(text: &str) -> (Cow<'_, str>, Vec<StageEdit>) {
    JoinWrappedLines::default()
        .apply(text, &mut Meta::default())
        .into_parts()
}

/// Only the joins inside paragraphs (hard wraps and hyphenation), for the measures of those: a
/// paragraph join there would shift every paragraph after it.
fn unwrap_lines(text: &str) -> (Cow<'_, str>, Vec<StageEdit>) {
    JoinWrappedLines::default()
        .broken_paragraphs(false)
        .apply(text, &mut Meta::default())
        .into_parts()
}

/// The paragraphs of a text: runs of lines between blank lines.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Verse, songs, tables: paragraphs laid out in lines on purpose (indented, or with runs of
/// spaces inside the line, as the books set their songs and odes).
fn is_laid_out(paragraph: &[&str]) -> bool {
    paragraph
        .iter()
        .any(|l| l.starts_with("    ") || l.trim().contains("   "))
}

/// Re-wraps every paragraph of `book` (the laid-out ones left as they are), unwraps, and counts
/// the paragraphs (and those of two lines or more) that come back exactly as written on one line.
#[test]
fn rewrapped_books_come_back_as_paragraphs() {
    let (mut total, mut exact, mut multi, mut multi_exact) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for book in BOOKS {
        let text = corpus_text(book);
        let paras = paragraphs(&text);
        for width in 50..=100 {
            let mut doc = String::new();
            let mut expected: Vec<String> = Vec::new();
            let mut lines_per: Vec<usize> = Vec::new();
            for p in &paras {
                if is_laid_out(p) {
                    continue;
                }
                let words: Vec<&str> = p.iter().flat_map(|l| l.split_whitespace()).collect();
                let (wrapped, _) = wrap(&words, width, false);
                lines_per.push(wrapped.lines().count());
                doc.push_str(&wrapped);
                doc.push_str("\n\n");
                expected.push(words.join(" "));
            }
            let (out, _) = unwrap_lines(&doc);
            let got = paragraphs(&out);
            if got.len() != expected.len() {
                failures.push(format!(
                    "{book} at {width}: {} paragraphs out, {} in",
                    got.len(),
                    expected.len()
                ));
            }
            for (k, want) in expected.iter().enumerate() {
                let ok = got.get(k).is_some_and(|g| g.len() == 1 && g[0] == want);
                total += 1;
                exact += usize::from(ok);
                if lines_per[k] > 1 {
                    multi += 1;
                    multi_exact += usize::from(ok);
                }
                if !ok && failures.len() < 15 {
                    failures.push(format!(
                        "{book} at {width}: {want:?}\n  -> {:?}",
                        got.get(k)
                    ));
                }
            }
        }
    }
    let rate = 100.0 * exact as f64 / total as f64;
    let multi_rate = 100.0 * multi_exact as f64 / multi as f64;
    println!(
        "hard wraps, widths 50-100: {exact}/{total} paragraphs exact ({rate:.2}%); \
         of those wrapped to 2+ lines {multi_exact}/{multi} ({multi_rate:.2}%)"
    );
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        rate >= 99.0 && multi_rate >= 99.0,
        "{rate:.2}% / {multi_rate:.2}%"
    );
}

/// The books as they are: every prose paragraph becomes one line, and the lines laid out on
/// purpose (chapter headings, songs, odes, letters' salutations and closings) stay lines.
#[test]
fn books_as_they_are_keep_their_structure() {
    let (mut prose, mut prose_exact) = (0, 0);
    let mut failures = Vec::new();
    for book in BOOKS {
        let text = corpus_text(book);
        let (out, _) = unwrap(&text);
        let out_lines: std::collections::HashSet<&str> = out.lines().collect();
        // Structure: each such line of the input is a whole line of the output.
        let mut kept = 0;
        for line in text.lines() {
            let t = line.trim();
            let heading = t.starts_with("Chapter ") && t.split(' ').count() == 2
                || t.starts_with("CHAPTER ") && t.split(' ').count() == 2;
            let verse = line.starts_with("    ");
            let letter =
                t.starts_with("“Dear ") || t.starts_with("“MY DEAR") || t.starts_with("Yours");
            if heading || verse || letter {
                kept += 1;
                assert!(
                    out_lines.contains(line),
                    "{book}: {line:?} is not a line of the output"
                );
            }
        }
        assert!(kept >= 5, "{book}: only {kept} structural lines");
        // Prose: paragraphs of two lines or more, none laid out, come out on one line.
        let got: Vec<Vec<&str>> = paragraphs(&out);
        let want: Vec<Vec<&str>> = paragraphs(&text);
        assert_eq!(got.len(), want.len(), "{book}: paragraphs joined or split");
        for (w, g) in want.iter().zip(&got) {
            if w.len() < 2 || is_laid_out(w) {
                assert_eq!(w, g, "{book}");
                continue;
            }
            prose += 1;
            // Joined by hand: a space for each line break, none beside a dash written as "--".
            let mut joined = String::new();
            for line in w {
                let line = line.trim_matches([' ', '\t']);
                if !joined.is_empty() && !joined.ends_with("--") && !line.starts_with("--") {
                    joined.push(' ');
                }
                joined.push_str(line);
            }
            if g.len() == 1 && g[0] == joined {
                prose_exact += 1;
            } else if failures.len() < 10 {
                failures.push(format!("{book}: {w:?}\n  -> {g:?}"));
            }
        }
        // A second run finds nothing to do.
        assert!(unwrap(&out).1.is_empty(), "{book}: not idempotent");
    }
    let rate = 100.0 * prose_exact as f64 / prose as f64;
    println!(
        "books as they are: {prose_exact}/{prose} wrapped paragraphs joined exactly ({rate:.2}%)"
    );
    for f in &failures {
        println!("  {f}");
    }
    assert!(rate >= 99.0, "{rate:.2}%");
}

/// Words split at line ends by a hyphenating wrapper (plain words anywhere, compounds at their
/// hyphen), in the books re-wrapped at three widths: the word must come back as it was.
#[test]
fn hyphenated_words_are_restored() {
    let (mut plain, mut plain_ok, mut compound, mut compound_ok) = (0, 0, 0, 0);
    let mut failures: Vec<String> = Vec::new();
    for book in BOOKS {
        let text = corpus_text(book);
        let paras: Vec<Vec<&str>> = paragraphs(&text)
            .into_iter()
            .filter(|p| !is_laid_out(p))
            .collect();
        for width in [55, 66, 77] {
            let mut doc = String::new();
            let mut expected: Vec<(Vec<&str>, Vec<Site>)> = Vec::new();
            for p in &paras {
                let words: Vec<&str> = p.iter().flat_map(|l| l.split_whitespace()).collect();
                let (wrapped, sites) = wrap(&words, width, true);
                doc.push_str(&wrapped);
                doc.push_str("\n\n");
                expected.push((words, sites));
            }
            let (out, _) = unwrap_lines(&doc);
            let got = paragraphs(&out);
            assert_eq!(got.len(), expected.len());
            for ((want, sites), g) in expected.iter().zip(&got) {
                let words: Vec<&str> = g.iter().flat_map(|l| l.split_whitespace()).collect();
                // Align from both ends, so that one miss does not count against the other sites.
                let prefix = want.iter().zip(&words).take_while(|(a, b)| a == b).count();
                let suffix = want
                    .iter()
                    .rev()
                    .zip(words.iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count();
                for &(i, is_compound) in sites {
                    let ok = i < prefix || i >= want.len() - suffix.min(want.len());
                    if is_compound {
                        compound += 1;
                        compound_ok += usize::from(ok);
                    } else {
                        plain += 1;
                        plain_ok += usize::from(ok);
                    }
                    if !ok && failures.len() < 40 {
                        let got: Vec<&str> = words
                            .iter()
                            .skip(i.saturating_sub(1))
                            .take(3)
                            .copied()
                            .collect();
                        failures.push(format!("{} -> {}", want[i], got.join(" ")));
                    }
                }
            }
        }
    }
    let total = plain + compound;
    let ok = plain_ok + compound_ok;
    let rate = 100.0 * ok as f64 / total as f64;
    println!(
        "hyphenation: {ok}/{total} restored ({rate:.2}%); plain words {plain_ok}/{plain}, \
         compounds {compound_ok}/{compound}"
    );
    println!("  misses: {}", failures.join(", "));
    assert!(rate >= 98.0, "{rate:.2}%");
}

fn articles() -> Vec<Article> {
    wikinews("wikinews-100.jsonl")
}

#[test]
fn unwrapped_news_comes_back_unchanged_and_borrowed() {
    let mut texts: Vec<String> = articles().into_iter().map(|a| a.text).collect();
    texts.push(corpus_text("news/wikinews-sample.txt"));
    for text in &texts {
        let (out, edits) = unwrap(text);
        assert!(edits.is_empty(), "{edits:?}");
        assert!(matches!(out, Cow::Borrowed(_)));
    }
}

/// Wikinews articles with one or two paragraphs per article broken by a blank line at a random
/// word boundary inside a sentence (the word before does not end with `.!?:;`, a quote or a
/// bracket); rejoined, and real paragraph breaks left alone.
#[test]
fn broken_paragraphs_are_rejoined() {
    let mut rng = Rng(0x2026_1203);
    let (mut broken, mut rejoined, mut real, mut wrong) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for round in 0..6 {
        for a in articles() {
            let text = a.text.as_str();
            let count = 1 + (round + rng.below(2)) % 2;
            let (damaged, cut_at) = break_paragraphs(&mut rng, text, count);
            let (_, edits) = unwrap(&damaged);
            let joined: Vec<(usize, usize)> = edits
                .iter()
                .filter(|e| e.reason == "broken paragraph")
                .map(|e| (e.start, e.end))
                .collect();
            for &c in &cut_at {
                broken += 1;
                if joined.iter().any(|&(s, e)| s <= c && c + 2 <= e) {
                    rejoined += 1;
                } else if misses.len() < 20 {
                    misses.push(format!(
                        "{:?} | {:?}",
                        &damaged[damaged[..c].len().saturating_sub(60)..c]
                            .chars()
                            .rev()
                            .take(60)
                            .collect::<String>()
                            .chars()
                            .rev()
                            .collect::<String>(),
                        damaged[c + 2..].chars().take(30).collect::<String>()
                    ));
                }
            }
            for (end, start) in gaps(&damaged) {
                if cut_at.contains(&end) {
                    continue;
                }
                real += 1;
                if joined.iter().any(|&(s, e)| s <= end && start <= e) {
                    wrong += 1;
                    misses.push(format!(
                        "WRONG {:?} | {:?}",
                        &damaged[end.saturating_sub(60)..end],
                        &damaged[start..(start + 30).min(damaged.len())]
                    ));
                }
            }
        }
    }
    let recall = 100.0 * rejoined as f64 / broken as f64;
    let wrong_rate = 100.0 * wrong as f64 / real as f64;
    println!(
        "broken paragraphs: {rejoined}/{broken} rejoined ({recall:.2}%); real breaks joined \
         {wrong}/{real} ({wrong_rate:.2}%)"
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(recall >= 95.0, "recall {recall:.2}%");
    assert!(wrong_rate <= 0.5, "wrong joins {wrong_rate:.2}%");
}

/// The seed article through the whole `news` preset: exactly the expected text and metadata.
#[test]
fn seed_through_the_news_preset() {
    let seed = crate::corpus_bytes("seed/azernews-156893.txt");
    let cleaned = Pipeline::preset("news").unwrap().clean_bytes(&seed);
    assert_eq!(
        cleaned.text,
        corpus_text("seed/azernews-156893.expected.txt")
    );
    let want: serde_json::Value =
        serde_json::from_str(&corpus_text("seed/azernews-156893.expected-meta.json")).unwrap();
    let got = serde_json::to_value(&cleaned.meta).unwrap();
    // Every expected field; `clean_bytes` adds the input's encoding.
    for (field, value) in want.as_object().unwrap() {
        assert_eq!(&got[field], value, "meta.{field}");
    }
}

/// The seed article through `markup`, `boilerplate` and `unwrap`: the broken paragraph is
/// rejoined, the footer does not join the body, and with the apostrophes restored the text is the
/// expected one.
#[test]
fn seed_is_rejoined() {
    let seed = corpus_text("seed/azernews-156893.txt");
    let pipeline = Pipeline::builder()
        .stage(StripMarkup::default())
        .stage(StripBoilerplate::default())
        .stage(JoinWrappedLines::default())
        .stage(textmend::stages::RestoreApostrophes::default())
        .build();
    let cleaned = pipeline.clean(&seed);
    assert_eq!(
        cleaned.text,
        corpus_text("seed/azernews-156893.expected.txt")
    );
    let unwrap_edits: Vec<_> = cleaned
        .edits
        .iter()
        .filter(|e| e.stage.contains("unwrap"))
        .collect();
    assert_eq!(unwrap_edits.len(), 1);
    assert_eq!(unwrap_edits[0].before, "\n\n");
    assert_eq!(unwrap_edits[0].reason, "broken paragraph");
}

/// The stage's settings come from a config, round-trip, and an unknown one is an error that
/// names it; the `news` preset runs `unwrap` after `boilerplate`.
#[test]
fn settings_come_from_config() {
    let toml = "[[stages]]\nname = \"unwrap\"\nbroken_paragraphs = false\nmax_width = 100\n";
    let config = textmend::PipelineConfig::from_toml(toml).unwrap();
    let pipeline = Pipeline::from_config(&config).unwrap();
    let again = textmend::PipelineConfig::from_toml(&pipeline.config().unwrap().to_toml()).unwrap();
    assert_eq!(again, pipeline.config().unwrap());
    let broken = "The relations are of strategic nature and are\n\nconstantly developing.\n";
    assert_eq!(pipeline.clean(broken).text, broken);
    assert_eq!(
        Pipeline::from_stage_names(["unwrap"])
            .unwrap()
            .clean(broken)
            .text,
        "The relations are of strategic nature and are constantly developing.\n"
    );

    let err = textmend::PipelineConfig::from_toml("[[stages]]\nname = \"unwrap\"\nwidth = 3\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("unwrap") && err.contains("width"), "{err}");

    let news = Pipeline::preset("news").unwrap();
    let names = news.stage_names();
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
    assert!(at("boilerplate") < at("unwrap") && at("unwrap") < at("whitespace"));
}
