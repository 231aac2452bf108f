"""Times ftfy.fix_text (its defaults) on every DIR/NAME.txt: the median of RUNS runs, in MB/s
(10^6 bytes of UTF-8), one `NAME MB/s` line each. Run by benches/compare.sh."""

import pathlib
import statistics
import sys
import time

import ftfy

RUNS = 5


def main() -> None:
    directory = pathlib.Path(sys.argv[1])
    for path in sorted(directory.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        size = len(text.encode("utf-8"))
        speeds = []
        for _ in range(RUNS):
            start = time.perf_counter()
            ftfy.fix_text(text)
            speeds.append(size / (time.perf_counter() - start) / 1e6)
        print(f"{path.stem} {statistics.median(speeds):.2f}", flush=True)


if __name__ == "__main__":
    main()
