"""Clean a Hugging Face dataset with datasets.map(batched=True), here one loaded from local JSONL.

    python python/examples/hf_datasets.py corpus/news/wikinews-100.jsonl
"""

import sys

from datasets import load_dataset

import textmend

pipeline = textmend.Pipeline("news")


def clean(batch):
    return {"text": pipeline.clean_batch(batch["text"])}


if __name__ == "__main__":
    dataset = load_dataset("json", data_files=sys.argv[1], split="train")
    cleaned = dataset.map(clean, batched=True, batch_size=256, num_proc=2)
    print(cleaned[0]["text"][:300])
