//! Work cleaned in parallel and written in order: what both modes of `textmend clean` do with
//! their groups of files and their batches of records.

use std::collections::VecDeque;
use std::io;
use std::sync::mpsc::sync_channel;

/// Runs `work` on each of `items` as a job for the pool and hands the results to `write` in the
/// items' order, each as soon as it and those before it are done: a job does not wait for the
/// one before it to end, so a long item keeps one thread busy, not the others idle. At most one
/// more item than the pool has threads (three with two) is being worked on or waiting to be
/// written, which keeps every thread busy while the earliest is written and bounds memory. The
/// calling thread only hands out items and writes; it stops at the first error of `write`, once
/// the jobs it started have ended.
pub fn in_order<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut write: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let most = rayon::current_num_threads().max(2) + 1;
    let work = &work;
    rayon::in_place_scope(|jobs| {
        let mut in_flight = VecDeque::with_capacity(most);
        for item in items {
            if in_flight.len() == most
                && let Some(done) = in_flight.pop_front()
            {
                write(received(done))?;
            }
            let (done_tx, done_rx) = sync_channel(1);
            jobs.spawn(move |_| {
                // This thread may have stopped on an error of `write`.
                let _ = done_tx.send(work(item));
            });
            in_flight.push_back(done_rx);
        }
        while let Some(done) = in_flight.pop_front() {
            write(received(done))?;
        }
        Ok(())
    })
}

fn received<R>(done: std::sync::mpsc::Receiver<R>) -> R {
    done.recv().expect("a cleaning job does not panic")
}
