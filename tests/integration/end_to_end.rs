//! The `news` preset end to end: the 295 Wikinews articles damaged in several ways at once by
//! the generator of `damage.rs` (the kinds of damage the seed arrived with), cleaned as bytes
//! (as the CLI reads a file), and compared with the originals. The report is printed
//! (`cargo test --release --test integration end_to_end -- --nocapture`); the bars of the
//! end-to-end issue are asserted on four seeds (see [`SEEDS`]).
//!
//! Texts are compared word by word: the words of the output and of the original, with the
//! apostrophes a conversion drops taken out, are aligned (longest common subsequence, where they
//! differ at all), and the apostrophes, paragraph breaks and line breaks are compared at the
//! aligned words.

use std::collections::{BTreeMap, HashMap};

use textmend::Pipeline;

use crate::damage::{
    Damaged, Rng, body_without_dateline, damage, drop_apostrophes, is_droppable, wikinews,
};

/// A word of a text: its characters with the droppable apostrophes taken out, where those were
/// (character offsets into `bare`), and what separates it from the word before.
#[derive(Debug)]
struct Word<'a> {
    text: &'a str,
    bare: String,
    marks: Vec<usize>,
    after: Gap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Start,
    Space,
    Line,
    Paragraph,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut newlines = 0;
    let mut rest = text;
    loop {
        let skip = rest.len() - rest.trim_start().len();
        newlines += rest[..skip].matches('\n').count();
        rest = &rest[skip..];
        if rest.is_empty() {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        let chars: Vec<char> = token.chars().collect();
        let mut bare = String::with_capacity(token.len());
        let mut marks = Vec::new();
        let mut kept = 0;
        for (k, &c) in chars.iter().enumerate() {
            let prev = k.checked_sub(1).map(|p| chars[p]);
            if matches!(c, '\'' | '’') && is_droppable(prev, chars.get(k + 1).copied()) {
                marks.push(kept);
            } else {
                bare.push(c);
                kept += 1;
            }
        }
        let after = match (out.is_empty(), newlines) {
            (true, _) => Gap::Start,
            (false, 0) => Gap::Space,
            (false, 1) => Gap::Line,
            (false, _) => Gap::Paragraph,
        };
        out.push(Word {
            text: token,
            bare,
            marks,
            after,
        });
        newlines = 0;
        rest = &rest[end..];
    }
    out
}

/// Pairs `(i, j)` of words of `a` and `b` with the same bare form, in order: all of them when
/// the bare sequences are equal, else a longest common subsequence.
fn align(a: &[Word], b: &[Word]) -> Vec<(usize, usize)> {
    if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.bare == y.bare) {
        return (0..a.len()).map(|i| (i, i)).collect();
    }
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i].bare == b[j].bare {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i].bare == b[j].bare {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Found, right and target counts for precision and recall.
#[derive(Default, Clone, Copy)]
struct Count {
    found: usize,
    right: usize,
    targets: usize,
}

impl Count {
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
    fn show(&self) -> String {
        format!(
            "precision {:.4} ({}/{}), recall {:.4} ({}/{})",
            self.precision(),
            self.right,
            self.found,
            self.recall(),
            self.right,
            self.targets
        )
    }
}

/// Everything the evaluation counts.
#[derive(Default)]
struct Report {
    documents: usize,
    exact: usize,
    exact_but_apostrophes: usize,
    originals_changed: usize,
    /// Outputs that a second run of the preset changes (the preset is idempotent: none).
    changed_again: Vec<String>,
    by_kind: BTreeMap<&'static str, (usize, usize)>,
    apostrophes: Count,
    apostrophes_lost: usize,
    paragraph_breaks: Count,
    line_breaks: Count,
    words_lost: usize,
    words_extra: usize,
    boilerplate_lines: usize,
    boilerplate_left: usize,
    meta: BTreeMap<&'static str, (usize, usize)>,
    failures: Vec<String>,
}

impl Report {
    fn score(&mut self, d: &Damaged, article_date: &str, url: &str, cleaned: &textmend::Cleaned) {
        let out_text: &str = &cleaned.text;
        self.documents += 1;
        let out = words(out_text);
        let want = words(&d.expected);
        let exact = out_text == d.expected;
        let apart = exact || drop_apostrophes(out_text).0 == drop_apostrophes(&d.expected).0;
        self.exact += usize::from(exact);
        self.exact_but_apostrophes += usize::from(apart);
        for kind in &d.kinds {
            let e = self.by_kind.entry(kind).or_default();
            e.0 += 1;
            e.1 += usize::from(apart);
        }
        if !apart && self.failures.len() < 60 {
            self.failures
                .push(first_difference(&d.kinds, url, &d.expected, out_text));
        }
        if let Some(dir) = std::env::var_os("END_TO_END_DUMP").filter(|_| !apart) {
            // The documents not restored, as files, to run again and look at.
            let dir = std::path::Path::new(&dir);
            std::fs::create_dir_all(dir).unwrap();
            let n = self.documents;
            std::fs::write(dir.join(format!("{n}.damaged.txt")), &d.bytes).unwrap();
            std::fs::write(dir.join(format!("{n}.expected.txt")), &d.expected).unwrap();
            std::fs::write(dir.join(format!("{n}.got.txt")), out_text).unwrap();
        }
        if !apart && std::env::var_os("END_TO_END_EDITS").is_some() {
            // The edits of each document not restored, to see which stage went wrong.
            self.failures.push(format!("edits of {url}:"));
            for e in &cleaned.edits {
                if e.stage == "unwrap" && e.reason != "hard wrap" || e.stage == "boilerplate" {
                    self.failures.push(format!(
                        "    {} ({}): {:?} -> {:?}",
                        e.stage, e.reason, e.before, e.after
                    ));
                }
            }
        }

        let pairs = align(&out, &want);
        let mut matched_out = vec![None; out.len()];
        let mut matched_want = vec![false; want.len()];
        for &(i, j) in &pairs {
            matched_out[i] = Some(j);
            matched_want[j] = true;
        }
        // Apostrophes.
        for (i, w) in out.iter().enumerate() {
            let theirs = matched_out[i].map(|j| &want[j].marks);
            for m in &w.marks {
                let right = theirs.is_some_and(|t| t.contains(m));
                if d.apostrophes_dropped || !right {
                    self.apostrophes.found += 1;
                    self.apostrophes.right += usize::from(right);
                    if !right && self.failures.len() < 40 {
                        self.failures
                            .push(format!("apostrophe wrong: {:?} in {url}", w.text));
                    }
                }
            }
        }
        for (j, w) in want.iter().enumerate() {
            let ours = pairs.iter().find(|p| p.1 == j).map(|p| &out[p.0].marks);
            for m in &w.marks {
                let kept = ours.is_some_and(|o| o.contains(m));
                if d.apostrophes_dropped {
                    self.apostrophes.targets += 1;
                } else if !kept {
                    self.apostrophes_lost += 1;
                }
            }
        }
        // Paragraph and line breaks, before aligned words.
        for (count, gap) in [
            (&mut self.paragraph_breaks, Gap::Paragraph),
            (&mut self.line_breaks, Gap::Line),
        ] {
            count.targets += want.iter().filter(|w| w.after == gap).count();
            for (i, w) in out.iter().enumerate() {
                if w.after == gap {
                    count.found += 1;
                    count.right +=
                        usize::from(matched_out[i].is_some_and(|j| want[j].after == gap));
                }
            }
        }
        // Words.
        let mut have: HashMap<&str, isize> = HashMap::new();
        for w in &want {
            *have.entry(&w.bare).or_default() += 1;
        }
        for w in &out {
            *have.entry(&w.bare).or_default() -= 1;
        }
        self.words_lost += have.values().filter(|&&n| n > 0).sum::<isize>() as usize;
        self.words_extra += have.values().filter(|&&n| n < 0).map(|n| -n).sum::<isize>() as usize;
        // Boilerplate and metadata.
        let meta = &cleaned.meta;
        let mut field = |name: &'static str, want: Option<&str>, got: Option<&str>| {
            if let Some(want) = want {
                let e = self.meta.entry(name).or_default();
                e.0 += 1;
                e.1 += usize::from(got == Some(want));
                if got != Some(want) && std::env::var_os("END_TO_END_META").is_some() {
                    println!("  meta.{name}: want {want:?}, got {got:?} in {url}");
                }
            }
        };
        // The date is in the header, or in the article's own dateline when there is no header.
        // (The 2020 articles have no dateline: their date is only in the corpus's metadata.)
        let dateline = d
            .expected
            .lines()
            .next()
            .is_some_and(|l| l.len() < 40 && l.contains(&article_date[..4]) && l.contains(','));
        let has_date = d.frame.as_ref().map_or(dateline, |f| f.has_date);
        field(
            "date",
            has_date.then_some(article_date),
            meta.date.as_deref(),
        );
        if let Some(frame) = &d.frame {
            field("url", frame.has_url.then_some(url), meta.url.as_deref());
            field("title", frame.title.as_deref(), meta.title.as_deref());
            let lines: Vec<&str> = out_text.lines().map(str::trim).collect();
            for line in &frame.boilerplate {
                self.boilerplate_lines += 1;
                let line = drop_apostrophes(line.trim()).0;
                if lines.iter().any(|l| drop_apostrophes(l).0 == line) {
                    self.boilerplate_left += 1;
                }
            }
        }
    }

    fn print(&self) {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        println!(
            "news preset on {} damaged Wikinews articles:\n  \
             restored exactly: {} ({:.1}%)\n  \
             restored exactly apart from apostrophes: {} ({:.1}%)",
            self.documents,
            self.exact,
            pct(self.exact, self.documents),
            self.exact_but_apostrophes,
            pct(self.exact_but_apostrophes, self.documents),
        );
        for (kind, (n, ok)) in &self.by_kind {
            println!(
                "    with {kind}: {ok}/{n} ({:.1}%) exact apart from apostrophes",
                pct(*ok, *n)
            );
        }
        println!(
            "  originals the preset changes as they are: {}",
            self.originals_changed
        );
        println!(
            "  outputs a second run changes: {} {:?}",
            self.changed_again.len(),
            self.changed_again
        );
        println!("  apostrophes: {}", self.apostrophes.show());
        println!(
            "  apostrophes lost from documents that kept theirs: {}",
            self.apostrophes_lost
        );
        println!("  paragraph breaks: {}", self.paragraph_breaks.show());
        println!("  line breaks: {}", self.line_breaks.show());
        println!(
            "  body words lost: {}; words in the output that are not the original's: {}",
            self.words_lost, self.words_extra
        );
        println!(
            "  boilerplate lines left: {}/{}",
            self.boilerplate_left, self.boilerplate_lines
        );
        for (name, (n, ok)) in &self.meta {
            println!("  meta.{name} right: {ok}/{n}");
        }
        for f in &self.failures {
            println!("  {f}");
        }
    }
}

/// Where `got` first differs from `want` (apostrophes aside), with some context, for the report.
fn first_difference(kinds: &[&str], url: &str, want: &str, got: &str) -> String {
    let (want, got) = (drop_apostrophes(want).0, drop_apostrophes(got).0);
    let same = want
        .char_indices()
        .zip(got.chars())
        .find(|((_, a), b)| a != b)
        .map_or(want.len().min(got.len()), |((i, _), _)| i);
    let clip = |s: &str| -> String {
        let from = same.saturating_sub(60);
        s.char_indices()
            .skip_while(|&(i, _)| i < from)
            .take_while(|&(i, _)| i < same + 60)
            .map(|(_, c)| c)
            .collect()
    };
    format!(
        "not restored ({}) {url}:\n    want {:?}\n    got  {:?}",
        kinds.join(", "),
        clip(&want),
        clip(&got)
    )
}

/// The seeds the test damages the articles with: its own, and three more, so that the bars hold
/// for the damage and not for one draw of it. `END_TO_END_SEED=n` runs seed `n` alone.
const SEEDS: [u64; 4] = [0x2026_1203, 1, 2, 3];

#[test]
fn damaged_news_is_restored() {
    let seeds: Vec<u64> = match std::env::var("END_TO_END_SEED") {
        Ok(s) => vec![s.parse().expect("END_TO_END_SEED is a number")],
        Err(_) => SEEDS.to_vec(),
    };
    for seed in seeds {
        println!("== seed {seed}");
        let report = damage_and_clean(seed);
        report.print();
        check_bars(&report, seed);
    }
}

/// The `news` preset on the articles damaged with `seed`, scored.
fn damage_and_clean(seed: u64) -> Report {
    let news = Pipeline::preset("news").unwrap();
    let minimal = Pipeline::preset("minimal").unwrap();
    let mut rng = Rng(seed);
    let mut report = Report::default();
    let mut skipped = 0;
    for article in wikinews("wikinews-295.jsonl") {
        // The original as clean text: the scrape's trailing spaces, runs of blank lines and
        // no-break spaces evened out.
        let clean = minimal.clean(&article.text).text.into_owned();
        if body_without_dateline(&clean).is_empty() {
            // A page with a dateline and nothing else (a test page): nothing to damage.
            skipped += 1;
            continue;
        }
        report.originals_changed += usize::from(news.clean(&clean).text != clean);
        let damaged = damage(&mut rng, &article, &clean);
        let cleaned = news.clean_bytes(&damaged.bytes);
        if !news.clean(&cleaned.text).edits.is_empty() {
            report.changed_again.push(article.url.clone());
        }
        report.score(&damaged, &article.date, &article.url, &cleaned);
    }
    println!("(articles without a body, left out: {skipped})");
    report
}

/// The bars of the end-to-end issue, on the articles damaged with `seed`. (On the seeds of
/// [`SEEDS`] the share restored apart from apostrophes is 98.9% to 99.7% today: the test asks
/// for 98%, above the 97%, so that a loss shows.)
fn check_bars(report: &Report, seed: u64) {
    let share = report.exact_but_apostrophes as f64 / report.documents as f64;
    assert!(
        share >= 0.98,
        "seed {seed}: exact apart from apostrophes: {share:.3}"
    );
    assert_eq!(report.words_lost, 0, "seed {seed}: body words lost");
    assert!(
        report.changed_again.is_empty(),
        "seed {seed}: not idempotent"
    );
    assert!(
        report.apostrophes.precision() >= 0.995,
        "seed {seed}: apostrophes: {}",
        report.apostrophes.show()
    );
    for (name, (n, right)) in &report.meta {
        assert!(
            right * 100 >= n * 98,
            "seed {seed}: meta.{name} right {right}/{n}"
        );
    }
    assert!(
        report.boilerplate_left * 100 <= report.boilerplate_lines,
        "seed {seed}: boilerplate lines left {}/{}",
        report.boilerplate_left,
        report.boilerplate_lines
    );
    let breaks = report.paragraph_breaks;
    assert!(
        breaks.precision() >= 0.995 && breaks.recall() >= 0.98,
        "seed {seed}: paragraph breaks: {}",
        breaks.show()
    );
}
