#!/usr/bin/env bash
# run.sh - word count over ~60 MB of text: flowc's `run -j1`/`run -j2` against a
# hand-written single-threaded C++ word count and `sort | uniq -c`.
#
# usage: bench/wordcount/run.sh [REPEATS]   (median of REPEATS runs, default 5)
# Environment: BUILD_DIR (default /tmp/flowc-bench-wordcount), SIZE_MB (60).
# Targets: run -j1 at most 0.9x the hand-written time, run -j2 at most 0.5x
# (README.md has the figures).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repeats=${1:-5}
build=${BUILD_DIR:-/tmp/flowc-bench-wordcount}
size_mb=${SIZE_MB:-60}
export LC_ALL=C

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" >/dev/null
wordcount=$build/bin/wordcount
hand=$build/bin/hand_written
[[ -x $wordcount ]] || wordcount=$build/wordcount
[[ -x $hand ]] || hand=$build/hand_written

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=$work/input.txt
while (($(stat -c %s "$input" 2>/dev/null || echo 0) < size_mb * 1000000)); do
  cat /usr/share/common-licenses/* >>"$input"
done
bytes=$(stat -c %s "$input")

# The outputs must agree before their times mean anything.
"$wordcount" run -j 1 "$input" >"$work/j1"
"$wordcount" run -j 2 "$input" >"$work/j2"
"$hand" "$input" >"$work/hand"
tr -s ' \t\n\v\f\r' '\n' <"$input" | sed '/^$/d' | sort | uniq -c >"$work/uniq"
cmp "$work/j1" "$work/hand" && cmp "$work/j2" "$work/hand" || {
  echo "run.sh: outputs differ" >&2
  exit 1
}
awk '{ print $2 "\t" $1 }' "$work/uniq" | sed 's/\\/\\\\/g' | sort >"$work/uniq.tsv"
cmp -s "$work/uniq.tsv" "$work/hand" || echo "note: sort | uniq -c counted differently" >&2

# median SECONDS...: the middle value.
source "$here/../common/lib.sh"
# seconds COMMAND...: wall time of one run.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }'
}
sort_uniq() { tr -s ' \t\n\v\f\r' '\n' <"$input" | sort | uniq -c; }

declare -A times
names=("hand-written" "run -j1" "run -j2" "sort | uniq -c")
for name in "${names[@]}"; do times[$name]=""; done
# Interleaved rounds, so that drift in the machine affects all alike.
for ((round = 0; round < repeats; ++round)); do
  times["hand-written"]+=" $(seconds "$hand" "$input")"
  times["run -j1"]+=" $(seconds "$wordcount" run -j 1 "$input")"
  times["run -j2"]+=" $(seconds "$wordcount" run -j 2 "$input")"
  times["sort | uniq -c"]+=" $(seconds sort_uniq)"
done

base=$(median ${times["hand-written"]})
printf 'word count of %.1f MB (%d words, %d distinct), median of %d runs\n' \
  "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
  "$(awk -F'\t' '{ s += $2 } END { print s }' "$work/hand")" \
  "$(wc -l <"$work/hand")" "$repeats"
printf '%-16s %9s %9s %12s\n' "" seconds "MB/s" "vs hand"
for name in "${names[@]}"; do
  t=$(median ${times[$name]})
  awk -v n="$name" -v t="$t" -v b="$bytes" -v base="$base" \
    'BEGIN { printf "%-16s %9.3f %9.1f %11.2fx\n", n, t, b / 1e6 / t, t / base }'
done
