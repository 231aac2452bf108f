"""One run inside a real distributed engine: a Dask LocalCluster with worker processes."""

import json
import os
import subprocess
from pathlib import Path

import pytest

import textmend

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus/news/wikinews-100.jsonl"
CLI = Path(os.environ.get("TEXTMEND_CLI", ROOT / "target/release/textmend"))


def clean_partition(pipeline, lines):
    records = [json.loads(line) for line in lines]
    texts = pipeline.clean_batch([r["text"] for r in records], threads=1)
    for record, text in zip(records, texts):
        record["text"] = text
    return [json.dumps(r, ensure_ascii=False) for r in records]


@pytest.mark.skipif(not CLI.exists(), reason="build the CLI first: cargo build --release")
def test_dask_local_cluster_matches_cli():
    distributed = pytest.importorskip("distributed")
    lines = [l for l in CORPUS.read_text().splitlines() if l.strip()]
    partitions = [lines[i::4] for i in range(4)]  # four partitions, interleaved
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids
        pipeline = client.scatter(textmend.Pipeline("news"), broadcast=True)
        futures = client.map(clean_partition, [pipeline] * 4, partitions, pure=False)
        results = client.gather(futures)
    by_url = {}
    for part in results:
        for line in part:
            record = json.loads(line)
            by_url[record["url"]] = record
    cli = subprocess.run([str(CLI), "clean", "--jsonl", "--field", "text", str(CORPUS)],
                         check=True, capture_output=True, text=True).stdout
    expected = [json.loads(l) for l in cli.splitlines() if l.strip()]
    assert len(expected) == len(lines) == len(by_url)
    for record in expected:
        assert by_url[record["url"]] == record
