#!/usr/bin/env bash
# demo.sh - the README's main command: install, build, and run flowc on the
# shop example (IR, dataflow graph as DOT and SVG, the entities in direct mode,
# as a dataflow on the in-process runtime and on 3 MPI ranks, compared; then
# durably, twice on one store: the second run continues the first; and as an
# HTTP/JSON service driven with curl)
# and the word count MapReduce program (run, and the map/sort/reduce pipeline).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
out=$root/build/examples/shop
mkdir -p "$out"
cd "$root/examples/shop/include"
echo "== flowc --emit=ir examples/shop/include/shop.h"
"$root/build/bin/flowc" --emit=ir shop.h | tee "$out/shop.ir.yaml"
echo "== flowc --emit=dot examples/shop/include/shop.h"
"$root/build/bin/flowc" --emit=dot shop.h | tee "$out/shop.dot"
dot -Tsvg "$out/shop.dot" -o "$out/shop.svg"
echo "== the dataflow graph is in $out/shop.svg"
echo "== the shop in direct mode (plain C++)"
"$root/build/bin/shop_direct" | tee "$out/direct.txt"
echo "== the shop as a dataflow (flowc_generate ran flowc on shop.h; flowc::LocalRuntime, 4 workers)"
"$root/build/bin/shop" | tee "$out/dataflow.txt"
head -n 3 "$out/dataflow.txt" | cmp - "$out/direct.txt"
echo "== the dataflow printed what direct mode printed"
# Durable: the shop's entities in a RocksDB store (docs/durability.md). The
# second run finds what the first left and continues it.
rm -rf "$out/shop.db"
echo "== the shop with a store: shop --store $out/shop.db, twice"
"$root/build/bin/shop" --store "$out/shop.db" | tee "$out/store-1.txt"
"$root/build/bin/shop" --store "$out/shop.db" | tee "$out/store-2.txt"
grep -q "balance 90, books left 4" "$out/store-1.txt"
grep -q "from an earlier run: 4 books, alice has 90" "$out/store-2.txt"
grep -q "balance 80, books left 3" "$out/store-2.txt"
echo "== the second run continued the first"
if [[ -x $root/build/bin/shop_mpi ]]; then
  echo "== the shop on 3 MPI ranks (flowc::MpiRuntime: rank 0 runs the scenario, every rank holds entities)"
  mpirun --allow-run-as-root --oversubscribe -np 3 "$root/build/bin/shop_mpi" | tee "$out/mpi.txt"
  head -n 3 "$out/mpi.txt" | cmp - "$out/direct.txt"
  echo "== the MPI dataflow printed what direct mode printed"
else
  echo "== no build/bin/shop_mpi (MPI not found when flowc was configured): skipping the MPI run"
fi
if [[ -x $root/build/bin/shop_server ]]; then
  echo "== the shop as an HTTP/JSON service (shop_server --port N, flowc::HttpGateway), driven with curl"
  "$root/examples/shop/curl_demo.sh" "$root/build/bin/shop_server" | tee "$out/http.txt"
else
  echo "== no build/bin/shop_server (RapidJSON not found when flowc was configured): skipping HTTP"
fi

# The word count MapReduce job: flowc_add_mapreduce ran flowc on
# examples/wordcount/wordcount.h at build time and built bin/wordcount.
text=/usr/share/common-licenses/GPL-3
[ -f "$text" ] || text=$root/README.md
wc_out=$root/build/examples/wordcount
wordcount=$root/build/bin/wordcount
echo "== entities in two headers (examples/tickets: customer.h includes venue.h); direct mode, then the dataflow"
"$root/build/bin/tickets_direct" | tee "$root/build/examples/tickets-direct.txt"
"$root/build/bin/tickets" | cmp - "$root/build/examples/tickets-direct.txt"
echo "== the dataflow printed what direct mode printed"
echo "== wordcount run $text (the most frequent words)"
"$wordcount" run "$text" > "$wc_out/run.txt"
LC_ALL=C sort -t "$(printf '\t')" -k2,2nr -k1,1 "$wc_out/run.txt" > "$wc_out/by-count.txt"
head -n 10 "$wc_out/by-count.txt"
echo "== the Hadoop Streaming pipeline: wordcount map | LC_ALL=C sort | wordcount reduce"
"$wordcount" map < "$text" | LC_ALL=C sort | "$wordcount" reduce > "$wc_out/pipeline.txt"
cmp "$wc_out/run.txt" "$wc_out/pipeline.txt"
echo "== identical bytes ($(wc -l < "$wc_out/run.txt") words): $wc_out/run.txt, $wc_out/pipeline.txt"
