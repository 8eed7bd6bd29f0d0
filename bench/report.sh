#!/usr/bin/env bash
# report.sh - the throughput benchmarks in one run, each built in a fresh
# folder (a stale build once measured slower than a fresh one of the same
# code), so that their figures share the machine's state:
#   chains     bench/chains/run.sh     CAF, flowc serializable and chain, W=1,2
#   bank       bench/bank/run.sh       serializable and chain, W=1,2
#   wordcount  bench/wordcount/run.sh  hand-written, sort | uniq -c, run -j1/-j2
#   mpi        bench/mpi/run.sh        MpiRuntime -np 1,2,4, LocalRuntime, raw MPI
# and writes everything they print to OUT/report.txt. wordcount builds flowc
# from source in its folder (many minutes on 2 cores; an exported
# CMAKE_CXX_COMPILER_LAUNCHER=ccache shortens repeats).
#
# usage: bench/report.sh [OUT]      (default /tmp/flowc-bench-report)
# Environment: FLOWC_BUILD (the flowc build folder, default build/ of this
#   tree, built beforehand), ONLY ("chains mpi": a subset), REPEATS (3), and
#   what each script reads (see its header).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/flowc-bench-report}
export FLOWC_BUILD=${FLOWC_BUILD:-$(cd "$here/.." && pwd)/build}
export REPEATS=${REPEATS:-3}
only=${ONLY:-chains bank wordcount mpi}
[[ -f $FLOWC_BUILD/CMakeCache.txt ]] || {
  echo "report.sh: no flowc build at $FLOWC_BUILD (build it, or set FLOWC_BUILD)" >&2
  exit 1
}
mkdir -p "$out"
report=$out/report.txt
{
  echo "flowc $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%F %T') UTC"
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$report"
for bench in $only; do
  rm -rf "${out:?}/$bench"
  echo "== $bench" | tee -a "$report"
  case $bench in
  wordcount) BUILD_DIR=$out/$bench bash "$here/wordcount/run.sh" "$REPEATS" ;;
  chains | bank | mpi) bash "$here/$bench/run.sh" "$out/$bench" ;;
  *)
    echo "report.sh: no benchmark $bench" >&2
    exit 2
    ;;
  esac 2>&1 | tee -a "$report"
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$report"
