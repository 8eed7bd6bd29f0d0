#!/usr/bin/env bash
# command_line_test.sh - usage errors (exit 2), input errors (exit 1) with line
# numbers, --job selection, --help, -o, and that bad input never crashes.
# usage: command_line_test.sh MR_TESTJOBS
set -uo pipefail
prog=$1
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

# expect STATUS PATTERN INPUT ARGS...: exit status and a stderr line matching
# PATTERN (an empty PATTERN: stderr must be empty).
expect() {
  local status=$1 pattern=$2 input=$3
  shift 3
  checks=$((checks + 1))
  printf '%b' "$input" | "$prog" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got != "$status" ]] || { [[ -n $pattern ]] && ! grep -Eq -- "$pattern" "$work/err"; } ||
    { [[ -z $pattern ]] && [[ -s $work/err ]]; }; then
    echo "FAIL: $* (input '${input:0:60}'): exit $got, expected $status and /$pattern/; stderr:"
    head -5 "$work/err"
    failures=$((failures + 1))
  fi
}

# Usage errors.
expect 2 'several jobs; pick one with --job NAME: wordcount, wordcount_nc, mean' '' map
expect 2 "no job named 'nope'; the jobs are: wordcount, wordcount_nc" '' --job nope map
expect 2 'no command given' '' --job wordcount
expect 2 "unknown command 'mapp'" '' --job wordcount mapp
expect 2 "unknown option '--frobnicate'" '' --job wordcount run --frobnicate
expect 2 'option --job needs a value' '' map --job
expect 2 '-j needs a thread count' '' --job wordcount run -j 0
expect 2 '-j needs a thread count' '' --job wordcount run -j x
expect 2 '--memory-limit needs a size' '' --job wordcount run --memory-limit 12Q
expect 2 'takes no files' '' --job wordcount map somefile
expect 2 'are options of run' '' --job wordcount reduce -j 2
expect 2 'job mean has no combine function' '' --job mean combine
expect 2 "Try '.*--help'" '' --job wordcount

# Input errors name the line.
expect 1 'reduce: line 3: no TAB between key and value' 'a\t1\nb\t2\nno tab\n' --job wordcount reduce
expect 1 'reduce: line 2: bad value "x" \(int64\)' 'a\t1\na\tx\n' --job wordcount reduce
expect 1 'combine: line 1: bad value "1.5" \(int64\)' 'a\t1.5\n' --job wordcount combine
expect 1 'reduce: line 2: bad key "x" \(int32\)' '1\t2\nx\t3\n' --job mean reduce
expect 1 'reduce: line 1: bad key "maybe" \(bool\)' 'maybe\t1\n' --job parity reduce
expect 1 'reduce: line 1: bad value "a\\\\q" \(string\): unknown escape' 'k\ta\\q\n' --job fields reduce
expect 1 'combine: line 2: bad value "4294967296" \(int32\): integer out of range' '1\t1\n1\t4294967296\n' --job numbers combine
expect 1 'reduce: line 1: bad value "40000" \(int16\): integer out of range' '65\t40000\n' --job bytes reduce
expect 1 "cannot open '$work/missing'" '' --job wordcount run "$work/missing"
expect 0 '' '' --job wordcount reduce
expect 0 '' '' --job wordcount run

# Failing job functions are reported with their message, never a crash.
expect 1 'map: line 2: the map function failed: boom on purpose' 'a\nboom\nc\n' --job failing map
expect 1 'map: standard input, byte 3: the map function failed: boom on purpose' 'a\nboom\nc\n' --job failing run -j 2
# run names the file and line the map function failed on.
printf 'a\nb\nboom\nc\n' >"$work/in.txt"
checks=$((checks + 1))
if "$prog" --job failing run -j 2 "$work/in.txt" >"$work/out" 2>"$work/err" ||
  ! grep -Eq "map: '.*in.txt' line 3: the map function failed: boom on purpose" "$work/err"; then
  echo "FAIL: run on a file: expected its name and line 3; stderr:"
  head -5 "$work/err"
  failures=$((failures + 1))
fi
expect 1 'reduce: the reduce function failed for key "bang": bang on purpose' 'bang\t1\n' --job failing reduce
expect 1 'reduce: the reduce function failed for key "bang"' 'a bang b\n' --job failing run
# ... also while spilling, and the spill files are gone afterwards.
mkdir "$work/tmp"
for i in $(seq 5000); do echo "w$i x$((i % 7))"; done >"$work/many"
echo boom >>"$work/many"
checks=$((checks + 1))
if TMPDIR=$work/tmp "$prog" --job failing run -j 2 --memory-limit 4K -v "$work/many" \
  >/dev/null 2>"$work/err" || ! grep -q 'boom on purpose' "$work/err" ||
  [[ -n $(ls -A "$work/tmp") ]]; then
  echo "FAIL: a failing spilling run: exit $?, files left: $(ls -A "$work/tmp" | head -3)"
  failures=$((failures + 1))
fi
bang_input=$(for i in $(seq 3000); do echo "w$i bang"; done)
expect 1 'reduce: the reduce function failed for key "bang"' "$bang_input" --job failing run -j 2 --memory-limit 4K

# --help lists the commands and the jobs, on stdout.
checks=$((checks + 1))
if ! "$prog" --help | grep -q 'Jobs: wordcount, wordcount_nc, mean, parity, fields, lengths, numbers, bytes, failing'; then
  echo "FAIL: --help does not list the jobs"
  failures=$((failures + 1))
fi

# --job may come anywhere; -jN, --threads=N and --output=FILE forms work.
checks=$((checks + 1))
printf 'b a b\n' >"$work/in"
"$prog" run -j2 --job=wordcount --output="$work/o1" "$work/in" &&
  "$prog" --threads=1 run --job wordcount -o "$work/o2" -- "$work/in" &&
  printf 'a\t1\nb\t2\n' >"$work/expected"
if ! cmp -s "$work/o1" "$work/expected" || ! cmp -s "$work/o2" "$work/expected"; then
  echo "FAIL: option forms"
  failures=$((failures + 1))
fi

# A redirected file is read from where stdin stands, not from its start.
checks=$((checks + 1))
printf 'skip me\nb a b\n' >"$work/two_lines"
if ! { read -r _ && "$prog" --job wordcount run >"$work/o3"; } <"$work/two_lines" ||
  ! cmp -s "$work/o3" "$work/expected"; then
  echo "FAIL: run on a partly read stdin"
  failures=$((failures + 1))
fi

# -o replaces the file only on success.
checks=$((checks + 1))
printf 'keep\n' >"$work/kept"
"$prog" --job wordcount run -o "$work/kept" "$work/in" "$work/missing" 2>/dev/null
if [[ $(cat "$work/kept") != keep ]] || [[ -n $(ls "$work" | grep tmp-) ]]; then
  echo "FAIL: a failed run changed its -o file or left a temporary file"
  failures=$((failures + 1))
fi

# Random bytes never crash any command of any job (exit 0 or 1, never a signal).
head -c 200000 /dev/urandom >"$work/noise"
for job in wordcount wordcount_nc mean parity fields lengths numbers bytes; do
  for cmd in map reduce combine "run -j 3" "run -j 2 --memory-limit 4K"; do
    [[ $cmd == combine && " wordcount parity numbers " != *" $job "* ]] && continue
    checks=$((checks + 1))
    "$prog" --job $job $cmd <"$work/noise" >/dev/null 2>"$work/err"
    status=$?
    if ((status > 1)); then
      echo "FAIL: $job $cmd on random bytes: exit $status"
      head -3 "$work/err"
      failures=$((failures + 1))
    fi
  done
done

echo "$checks checks, $failures failures"
[[ $failures == 0 ]]
