#!/usr/bin/env bash
# types_test.sh - the type jobs (type_jobs.h: every key, value and output type,
# with and without a combiner), in the program flowc generated for them: `run` on
# 1-4 threads, from a pipe and with spills, and the Hadoop Streaming pipeline
# `map | LC_ALL=C sort | reduce` (and with a combine step), against mr_reference.
# usage: types_test.sh MR_TYPEJOBS MR_REFERENCE
set -uo pipefail
prog=$1
ref=$2
source "$(dirname "$0")/mr_checks.sh"
mkdir -p "$work/in"

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

types="bool char schar uchar short ushort int uint long ulong llong ullong float double ldouble string"
for type in $types; do
  for job in keyed_$type same_$type; do
    combine=no
    [[ $job == same_* ]] && combine=yes
    check_job "$job" "$job" "$in" "$work/out.$job" $combine 16K
    [[ $job == keyed_* ]] && check_spilled "$job" "$work/out.$job" 16K
  done
done

finish
