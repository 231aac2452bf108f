//! The README shows the main command and what it prints; these tests run the commands written
//! there (read from the README itself) and compare their output with the blocks shown, so that
//! the README stays true. They also check the seed's golden case is a copy of the seed.

use std::path::Path;

use crate::cli::{stderr, stdout, textmend};

fn readme() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The arguments of the README's `cargo run --release -- ...` line that contains `needle`.
fn command(readme: &str, needle: &str) -> Vec<String> {
    let line = readme
        .lines()
        .find(|l| l.starts_with("cargo run --release -- ") && l.contains(needle))
        .unwrap_or_else(|| panic!("the README has no `cargo run --release -- ...{needle}...`"));
    line["cargo run --release -- ".len()..]
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// The fenced block after the line `<!-- {marker} -->`.
fn block<'a>(readme: &'a str, marker: &str) -> &'a str {
    let tag = format!("<!-- {marker} -->\n```text\n");
    let start = readme
        .find(&tag)
        .unwrap_or_else(|| panic!("the README has no block marked {marker:?}"))
        + tag.len();
    let len = readme[start..].find("```\n").expect("the block is closed");
    &readme[start..start + len]
}

fn run(args: &[String]) -> std::process::Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = textmend(&args, b"");
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    out
}

#[test]
fn the_main_command_prints_what_the_readme_shows() {
    let readme = readme();
    let args = command(&readme, "--meta");
    assert!(
        args.iter().any(|a| a.ends_with("azernews-156893.txt")),
        "the main command cleans the seed: {args:?}"
    );
    let out = run(&args);
    let want = crate::corpus_text("seed/azernews-156893.expected.txt");
    assert_eq!(stdout(&out), want, "the seed's expected text");
    assert_eq!(
        stdout(&out),
        block(&readme, "output of the main command: stdout")
    );
    assert_eq!(
        stderr(&out),
        block(&readme, "output of the main command: stderr")
    );
    // The metadata line is the expected metadata, and the input's encoding.
    let line = stderr(&out).lines().next().unwrap();
    let meta: serde_json::Value = serde_json::from_str(line).unwrap();
    let mut want: serde_json::Value = serde_json::from_str(&crate::corpus_text(
        "seed/azernews-156893.expected-meta.json",
    ))
    .unwrap();
    want["encoding"] = "UTF-8".into();
    assert_eq!(meta["meta"], want);
}

#[test]
fn the_diff_command_prints_what_the_readme_shows() {
    let readme = readme();
    let out = run(&command(&readme, "--diff"));
    assert_eq!(
        stdout(&out),
        block(&readme, "output of the diff command: stdout")
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn the_golden_seed_case_is_the_seed() {
    for (golden, seed) in [
        ("azernews-156893-seed.input.txt", "azernews-156893.txt"),
        (
            "azernews-156893-seed.expected.txt",
            "azernews-156893.expected.txt",
        ),
    ] {
        assert_eq!(
            crate::corpus_bytes(&format!("golden/{golden}")),
            crate::corpus_bytes(&format!("seed/{seed}")),
            "corpus/golden/{golden} is a copy of corpus/seed/{seed}"
        );
    }
    let golden: serde_json::Value =
        serde_json::from_str(&crate::corpus_text("golden/azernews-156893-seed.meta.json")).unwrap();
    let mut seed: serde_json::Value = serde_json::from_str(&crate::corpus_text(
        "seed/azernews-156893.expected-meta.json",
    ))
    .unwrap();
    seed["encoding"] = "UTF-8".into();
    assert_eq!(golden, seed);
}
