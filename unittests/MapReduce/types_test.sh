#!/usr/bin/env bash
# types_test.sh - the type jobs (type_jobs.h: every key, value and output type,
# with and without a combiner), in the program flowc generated for them: `run` on
# 1-4 threads, from a pipe and with spills, and the Hadoop Streaming pipeline
# `map | LC_ALL=C sort | reduce` (and with a combine step), against mr_reference.
# usage: types_test.sh MR_TYPEJOBS MR_REFERENCE
set -uo pipefail
shopt -s nullglob
prog=$1
ref=$2
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR" "$work/in"

# Words of a skewed vocabulary (many repeats, so keys get many values) and
# lines of random bytes (tokens with control bytes, backslashes and bytes
# above 127), deterministic through awk's srand() with fixed seeds.
awk 'BEGIN { srand(5); for (i = 0; i < 3000; i++) { n = int(rand() * 7); s = "";
  for (j = 0; j < n; j++) s = s (j ? " " : "") "w" int(rand() ^ 3 * 2000);
  print s } }' >"$work/in/tokens.txt"
awk 'BEGIN { srand(11); for (i = 0; i < 800; i++) { n = int(rand() * 30); s = "";
  for (j = 0; j < n; j++) { c = int(rand() * 255) + 1; if (c == 10) c = 32; s = s sprintf("%c", c) }
  print s } }' >>"$work/in/tokens.txt"
printf 'no final newline\t0 -0 nan' >>"$work/in/tokens.txt"
in=$work/in/tokens.txt

failures=0
checks=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# same NAME EXPECTED ACTUAL: byte equality of two files.
same() {
  checks=$((checks + 1))
  if ! cmp -s "$2" "$3"; then
    fail "$1"
    diff <(head -c 20000 "$2" | cat -A | head -20) <(head -c 20000 "$3" | cat -A | head -20) | head -20
  fi
}

types="bool char schar uchar short ushort int uint long ulong llong ullong float double ldouble string"
for type in $types; do
  for job in keyed_$type same_$type; do
    out=$work/out.$job
    mkdir -p "$out"
    "$ref" "$job" <"$in" >"$out/reference" || fail "$job: mr_reference failed"
    "$prog" --job "$job" map <"$in" | sort | "$prog" --job "$job" reduce >"$out/pipeline" \
      || fail "$job: pipeline failed"
    same "$job: pipeline vs reference" "$out/reference" "$out/pipeline"
    if [[ $job == same_* ]]; then
      # Hadoop runs the combiner on sorted parts of the map output (three here,
      # which cut through keys).
      "$prog" --job "$job" map <"$in" | sort >"$out/sorted"
      split -n l/3 "$out/sorted" "$out/part."
      for part in "$out"/part.*; do
        "$prog" --job "$job" combine <"$part" >"$part.combined" \
          || fail "$job: combine failed"
      done
      cat /dev/null "$out"/part.*.combined | sort | "$prog" --job "$job" reduce >"$out/combined" \
        || fail "$job: reduce after combine failed"
      same "$job: map|sort|combine|sort|reduce vs reference" "$out/reference" "$out/combined"
    fi
    for threads in 1 2 4; do
      "$prog" --job "$job" run -j "$threads" "$in" >"$out/run$threads" \
        || fail "$job: run -j$threads failed"
      same "$job: run -j$threads vs reference" "$out/reference" "$out/run$threads"
    done
    cat "$in" | "$prog" --job "$job" run -j 3 >"$out/stdin" || fail "$job: stdin failed"
    same "$job: run from a pipe vs reference" "$out/reference" "$out/stdin"
    # A small memory limit: spilled runs go through the text form and are merged.
    "$prog" --job "$job" run -j 2 --memory-limit 16K -v -o "$out/spill" "$in" 2>"$out/spill.log" \
      || fail "$job: spilling run failed"
    same "$job: spilling run vs reference" "$out/reference" "$out/spill"
    if [[ $job == keyed_* ]] && ! grep -Eq 'spilled [1-9][0-9]* runs' "$out/spill.log"; then
      fail "$job: run did not spill with --memory-limit 16K"
    fi
  done
done

# Spill files live in $TMPDIR only while open: nothing is left behind.
checks=$((checks + 1))
if [[ -n $(ls -A "$TMPDIR") ]]; then
  fail "temporary files left in \$TMPDIR: $(ls -A "$TMPDIR" | head -3)"
fi

echo "$checks checks, $failures failures"
[[ $failures == 0 ]]
