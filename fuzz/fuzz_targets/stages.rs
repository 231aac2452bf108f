//! Each text stage on its own, on arbitrary text: no panic, a well-formed log that replays, and
//! a second pass of the same stage that changes nothing (see `common`).
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textmend::Pipeline;

static STAGES: LazyLock<Vec<(&str, Pipeline)>> = LazyLock::new(|| {
    [
        "mojibake",
        "unicode",
        "markup",
        "boilerplate",
        "unwrap",
        "apostrophes",
        "whitespace",
    ]
    .into_iter()
    .map(|name| (name, Pipeline::from_stage_names([name]).unwrap()))
    .collect()
});

fuzz_target!(|text: &str| {
    for (name, pipeline) in STAGES.iter() {
        let once = pipeline.clean(text);
        common::check_text_log(text, &once.text, &once.edits, name);
        common::check_idempotent(pipeline, &once.text, name);
    }
});
