//! The config parser on arbitrary text: an error or a pipeline, never a panic; a config that
//! parses writes back to TOML and JSON and reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use textmend::{Pipeline, PipelineConfig};

fuzz_target!(|text: &str| {
    let Ok(config) = PipelineConfig::parse(text) else {
        return;
    };
    let Ok(pipeline) = Pipeline::from_config(&config) else {
        return;
    };
    let config = pipeline.config().unwrap();
    assert_eq!(PipelineConfig::from_toml(&config.to_toml()).unwrap(), config);
    assert_eq!(PipelineConfig::from_json(&config.to_json()).unwrap(), config);
});
