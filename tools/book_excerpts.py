#!/usr/bin/env python3
"""Writes corpus/books/*.txt: excerpts of four Project Gutenberg novels (public domain).

    python3 tools/book_excerpts.py /path/to/books   # the folder with the pg*.txt files

Each excerpt is the text after the "*** START OF THIS PROJECT GUTENBERG EBOOK" line, without the
Gutenberg header and licence footer, cut at chapter boundaries (whole chapters only), with the
byte order mark dropped and line breaks as `\n` (the originals use `\r\n`). Otherwise unchanged:
the line wrapping, verse and letters are the books' own. Deterministic.
"""
import re
import sys
from pathlib import Path

# book file, output name, chapter heading pattern, chapters kept (1-based, inclusive ranges)
BOOKS = [
    ("pg1342_pride_and_prejudice.txt", "pride-and-prejudice.txt", r"^Chapter \d+$", [(1, 13)]),
    ("pg1400_great_expectations.txt", "great-expectations.txt", r"^Chapter [IVXLC]+$", [(1, 4), (7, 7), (15, 15)]),
    ("pg74_tom_sawyer.txt", "tom-sawyer.txt", r"^CHAPTER [IVXLC]+$", [(1, 6)]),
    ("pg76_huckleberry_finn.txt", "huckleberry-finn.txt", r"^CHAPTER [IVXLC]+\.$", [(1, 7), (17, 17)]),
]


def main(src: Path, out: Path) -> None:
    for name, target, heading, keep in BOOKS:
        text = (src / name).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        start = text.index("\n", text.index("*** START OF THIS PROJECT GUTENBERG EBOOK")) + 1
        end = text.index("*** END OF THIS PROJECT GUTENBERG EBOOK")
        body = text[start:end]
        marks = [m.start() for m in re.finditer(heading, body, re.M)]
        # The front matter (title page, contents) comes with the first range that starts at 1.
        parts = []
        for first, last in keep:
            lo = 0 if first == 1 else marks[first - 1]
            hi = marks[last] if last < len(marks) else len(body)
            parts.append(body[lo:hi].strip("\n") + "\n")
        (out / target).write_text("\n\n\n".join(parts), encoding="utf-8")
        print(target, sum(len(p.encode()) for p in parts), "bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "corpus" / "books")
