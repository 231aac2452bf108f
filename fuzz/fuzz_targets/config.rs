//! The config parser on arbitrary text (TOML, or JSON when it starts with `{`): an error or a
//! pipeline, never a panic; a config that parses writes back to TOML and JSON and reads back
//! equal, and the pipeline it makes gives back that config.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textmend::{Pipeline, PipelineConfig};

fuzz_target!(|text: &str| {
    let Ok(parsed) = PipelineConfig::parse(text) else {
        return;
    };
    // What parsed writes back and reads back equal, in both formats.
    assert_eq!(PipelineConfig::from_toml(&parsed.to_toml()).unwrap(), parsed);
    assert_eq!(PipelineConfig::from_json(&parsed.to_json()).unwrap(), parsed);
    let Ok(pipeline) = Pipeline::from_config(&parsed) else {
        return;
    };
    let config = pipeline.config().unwrap();
    assert_eq!(PipelineConfig::from_toml(&config.to_toml()).unwrap(), config);
    assert_eq!(PipelineConfig::from_json(&config.to_json()).unwrap(), config);
    let again = Pipeline::from_config(&config).unwrap().config().unwrap();
    assert_eq!(again, config);
});
