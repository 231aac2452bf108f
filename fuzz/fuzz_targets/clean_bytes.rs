//! `clean_bytes` and `clean` on arbitrary input: no panic, the log replays, a second pass
//! changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let pipeline = textmend::Pipeline::preset("news").unwrap();
    let cleaned = pipeline.clean_bytes(bytes);
    let replayed = textmend::edit::replay_bytes(bytes, &cleaned.edits).unwrap();
    assert_eq!(replayed, cleaned.text.as_bytes());
    let again = pipeline.clean(&cleaned.text);
    assert!(again.edits.is_empty(), "not idempotent: {:?}", again.edits);

    if let Ok(text) = std::str::from_utf8(bytes) {
        let cleaned = pipeline.clean(text);
        assert_eq!(textmend::edit::replay(text, &cleaned.edits).unwrap(), cleaned.text);
    }
});
