#!/usr/bin/env bash
# Instructions a run of a pipeline costs on each benchmark text, counted by callgrind: the same
# on a busy machine as on an idle one, where MB/s are not (see the README's Speed section).
# With a git revision, the same for that revision (built in a temporary worktree) and the ratio.
# Both are built with `codegen-units = 1`, so that where the compiler's code-generation units
# fall does not move the counts (with the release profile's 16 it moves a text by up to 1%).
#
#     bash benches/instructions.sh [BASE-REV [PIPELINE]]     # PIPELINE: `news` by default
#
# A run is the count for two runs of `examples/profile_pipeline` less the count for one, so
# that building the text and the lexicon's first look-ups do not count. Needs valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-}
pipeline=${2:-news}
texts=(clean-news damaged-news books mojibake multilingual articles)
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1

out=$PWD/target/instructions
mkdir -p "$out"

# Builds `profile_pipeline` from the checkout DIR into target/instructions/NAME.
build() {
    local dir=$1 name=$2
    (cd "$dir" && CARGO_TARGET_DIR="$out/$name" cargo build --quiet --release --example profile_pipeline)
    echo "$out/$name/release/examples/profile_pipeline"
}

# The instructions of one run of BIN on TEXT, in millions.
count() {
    local bin=$1 text=$2 n totals=()
    for n in 1 2; do
        valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$n" \
            "$bin" "$pipeline" "$text" "$n" >/dev/null 2>"$out/valgrind.log"
        totals+=("$(grep -m1 '^summary:' "$out/callgrind.$n" | cut -d' ' -f2)")
    done
    awk -v a="${totals[0]}" -v b="${totals[1]}" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'
}

head=$(build . head)
if [ -n "$base" ]; then
    tree=$(mktemp -d)
    trap 'git worktree remove --force "$tree"' EXIT
    git worktree add --quiet --detach "$tree" "$base"
    base_bin=$(build "$tree" base)
    printf '%-14s %10s %10s %8s\n' "M instr., $pipeline" "$base" "this tree" change
    for text in "${texts[@]}"; do
        b=$(count "$base_bin" "$text")
        h=$(count "$head" "$text")
        printf '%-14s %10s %10s %7s\n' "$text" "$b" "$h" \
            "$(awk -v b="$b" -v h="$h" 'BEGIN { printf "%+.1f%%", (h - b) * 100 / b }')"
    done
else
    printf '%-14s %10s\n' "M instr., $pipeline" "this tree"
    for text in "${texts[@]}"; do
        printf '%-14s %10s\n' "$text" "$(count "$head" "$text")"
    done
fi
