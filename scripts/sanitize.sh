#!/usr/bin/env bash
# sanitize.sh - builds flowc::LocalRuntime and its tests (unittests/Local, and
# unittests/Durable with its durable store and the programs it starts) under
# ThreadSanitizer and under AddressSanitizer+UBSan, each in its own build folder,
# and runs the tests there.
#
# usage: scripts/sanitize.sh [thread|address]...      (default: thread address)
# Environment:
#   FLOWC_EXECUTABLE  the flowc that generates the test entities (default
#                     /work/build/bin/flowc): these builds skip the Clang tool
#   BUILD_ROOT        where build-tsan and build-asan go (default /work)
#   JOBS              build and test parallelism (default 2)
# Exits non-zero when a build fails or a sanitizer reports anything.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
flowc=${FLOWC_EXECUTABLE:-/work/build/bin/flowc}
root=${BUILD_ROOT:-/work}
jobs=${JOBS:-2}
if [[ ! -x $flowc ]]; then
  echo "sanitize.sh: no flowc at $flowc (build it, or set FLOWC_EXECUTABLE)" >&2
  exit 2
fi
kinds=("$@")
[[ ${#kinds[@]} -gt 0 ]] || kinds=(thread address)

# Any report fails the run; leaks too (AddressSanitizer's LeakSanitizer). The
# one TSan suppression is explained in the file.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$source_dir/unittests/Local/tsan.supp ${TSAN_OPTIONS:-}"
export ASAN_OPTIONS="halt_on_error=1 detect_leaks=1 ${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1 print_stacktrace=1 ${UBSAN_OPTIONS:-}"

for kind in "${kinds[@]}"; do
  case $kind in
  thread) build=$root/build-tsan ;;
  address) build=$root/build-asan ;;
  *)
    echo "usage: $0 [thread|address]..." >&2
    exit 2
    ;;
  esac
  echo "== $kind: $build"
  cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFLOWC_BUILD_TOOL=OFF -DFLOWC_SANITIZE="$kind" -DFLOWC_EXECUTABLE="$flowc" >/dev/null
  cmake --build "$build" -j "$jobs" --target LocalTests DurableTests
  ctest --test-dir "$build" -R '^(Local|Durable)\.' -j "$jobs" --output-on-failure
done
