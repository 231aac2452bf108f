//! `--explain` in text mode: a readable list of the edits, with line and column in the input.

use std::fmt::Write as _;
use std::io::IsTerminal;

use textmend::Edit;

/// Colours when stderr is a terminal and NO_COLOR is not set.
pub fn use_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Colours when stdout is a terminal and NO_COLOR is not set.
pub fn stdout_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// One line per edit: `name:line:col  bytes start..end  stage  "before" -> "after"  (reason)`;
/// the line and column (in characters) and the byte span are those of the input.
pub fn explain(name: &str, input: &[u8], edits: &[Edit], colour: bool) -> String {
    let (red, green, dim, reset) = if colour {
        ("\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    let mut report = String::new();
    let count = edits.len();
    let _ = writeln!(
        report,
        "{name}: {count} edit{}",
        if count == 1 { "" } else { "s" }
    );
    let (mut line, mut line_start, mut scanned) = (1, 0, 0);
    for edit in edits {
        for i in memchr::memchr_iter(b'\n', &input[scanned..edit.start]) {
            line += 1;
            line_start = scanned + i + 1;
        }
        scanned = edit.start;
        let column = String::from_utf8_lossy(&input[line_start..edit.start])
            .chars()
            .count()
            + 1;
        let _ = writeln!(
            report,
            "  {name}:{line}:{column}  {dim}bytes {}..{}{reset}  {}  {red}{:?}{reset} -> {green}{:?}{reset}  {dim}({}){reset}",
            edit.start, edit.end, edit.stage, edit.before, edit.after, edit.reason
        );
    }
    report
}
