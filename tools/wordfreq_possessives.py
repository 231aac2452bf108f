"""Writes tools/lexicon-sources/wordfreq-possessives.tsv: for every English word whose
possessive ("x's") is in wordfreq's large English list, how often "x's" and "xs" are written, as
Zipf values (log10 of the count per billion words; 0 for a word not in the list).

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python tools/wordfreq_possessives.py > tools/lexicon-sources/wordfreq-possessives.tsv

The output depends on the pinned wordfreq release alone (sorted, no timestamps). wordfreq's data
is CC BY-SA 4.0 (see tools/lexicon-sources/README.md); so is this file.
"""

import importlib.metadata
import math
import sys

import wordfreq

VERSION = "3.1.1"


def main():
    if importlib.metadata.version("wordfreq") != VERSION:
        sys.exit(f"wordfreq {VERSION} is pinned")
    words = wordfreq.get_frequency_dict("en", wordlist="large")
    zipf = lambda f: f"{math.log10(f) + 9:.2f}" if f > 0 else "0"
    print(f"# wordfreq {VERSION}, English, large list: word, Zipf of word's, Zipf of words")
    for token in sorted(words):
        if not token.endswith("'s"):
            continue
        base = token[:-2]
        if not base or "'" in base or not base.isalpha():
            continue
        print(f"{base}\t{zipf(words[token])}\t{zipf(words.get(base + 's', 0.0))}")


if __name__ == "__main__":
    main()
