//! The command line, as clap reads it, and the pipeline it asks for.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use textmend::stages::DecodeBytes;
use textmend::{Pipeline, PipelineConfig};

/// Repairs damaged article text: encodings, white space, boilerplate, broken lines, dropped
/// apostrophes. Every change can be explained (--explain).
#[derive(Debug, Parser)]
#[command(name = "textmend", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean files, standard input, or JSON Lines records.
    Clean(CleanArgs),
    /// List every stage and preset.
    Stages,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Input files; none, or "-", reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// A named pipeline (see `textmend stages`) [default: news].
    #[arg(long, value_name = "NAME", group = "pipeline")]
    pub preset: Option<String>,

    /// The stages to run, in order, comma-separated.
    #[arg(long, value_name = "a,b,c", value_delimiter = ',', group = "pipeline")]
    pub stages: Option<Vec<String>>,

    /// A pipeline config file (TOML, or JSON).
    #[arg(long, value_name = "FILE", group = "pipeline")]
    pub config: Option<PathBuf>,

    /// Input is JSON Lines: clean one field of each record, keep the rest, keep the order.
    #[arg(long)]
    pub jsonl: bool,

    /// The field to clean in each JSON Lines record.
    #[arg(long, value_name = "NAME", default_value = "text", requires = "jsonl")]
    pub field: String,

    /// Add the metadata found ("meta": {title, date, source, url, encoding, ...}) to each JSON
    /// Lines record; in text mode, print it as JSON on stderr.
    #[arg(long)]
    pub meta: bool,

    /// Add every edit ("edits": [{stage, start, end, before, after, reason}], byte offsets into
    /// the input) to each JSON Lines record; in text mode, print a readable report on stderr.
    #[arg(long)]
    pub explain: bool,

    /// Print, instead of the cleaned text, the lines of each input that changed, every change in
    /// place as [-removed-]{+inserted+} (in colour on a terminal; NO_COLOR turns it off).
    #[arg(long, conflicts_with = "jsonl")]
    pub diff: bool,

    /// Decode input files as this encoding instead of detecting it (e.g. windows-1254, latin1).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// Write each input FILE's cleaned output to DIR/<its file name> instead of stdout.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Worker threads [default: one per core].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

impl CleanArgs {
    /// The pipeline the options ask for, or a message saying what is wrong with them.
    pub fn pipeline(&self) -> Result<Pipeline, String> {
        let pipeline = if let Some(names) = &self.stages {
            Pipeline::from_stage_names(names).map_err(|e| e.to_string())?
        } else if let Some(path) = &self.config {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{}: cannot read config: {e}", path.display()))?;
            let is_json = path.extension().is_some_and(|ext| ext == "json");
            let config = if is_json {
                PipelineConfig::from_json(&text)
            } else {
                PipelineConfig::parse(&text)
            };
            let config = config.map_err(|e| format!("{}: {e}", path.display()))?;
            Pipeline::from_config(&config).map_err(|e| format!("{}: {e}", path.display()))?
        } else {
            Pipeline::preset(self.preset.as_deref().unwrap_or("news")).map_err(|e| e.to_string())?
        };
        match &self.encoding {
            None => Ok(pipeline),
            Some(_) if self.jsonl => Err(
                "--encoding applies to plain-text input; JSON Lines records are Unicode already"
                    .into(),
            ),
            Some(label) => {
                let decode = DecodeBytes::forced(label).ok_or_else(|| {
                    format!("unknown encoding {label:?} (try windows-1252, latin1, koi8-r, ...)")
                })?;
                Ok(pipeline.with_decode(decode))
            }
        }
    }
}
