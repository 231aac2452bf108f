//! Where input comes from and where its output goes.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// One input: standard input or a file.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    /// The inputs named on the command line: standard input when none is.
    pub fn all(files: &[PathBuf]) -> Vec<Input> {
        if files.is_empty() {
            return vec![Input::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Input::Stdin
                } else {
                    Input::File(f.clone())
                }
            })
            .collect()
    }

    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".into(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// Its size in bytes, when known in advance.
    pub fn len(&self) -> Option<u64> {
        match self {
            Input::Stdin => None,
            Input::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
        }
    }

    pub fn open(&self) -> io::Result<Box<dyn Read + Send>> {
        Ok(match self {
            Input::Stdin => Box::new(io::stdin()),
            Input::File(path) => Box::new(File::open(path)?),
        })
    }

    pub fn read_all(&self) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        self.open()?.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Where its output goes under `--out-dir DIR`.
    pub fn output_path(&self, dir: &Path) -> Option<PathBuf> {
        match self {
            Input::Stdin => None,
            Input::File(path) => path.file_name().map(|name| dir.join(name)),
        }
    }
}

/// Checks that `--out-dir` can take these inputs: files only, no two with the same name.
pub fn check_out_dir(inputs: &[Input], dir: &Path) -> Result<(), String> {
    let mut seen = HashSet::new();
    for input in inputs {
        let Some(path) = input.output_path(dir) else {
            return Err(format!(
                "--out-dir needs input files; {} has no file name",
                input.name()
            ));
        };
        if !seen.insert(path.clone()) {
            return Err(format!(
                "--out-dir: two inputs would both be written to {}",
                path.display()
            ));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))
}
