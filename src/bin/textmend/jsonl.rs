//! JSON Lines mode: one record per line, one field cleaned, every other field kept, order kept.
//!
//! Records stream through in batches, so memory is bounded by the batch, not the input: a batch
//! is read, cleaned in parallel, written in order, and dropped. A line that is not a JSON object
//! with a string in the field is reported on stderr with its line number and left out of the
//! output; the other records are still cleaned, and the exit status is then 1.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

use rayon::prelude::*;
use textmend::Pipeline;

use crate::Status;
use crate::args::CleanArgs;
use crate::input::{Input, check_out_dir};
use crate::progress;
use crate::record::{self, Options};

/// A batch ends after this many records or this many bytes, whichever comes first.
const BATCH_RECORDS: usize = 4096;
const BATCH_BYTES: usize = 16 << 20;

pub fn run(pipeline: &Pipeline, args: &CleanArgs) -> io::Result<Status> {
    let inputs = Input::all(&args.files);
    if let Some(dir) = &args.out_dir
        && let Err(message) = check_out_dir(&inputs, dir)
    {
        eprintln!("textmend: {message}");
        return Ok(Status::Usage);
    }
    let bar = progress::bar(inputs.iter().map(Input::len).sum());
    let mut status = Status::Ok;
    for input in &inputs {
        let reader = match input.open() {
            Ok(reader) => BufReader::with_capacity(1 << 20, reader),
            Err(e) => {
                eprintln!("textmend: {}: cannot read: {e}", input.name());
                status = Status::BadInput;
                continue;
            }
        };
        let writer: Box<dyn Write> = match args.out_dir.as_ref().and_then(|d| input.output_path(d))
        {
            None => Box::new(io::stdout().lock()),
            Some(path) => match File::create(&path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    eprintln!("textmend: {}: cannot create: {e}", path.display());
                    status = Status::BadInput;
                    continue;
                }
            },
        };
        let mut writer = BufWriter::with_capacity(1 << 20, writer);
        status = status.max(stream(pipeline, args, input, reader, &mut writer, &bar)?);
        writer.flush()?;
    }
    bar.finish_and_clear();
    Ok(status)
}

fn stream(
    pipeline: &Pipeline,
    args: &CleanArgs,
    input: &Input,
    mut reader: impl BufRead,
    writer: &mut impl Write,
    bar: &indicatif::ProgressBar,
) -> io::Result<Status> {
    let mut status = Status::Ok;
    let mut line_number = 0usize;
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH_RECORDS);
    loop {
        let mut bytes_in_batch = 0;
        batch.clear();
        while batch.len() < BATCH_RECORDS && bytes_in_batch < BATCH_BYTES {
            let mut line = Vec::new();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(n) => {
                    line_number += 1;
                    bytes_in_batch += n;
                    batch.push((line_number, line));
                }
                Err(e) => {
                    eprintln!("textmend: {}: cannot read: {e}", input.name());
                    status = Status::BadInput;
                    break;
                }
            }
        }
        if batch.is_empty() {
            return Ok(status);
        }
        let options = Options {
            field: &args.field,
            meta: args.meta,
            explain: args.explain,
        };
        let results: Vec<_> = batch
            .par_iter()
            .map(|(_, line)| record::clean_record(pipeline, options, line))
            .collect();
        for ((line_number, _), result) in batch.iter().zip(results) {
            match result {
                Ok(Some(record)) => {
                    writer.write_all(record.as_bytes())?;
                    writer.write_all(b"\n")?;
                }
                Ok(None) => {}
                Err(message) => {
                    eprintln!("textmend: {}:{line_number}: {message}", input.name());
                    status = Status::BadInput;
                }
            }
        }
        bar.inc(bytes_in_batch as u64);
    }
}
