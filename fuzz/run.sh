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

corpus="$top/fuzz/corpus/${target#fuzz-}"
work=$(mktemp -d)
cp -r "$corpus"/. "$work"/
"$build/fuzz/$target" -max_total_time="$seconds" -max_len=4096 "$work"
