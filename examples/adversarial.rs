//! The `news` preset on adversarial input, one case at a time, with the time each takes: a
//! check that nothing is quadratic (`cargo run --release --example adversarial`).

use textmend::Pipeline;
fn main() {
    let news = Pipeline::preset("news").unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("'*a ' x 300k", "*a ".repeat(300_000)),
        ("'[' x 1M", "[".repeat(1_000_000)),
        ("'<' x 1M", "<".repeat(1_000_000)),
        ("'*' x 1M", "*".repeat(1_000_000)),
        ("full-width x 1M + 中", "，".repeat(1_000_000) + "中"),
        (
            "'Ã' + 1M NUL, x 3",
            ("Ã".to_owned() + &"\0".repeat(1_000_000)).repeat(3),
        ),
        ("'Ã©' x 1M", "Ã©".repeat(1_000_000)),
        ("'as ' x 1M", "as ".repeat(1_000_000)),
        ("10 MB one line", "word ".repeat(2_000_000)),
        ("100k blank lines", "\n".repeat(100_000)),
    ];
    for (name, text) in cases {
        let t = std::time::Instant::now();
        let out = news.clean(&text);
        println!(
            "{name:<24} {:>8.1} ms  ({} edits)",
            t.elapsed().as_secs_f64() * 1e3,
            out.edits.len()
        );
    }
}
