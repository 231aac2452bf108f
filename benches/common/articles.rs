//! The 295 Wikinews articles of `corpus/news/wikinews-295.jsonl`, their texts as they are: what a
//! user's corpus looks like, for the examples that profile and time it. (Apart from `mod.rs`,
//! which `benches/plsfix-compare/` includes too and which parses no JSON.)

/// The text of each article, in the file's order.
pub fn wikinews_articles() -> Vec<String> {
    include_str!("../../corpus/news/wikinews-295.jsonl")
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).expect("JSON Lines");
            record["text"].as_str().expect("a text field").to_owned()
        })
        .collect()
}
