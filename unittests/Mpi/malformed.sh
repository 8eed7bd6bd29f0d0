#!/usr/bin/env bash
# malformed.sh MPIRUN NP PROGRAM - runs MalformedTest.cpp's tests (PROGRAM is
# MpiTests): passes when the job ends with status 0 (every test passed, no
# rank died) and rank 1 reported each malformed message it received, and
# rank 0 the answer for no request that rank 1 passed on.
set -u
mpirun=$1 np=$2 program=$3
out=$(timeout 120 "$mpirun" --allow-run-as-root --oversubscribe -np "$np" "$program" \
        --gtest_filter='MpiMalformed.*' --gtest_color=no 2>&1)
status=$?
echo "$out"
fail() {
  echo "malformed.sh: $*" >&2
  exit 1
}
[[ $status -eq 124 ]] && fail "the job hung (killed after 120 s)"
[[ $status -eq 0 ]] || fail "the job ended with status $status"
grep -q '^\[  PASSED  \] 3 tests\.' <<< "$out" || fail "not every MpiMalformed test ran and passed"
expect() {
  local count
  count=$(grep -c -- "$1" <<< "$out")
  [[ $count -eq $2 ]] || fail "expected $2 line(s) with '$1', found $count"
}
expect "flowc: rank 1: malformed batch from rank 0, the rest of it dropped: " 1
expect "flowc: rank 1: malformed message from rank 0: " 3
expect "flowc: rank 1: malformed message from rank 0: .*worker 999" 1
expect "flowc: rank 0: an answer from rank 1 for no request in flight" 1
echo "malformed.sh: every malformed message reported by the rank that received it"
