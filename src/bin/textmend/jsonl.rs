//! JSON Lines mode: one record per line, one field cleaned, every other field kept, order kept.
//!
//! Records stream through in batches, so memory is bounded by the batches in flight, not the
//! input: a reader thread reads the next batch and a writer thread writes the earliest one (in
//! order) while the batches between them are cleaned in parallel; each is dropped once written.
//! Reading and writing are thus not time the cleaning threads wait through (with two threads, a
//! third of a second a gigabyte read, and as much written). A batch's cleaning does not wait for
//! the one before it to end, so a record longer than a batch is cleaned beside the next ones, not
//! alone.
//!
//! A line that is not a JSON object with a string in the field is reported on stderr with its
//! line number and left out of the output; the other records are still cleaned, and the exit
//! status is then 1.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread;

use rayon::prelude::*;
use textmend::Pipeline;

use crate::Status;
use crate::args::CleanArgs;
use crate::input::{Input, check_out_dir};
use crate::progress;
use crate::record::{self, Options};

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
    // One batch waits between the reader and the cleaning. The cleaning of a batch does not wait
    // for the one before it to end: its records are taken up by a thread as soon as it is free,
    // so a long record at the end of a batch keeps one thread busy, not every other one idle. The
    // writer takes each batch's results in order, when they are ready; the channel to it bounds
    // the batches being cleaned or written to one more than the threads: the one it waits for,
    // those in the channel, and the one this thread spawned last.
    let (read_tx, read_rx) = sync_channel::<Batch>(1);
    let waiting = rayon::current_num_threads().max(2) - 1;
    let (clean_tx, clean_rx) = sync_channel::<Receiver<(Batch, Vec<Cleaned>)>>(waiting);
    thread::scope(|scope| {
        let reading = scope.spawn(move || read_batches(reader, name, |batch| read_tx.send(batch)));
        // What the writer saw, and how its writing ended: a record reported before the writing
        // failed still counts.
        let writing = scope.spawn(move || -> (Status, io::Result<()>) {
            let mut status = Status::Ok;
            let mut write = |record: &str| {
                writer.write_all(record.as_bytes())?;
                writer.write_all(b"\n")
            };
            for cleaned in clean_rx {
                let (batch, results) = cleaned.recv().expect("a cleaning job does not panic");
                let mut bytes = 0;
                for ((line_number, line), result) in batch.iter().zip(results) {
                    bytes += line.len();
                    match result {
                        Ok(Some(record)) => {
                            if let Err(e) = write(&record) {
                                return (status, Err(e));
                            }
                        }
                        Ok(None) => {}
                        Err(message) => {
                            eprintln!("textmend: {name}:{line_number}: {message}");
                            status = Status::BadInput;
                        }
                    }
                }
                bar.inc(bytes as u64);
            }
            (status, Ok(()))
        });
        // In place: this thread only hands out batches, and the pool's threads clean them.
        rayon::in_place_scope(|jobs| {
            for batch in read_rx {
                let (done_tx, done_rx) = sync_channel(1);
                jobs.spawn(move |_| {
                    let results: Vec<Cleaned> = batch
                        .par_iter()
                        .map(|(_, line)| record::clean_record(pipeline, options, line))
                        .collect();
                    // The writer may have stopped (on an error it returns below).
                    let _ = done_tx.send((batch, results));
                });
                if clean_tx.send(done_rx).is_err() {
                    break; // The writer stopped.
                }
            }
            drop(clean_tx);
        });
        let (seen, written) = writing.join().expect("the writer thread does not panic");
        let read = reading.join().expect("the reader thread does not panic");
        *status = (*status).max(seen).max(read);
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
