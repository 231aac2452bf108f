#!/usr/bin/env python3
"""The command line on one thread and on two, alternated, on the same inputs.

    cargo build --release && python3 benches/cli_threads.py [RUNS]

Writes its inputs under target/cli-threads/ from corpus/news/wikinews-295.jsonl (the 295
Wikinews articles): the articles 36 times over as JSON Lines (51 MB); 40 records that each hold
all 295 articles (57 MB), longer than a batch; and the articles 24 times over as 7 080 files
(32 MB).
Times `textmend clean` on each with `--threads 1` and `--threads 2`, alternated, RUNS times
(default 11; 5 for the long records), and prints the medians and their ratio. Wall-clock time
of the whole process, on a machine with nothing else running.
"""

import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "textmend")
OUT = os.path.join(ROOT, "target", "cli-threads")


def inputs():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(ROOT, "corpus", "news", "wikinews-295.jsonl"), encoding="utf-8") as f:
        lines = f.readlines()
    # Each input is written under another name and renamed once whole, so that a run stopped
    # while writing leaves nothing that a later run would take for the input.
    records = os.path.join(OUT, "articles-x36.jsonl")
    if not os.path.exists(records):
        with open(records + ".part", "w", encoding="utf-8") as f:
            f.writelines(lines * 36)
        os.replace(records + ".part", records)
    long = os.path.join(OUT, "long-records.jsonl")
    if not os.path.exists(long):
        text = "\n\n".join(json.loads(line)["text"] for line in lines)
        with open(long + ".part", "w", encoding="utf-8") as f:
            for i in range(40):
                f.write(json.dumps({"id": i, "text": text}) + "\n")
        os.replace(long + ".part", long)
    files_dir = os.path.join(OUT, "files")
    files = [
        os.path.join(files_dir, f"{k:02}-{i:03}.txt")
        for k in range(24)
        for i in range(len(lines))
    ]
    if not os.path.exists(files_dir):
        os.makedirs(files_dir + ".part", exist_ok=True)
        texts = [json.loads(line)["text"] for line in lines]
        for path, text in zip(files, texts * 24):
            part = os.path.join(files_dir + ".part", os.path.basename(path))
            with open(part, "w", encoding="utf-8") as f:
                f.write(text)
        os.replace(files_dir + ".part", files_dir)
    return [
        ("JSON Lines, the articles 36 times over", ["--jsonl", records], None),
        ("JSON Lines, 40 records longer than a batch", ["--jsonl", long], 5),
        ("7 080 files to stdout", files, None),
    ]


def timings(args, threads, times):
    """The wall-clock seconds of `times` runs."""
    out = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(
            [BIN, "clean", "--threads", str(threads), *args],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        out.append(time.perf_counter() - start)
    return out


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    if not os.path.exists(BIN):
        sys.exit(f"{BIN} is missing: run `cargo build --release` first")
    print(f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    print(f"{'input':45} {'1 thread':>9} {'2 threads':>9} {'ratio':>6}")
    for name, args, fewer in inputs():
        n = min(runs, fewer) if fewer else runs
        one, two = [], []
        for _ in range(n):  # alternated, so that a change of load falls on both
            one += timings(args, 1, 1)
            two += timings(args, 2, 1)
        a, b = statistics.median(one), statistics.median(two)
        print(f"{name:45} {a:8.3f}s {b:8.3f}s {a / b:5.2f}x")


if __name__ == "__main__":
    main()
