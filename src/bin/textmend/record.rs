//! One JSON Lines record: parse it, clean its text field, write it back.
//!
//! Kept apart from the streaming in `jsonl.rs`, with no dependency on the command line's types,
//! so that the fuzz target `fuzz/fuzz_targets/jsonl.rs` runs this very code (it includes this
//! file by path).

use serde_json::Value;
use textmend::Pipeline;

/// What to clean in a record and what to add to it.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The field that holds the text.
    pub field: &'a str,
    /// Add `"meta"`.
    pub meta: bool,
    /// Add `"edits"`.
    pub explain: bool,
}

/// The cleaned record as a JSON line (without its `\n`); `None` for a blank line, which holds no
/// record; an error message (without the file and line, which the caller adds) for a line that
/// is not a JSON object with a string in the field.
pub fn clean_record(
    pipeline: &Pipeline,
    options: Options<'_>,
    line: &[u8],
) -> Result<Option<String>, String> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = std::str::from_utf8(line).map_err(|e| {
        format!(
            "not UTF-8 (an invalid byte at column {})",
            e.valid_up_to() + 1
        )
    })?;
    let value: Value = serde_json::from_str(line).map_err(|e| {
        // A record is one line, so serde's "at line 1 column N" is just the column.
        let message = e.to_string();
        let location = format!(" at line {} column {}", e.line(), e.column());
        match message.strip_suffix(&location) {
            Some(message) if e.line() == 1 => {
                format!("not JSON: {message} at column {}", e.column())
            }
            _ => format!("not JSON: {message}"),
        }
    })?;
    let Value::Object(mut record) = value else {
        return Err(format!("{}, not a JSON object", kind(&value)));
    };
    let field = options.field;
    let text = match record.get(field) {
        Some(Value::String(text)) => text,
        Some(other) => {
            return Err(format!("field {field:?} is {}, not a string", kind(other)));
        }
        None => return Err(format!("no field {field:?}")),
    };
    let cleaned = pipeline.clean(text);
    let meta = options.meta.then(|| serde_json::to_value(&cleaned.meta));
    let edits = options
        .explain
        .then(|| serde_json::to_value(&cleaned.edits));
    let text = cleaned.text.into_owned();
    record.insert(field.to_owned(), Value::String(text));
    if let Some(meta) = meta {
        record.insert("meta".into(), meta.map_err(|e| e.to_string())?);
    }
    if let Some(edits) = edits {
        record.insert("edits".into(), edits.map_err(|e| e.to_string())?);
    }
    serde_json::to_string(&Value::Object(record))
        .map(Some)
        .map_err(|e| e.to_string())
}

/// "a number", "an array", ...: what a JSON value is, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
