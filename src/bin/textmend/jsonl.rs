//! JSON Lines mode: one record per line, one field cleaned, every other field kept, order kept.
//!
//! Records stream through in batches, so memory is bounded by the batches in flight, not the
//! input: a reader thread reads the next batch, and the calling thread hands batches to the pool
//! and writes the earliest one done (in order) while the others are cleaned in parallel; each is
//! dropped once written. Reading and writing are thus not time the cleaning threads wait through
//! (with two threads, a third of a second a gigabyte read, and as much written). A batch's
//! cleaning does not wait for the one before it to end, so a record longer than a batch is
//! cleaned beside the next ones, not alone.
//!
//! A line that is not a JSON object with a string in the field is reported on stderr with its
//! line number and left out of the output; the other records are still cleaned, and the exit
//! status is then 1.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::sync::mpsc::sync_channel;
use std::thread;

use rayon::prelude::*;
use textmend::Pipeline;

use crate::Status;
use crate::args::CleanArgs;
use crate::input::{Input, check_out_dir};
use crate::record::{self, Options};
use crate::{ordered, progress};

/// A batch ends after this many records or this many bytes, whichever comes first. Small
/// batches keep both threads busy from the first megabyte to the last (the first batch is read,
/// and the last written, while the other threads wait); on 51 MB of news, two threads ran 1.87x
/// one with these, 1.78x with 1024 records and 4 MiB. At most one batch more than the pool has
/// threads is being cleaned or written (three with two), one waits for them, and one is being
/// read.
const BATCH_RECORDS: usize = 256;
const BATCH_BYTES: usize = 1 << 20;

/// Lines with their line numbers.
type Batch = Vec<(usize, Vec<u8>)>;

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
        let writer: Box<dyn Write + Send> =
            match args.out_dir.as_ref().and_then(|d| input.output_path(d)) {
                // Not locked: the writer thread writes it (a megabyte at a time, through the buffer).
                None => Box::new(io::stdout()),
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
        let written = stream(
            pipeline,
            args,
            input,
            reader,
            &mut writer,
            &bar,
            &mut status,
        )
        .and_then(|()| writer.flush());
        if written.is_err() {
            bar.finish_and_clear();
            return crate::status_unless_broken(written, status);
        }
    }
    bar.finish_and_clear();
    Ok(status)
}

fn stream(
    pipeline: &Pipeline,
    args: &CleanArgs,
    input: &Input,
    reader: impl BufRead + Send,
    writer: &mut (impl Write + Send),
    bar: &indicatif::ProgressBar,
    status: &mut Status,
) -> io::Result<()> {
    let options = Options {
        field: &args.field,
        meta: args.meta,
        explain: args.explain,
    };
    let name = input.name();
    let name = name.as_str();
    // One batch waits between the reader and the cleaning; each is a job, written in order as
    // soon as it is done (see `ordered::in_order`).
    let (read_tx, read_rx) = sync_channel::<Batch>(1);
    thread::scope(|scope| {
        let reading = scope.spawn(move || read_batches(reader, name, |batch| read_tx.send(batch)));
        let clean_batch = |batch: Batch| {
            let results: Vec<Cleaned> = batch
                .par_iter()
                .map(|(_, line)| record::clean_record(pipeline, options, line))
                .collect();
            (batch, results)
        };
        let written = ordered::in_order(read_rx, clean_batch, |(batch, results)| {
            let mut bytes = 0;
            for ((line_number, line), result) in batch.iter().zip(results) {
                bytes += line.len();
                match result {
                    Ok(Some(record)) => {
                        writer.write_all(record.as_bytes())?;
                        writer.write_all(b"\n")?;
                    }
                    Ok(None) => {}
                    Err(message) => {
                        eprintln!("textmend: {name}:{line_number}: {message}");
                        *status = Status::BadInput;
                    }
                }
            }
            bar.inc(bytes as u64);
            Ok(())
        });
        // On an error of writing, the channel is dropped here, and the reader stops.
        let read = reading.join().expect("the reader thread does not panic");
        *status = (*status).max(read);
        written
    })
}

/// The outcome of one record: see [`record::clean_record`].
type Cleaned = Result<Option<String>, String>;

/// Reads `reader` in batches and hands each to `send`, until the input ends, a read fails
/// (reported), or `send` fails (the receiver stopped).
fn read_batches<E>(
    mut reader: impl BufRead,
    name: &str,
    mut send: impl FnMut(Batch) -> Result<(), E>,
) -> Status {
    let mut line_number = 0usize;
    loop {
        let mut batch: Batch = Vec::with_capacity(BATCH_RECORDS);
        let mut bytes_in_batch = 0;
        let mut status = Status::Ok;
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
                    eprintln!("textmend: {name}: cannot read: {e}");
                    status = Status::BadInput;
                    break;
                }
            }
        }
        let last = batch.len() < BATCH_RECORDS && bytes_in_batch < BATCH_BYTES;
        if !batch.is_empty() && send(batch).is_err() {
            return status;
        }
        if last {
            return status;
        }
    }
}
