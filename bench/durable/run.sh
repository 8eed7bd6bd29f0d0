#!/usr/bin/env bash
# run.sh - the durable-store benchmark (README.md): bank transfers from CLIENTS
# client threads in memory, with Durability::process and with Durability::sync
# (interleaved, REPEATS runs each, medians and ratios to in-memory); the start
# of a runtime over ENTITIES stored accounts to its first answer; and resident
# memory reading all of them with a small cache and with one that holds them.
#
# usage: bench/durable/run.sh [BUILD_DIR]      (default /work/build-bench-durable)
# Environment: CLIENTS (16), TRANSFERS (100000), ACCOUNTS (1024), WORKERS (2),
#              REPEATS (3), ENTITIES (1000000), CACHE_MIB (16), STORE_DIR (a
#              folder for the stores, default BUILD_DIR/stores), FLOWC_BUILD
#              (flowc build folder, /work/build), FLOWC_DURABLE (a flowc_durable
#              to run instead of building one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-/work/build-bench-durable}
clients=${CLIENTS:-16}
transfers=${TRANSFERS:-100000}
accounts=${ACCOUNTS:-1024}
workers=${WORKERS:-2}
repeats=${REPEATS:-3}
entities=${ENTITIES:-1000000}
cache_mib=${CACHE_MIB:-16}
stores=${STORE_DIR:-$build/stores}

source "$here/../common/lib.sh"

bench=${FLOWC_DURABLE:-}
if [[ -z $bench ]]; then
  build_against_flowc "$here" "$build" flowc_durable
  bench=$build/flowc_durable
fi
mkdir -p "$stores"

declare -A rate per_flush ratio
for ((round = 0; round < repeats; ++round)); do # interleaved: drift hits all alike
  base_now=
  for store in none process sync; do
    rm -rf "$stores/throughput"
    line=$("$bench" throughput --store "$store" --dir "$stores/throughput" --clients "$clients" \
      --transfers "$transfers" --accounts "$accounts" --workers "$workers")
    echo "$line"
    [[ $(field conserved "$line") == yes ]] || { echo "run.sh: money not conserved" >&2; exit 1; }
    r=$(field committed_per_s "$line")
    rate[$store]+=" $r"
    per_flush[$store]+=" $(field chains_per_flush "$line")"
    [[ -n $base_now ]] || base_now=$r
    # Against the in-memory run of the same round (the load of a shared
    # machine changes between rounds more than within one).
    ratio[$store]+=" $(awk -v r="$r" -v b="$base_now" 'BEGIN { print r / b }')"
  done
done

# After a kill -9 the first start replays the log (up to two of RocksDB's 4 MiB
# write buffers); after a clean stop there is none to replay.
rm -rf "$stores/million"
"$bench" fill --dir "$stores/million" --entities "$entities" --crash 1 || true
line=$("$bench" restart --dir "$stores/million" --entities "$entities")
echo "$line (after kill -9)"
crashed=$(field first_answer_s "$line")
restarts=""
for ((round = 0; round < repeats; ++round)); do
  line=$("$bench" restart --dir "$stores/million" --entities "$entities")
  echo "$line"
  restarts+=" $(field first_answer_s "$line")"
done
small=$("$bench" rss --dir "$stores/million" --entities "$entities" --cache-mib "$cache_mib")
echo "$small"
large=$("$bench" rss --dir "$stores/million" --entities "$entities" --cache-mib 8192)
echo "$large"

base=$(median ${rate[none]})
printf '\ndurable: %d transfers from %d clients (one in flight each), %d accounts, %d workers, median of %d (%s)\n' \
  "$transfers" "$clients" "$accounts" "$workers" "$repeats" \
  "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %12s %14s %18s %14s\n' store committed/s "vs in-memory" "same-round ratio" chains/flush
for store in none process sync; do
  r=$(median ${rate[$store]})
  printf '%-10s %12.0f %13.2fx %17.2fx %14s\n' "$store" "$r" \
    "$(awk -v r="$r" -v b="$base" 'BEGIN { print r / b }')" "$(median ${ratio[$store]})" \
    "$([[ $store == none ]] && echo - || median ${per_flush[$store]})"
done
echo "(vs in-memory: of the medians; same-round ratio: the median of each round's ratio)"
printf 'start to first answer, %d stored entities: %ss after kill -9, %ss after a clean stop (median)\n' \
  "$entities" "$crashed" "$(median $restarts)"
printf 'resident memory after reading all %d: cache %d MiB: %s MiB (peak %s); cache 8192 MiB: %s MiB (peak %s)\n' \
  "$entities" "$cache_mib" "$(field rss_mib "$small")" "$(field peak_rss_mib "$small")" \
  "$(field rss_mib "$large")" "$(field peak_rss_mib "$large")"
