//! The `Stage` trait and the `Pipeline` that runs stages in order and keeps one log of their
//! edits in terms of the original input.

use std::borrow::Cow;
use std::fmt;

use crate::config::{PipelineConfig, StageConfig};
use crate::edit::{self, Edit, Rewrite};
use crate::stages::DecodeBytes;
use crate::{Error, Meta};

/// One repair with one job.
///
/// A stage sees the whole document (some repairs need document-level evidence) and returns a
/// [`Rewrite`], which only a [`Rewriter`](crate::edit::Rewriter) can make: so its output and its
/// edits always agree, and unchanged text comes back borrowed. Applying a stage cannot fail: what
/// it is not sure about, it leaves alone.
///
/// ```
/// use textmend::edit::{Rewrite, Rewriter};
/// use textmend::{Meta, Pipeline, Stage};
///
/// /// Writes "colour" for "color" (a toy custom stage).
/// #[derive(Debug)]
/// struct British;
///
/// impl Stage for British {
///     fn name(&self) -> &str {
///         "british"
///     }
///     fn apply<'a>(&self, text: &'a str, _meta: &mut Meta) -> Rewrite<'a> {
///         let mut out = Rewriter::new(text);
///         for (at, _) in text.match_indices("color") {
///             out.replace(at..at + 5, "colour", "british spelling");
///         }
///         out.finish()
///     }
/// }
///
/// let pipeline = Pipeline::builder().stage(British).build();
/// let cleaned = pipeline.clean("The color red.");
/// assert_eq!(cleaned.text, "The colour red.");
/// assert_eq!(cleaned.edits[0].stage, "british");
/// ```
pub trait Stage: Send + Sync + fmt::Debug {
    /// The name used in the log and in configs.
    fn name(&self) -> &str;

    /// Repairs `text`, recording in `meta` what it learns.
    fn apply<'a>(&self, text: &'a str, meta: &mut Meta) -> Rewrite<'a>;

    /// The stage's settings as a config entry; `None` (the default) for custom stages, which
    /// therefore cannot be written to a config file.
    fn config(&self) -> Option<StageConfig> {
        None
    }
}

/// The result of cleaning one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned<'a> {
    /// The cleaned text: borrowed from the input when nothing changed.
    pub text: Cow<'a, str>,
    /// What the stages learned about the document.
    pub meta: Meta,
    /// Every change, as byte ranges of the original input, sorted and non-overlapping;
    /// [`edit::replay`] on the input gives `text`.
    pub edits: Vec<Edit>,
}

impl Cleaned<'_> {
    /// Detaches the result from the input.
    pub fn into_owned(self) -> Cleaned<'static> {
        Cleaned {
            text: Cow::Owned(self.text.into_owned()),
            meta: self.meta,
            edits: self.edits,
        }
    }

    /// True when the text came through unchanged.
    pub fn is_unchanged(&self) -> bool {
        self.edits.is_empty()
    }
}

/// An ordered list of stages.
///
/// Build one from a preset, from stage names, from a config file, or in code:
///
/// ```
/// use textmend::Pipeline;
/// use textmend::stages::NormalizeWhitespace;
///
/// let by_name = Pipeline::from_stage_names(["decode", "whitespace"]).unwrap();
/// let in_code = Pipeline::builder()
///     .decode(textmend::stages::DecodeBytes::default())
///     .stage(NormalizeWhitespace::default())
///     .build();
/// assert_eq!(by_name.config().unwrap(), in_code.config().unwrap());
///
/// let cleaned = in_code.clean("Too   many spaces.   \n\n\n\nAnd lines.");
/// assert_eq!(cleaned.text, "Too many spaces.\n\nAnd lines.\n");
/// ```
#[derive(Debug)]
pub struct Pipeline {
    /// `Some` when the pipeline's list starts with `decode`; bytes are decoded with the default
    /// settings otherwise.
    decode: Option<DecodeBytes>,
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Starts an empty pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            decode: None,
            stages: Vec::new(),
        }
    }

    /// A named pipeline (see [`registry::PRESETS`](crate::registry::PRESETS); the
    /// [`registry`](crate::registry) docs give the `news` preset's order and its reasons).
    /// Stages of the preset that are not built yet are left out.
    pub fn preset(name: &str) -> Result<Pipeline, Error> {
        Self::from_config(&PipelineConfig::preset(name)?)
    }

    /// The stages with these names, in this order, each with its default settings.
    pub fn from_stage_names<I, S>(names: I) -> Result<Pipeline, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let stages = names
            .into_iter()
            .map(|name| StageConfig::default_for(name.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        Self::from_config(&PipelineConfig::from_stages(stages))
    }

    /// The pipeline a config describes.
    pub fn from_config(config: &PipelineConfig) -> Result<Pipeline, Error> {
        let mut builder = Pipeline::builder();
        for (position, stage) in config.resolve()?.into_iter().enumerate() {
            match stage {
                StageConfig::Decode(decode) if position == 0 => builder = builder.decode(decode),
                StageConfig::Decode(_) => return Err(Error::DecodeNotFirst { position }),
                other => builder.stages.push(other.into_stage()),
            }
        }
        Ok(builder.build())
    }

    /// The config that rebuilds this pipeline, or an error naming a custom stage that has none.
    pub fn config(&self) -> Result<PipelineConfig, Error> {
        let mut stages = Vec::with_capacity(self.stages.len() + 1);
        stages.extend(self.decode.clone().map(StageConfig::Decode));
        for stage in &self.stages {
            stages.push(stage.config().ok_or_else(|| Error::NotConfigurable {
                stage: stage.name().to_owned(),
            })?);
        }
        Ok(PipelineConfig::from_stages(stages))
    }

    /// The names of the stages, in order (`decode` first when the pipeline lists it).
    pub fn stage_names(&self) -> Vec<&str> {
        let decode = self.decode.as_ref().map(|_| "decode");
        decode
            .into_iter()
            .chain(self.stages.iter().map(|s| s.name()))
            .collect()
    }

    /// A copy of this pipeline that decodes bytes with a forced encoding.
    pub fn with_decode(mut self, decode: DecodeBytes) -> Pipeline {
        self.decode = Some(decode);
        self
    }

    /// Cleans text. (`decode` has nothing to do: the text is Unicode already.)
    pub fn clean<'a>(&self, input: &'a str) -> Cleaned<'a> {
        let mut meta = Meta::default();
        let (text, log) = self.run(Cow::Borrowed(input), Vec::new(), &mut meta);
        finish(
            input.as_bytes(),
            text,
            edit::finish_log_of_text(log, input),
            meta,
        )
    }

    /// Cleans many texts: the same as [`Pipeline::clean`] on each, in order. With the
    /// `parallel` feature (on with the default `cli` feature), the texts are cleaned on rayon's
    /// threads (its global pool: `rayon::ThreadPoolBuilder` sets how many); without it, one
    /// after another.
    ///
    /// ```
    /// let pipeline = textmend::Pipeline::preset("news").unwrap();
    /// let texts = ["It doesnt  matter.", "Already clean.\n"];
    /// let cleaned = pipeline.clean_many(&texts);
    /// assert_eq!(cleaned[0].text, "It doesn't matter.\n");
    /// assert!(cleaned[1].edits.is_empty());
    /// ```
    pub fn clean_many<'a, T>(&self, texts: &'a [T]) -> Vec<Cleaned<'a>>
    where
        T: AsRef<str> + Sync,
    {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(|t| self.clean(t.as_ref())).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts.iter().map(|t| self.clean(t.as_ref())).collect()
        }
    }

    /// [`Pipeline::clean_bytes`] on many inputs, in order; in parallel with the `parallel`
    /// feature, as [`Pipeline::clean_many`].
    pub fn clean_bytes_many<'a, B>(&self, inputs: &'a [B]) -> Vec<Cleaned<'a>>
    where
        B: AsRef<[u8]> + Sync,
    {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            inputs
                .par_iter()
                .map(|b| self.clean_bytes(b.as_ref()))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            inputs
                .iter()
                .map(|b| self.clean_bytes(b.as_ref()))
                .collect()
        }
    }

    /// Decodes bytes (see [`DecodeBytes`]), then cleans the text.
    ///
    /// The log's offsets are byte offsets of `bytes`; [`edit::replay_bytes`] on `bytes` gives
    /// the output. Decoding from a legacy encoding is logged too (one edit per run of non-ASCII
    /// bytes for single-byte encodings, runs one ASCII byte apart counted as one; one edit for the whole text for UTF-16 and the East Asian
    /// multi-byte encodings), so a log always means the same thing.
    pub fn clean_bytes<'a>(&self, bytes: &'a [u8]) -> Cleaned<'a> {
        let decoded = match &self.decode {
            Some(decode) => decode.decode_leaving_before(bytes),
            None => DecodeBytes::default().decode_leaving_before(bytes),
        };
        let mut meta = Meta {
            encoding: Some(decoded.encoding.name().to_owned()),
            invalid_sequences: decoded.invalid_sequences,
            ..Meta::default()
        };
        let (text, log) = self.run(decoded.text, decoded.edits, &mut meta);
        finish(bytes, text, edit::finish_log(log, bytes), meta)
    }

    fn run<'a>(
        &self,
        mut text: Cow<'a, str>,
        mut log: Vec<Edit>,
        meta: &mut Meta,
    ) -> (Cow<'a, str>, Vec<Edit>) {
        for stage in &self.stages {
            let (output, edits) = match &text {
                Cow::Borrowed(input) => stage.apply(input, meta).into_parts(),
                Cow::Owned(input) => {
                    let (output, edits) = stage.apply(input, meta).into_parts();
                    if edits.is_empty() {
                        // Borrowed from `input`: nothing to copy.
                        continue;
                    }
                    (Cow::Owned(output.into_owned()), edits)
                }
            };
            if edits.is_empty() {
                continue;
            }
            log = edit::compose(log, &text, edits, stage.name());
            text = output;
        }
        (text, log)
    }
}

/// The result, its log finished (see [`edit::finish_log`]), checked in a debug build.
fn finish<'a>(original: &[u8], text: Cow<'a, str>, edits: Vec<Edit>, meta: Meta) -> Cleaned<'a> {
    if cfg!(debug_assertions) {
        let replayed = edit::replay_bytes(original, &edits).expect("the pipeline's log replays");
        assert!(
            replayed == text.as_bytes(),
            "the pipeline's log does not reproduce its output"
        );
    }
    Cleaned { text, meta, edits }
}

/// Builds a [`Pipeline`] in code.
#[derive(Debug)]
#[must_use]
pub struct PipelineBuilder {
    decode: Option<DecodeBytes>,
    stages: Vec<Box<dyn Stage>>,
}

impl PipelineBuilder {
    /// Sets how bytes are decoded (the `decode` stage, which always runs first).
    pub fn decode(mut self, decode: DecodeBytes) -> Self {
        self.decode = Some(decode);
        self
    }

    /// Appends a stage.
    pub fn stage(mut self, stage: impl Stage + 'static) -> Self {
        self.stages.push(Box::new(stage));
        self
    }

    /// Appends a boxed stage.
    pub fn boxed_stage(mut self, stage: Box<dyn Stage>) -> Self {
        self.stages.push(stage);
        self
    }

    /// The pipeline.
    pub fn build(self) -> Pipeline {
        Pipeline {
            decode: self.decode,
            stages: self.stages,
        }
    }
}
