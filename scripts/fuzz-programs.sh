#!/usr/bin/env bash
# fuzz-programs.sh FROM TO - run the random entity-program generator
# (test/Programs, docs/fuzzing.md) on seeds FROM..TO in parallel, and keep
# every failing program (source, seed, outputs, diff, how to reproduce it).
#
# Environment:
#   JOBS=2                  programs at once (each compiles one binary)
#   OUT=fuzz-failures       where failing seeds go (OUT/seedN/, OUT/summary.txt)
#   FLOWC=build/bin/flowc   the flowc to test
#   SRC=<repo>              the tree whose include/ the programs compile against
#   RUNTIME_LIB="build/lib/Runtime/Local/libflowc_runtime_local.a;-lrocksdb"  (;-separated)
#   CXX=clang++-19 OPT=-O0  how generated programs are built
#   ENABLE=a,b DISABLE=c    call positions / features (gen_program.py --list)
#   FLOWC_ONLY=1            only generate and run flowc (a quick sweep)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -lt 2 ]; then
  echo "usage: $0 FROM TO" >&2
  exit 2
fi
from=$1 to=$2
jobs=${JOBS:-2}
out=$(mkdir -p "${OUT:-fuzz-failures}" && cd "${OUT:-fuzz-failures}" && pwd)
flowc=${FLOWC:-$root/build/bin/flowc}
lib=${RUNTIME_LIB:-$root/build/lib/Runtime/Local/libflowc_runtime_local.a;-lrocksdb}
log="$out/log.txt"
: > "$log"
src=${SRC:-$root}
export root flowc lib out src FLOWC_ONLY
export FUZZ_CXX=${CXX:-$(command -v clang++-19 || echo clang++)} FUZZ_OPT=${OPT:--O0} FUZZ_ENABLE=${ENABLE:-} FUZZ_DISABLE=${DISABLE:-}
one() {
  nice -n 10 python3 "$root/test/Programs/run_program.py" --flowc "$flowc" \
    --runtime-lib "$lib" --src "$src" --pch "$out/.pch" --cxx="$FUZZ_CXX" --opt="$FUZZ_OPT" --keep "$out" \
    ${FLOWC_ONLY:+--flowc-only} ${FUZZ_ENABLE:+--enable "$FUZZ_ENABLE"} ${FUZZ_DISABLE:+--disable "$FUZZ_DISABLE"} \
    "$1" 2>&1 | head -1 || true
}
export -f one
# Precompile the harness once, before the parallel runs share it (afresh:
# a precompiled header older than the headers it holds is refused).
rm -rf "$out/.pch"
if [ -z "${FLOWC_ONLY:-}" ]; then
  nice -n 10 python3 "$root/test/Programs/run_program.py" --pch "$out/.pch" --pch-only \
    --src "$src" --cxx="$FUZZ_CXX" --opt="$FUZZ_OPT"
fi
seq "$from" "$to" | xargs -P "$jobs" -I{} bash -c 'one {}' | tee -a "$log"
# One line per outcome, then the failing seeds by outcome.
{
  echo "seeds $from..$to: $(grep -c '^seed' "$log") run"
  sed -n 's/^seed [0-9]*: \([a-z-]*\).*/\1/p' "$log" | sort | uniq -c
  for outcome in $(sed -n 's/^seed [0-9]*: \([a-z-]*\).*/\1/p' "$log" | sort -u | grep -v '^pass$'); do
    echo "$outcome: $(sed -n "s/^seed \([0-9]*\): $outcome .*/\1/p" "$log" | sort -n | tr '\n' ' ')"
  done
} | tee "$out/summary.txt"
# Non-zero when any seed did not pass.
! grep '^seed [0-9]*:' "$log" | grep -qv ': pass'
