//! The `mojibake` and `unicode` stages against ftfy's own test cases and against textmend's
//! generated cases (`corpus/mojibake/`).

use serde::Deserialize;
use textmend::stages::{FixMojibake, NormalizeUnicode};
use textmend::{Meta, Pipeline, Stage};

use crate::corpus_text;

#[derive(Deserialize)]
struct FtfyCase {
    label: String,
    original: String,
    fixed: String,
    expect: String,
}

/// ftfy's `fix_text` with its defaults: our stages set the same way (quotes straightened, no-break
/// spaces kept, as ftfy does).
fn like_ftfy() -> Pipeline {
    Pipeline::builder()
        .stage(FixMojibake::default())
        .stage(
            NormalizeUnicode::default()
                .curly_quotes(true)
                .no_break_spaces(false),
        )
        .build()
}

/// Cases where textmend's answer differs from the one in ftfy's file on purpose: the label, what
/// we give, and why.
const DEVIATIONS: &[(&str, &str, &str)] = &[
    (
        "Sort of negative: this inconsistent mojibake could be Latin-1 or MacRoman",
        "Bremer/Mccoy – Dråber",
        "`Ã¥` inside a word after a lower-case letter is mojibake of `å` (Danish `dråber`)",
    ),
    (
        "Synthetic, negative: don't leak our internal use of byte 0x1A",
        "These control characters  are apparently intentional ",
        "a C1 control in text is never intentional; the unicode stage removes it",
    ),
];

#[test]
fn ftfy_test_cases() {
    let cases: Vec<FtfyCase> =
        serde_json::from_str(&corpus_text("mojibake/ftfy-test-cases.json")).unwrap();
    let pipeline = like_ftfy();
    let (mut pass_ok, mut pass_all, mut fail_ok, mut fail_all) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for case in &cases {
        let got = pipeline.clean(&case.original).text;
        let deviation = DEVIATIONS
            .iter()
            .find(|(label, _, _)| case.label.starts_with(label));
        let want = deviation.map_or(case.fixed.as_str(), |(_, ours, _)| ours);
        let ok = got == want;
        if case.expect == "pass" {
            pass_all += 1;
            pass_ok += usize::from(ok);
            if !ok {
                wrong.push(format!(
                    "  {}\n    in:   {:?}\n    want: {:?}\n    got:  {:?}",
                    case.label, case.original, want, got
                ));
            }
        } else {
            fail_all += 1;
            fail_ok += usize::from(ok);
            if !ok {
                println!("  (ftfy fails too) {}: got {:?}", case.label, got);
            }
        }
    }
    println!(
        "ftfy's cases: {pass_ok}/{pass_all} of those ftfy passes, {fail_ok}/{fail_all} of those it fails; {} deviations",
        DEVIATIONS.len()
    );
    for w in &wrong {
        println!("{w}");
    }
    assert!(
        wrong.is_empty(),
        "{} of ftfy's passing cases fail",
        wrong.len()
    );
}

#[test]
fn mojibake_reason_names_the_path() {
    let out = FixMojibake::default().apply("Iggy Pop (nÃƒÂ© Jim Osterberg)", &mut Meta::default());
    assert_eq!(out.text(), "Iggy Pop (né Jim Osterberg)");
    assert_eq!(out.edits()[0].reason, "utf-8 read as windows-1252, twice");
    let out = FixMojibake::default().apply("a bigger Г‚ВЈ5.8bn issue", &mut Meta::default());
    assert_eq!(out.text(), "a bigger £5.8bn issue");
    assert_eq!(
        out.edits()[0].reason,
        "utf-8 read as windows-1252, then as windows-1251"
    );
}

#[derive(Deserialize)]
struct Case {
    label: String,
    original: String,
    expected: String,
}

/// textmend's own cases (`tools/mojibake_cases.py`): every one must pass.
#[test]
fn generated_and_negative_cases() {
    let cases: Vec<Case> = serde_json::from_str(&corpus_text("mojibake/cases.json")).unwrap();
    let stage = FixMojibake::default();
    let mut by_path: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let mut wrong = Vec::new();
    for case in &cases {
        let out = stage.apply(&case.original, &mut Meta::default());
        let ok = out.text() == case.expected && (case.label != "negative" || out.is_unchanged());
        let path = case.label.split(": ").last().unwrap_or("").to_owned();
        let entry = by_path.entry(path).or_default();
        entry.0 += usize::from(ok);
        entry.1 += 1;
        if !ok {
            wrong.push(format!(
                "  {}\n    in:   {:?}\n    want: {:?}\n    got:  {:?}",
                case.label,
                case.original,
                case.expected,
                out.text()
            ));
        }
    }
    for (path, (ok, all)) in &by_path {
        println!("{ok:>4}/{all:<4} {path}");
    }
    for w in wrong.iter().take(400) {
        println!("{w}");
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases fail",
        wrong.len(),
        cases.len()
    );
}

/// Correct text in every script of the corpus comes through the whole `encoding` preset
/// unchanged and borrowed: the negative cases, and the UTF-8 samples and news of `corpus/`.
/// (No-break spaces are left out, since the `unicode` stage folds them to spaces by design: the
/// negative cases that have one, and those in the news, replaced by spaces.)
#[test]
fn clean_text_in_every_script_passes_the_encoding_preset_borrowed() {
    let encoding = Pipeline::preset("encoding").unwrap();
    let cases: Vec<Case> = serde_json::from_str(&corpus_text("mojibake/cases.json")).unwrap();
    let mut texts: Vec<String> = cases
        .into_iter()
        .filter(|c| c.label == "negative" && !c.original.contains('\u{a0}'))
        .map(|c| c.original)
        .collect();
    for file in [
        "news/wikinews-sample.txt",
        "encodings/sample-russian-2.txt",
        "seed/azernews-156893.expected.txt",
    ] {
        texts.push(corpus_text(file).replace('\u{a0}', " "));
    }
    let mut changed = Vec::new();
    for text in &texts {
        let cleaned = encoding.clean(text);
        if !matches!(cleaned.text, std::borrow::Cow::Borrowed(_)) {
            let start: String = text.chars().take(60).collect();
            changed.push(format!(
                "{start:?}...: {:?}",
                &cleaned.edits[..cleaned.edits.len().min(3)]
            ));
        }
    }
    println!("{} clean texts, {} changed", texts.len(), changed.len());
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}
