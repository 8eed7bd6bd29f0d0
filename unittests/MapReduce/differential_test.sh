#!/usr/bin/env bash
# differential_test.sh - `run` on 1-4 threads, with and without spills, against the
# Hadoop Streaming pipeline `map | LC_ALL=C sort | reduce` (with and without a
# combine step) and against mr_reference, for every test job on every input.
# usage: differential_test.sh MR_TESTJOBS MR_REFERENCE
set -uo pipefail
prog=$1
ref=$2
source "$(dirname "$0")/mr_checks.sh"
bash "$(dirname "$0")/make_inputs.sh" "$work/in" || { echo "FAIL: make_inputs.sh"; exit 1; }

# Which inputs each job runs on (all the small ones, plus its own big ones).
small="escapes empty empty_lines no_newline numbers bytes"
declare -A inputs=(
  [wordcount]="$small text long_line"
  [wordcount_nc]="$small text long_line"
  [mean]="$small readings"
  [parity]="$small readings"
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
    combine=no
    [[ " $combiners " == *" $job "* ]] && combine=yes
    # A tiny memory limit forces spills (small ones, to stay quick on big inputs).
    limit=2K
    (($(wc -c <"$in") > 100000)) && limit=64K
    check_job "$job/$input" "$job" "$in" "$out" $combine $limit
    # parity has two keys, which never outgrow even a tiny limit.
    if [[ -s $in && -s $out/reference && $job != parity ]]; then
      check_spilled "$job/$input" "$out" $limit
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

finish
