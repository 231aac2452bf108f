"""Clean a JSONL corpus on a Dask cluster (here a LocalCluster of two worker processes).

    python python/examples/dask_jsonl.py corpus/news/wikinews-100.jsonl > cleaned.jsonl
"""

import json
import sys

import dask.bag as db
from distributed import Client, LocalCluster

import textmend


def clean_partition(lines, pipeline):
    records = [json.loads(line) for line in lines if line.strip()]
    texts = pipeline.clean_batch([r["text"] for r in records], threads=1)
    for record, text in zip(records, texts):
        record["text"] = text
    return [json.dumps(r, ensure_ascii=False) for r in records]


if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        pipeline = textmend.Pipeline("news")  # pickled to the workers via its config
        bag = db.read_text(sys.argv[1], blocksize="256kB")
        for line in bag.map_partitions(clean_partition, pipeline).compute():
            print(line)
