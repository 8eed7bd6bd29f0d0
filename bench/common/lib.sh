# lib.sh - what the benchmarks' run.sh scripts share (sourced, not run).
#
# build_against_flowc DIR BUILD TARGET...: installs the flowc build folder
#   FLOWC_BUILD (default /work/build, built beforehand: a script does not
#   build there, others may be) under BUILD/flowc-prefix, configures the
#   benchmark folder DIR into BUILD against that package, as a user's project
#   is, and builds TARGETs (all when none; JOBS at a time, default 1).
# field NAME LINE: the value of NAME=... in LINE (a program's output line).
# median VALUES...: the middle value (the upper one of an even count).

build_against_flowc() {
  local dir=$1 build=$2 flowc_build=${FLOWC_BUILD:-/work/build}
  shift 2
  if [[ ! -f $flowc_build/CMakeCache.txt ]]; then
    echo "$(basename "$0"): no flowc build at $flowc_build (set FLOWC_BUILD)" >&2
    exit 1
  fi
  cmake --install "$flowc_build" --prefix "$build/flowc-prefix" >/dev/null || {
    echo "$(basename "$0"): installing $flowc_build failed: build it first" >&2
    exit 1
  }
  cmake -S "$dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_PREFIX_PATH="$build/flowc-prefix" >/dev/null
  local targets=()
  for target in "$@"; do targets+=(--target "$target"); done
  cmake --build "$build" -j "${JOBS:-1}" "${targets[@]}" >/dev/null
}

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<" $2"; }

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
