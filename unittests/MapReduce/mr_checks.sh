# mr_checks.sh - sourced by differential_test.sh and types_test.sh: a work
# folder, the failure count, and every way of running one job on one input
# checked against mr_reference. Expects $prog (the generated program) and
# $ref (mr_reference) to be set; sets $work, $TMPDIR, $failures, $checks.
export LC_ALL=C
shopt -s nullglob
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"

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

# check_job NAME JOB IN OUT COMBINE LIMIT: mr_reference's output for JOB on
# IN (into OUT/reference) against the Hadoop Streaming pipeline, with a
# combine step when COMBINE is yes, and `run` on 1-4 threads, from a pipe,
# and spilling under --memory-limit LIMIT (its log in OUT/spill.log).
check_job() {
  local name=$1 job=$2 in=$3 out=$4 combine=$5 limit=$6
  mkdir -p "$out"
  "$ref" "$job" <"$in" >"$out/reference" || fail "$name: mr_reference failed"
  "$prog" --job "$job" map <"$in" | sort | "$prog" --job "$job" reduce >"$out/pipeline" \
    || fail "$name: pipeline failed"
  same "$name: pipeline vs reference" "$out/reference" "$out/pipeline"
  if [[ $combine == yes ]]; then
    "$prog" --job "$job" map <"$in" | sort | "$prog" --job "$job" combine | \
      "$prog" --job "$job" reduce >"$out/combined" || fail "$name: combine failed"
    same "$name: map|sort|combine|reduce vs reference" "$out/reference" "$out/combined"
    # Hadoop runs the combiner on sorted parts of the map output (three here,
    # which cut through keys).
    "$prog" --job "$job" map <"$in" | sort >"$out/sorted"
    rm -f "$out"/part.*
    split -n l/3 "$out/sorted" "$out/part."
    local part
    for part in "$out"/part.*; do
      "$prog" --job "$job" combine <"$part" >"$part.combined" || fail "$name: combine failed"
    done
    cat /dev/null "$out"/part.*.combined | sort | "$prog" --job "$job" reduce >"$out/parts" \
      || fail "$name: reduce after combine failed"
    same "$name: map|sort|combine on parts|sort|reduce vs reference" "$out/reference" "$out/parts"
  fi
  local threads
  for threads in 1 2 3 4; do
    "$prog" --job "$job" run -j "$threads" "$in" >"$out/run$threads" \
      || fail "$name: run -j$threads failed"
    same "$name: run -j$threads vs reference" "$out/reference" "$out/run$threads"
  done
  # Standard input, as a pipe (streamed, not mapped).
  cat "$in" | "$prog" --job "$job" run -j 2 >"$out/stdin" || fail "$name: stdin failed"
  same "$name: run from a pipe vs reference" "$out/reference" "$out/stdin"
  # A small memory limit: spilled runs go through the text form and are merged.
  "$prog" --job "$job" run -j 3 --memory-limit "$limit" -v -o "$out/spill" "$in" \
    2>"$out/spill.log" || fail "$name: spilling run failed"
  same "$name: spilling run vs reference" "$out/reference" "$out/spill"
}

# check_spilled NAME OUT LIMIT: the spilling run of check_job did spill.
check_spilled() {
  grep -Eq 'spilled [1-9][0-9]* runs' "$2/spill.log" \
    || fail "$1: run did not spill with --memory-limit $3"
}

# Spill files live in $TMPDIR only while open: nothing is left behind. Then
# the summary line and the status.
finish() {
  checks=$((checks + 1))
  if [[ -n $(ls -A "$TMPDIR") ]]; then
    fail "temporary files left in \$TMPDIR: $(ls -A "$TMPDIR" | head -3)"
  fi
  echo "$checks checks, $failures failures"
  [[ $failures == 0 ]]
}
