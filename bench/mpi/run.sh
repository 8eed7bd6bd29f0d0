#!/usr/bin/env bash
# run.sh - bench/chains' workload on MpiRuntime at -np 1, 2 and 4 (one
# worker a rank), on LocalRuntime with 1 and 2 workers, and raw MPI (osu:
# ping-pong latency and message rate between two ranks), in one run, so the
# figures share the machine's state. Prints the median of REPEATS runs of
# each, then what fraction of the raw MPI message rate a chain reaches.
#
# usage: bench/mpi/run.sh [BUILD_DIR]            (default /work/build-bench-mpi)
# Environment: USERS (1000), ITEMS (100), CHAINS (100000), REPEATS (3),
#   FLOWC_BUILD (a flowc build folder to install and build against,
#   /work/build), or BIN (a folder holding mpi_chains, flowc_chains and osu
#   built elsewhere), NPS ("1 2 4").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-/work/build-bench-mpi}
users=${USERS:-1000}
items=${ITEMS:-100}
chains=${CHAINS:-100000}
repeats=${REPEATS:-3}
nps=${NPS:-1 2 4}
mpirun=(mpirun --allow-run-as-root --oversubscribe)

source "$here/../common/lib.sh"
bin=${BIN:-}
if [[ -z $bin ]]; then
  build_against_flowc "$here" "$build"
  bin=$build
fi
workload=(--users "$users" --items "$items" --chains "$chains")

run() { # LABEL COMMAND...: REPEATS runs, median chains_per_s
  local label=$1 rates=() line
  shift
  for ((i = 0; i < repeats; ++i)); do
    line=$("$@")
    [[ $(field conserved "$line") == yes ]] || { echo "not conserved: $line" >&2; exit 1; }
    rates+=("$(field chains_per_s "$line")")
  done
  printf '%-28s %12.0f chains/s\n' "$label" "$(median "${rates[@]}")"
  eval "rate_${label//[^a-zA-Z0-9]/_}=$(median "${rates[@]}")"
}

echo "chains: users=$users items=$items chains=$chains, median of $repeats"
run "LocalRuntime W=1" "$bin/flowc_chains" --workers 1 "${workload[@]}"
run "LocalRuntime W=2" "$bin/flowc_chains" --workers 2 "${workload[@]}"
for np in $nps; do
  run "MpiRuntime np=$np W=1" "${mpirun[@]}" -np "$np" "$bin/mpi_chains" --workers 1 "${workload[@]}"
done

latencies=() rates=()
for ((i = 0; i < repeats; ++i)); do
  line=$("${mpirun[@]}" -np 2 "$bin/osu" --size 64)
  latencies+=("$(field latency_us "$line")")
  rates+=("$(field messages_per_s "$line")")
done
raw=$(median "${rates[@]}")
printf '%-28s %12.2f us\n' "raw MPI latency (64 B)" "$(median "${latencies[@]}")"
printf '%-28s %12.0f messages/s\n' "raw MPI message rate (64 B)" "$raw"
for np in $nps; do
  [[ $np -gt 1 ]] || continue
  var=rate_MpiRuntime_np_${np}_W_1
  # A chain is six hops (the request, price and its reply, update_stock and its
  # reply, the answer); with keys spread evenly, each crosses ranks with
  # probability (np-1)/np. The commit of the item's lock is made where the item
  # is (update_stock is a last call), so it adds none.
  awk -v c="${!var}" -v r="$raw" -v np="$np" \
    'BEGIN { m = 6 * (np - 1) / np;
             printf "np=%d: one chain in the time of %.1f raw messages (%.1f%% of the raw message rate);\n", np, r / c, 100 * c / r;
             printf "      %.1f cross-rank messages a chain: %.1f%% of the raw rate per chain message\n", m, 100 * c * m / r }'
done
