#!/usr/bin/env bash
# run.sh - how much flowc's analysis costs over parsing alone.
#
# Times `flowc --emit=ir` against `clang -fsyntax-only` on the same header
# (several entities over <string> <vector> <map> <optional>), alternating the
# two so machine noise hits both alike, and prints the medians and the ratio.
# Usage: bench/analysis/run.sh [build-dir] [runs]   (target: ratio <= 1.3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
runs=${2:-11}
flowc=$build/bin/flowc
clang=${CLANG:-clang-19}
input=$here/entities.h
[ -x "$flowc" ] || { echo "no flowc at $flowc (build first)" >&2; exit 2; }

now() { date +%s.%N; }
flowc_times=() clang_times=()
for _ in $(seq "$runs"); do
  t0=$(now); "$flowc" --emit=ir "$input" > /dev/null; t1=$(now)
  "$clang" -x c++ -std=c++20 -fsyntax-only -I"$root/include" -DFLOWC_RUN=1 \
    -Wno-pragma-once-outside-header "$input"; t2=$(now)
  flowc_times+=("$(awk "BEGIN {print $t1 - $t0}")")
  clang_times+=("$(awk "BEGIN {print $t2 - $t1}")")
done
source "$here/../common/lib.sh"
f=$(median "${flowc_times[@]}")
c=$(median "${clang_times[@]}")
printf 'runs: %d\n' "$runs"
printf 'clang -fsyntax-only: %.3f s (median)\n' "$c"
printf 'flowc --emit=ir:     %.3f s (median)\n' "$f"
printf 'ratio flowc/clang:   %.2fx (target <= 1.30)\n' "$(awk "BEGIN {print $f / $c}")"
