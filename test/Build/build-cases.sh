#!/usr/bin/env bash
# build-cases.sh SRC WORK PREFIX GENERATOR - builds a copy of the consumer
# project and checks what each kind of change reruns; exits non-zero naming
# the first case that went wrong.
set -euo pipefail
src=$1 work=$2 prefix=$3 generator=$4
rm -rf "$work" && mkdir -p "$work" && cp -r "$src" "$work/src"
cmake -S "$work/src" -B "$work/build" -G "$generator" \
  -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log"

build() { cmake --build "$work/build" > "$work/$1.log" 2>&1; }
ran_flowc() { grep -q 'flowc: counter.h' "$work/$1.log"; }
fail() { echo "$generator: $*" >&2; exit 1; }

build first && ran_flowc first || fail "the first build did not run flowc"
[ "$("$work/build/counter")" = 3 ] || fail "the program printed the wrong sum"
grep -q "the consumer's banner" "$work/build/counter.flowc/counter.flowc.h" ||
  fail "the template override was not used"
build noop && ! ran_flowc noop || fail "a build with nothing changed ran flowc"

sleep 1 # time stamps: Make compares them at one-second resolution on some file systems
echo '// changed' >> "$work/src/state.h"
build header && ran_flowc header || fail "changing an included header did not rerun flowc"

sleep 1
echo '// changed' >> "$work/src/other.cpp"
build unrelated && ! ran_flowc unrelated || fail "changing an unrelated source reran flowc"
grep -q 'other.cpp' "$work/unrelated.log" || fail "the changed source was not rebuilt"

sleep 1
echo '// changed' >> "$work/src/templates/banner.mustache"
build template && ran_flowc template || fail "changing a template did not rerun flowc"
grep -q '// changed' "$work/build/counter.flowc/counter.flowc.h" ||
  fail "the changed template's output is not in the generated header"
build final && ! ran_flowc final || fail "the build after the template change ran flowc again"
echo "$generator: all cases ok"
