#!/usr/bin/env bash
# run.sh - the runtime-only configuration (docs/cmake.md, "Without Clang") on
# a machine that has Clang:
#  1. configures flowc with -DFLOWC_RUNTIME_ONLY=ON and g++, with every
#     find_package of LLVM, Clang, yaml-cpp, mstch and GTest disabled (a
#     REQUIRED one then fails the configure) and a trace of the configure
#     that must show no search for them;
#  2. builds and installs it into a temporary prefix: headers, runtimes and
#     the CMake package, no flowc and no templates;
#  3. generates the shop's and the word count's code with the full build's
#     flowc, as a developer would before going to the cluster, and builds them
#     in a separate project against the install (flowc_generate and
#     flowc_add_mapreduce with GENERATED_DIR), again with g++ and no Clang;
#  4. runs them: the shop prints what direct mode prints, the word count what
#     the full build's word count prints; with flowc::runtime_mpi installed,
#     the shop also runs on MPI with 2 ranks;
#  5. checks flowc_generate's errors without a flowc and without the files;
#  6. with FLOWC_EXECUTABLE set to the full flowc, flowc_generate runs it
#     (and the shop it builds prints the same), unless FLOWC_USE_GENERATED.
#
# usage: run.sh <flowc source dir> <full flowc> <full wordcount> <work dir>
set -euo pipefail
if [[ $# -ne 4 ]]; then
  echo "usage: $0 <flowc source dir> <full flowc> <full wordcount> <work dir>" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
flowc=$2
full_wordcount=$3
work=$4
jobs=${JOBS:-2}
here=$(cd "$(dirname "$0")" && pwd)

fail() {
  echo "runtime-only: FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }

rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
no_clang=(
  -DCMAKE_DISABLE_FIND_PACKAGE_LLVM=ON
  -DCMAKE_DISABLE_FIND_PACKAGE_Clang=ON
  -DCMAKE_DISABLE_FIND_PACKAGE_yaml-cpp=ON
  -DCMAKE_DISABLE_FIND_PACKAGE_mstch=ON
  -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON
)
gnu=(-DCMAKE_C_COMPILER="$(command -v gcc)" -DCMAKE_CXX_COMPILER="$(command -v g++)")

step "configure flowc runtime-only with g++"
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  "${gnu[@]}" "${no_clang[@]}" -DFLOWC_RUNTIME_ONLY=ON \
  -DCMAKE_INSTALL_PREFIX="$prefix" \
  --trace-expand --trace-redirect="$work/trace.txt" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; fail "configure"; }
grep -q '^set(CMAKE_CXX_COMPILER_ID "GNU")' "$work"/build/CMakeFiles/*/CMakeCXXCompiler.cmake ||
  fail "the runtime-only build does not use g++"
# Every search or include the configure made from flowc's own files; none may
# be for the Clang tool's dependencies. Threads must be there, or the trace
# (and so this check) saw nothing.
searches=$(grep -E "^$src/[^(]*\([0-9]+\):\s+(find_package|find_program|find_library|find_path|find_file|include|execute_process)\(" \
  "$work/trace.txt" || true)
grep -q 'find_package(Threads' <<<"$searches" || fail "the configure trace shows no find_package(Threads)"
if grep -iE 'llvm|clang|yaml|mstch|gtest' <<<"$searches"; then
  fail "the runtime-only configure looked for the tool's dependencies (above)"
fi
if grep -E '^(LLVM_DIR|Clang_DIR|yaml-cpp_DIR|mstch_DIR|FLOWC_CLANG_EXECUTABLE)[:=]' "$work/build/CMakeCache.txt"; then
  fail "the runtime-only cache has entries of the tool's dependencies (above)"
fi

step "build and install"
cmake --build "$work/build" -j "$jobs" >"$work/build.log" 2>&1 ||
  { tail -50 "$work/build.log" >&2; fail "build"; }
cmake --install "$work/build" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log" >&2; fail "install"; }
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$work/build/CMakeCache.txt")
for f in include/flowc/flowc.h include/flowc/runtime/local.h include/flowc/mapreduce/main.h \
  "$libdir/libflowc_runtime_local.a" "$libdir/libflowc_runtime_mapreduce.a" \
  "$libdir/cmake/flowc/flowcConfig.cmake" "$libdir/cmake/flowc/flowcTargets.cmake" \
  "$libdir/cmake/flowc/flowcGenerate.cmake"; do
  [[ -f $prefix/$f ]] || fail "the install has no $f"
done
[[ ! -e $prefix/bin/flowc ]] || fail "a runtime-only install has bin/flowc"
[[ ! -e $prefix/share/flowc/templates ]] || fail "a runtime-only install has the templates"
mpi=no
if grep -q 'flowc::runtime_mpi' "$prefix/$libdir/cmake/flowc/flowcTargets.cmake"; then
  mpi=yes
elif command -v mpirun >/dev/null; then
  fail "MPI is installed here but the runtime-only install has no flowc::runtime_mpi"
fi

step "generate the consumer's code with the full flowc"
app=$work/app
mkdir -p "$app/include"
cp -r "$src/examples/shop/." "$app/"
cp "$here/consumer/CMakeLists.txt" "$app/"
cp "$src/examples/wordcount/wordcount.h" "$src/examples/wordcount/wordcount.cpp" "$app/"
(cd "$app" && "$flowc" -o generated include/shop.h wordcount.h) ||
  fail "the full flowc could not generate the consumer's code"

step "build the consumer against the runtime-only install"
cmake -S "$app" -B "$app/build" -G Ninja "${gnu[@]}" "${no_clang[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" >"$app/configure.log" 2>&1 ||
  { cat "$app/configure.log" >&2; fail "consumer configure"; }
cmake --build "$app/build" -j "$jobs" >"$app/build.log" 2>&1 ||
  { tail -50 "$app/build.log" >&2; fail "consumer build"; }
if grep -q 'flowc:' "$app/build.log"; then
  fail "the consumer's build ran flowc"
fi

step "run: the dataflow prints what direct mode prints"
"$app/build/shop_direct" >"$app/direct.txt"
"$app/build/shop" >"$app/dataflow.txt"
[[ $(wc -l <"$app/direct.txt") -eq 3 ]] || fail "direct mode printed $(wc -l <"$app/direct.txt") lines, not 3"
head -n 3 "$app/dataflow.txt" | diff "$app/direct.txt" - || fail "the dataflow's output differs from direct mode's"
grep -q '50 sold, 0 left' "$app/dataflow.txt" || fail "the dataflow's race: $(tail -n 1 "$app/dataflow.txt")"

step "run: the word count prints what the full build's prints"
printf 'the quick brown fox\njumps over the lazy dog\nthe end\n' >"$app/words.txt"
"$app/build/wordcount" run -j 2 "$app/words.txt" >"$app/wc.txt"
"$full_wordcount" run -j 2 "$app/words.txt" >"$app/wc-full.txt"
grep -qx $'the\t3' "$app/wc.txt" || fail "the word count's output: $(cat "$app/wc.txt")"
diff "$app/wc-full.txt" "$app/wc.txt" || fail "the word counts differ"

if [[ $mpi == yes ]]; then
  step "run: the shop on MPI with 2 ranks"
  [[ -x $app/build/shop_mpi ]] || fail "flowc::runtime_mpi is installed but shop_mpi was not built"
  OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 \
    timeout 180 mpirun -np 2 "$app/build/shop_mpi" >"$app/mpi.txt" ||
    fail "mpirun -np 2 shop_mpi failed"
  diff "$app/dataflow.txt" "$app/mpi.txt" || fail "the MPI shop's output differs from the local runtime's"
else
  step "(flowc::runtime_mpi is not in this install: no MPI run)"
fi

step "flowc_generate without a flowc: the errors"
expect_error() { # <name> <expected text> <cmake -D args>...
  local name=$1 expected=$2
  shift 2
  if cmake -S "$app" -B "$app/build-$name" -G Ninja "${gnu[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
    "$@" >"$app/$name.log" 2>&1; then
    fail "$name: the configure succeeded"
  fi
  # CMake wraps long messages: compare with the lines joined.
  tr -s ' \n' ' ' <"$app/$name.log" | grep -qF "$expected" ||
    { cat "$app/$name.log" >&2; fail "$name: no '$expected' in the error"; }
}
expect_error no-generated-dir "flowc_generate(TARGET shop): there is no flowc to run on include/shop.h" \
  -DSHOP_GENERATED_DIR=
expect_error missing-files "GENERATED_DIR has no $app/elsewhere/shop.flowc.h" \
  -DSHOP_GENERATED_DIR=elsewhere

step "FLOWC_EXECUTABLE: a flowc installed elsewhere runs; FLOWC_USE_GENERATED: it does not"
cmake -S "$app" -B "$app/build-tool" -G Ninja "${gnu[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
  -DFLOWC_EXECUTABLE="$flowc" >"$app/tool-configure.log" 2>&1 ||
  { cat "$app/tool-configure.log" >&2; fail "configure with FLOWC_EXECUTABLE"; }
cmake --build "$app/build-tool" -j "$jobs" --target shop >"$app/tool-build.log" 2>&1 ||
  { tail -50 "$app/tool-build.log" >&2; fail "build with FLOWC_EXECUTABLE"; }
grep -q 'flowc: include/shop.h' "$app/tool-build.log" || fail "FLOWC_EXECUTABLE was set but flowc did not run"
"$app/build-tool/shop" | diff "$app/dataflow.txt" - || fail "the shop generated at build time prints otherwise"
cmake -S "$app" -B "$app/build-use" -G Ninja "${gnu[@]}" -DCMAKE_PREFIX_PATH="$prefix" \
  -DFLOWC_EXECUTABLE="$flowc" -DFLOWC_USE_GENERATED=ON >"$app/use-configure.log" 2>&1 ||
  { cat "$app/use-configure.log" >&2; fail "configure with FLOWC_USE_GENERATED"; }
grep -q 'flowc: include/shop.h' "$app/build-tool/build.ninja" || fail "build.ninja does not name flowc's command"
if grep -q 'flowc: ' "$app/build-use/build.ninja"; then
  fail "FLOWC_USE_GENERATED is on but the build would run flowc"
fi
grep -q "$app/generated/shop.flowc.cpp" "$app/build-use/build.ninja" ||
  fail "FLOWC_USE_GENERATED is on but the shop does not compile generated/shop.flowc.cpp"
echo "runtime-only: passed (MPI: $mpi)"
