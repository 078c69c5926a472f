#!/usr/bin/env bash
# run.sh TARGET [SECONDS] — build the fuzz targets with clang and run one.
#
#   fuzz/run.sh fuzz-path 60
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
seconds=${2:-60}
build="$top/_build-fuzz"

# The fuzzers need clang and its libFuzzer runtime.
if ! command -v clang >/dev/null || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get install -y -q clang libclang-rt-14-dev
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$top" -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$build" "$target"

# A copy of the seeds grows as the fuzzer finds new paths; it and whatever
# the target writes (TMPDIR) go when the run ends.  In memory where there
# is a tmpfs, so that targets that write files are not held up by the disk.
corpus="$top/fuzz/corpus/${target#fuzz-}"
parent=${TMPDIR:-/tmp}
[ -d /dev/shm ] && [ -w /dev/shm ] && parent=/dev/shm
work=$(mktemp -d "$parent/vitrine-fuzz-XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/tmp"
cp -r "$corpus"/. "$work/corpus"/
TMPDIR="$work/tmp" "$build/fuzz/$target" -max_total_time="$seconds" -max_len=4096 "$work/corpus"
