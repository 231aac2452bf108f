#!/usr/bin/env bash
# textmend against ftfy 6.3.1 (Python) and plsfix 0.1.8 (Rust) on the same texts, in one run:
# builds a virtual environment with ftfy under target/, writes the benchmark texts, times ftfy on
# them, then times textmend and plsfix and prints the table with every ratio. One thread each.
#
#     bash benches/compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/compare
venv="$out/venv"
mkdir -p "$out"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "ftfy==6.3.1"
fi
manifest=benches/plsfix-compare/Cargo.toml
cargo build --quiet --release --manifest-path "$manifest"
bin=benches/plsfix-compare/target/release/plsfix-compare
"$bin" --write "$out/texts"
echo "timing ftfy $("$venv/bin/python" -c 'import ftfy; print(ftfy.__version__)') ..." >&2
"$venv/bin/python" benches/compare_ftfy.py "$out/texts" > "$out/ftfy.txt"
echo "timing textmend and plsfix ..." >&2
echo "$(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" --ftfy "$out/ftfy.txt"
