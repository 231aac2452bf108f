"""Clean a JSONL corpus with PySpark's mapInPandas (local mode).

    python python/examples/spark_jsonl.py corpus/news/wikinews-100.jsonl out-dir
"""

import os
import sys

from pyspark.sql import SparkSession

import textmend

pipeline = textmend.Pipeline("news")  # shipped to the executors by pickle


def clean(batches):
    for frame in batches:
        frame["text"] = pipeline.clean_batch(frame["text"].tolist(), threads=1)
        yield frame


if __name__ == "__main__":
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers need textmend too
    spark = SparkSession.builder.master("local[2]").appName("textmend").getOrCreate()
    frame = spark.read.json(sys.argv[1])
    frame.mapInPandas(clean, schema=frame.schema).write.mode("overwrite").json(sys.argv[2])
    spark.stop()
