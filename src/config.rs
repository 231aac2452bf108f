//! Pipelines as data: a list of stages with their settings, read from and written to TOML or
//! JSON.
//!
//! ```toml
//! [[stages]]
//! name = "decode"
//! encoding = "windows-1254"   # force an encoding; leave out to detect
//!
//! [[stages]]
//! name = "whitespace"
//! max_blank_lines = 2
//! ```
//!
//! A config may instead name a preset (`preset = "news"`), but not both.

use serde::{Deserialize, Serialize};

use crate::Error;
use crate::registry;
use crate::stages::{
    DecodeBytes, FixMojibake, JoinWrappedLines, NormalizeUnicode, NormalizeWhitespace,
    RestoreApostrophes, StripBoilerplate, StripMarkup,
};

/// One stage and its settings, tagged by the stage's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "name", rename_all = "lowercase")]
#[non_exhaustive]
pub enum StageConfig {
    /// The `decode` stage.
    Decode(DecodeBytes),
    /// The `mojibake` stage.
    Mojibake(FixMojibake),
    /// The `unicode` stage.
    Unicode(NormalizeUnicode),
    /// The `markup` stage.
    Markup(StripMarkup),
    /// The `boilerplate` stage.
    Boilerplate(StripBoilerplate),
    /// The `unwrap` stage.
    Unwrap(JoinWrappedLines),
    /// The `apostrophes` stage.
    Apostrophes(RestoreApostrophes),
    /// The `whitespace` stage.
    Whitespace(NormalizeWhitespace),
}

impl StageConfig {
    /// The stage with this name and its default settings.
    pub fn default_for(name: &str) -> Result<StageConfig, Error> {
        match name {
            "decode" => Ok(StageConfig::Decode(DecodeBytes::default())),
            "mojibake" => Ok(StageConfig::Mojibake(FixMojibake::default())),
            "unicode" => Ok(StageConfig::Unicode(NormalizeUnicode::default())),
            "markup" => Ok(StageConfig::Markup(StripMarkup::default())),
            "boilerplate" => Ok(StageConfig::Boilerplate(StripBoilerplate::default())),
            "unwrap" => Ok(StageConfig::Unwrap(JoinWrappedLines::default())),
            "apostrophes" => Ok(StageConfig::Apostrophes(RestoreApostrophes::default())),
            "whitespace" => Ok(StageConfig::Whitespace(NormalizeWhitespace::default())),
            _ => Err(match registry::stage(name) {
                Some(_) => Error::StageNotBuilt { name: name.into() },
                None => Error::UnknownStage { name: name.into() },
            }),
        }
    }

    /// The stage's name.
    pub fn name(&self) -> &'static str {
        match self {
            StageConfig::Decode(_) => "decode",
            StageConfig::Mojibake(_) => "mojibake",
            StageConfig::Unicode(_) => "unicode",
            StageConfig::Markup(_) => "markup",
            StageConfig::Boilerplate(_) => "boilerplate",
            StageConfig::Unwrap(_) => "unwrap",
            StageConfig::Apostrophes(_) => "apostrophes",
            StageConfig::Whitespace(_) => "whitespace",
        }
    }

    /// The stage itself. (`decode` is not a text stage: the pipeline holds it apart.)
    pub(crate) fn into_stage(self) -> Box<dyn crate::Stage> {
        match self {
            StageConfig::Decode(_) => unreachable!("the pipeline holds decode apart"),
            StageConfig::Mojibake(s) => Box::new(s),
            StageConfig::Unicode(s) => Box::new(s),
            StageConfig::Markup(s) => Box::new(s),
            StageConfig::Boilerplate(s) => Box::new(s),
            StageConfig::Unwrap(s) => Box::new(s),
            StageConfig::Apostrophes(s) => Box::new(s),
            StageConfig::Whitespace(s) => Box::new(s),
        }
    }
}

/// A pipeline as data: either a preset's name or a list of stages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// A preset's name; the stages are then the preset's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// The stages, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<StageConfig>,
}

impl PipelineConfig {
    /// A config holding these stages.
    pub fn from_stages(stages: Vec<StageConfig>) -> PipelineConfig {
        PipelineConfig {
            preset: None,
            stages,
        }
    }

    /// The stages of a preset that are built, with their default settings.
    pub fn preset(name: &str) -> Result<PipelineConfig, Error> {
        let preset =
            registry::preset(name).ok_or_else(|| Error::UnknownPreset { name: name.into() })?;
        let stages = preset
            .stages
            .iter()
            .filter_map(|name| StageConfig::default_for(name).ok())
            .collect();
        Ok(PipelineConfig::from_stages(stages))
    }

    /// The stages this config stands for.
    pub(crate) fn resolve(&self) -> Result<Vec<StageConfig>, Error> {
        match &self.preset {
            None => Ok(self.stages.clone()),
            Some(_) if !self.stages.is_empty() => Err(Error::Config {
                format: "pipeline",
                message: "give either `preset` or `stages`, not both".into(),
            }),
            Some(name) => Ok(PipelineConfig::preset(name)?.stages),
        }
    }

    /// Reads a TOML config.
    pub fn from_toml(text: &str) -> Result<PipelineConfig, Error> {
        let value: toml::Value = toml::from_str(text).map_err(|e| config_error("TOML", e))?;
        check_stage_names(&serde_json::to_value(value).unwrap_or_default(), "TOML")?;
        toml::from_str(text).map_err(|e| config_error("TOML", e))
    }

    /// Reads a JSON config.
    pub fn from_json(text: &str) -> Result<PipelineConfig, Error> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| config_error("JSON", e))?;
        check_stage_names(&value, "JSON")?;
        serde_json::from_value(value).map_err(|e| config_error("JSON", e))
    }

    /// Reads a config in either format: JSON when it starts with `{`, TOML otherwise.
    pub fn parse(text: &str) -> Result<PipelineConfig, Error> {
        if text.trim_start().starts_with('{') {
            Self::from_json(text)
        } else {
            Self::from_toml(text)
        }
    }

    /// The config as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a pipeline config is always representable in TOML")
    }

    /// The config as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self)
            .expect("a pipeline config is always representable in JSON")
    }
}

/// Checks each stage on its own, so that an error names the stage it is in (serde would only say
/// "unknown variant", or point at the start of the list).
fn check_stage_names(value: &serde_json::Value, format: &'static str) -> Result<(), Error> {
    let Some(stages) = value.get("stages").and_then(|s| s.as_array()) else {
        return Ok(());
    };
    for (i, stage) in stages.iter().enumerate() {
        match stage.get("name").and_then(|n| n.as_str()) {
            Some(name) => {
                let in_stage = |message: String| Error::Config {
                    format,
                    message: format!("stage {} ({name:?}): {message}", i + 1),
                };
                StageConfig::default_for(name).map_err(|e| in_stage(e.to_string()))?;
                StageConfig::deserialize(stage)
                    .map_err(|e| in_stage(name_the_option(stage, e.to_string())))?;
            }
            None => {
                return Err(Error::Config {
                    format,
                    message: format!("stage {}: has no `name`", i + 1),
                });
            }
        }
    }
    Ok(())
}

/// Serde's message for a stage's setting of the wrong type or value does not say which setting
/// it is (the stage is read through its `name` tag, which loses the path); the setting without
/// which the stage reads is the one.
fn name_the_option(stage: &serde_json::Value, message: String) -> String {
    let Some(table) = stage.as_object() else {
        return message;
    };
    for key in table.keys().filter(|k| *k != "name") {
        let mut without = table.clone();
        without.remove(key);
        if StageConfig::deserialize(&serde_json::Value::Object(without)).is_ok() {
            return format!("`{key}`: {message}");
        }
    }
    message
}

fn config_error(format: &'static str, e: impl std::fmt::Display) -> Error {
    Error::Config {
        format,
        message: e.to_string().trim_end().to_owned(),
    }
}
