#!/usr/bin/env bash
# run.sh - the chains benchmark: User::buy_item call chains (SPEC section 1's shop)
# on W = 1 and 2 worker threads, hand-written CAF against flowc (once flowc's version
# exists). Prints the median of REPEATS runs of each program and worker count.
#
# usage: bench/chains/run.sh [BUILD_DIR]      (default /work/build-bench-chains)
# Environment: USERS (1000), ITEMS (100), CHAINS (200000), REPEATS (3),
#              JOBS (build parallelism, 1), FLOWC_CHAINS (path of flowc_chains, see below).
# Every program takes --workers W --users U --items I --chains N and prints one line
#   NAME workers=W chains=N seconds=S chains_per_s=R conserved=yes|no [more=fields]
# A run that does not print conserved=yes stops the benchmark.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-/work/build-bench-chains}
users=${USERS:-1000}
items=${ITEMS:-100}
chains=${CHAINS:-200000}
repeats=${REPEATS:-3}

labels=()    # what the table calls each program
commands=()  # its command line, to which the workload flags are appended

# The hand-written CAF baseline (caf_chains.cpp), in both ways of keeping a user at
# one chain at a time: `await` (CAF holds back the mailbox) and an explicit queue.
caf_programs() {
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j "${JOBS:-1}" >/dev/null
  labels+=("caf await" "caf queue")
  commands+=("$build/caf_chains --mode await" "$build/caf_chains --mode queue")
}

# The flowc version of the same workload: a program `flowc_chains` with the same flags
# and output line, built from the code flowc generates for the shop entities. Not
# written yet: whoever adds it builds it here (or points FLOWC_CHAINS at it) and
# appends it as below; the rest of the script needs no change.
flowc_programs() {
  local flowc=${FLOWC_CHAINS:-$build/flowc_chains}
  if [[ -x $flowc ]]; then
    labels+=("flowc")
    commands+=("$flowc")
  else
    echo "note: no flowc_chains at $flowc yet; measuring CAF only" >&2
  fi
}

caf_programs
flowc_programs

# field NAME LINE: the value of NAME=... in LINE.
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<" $2"; }
# median VALUES...: the middle value.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A times oks
for ((round = 0; round < repeats; ++round)); do   # interleaved, so drift hits all alike
  for workers in 1 2; do
    for p in "${!labels[@]}"; do
      read -ra cmd <<<"${commands[$p]}"
      line=$(timeout 600 "${cmd[@]}" --workers "$workers" --users "$users" \
        --items "$items" --chains "$chains") || {
        echo "run.sh: ${labels[$p]} --workers $workers failed: $line" >&2
        exit 1
      }
      if [[ $(field conserved "$line") != yes ]]; then
        echo "run.sh: ${labels[$p]} --workers $workers computed a wrong result: $line" >&2
        exit 1
      fi
      times["$p,$workers"]+=" $(field seconds "$line")"
      oks["$p,$workers"]=$(field ok "$line")
    done
  done
done

printf 'chains: %d buy_item chains, %d users, %d items, median of %d runs (%s)\n' \
  "$chains" "$users" "$items" "$repeats" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %7s %9s %13s %9s %9s\n' program workers seconds chains/s "vs W=1" succeeded
for p in "${!labels[@]}"; do
  t1=$(median ${times["$p,1"]})
  for workers in 1 2; do
    t=$(median ${times["$p,$workers"]})
    awk -v n="${labels[$p]}" -v w="$workers" -v t="$t" -v t1="$t1" -v c="$chains" \
      -v ok="${oks["$p,$workers"]:--}" \
      'BEGIN { printf "%-10s %7d %9.3f %13.0f %8.2fx %9s\n", n, w, t, c / t, t1 / t, ok }'
  done
done
