"""Pipeline.clean_batch (1 and 2 threads) against ftfy.fix_text, same process, same documents.

    python python/examples/compare_ftfy.py [corpus.jsonl] [rounds]
"""

import json
import sys
import time
from pathlib import Path

import ftfy

import textmend

root = Path(__file__).resolve().parents[2]
path = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "corpus/news/wikinews-295.jsonl"
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
texts = [json.loads(line)["text"] for line in path.open() if line.strip()]
mb = sum(len(t.encode()) for t in texts) / 1e6


def best(f):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return mb / min(times)


pipeline = textmend.Pipeline("news")
rates = {
    "textmend clean_batch, 1 thread": best(lambda: pipeline.clean_batch(texts, threads=1)),
    "textmend clean_batch, 2 threads": best(lambda: pipeline.clean_batch(texts, threads=2)),
    "ftfy.fix_text (6.3.1 defaults)": best(lambda: [ftfy.fix_text(t) for t in texts]),
}
ftfy_rate = rates["ftfy.fix_text (6.3.1 defaults)"]
print(f"{len(texts)} documents, {mb:.2f} MB, best of {rounds}")
for name, rate in rates.items():
    print(f"  {name:34} {rate:7.2f} MB/s  {rate / ftfy_rate:5.2f}x ftfy")
