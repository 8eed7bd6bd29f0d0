#!/usr/bin/env bash
# rank_dies.sh MPIRUN NP PROGRAM - runs rank_dies.cpp's program, whose last
# rank dies: passes when mpirun ends within a minute with a non-zero status
# and its message names that rank.
set -u
mpirun=$1 np=$2 program=$3
out=$(timeout 60 "$mpirun" --allow-run-as-root --oversubscribe -np "$np" "$program" 2>&1)
status=$?
echo "$out"
if [[ $status -eq 124 ]]; then
  echo "rank_dies.sh: the job hung (killed after 60 s)" >&2
  exit 1
fi
if [[ $status -eq 0 ]]; then
  echo "rank_dies.sh: the job ended with status 0" >&2
  exit 1
fi
if ! grep -q "process rank $((np - 1))" <<< "$out"; then
  echo "rank_dies.sh: no message names rank $((np - 1))" >&2
  exit 1
fi
echo "rank_dies.sh: status $status, rank $((np - 1)) named"
