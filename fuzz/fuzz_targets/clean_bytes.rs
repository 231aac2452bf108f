//! `clean_bytes` on arbitrary bytes with every preset, and `clean` when the bytes are text: no
//! panic, a well-formed log that replays, a second pass that changes nothing (see `common`).
#![no_main]

mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textmend::Pipeline;

static PRESETS: LazyLock<Vec<(&str, Pipeline)>> = LazyLock::new(|| {
    ["news", "encoding", "minimal"]
        .into_iter()
        .map(|name| (name, Pipeline::preset(name).unwrap()))
        .collect()
});

fuzz_target!(|bytes: &[u8]| {
    for (name, pipeline) in PRESETS.iter() {
        let cleaned = pipeline.clean_bytes(bytes);
        common::check_bytes_log(bytes, &cleaned.text, &cleaned.edits, name);
        common::check_idempotent(pipeline, &cleaned.text, name);

        if let Ok(text) = std::str::from_utf8(bytes) {
            let cleaned = pipeline.clean(text);
            common::check_text_log(text, &cleaned.text, &cleaned.edits, name);
            common::check_idempotent(pipeline, &cleaned.text, name);
        }
    }
});
