#!/usr/bin/env bash
# differential_test.sh - `run` on 1-4 threads, with and without spills, against the
# Hadoop Streaming pipeline `map | LC_ALL=C sort | reduce` (with and without a
# combine step) and against mr_reference, for every test job on every input.
# usage: differential_test.sh MR_TESTJOBS MR_REFERENCE
set -uo pipefail
prog=$1
ref=$2
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
bash "$(dirname "$0")/make_inputs.sh" "$work/in" || { echo "FAIL: make_inputs.sh"; exit 1; }

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

# Which inputs each job runs on (all the small ones, plus its own big ones).
small="escapes empty empty_lines no_newline numbers bytes"
declare -A inputs=(
  [wordcount]="$small text long_line"
  [wordcount_nc]="$small text long_line"
  [mean]="$small readings"
  [parity]="$small numbers readings"
  [fields]="$small text long_line readings"
  [lengths]="$small text"
  [numbers]="$small readings"
  [bytes]="$small text"
)
combiners="wordcount parity numbers"

for job in wordcount wordcount_nc mean parity fields lengths numbers bytes; do
  for input in ${inputs[$job]}; do
    in=$work/in/$input.txt
    out=$work/out.$job.$input
    mkdir -p "$out"
    "$ref" "$job" <"$in" >"$out/reference" || fail "$job/$input: mr_reference failed"
    "$prog" --job "$job" map <"$in" | sort | "$prog" --job "$job" reduce >"$out/pipeline" \
      || fail "$job/$input: pipeline failed"
    same "$job/$input: pipeline vs reference" "$out/reference" "$out/pipeline"
    if [[ " $combiners " == *" $job "* ]]; then
      # Hadoop runs the combiner on sorted parts of the map output.
      head -c $(($(wc -c <"$in") / 2)) "$in" >"$out/part1"
      tail -c +$(($(wc -c <"$in") / 2 + 1)) "$in" >"$out/part2"
      for part in part1 part2; do
        "$prog" --job "$job" map <"$out/$part" | sort | "$prog" --job "$job" combine \
          >"$out/$part.combined" || fail "$job/$input: combine failed"
      done
      "$prog" --job "$job" map <"$in" | sort | "$prog" --job "$job" combine | \
        "$prog" --job "$job" reduce >"$out/combined" || fail "$job/$input: combine failed"
      same "$job/$input: map|sort|combine|reduce vs reference" "$out/reference" "$out/combined"
    fi
    for threads in 1 2 3 4; do
      "$prog" --job "$job" run -j "$threads" "$in" >"$out/run$threads" \
        || fail "$job/$input: run -j$threads failed"
      same "$job/$input: run -j$threads vs reference" "$out/reference" "$out/run$threads"
    done
    # Standard input, as a pipe (streamed, not mapped).
    cat "$in" | "$prog" --job "$job" run -j 2 >"$out/stdin" || fail "$job/$input: stdin failed"
    same "$job/$input: run from a pipe vs reference" "$out/reference" "$out/stdin"
    # A tiny memory limit forces spills (small ones, to stay quick on big inputs).
    limit=2K
    (($(wc -c <"$in") > 100000)) && limit=64K
    "$prog" --job "$job" run -j 3 --memory-limit $limit -v -o "$out/spill" "$in" 2>"$out/spill.log" \
      || fail "$job/$input: spilling run failed"
    same "$job/$input: spilling run vs reference" "$out/reference" "$out/spill"
    # parity has two keys, which never outgrow even a tiny limit.
    if [[ -s $in && $job != parity ]] && ! grep -Eq 'spilled [1-9][0-9]* runs' "$out/spill.log"; then
      [[ -s $out/reference ]] && fail "$job/$input: run did not spill with --memory-limit $limit"
    fi
  done
done

# Spilling on big inputs must go through intermediate merges too.
"$prog" --job wordcount_nc run -j 2 --memory-limit 16K -v "$work/in/text.txt" \
  >"$work/merged" 2>"$work/merged.log" || fail "merging run failed"
same "wordcount_nc: many spills vs reference" "$work/out.wordcount_nc.text/reference" "$work/merged"
grep -Eq '[1-9][0-9]* intermediate merges' "$work/merged.log" || fail "no intermediate merge happened"
checks=$((checks + 1))

# Several inputs are several files; a last line without a newline stays alone.
"$prog" --job wordcount run "$work/in/escapes.txt" "$work/in/text.txt" >"$work/two"
cat "$work/in/escapes.txt" "$work/in/text.txt" | "$ref" wordcount >"$work/two.ref"
same "wordcount: two inputs vs their concatenation" "$work/two.ref" "$work/two"
"$prog" --job wordcount run "$work/in/no_newline.txt" "$work/in/no_newline.txt" >"$work/nonl"
{ cat "$work/in/no_newline.txt"; echo; cat "$work/in/no_newline.txt"; } | "$ref" wordcount >"$work/nonl.ref"
same "wordcount: inputs without final newline stay apart" "$work/nonl.ref" "$work/nonl"

# Spill files live in $TMPDIR only while open: nothing is left behind.
checks=$((checks + 1))
if [[ -n $(ls -A "$TMPDIR") ]]; then
  fail "temporary files left in \$TMPDIR: $(ls -A "$TMPDIR" | head -3)"
fi

echo "$checks checks, $failures failures"
[[ $failures == 0 ]]
