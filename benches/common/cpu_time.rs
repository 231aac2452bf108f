//! A criterion measurement of the benchmark thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`)
//! instead of wall-clock time: on a machine shared with other work, the time other processes
//! take the core for is not counted, so a benchmark reads the same under load as on an idle
//! machine (cache and memory bandwidth shared with them aside). The benchmarks are one thread
//! each, so on an idle machine the two agree. Elsewhere than on Unix, wall-clock time.
//!
//! Included by path (`#[path = "common/cpu_time.rs"]`) by the criterion benchmarks only, so that
//! `benches/common/mod.rs` stays free of criterion for the crate under `benches/plsfix-compare/`.

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput};

/// The configuration of every benchmark group: CPU time, and the durations of
/// `benches/common/` ([`WARM_UP`](crate::common::WARM_UP) and the rest).
pub fn config() -> Criterion<ThreadCpuTime> {
    Criterion::default()
        .with_measurement(ThreadCpuTime)
        .warm_up_time(crate::common::WARM_UP)
        .measurement_time(crate::common::MEASUREMENT)
        .sample_size(crate::common::SAMPLES)
}

/// The calling thread's CPU time, in nanoseconds.
#[cfg(unix)]
fn now() -> u64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec to write to; the clock exists on every Unix we build for.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(r, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    t.tv_sec as u64 * 1_000_000_000 + t.tv_nsec as u64
}

#[cfg(not(unix))]
fn now() -> u64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos() as u64
}

/// See the module docs.
pub struct ThreadCpuTime;

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        now()
    }
    fn end(&self, start: u64) -> u64 {
        now() - start
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Values in nanoseconds, throughput in bytes (MiB/s, GiB/s, as criterion writes them) or
/// elements per second.
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match ns {
            ns if ns < 1e3 => (1.0, "ns"),
            ns if ns < 1e6 => (1e-3, "µs"),
            ns if ns < 1e9 => (1e-6, "ms"),
            _ => (1e-9, "s"),
        };
        for v in values {
            *v *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let (per_value, units): (u64, [&'static str; 4]) = match *throughput {
            Throughput::Bytes(n) => (n, ["  B/s", "KiB/s", "MiB/s", "GiB/s"]),
            Throughput::BytesDecimal(n) => (n, ["B/s", "KB/s", "MB/s", "GB/s"]),
            Throughput::Bits(n) => (n, ["b/s", "Kb/s", "Mb/s", "Gb/s"]),
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => {
                (n, ["elem/s", "Kelem/s", "Melem/s", "Gelem/s"])
            }
        };
        let base: f64 = if units[0] == "  B/s" { 1024.0 } else { 1000.0 };
        let per_second = per_value as f64 * 1e9 / typical;
        let scale = (0..3)
            .take_while(|&k| per_second >= base.powi(k + 1))
            .count();
        for v in values.iter_mut() {
            *v = per_value as f64 * 1e9 / *v / base.powi(scale as i32);
        }
        units[scale]
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
