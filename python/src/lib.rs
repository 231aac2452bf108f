//! Python bindings for textmend (`import textmend`): the pipeline, its results, and a batch call
//! that releases the GIL and cleans documents in parallel with rayon.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};
use rayon::prelude::*;

create_exception!(
    _textmend,
    TextmendError,
    PyValueError,
    "A pipeline could not be built (unknown stage or preset, bad config); the message is the library's."
);

fn err(e: textmend::Error) -> PyErr {
    TextmendError::new_err(e.to_string())
}

fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// The result of cleaning one document: `.text`, `.meta` (a dict) and `.edits` (a list of dicts
/// with the fields stage, start, end, before, after, reason; offsets are bytes of the input).
#[pyclass(frozen, module = "textmend")]
struct Cleaned {
    text: String,
    meta: String,
    edits: String,
    changed: bool,
}

impl Cleaned {
    fn from(cleaned: textmend::Cleaned<'_>) -> Cleaned {
        Cleaned {
            meta: serde_json::to_string(&cleaned.meta).expect("meta serializes"),
            edits: serde_json::to_string(&cleaned.edits).expect("edits serialize"),
            changed: !cleaned.edits.is_empty(),
            text: cleaned.text.into_owned(),
        }
    }
}

#[pymethods]
impl Cleaned {
    /// The cleaned text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// What the stages learned: title, date, source, url, encoding, ... (only those found).
    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.meta)
    }
    /// Every change, as dicts in the order of the input.
    #[getter]
    fn edits<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.edits)
    }
    /// True when the text came through unchanged.
    #[getter]
    fn unchanged(&self) -> bool {
        !self.changed
    }
    fn __str__(&self) -> &str {
        &self.text
    }
    fn __repr__(&self) -> String {
        format!(
            "Cleaned(text={:?}, changed={})",
            self.text.chars().take(40).collect::<String>(),
            self.changed
        )
    }
}

/// A pipeline of stages. Give one of `preset` (a name such as "news"), `stages` (a list of
/// stage names) or `config` (a dict, a TOML or JSON string, or a path to a .toml/.json file).
/// With none, the `news` preset.
#[pyclass(frozen, module = "textmend")]
struct Pipeline {
    inner: textmend::Pipeline,
}

fn config_text(py: Python<'_>, config: &Bound<'_, PyAny>) -> PyResult<String> {
    if config.is_instance_of::<PyDict>() {
        return py
            .import("json")?
            .call_method1("dumps", (config,))?
            .extract();
    }
    let os = py.import("os")?;
    let path: String = os.call_method1("fspath", (config,))?.extract()?;
    let trimmed = path.trim_start();
    if trimmed.starts_with('{') || trimmed.contains('\n') || trimmed.starts_with('[') {
        return Ok(path);
    }
    std::fs::read_to_string(&path)
        .map_err(|e| TextmendError::new_err(format!("cannot read config {path:?}: {e}")))
}

fn pool(threads: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS.get_or_init(Default::default).lock().unwrap();
    if let Some(pool) = pools.get(&threads) {
        return Ok(pool.clone());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let pool = Arc::new(pool);
    pools.insert(threads, pool.clone());
    Ok(pool)
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (preset=None, *, stages=None, config=None))]
    fn new(
        py: Python<'_>,
        preset: Option<&str>,
        stages: Option<Vec<String>>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Pipeline> {
        let given = preset.is_some() as u8 + stages.is_some() as u8 + config.is_some() as u8;
        if given > 1 {
            return Err(TextmendError::new_err(
                "give one of preset, stages or config, not several",
            ));
        }
        let inner = if let Some(stages) = stages {
            textmend::Pipeline::from_stage_names(stages).map_err(err)?
        } else if let Some(config) = config {
            let text = config_text(py, config)?;
            let config = textmend::PipelineConfig::parse(&text).map_err(err)?;
            textmend::Pipeline::from_config(&config).map_err(err)?
        } else {
            textmend::Pipeline::preset(preset.unwrap_or("news")).map_err(err)?
        };
        Ok(Pipeline { inner })
    }

    /// Cleans one text.
    fn clean(&self, py: Python<'_>, text: &str) -> Cleaned {
        let text = text.to_owned();
        py.detach(|| Cleaned::from(self.inner.clean(&text)))
    }

    /// Decodes bytes (detecting their encoding; `meta["encoding"]` says which) and cleans them.
    fn clean_bytes(&self, py: Python<'_>, data: &[u8]) -> Cleaned {
        let data = data.to_vec();
        py.detach(|| Cleaned::from(self.inner.clean_bytes(&data)))
    }

    /// Cleans many texts in parallel, without the GIL. Returns the cleaned texts (a list of str),
    /// or with `explain=True` the full results. `threads` defaults to rayon's (all cores).
    #[pyo3(signature = (texts, *, threads=None, explain=false))]
    fn clean_batch<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        threads: Option<usize>,
        explain: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let pool = threads.map(pool).transpose()?;
        let inner = &self.inner;
        if explain {
            let run = || -> Vec<Cleaned> {
                texts
                    .par_iter()
                    .map(|t| Cleaned::from(inner.clean(t)))
                    .collect()
            };
            let out = py.detach(|| match &pool {
                Some(pool) => pool.install(run),
                None => run(),
            });
            Ok(out.into_pyobject(py)?.into_any())
        } else {
            let run = || -> Vec<String> {
                texts
                    .par_iter()
                    .map(|t| inner.clean(t).text.into_owned())
                    .collect()
            };
            let out = py.detach(|| match &pool {
                Some(pool) => pool.install(run),
                None => run(),
            });
            Ok(out.into_pyobject(py)?.into_any())
        }
    }

    /// The names of the stages, in order.
    #[getter]
    fn stages(&self) -> Vec<String> {
        self.inner
            .stage_names()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The pipeline's config as a dict (`Pipeline(config=p.config())` rebuilds it).
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        loads(py, &self.config_json()?)
    }

    /// The config as TOML text.
    fn to_toml(&self) -> PyResult<String> {
        Ok(self.inner.config().map_err(err)?.to_toml())
    }

    /// The config as JSON text.
    fn to_json(&self) -> PyResult<String> {
        self.config_json()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let json = slf.get().config_json()?;
        let rebuild = py.import("textmend")?.getattr("_pipeline_from_json")?;
        PyTuple::new(
            py,
            [rebuild.into_any(), PyTuple::new(py, [json])?.into_any()],
        )
    }

    fn __repr__(&self) -> String {
        format!("Pipeline(stages={:?})", self.inner.stage_names())
    }
}

impl Pipeline {
    fn config_json(&self) -> PyResult<String> {
        Ok(self.inner.config().map_err(err)?.to_json())
    }
}

#[pyfunction]
fn _pipeline_from_json(json: &str) -> PyResult<Pipeline> {
    let config = textmend::PipelineConfig::from_json(json).map_err(err)?;
    Ok(Pipeline {
        inner: textmend::Pipeline::from_config(&config).map_err(err)?,
    })
}

/// Cleans text with a preset (default "news") and returns the text.
#[pyfunction]
#[pyo3(signature = (text, preset="news"))]
fn clean(py: Python<'_>, text: &str, preset: &str) -> PyResult<String> {
    if preset == "news" {
        let text = text.to_owned();
        return Ok(py.detach(|| textmend::clean(&text).text.into_owned()));
    }
    let pipeline = textmend::Pipeline::preset(preset).map_err(err)?;
    Ok(pipeline.clean(text).text.into_owned())
}

/// Decodes bytes (detecting the encoding) and cleans them with the `news` preset; returns the
/// full result (`.text`, `.meta` with `encoding`, `.edits`).
#[pyfunction]
fn clean_bytes(py: Python<'_>, data: &Bound<'_, PyBytes>) -> Cleaned {
    let data = data.as_bytes().to_vec();
    py.detach(|| Cleaned::from(textmend::clean_bytes(&data)))
}

#[pymodule]
fn _textmend(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    m.add_class::<Cleaned>()?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(_pipeline_from_json, m)?)?;
    m.add("TextmendError", m.py().get_type::<TextmendError>())?;
    Ok(())
}
