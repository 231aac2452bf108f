//! A progress bar on stderr, shown only when stderr is a terminal and the input is large.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Inputs smaller than this finish before a bar would be worth drawing.
const LARGE: u64 = 32 << 20;

pub fn bar(total_bytes: Option<u64>) -> ProgressBar {
    match total_bytes {
        Some(total) if total >= LARGE && std::io::stderr().is_terminal() => {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
                )
                .expect("the template is valid"),
            );
            bar
        }
        _ => ProgressBar::hidden(),
    }
}
