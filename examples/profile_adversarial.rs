//! Runs a pipeline on one of the adversarial inputs of `examples/adversarial.rs`, for a profiler
//! or an instruction count:
//!
//! ```text
//! cargo build --release --example profile_adversarial
//! valgrind --tool=callgrind target/release/examples/profile_adversarial stars-and-words markup 1
//! ```
//!
//! The first argument is the case (`stars-and-words`, `brackets`, `hyphens`, `broken-paragraphs`,
//! `one-char-lines`, `blank-lines`, `list-items`, `invalid`: an invalid byte every other byte,
//! `invalid-in-utf8`: the same in a UTF-8 document, `url`: a 1 MB URL, `mojibake-3`:
//! multilingual text misread three times, `chains`: mojibake chains), the second a preset name
//! or stage names joined by commas (`decode` is always run first, through `clean_bytes`), the
//! third how many runs.
//! The input is about 1 MB (0.1 MB for the line cases, as in the example's smaller size).

#[path = "../benches/common/mod.rs"]
mod common;

fn repeat(unit: &str, bytes: usize) -> Vec<u8> {
    unit.repeat(bytes.div_ceil(unit.len())).into_bytes()
}

fn input(case: &str) -> Vec<u8> {
    match case {
        "stars-and-words" => repeat("*a ", 1 << 20),
        "brackets" => repeat("[", 1 << 20),
        "hyphens" => repeat("word-\n", 1 << 20),
        "broken-paragraphs" => repeat("and\n\n", 1 << 20),
        "list-items" => repeat("- item\n", 1 << 20),
        "one-char-lines" => "a\n".repeat(50_000).into_bytes(),
        "blank-lines" => format!("Start.{}End.\n", "\n".repeat(50_000)).into_bytes(),
        "invalid" => [b'a', 0xFF].repeat(1 << 19),
        "url" => {
            let mut text = String::from("A title\n\nA paragraph.\n\nhttps://example.com/");
            text.push_str(&"a/b-c_d%20".repeat((1 << 20) / 10));
            text.push_str("\n\nThe end.\n");
            text.into_bytes()
        }
        "chains" => common::mojibake_chains(1),
        "invalid-in-utf8" => {
            let mut bytes = "Текст по-русски. ".repeat(1000).into_bytes();
            bytes.extend([b'a', 0x80].repeat(1 << 19));
            bytes.extend("Конец.".bytes());
            bytes
        }
        "mojibake-3" => common::mojibake_three_layers(1),
        other => panic!("unknown case {other}"),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let case = args.next().unwrap_or_else(|| "stars-and-words".into());
    let stages = args.next().unwrap_or_else(|| "news".into());
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let pipeline = match textmend::Pipeline::preset(&stages) {
        Ok(p) => p,
        Err(_) => textmend::Pipeline::from_stage_names(stages.split(','))
            .expect("a preset or stage names joined by commas"),
    };
    let bytes = input(&case);
    let start = std::time::Instant::now();
    let mut edits = 0;
    for _ in 0..times {
        edits += pipeline.clean_bytes(&bytes).edits.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{case}, {stages}: {} bytes, {:.1} MB/s ({} edits a run)",
        bytes.len(),
        (bytes.len() * times) as f64 / secs / 1e6,
        edits / times.max(1)
    );
}
