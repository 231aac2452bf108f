//! The CLI's JSON Lines record reader (`src/bin/textmend/record.rs`, included by path, so this is
//! the binary's own code) on arbitrary lines: no panic; a blank line gives nothing; a line that
//! is a JSON object with a string in the field gives one line of JSON with the same fields in the
//! same order, the field cleaned as `clean` cleans it, and (with `--explain`) edits that replay
//! on the field's text; any other line gives an error message; a record written once reads back
//! unchanged.
#![no_main]

#[path = "../../src/bin/textmend/record.rs"]
mod record;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use record::{Options, clean_record};
use serde_json::Value;
use textmend::{Edit, Pipeline};

static NEWS: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::preset("news").unwrap());

fuzz_target!(|data: &[u8]| {
    // The first byte picks the options, the rest is the line.
    let Some((&flags, line)) = data.split_first() else {
        return;
    };
    let options = Options {
        field: if flags & 4 == 0 { "text" } else { "body" },
        meta: flags & 1 != 0,
        explain: flags & 2 != 0,
    };
    let result = clean_record(&NEWS, options, line);

    let parsed: Option<serde_json::Map<String, Value>> = serde_json::from_slice(line).ok();
    let text = parsed
        .as_ref()
        .and_then(|r| r.get(options.field))
        .and_then(Value::as_str);
    match (result, text) {
        (Ok(None), _) => assert!(line.iter().all(u8::is_ascii_whitespace)),
        (Err(message), None) => assert!(!message.is_empty()),
        (Err(message), Some(_)) => panic!("a good record refused: {message}"),
        (Ok(Some(_)), None) => panic!("a bad line accepted"),
        (Ok(Some(out)), Some(text)) => {
            assert!(!out.contains('\n'), "one record, one line");
            let record = parsed.as_ref().unwrap();
            let written: serde_json::Map<String, Value> =
                serde_json::from_str(&out).expect("the output is a JSON object");
            let cleaned = NEWS.clean(text);
            assert_eq!(written[options.field], cleaned.text.as_ref());
            // The input's fields, in their order, then what was asked for.
            let keys: Vec<&String> = written.keys().collect();
            let mut expected: Vec<&String> = record.keys().collect();
            let added: Vec<String> = [(options.meta, "meta"), (options.explain, "edits")]
                .into_iter()
                .filter(|&(on, key)| on && !record.contains_key(key))
                .map(|(_, key)| key.to_owned())
                .collect();
            expected.extend(added.iter());
            assert_eq!(keys, expected);
            for (key, value) in record {
                if key != options.field
                    && !(options.meta && key == "meta")
                    && !(options.explain && key == "edits")
                {
                    assert_eq!(&written[key], value, "field {key:?} changed");
                }
            }
            if options.explain {
                let edits: Vec<Edit> = serde_json::from_value(written["edits"].clone())
                    .expect("edits read back");
                let replayed = textmend::edit::replay(text, &edits).expect("edits replay");
                assert_eq!(replayed, cleaned.text.as_ref());
            }
            // Cleaning the written record again changes nothing in the field.
            let plain = Options {
                meta: false,
                explain: false,
                ..options
            };
            let again = clean_record(&NEWS, plain, out.as_bytes())
                .expect("the output reads back")
                .expect("not blank");
            let again: serde_json::Map<String, Value> = serde_json::from_str(&again).unwrap();
            assert_eq!(again[options.field], written[options.field], "not idempotent");
        }
    }
});
