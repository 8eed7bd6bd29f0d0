#!/usr/bin/env bash
# run.sh - the suspending range-for benchmark: one call that walks N items of a
# std::vector, a std::map and a std::set, making a remote call per item
# (catalog.h), on LocalRuntime with one worker. The vector, resumed by index in
# O(1), is the baseline measured in the same run; the map and set show what
# finding the element again costs per step.
#
# usage: bench/rangefor/run.sh [BUILD_DIR]     (default /work/build-bench-rangefor)
# Environment: SIZES ("10000 30000 100000"), FLOWC_BUILD (a built flowc tree,
#              /work/main/build), CXX (g++).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-/work/build-bench-rangefor}
flowc_build=${FLOWC_BUILD:-$root/build}
mkdir -p "$out"
"$flowc_build/bin/flowc" "$here/catalog.h" -o "$out" -- -std=c++20 -I"$root/include"
${CXX:-g++} -std=c++20 -O2 -DNDEBUG -I"$out" -I"$here" -I"$root/include" \
  "$here/rangefor.cpp" "$out/catalog.flowc.cpp" \
  "$flowc_build/lib/Runtime/Local/libflowc_runtime_local.a" -pthread -o "$out/rangefor"
for n in ${SIZES:-10000 30000 100000}; do
  "$out/rangefor" "$n"
done
