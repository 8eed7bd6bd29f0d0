#!/usr/bin/env bash
# run_mpi.sh - the durable-store benchmark's throughput workload on MpiRuntime
# (README.md, "MPI"): bank transfers from CLIENTS threads on rank 0 over NP
# ranks, in memory, with Durability::process and with Durability::sync
# (interleaved, REPEATS runs each, medians and same-round ratios to in-memory).
#
# usage: bench/durable/run_mpi.sh [BUILD_DIR]      (default /work/build-bench-durable)
# Environment: NP (2), CLIENTS (16), TRANSFERS (20000), ACCOUNTS (1024),
#              WORKERS (1 per rank), REPEATS (3), STORE_DIR (default
#              BUILD_DIR/stores), FLOWC_BUILD (flowc build folder, /work/build),
#              FLOWC_DURABLE_MPI (a flowc_durable_mpi to run instead of building one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-/work/build-bench-durable}
np=${NP:-2}
clients=${CLIENTS:-16}
transfers=${TRANSFERS:-20000}
accounts=${ACCOUNTS:-1024}
workers=${WORKERS:-1}
repeats=${REPEATS:-3}
stores=${STORE_DIR:-$build/stores}

source "$here/../common/lib.sh"

bench=${FLOWC_DURABLE_MPI:-}
if [[ -z $bench ]]; then
  build_against_flowc "$here" "$build" flowc_durable_mpi
  bench=$build/flowc_durable_mpi
fi
mkdir -p "$stores"
mpirun=(mpirun --oversubscribe -np "$np")
[[ $(id -u) -ne 0 ]] || mpirun+=(--allow-run-as-root)

declare -A rate per_flush ratio
for ((round = 0; round < repeats; ++round)); do # interleaved: drift hits all alike
  base_now=
  for store in none process sync; do
    rm -rf "$stores/throughput-mpi"
    line=$("${mpirun[@]}" "$bench" --store "$store" --dir "$stores/throughput-mpi" \
      --clients "$clients" --transfers "$transfers" --accounts "$accounts" --workers "$workers")
    echo "$line"
    [[ $(field conserved "$line") == yes ]] || { echo "run_mpi.sh: money not conserved" >&2; exit 1; }
    r=$(field committed_per_s "$line")
    rate[$store]+=" $r"
    per_flush[$store]+=" $(field chains_per_flush "$line")"
    [[ -n $base_now ]] || base_now=$r
    ratio[$store]+=" $(awk -v r="$r" -v b="$base_now" 'BEGIN { print r / b }')"
  done
done

base=$(median ${rate[none]})
printf '\ndurable on MPI: %d ranks x %d workers, %d transfers from %d clients on rank 0 (one in flight each), %d accounts, median of %d (%s)\n' \
  "$np" "$workers" "$transfers" "$clients" "$accounts" "$repeats" \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %12s %14s %18s %14s\n' store committed/s "vs in-memory" "same-round ratio" chains/flush
for store in none process sync; do
  r=$(median ${rate[$store]})
  printf '%-10s %12.0f %13.2fx %17.2fx %14s\n' "$store" "$r" \
    "$(awk -v r="$r" -v b="$base" 'BEGIN { print r / b }')" "$(median ${ratio[$store]})" \
    "$([[ $store == none ]] && echo - || median ${per_flush[$store]})"
done
