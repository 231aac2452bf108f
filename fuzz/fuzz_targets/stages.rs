//! Each text stage on its own, on arbitrary text: no panic, the edits replay, the output is
//! valid UTF-8 (it is a `String`), and a second pass of the same stage changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textmend::stages::{
    FixMojibake, JoinWrappedLines, NormalizeUnicode, NormalizeWhitespace, RestoreApostrophes,
    StripBoilerplate, StripMarkup,
};
use textmend::{Pipeline, Stage};

fuzz_target!(|text: &str| {
    let stages: [Box<dyn Stage>; 7] = [
        Box::new(FixMojibake::default()),
        Box::new(NormalizeUnicode::default()),
        Box::new(StripMarkup::default()),
        Box::new(StripBoilerplate::default()),
        Box::new(JoinWrappedLines::default()),
        Box::new(RestoreApostrophes::default()),
        Box::new(NormalizeWhitespace::default()),
    ];
    for stage in stages {
        let name = stage.name().to_owned();
        let pipeline = Pipeline::builder().boxed_stage(stage).build();
        let once = pipeline.clean(text);
        let replayed = textmend::edit::replay(text, &once.edits).unwrap();
        assert_eq!(replayed, once.text, "{name}: the log does not replay");
        let twice = pipeline.clean(&once.text);
        assert!(
            twice.edits.is_empty(),
            "{name} is not idempotent: {:?} -> {:?}",
            once.text,
            twice.edits
        );
    }
});
