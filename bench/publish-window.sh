#!/usr/bin/env bash
# bench/publish-window.sh — publishing a folder through the window against
# `vitrine-cli upload` of the same folder, and the longest stall of the
# window's main loop while it publishes.
#
# One generated folder (a large file of SIZE_MB MiB and a config), one
# process (bench/publish-window.c): the application with its window and
# this computer's hub, `vitrine-cli upload` to that hub first (its own
# empty hash cache), then the wizard on the same folder to another
# repository (the large file taken out of the hub's store in between, so
# that it moves again).  Prints both times, their ratio (aim: at most
# 1.10), and the longest gap between frame-clock ticks and between idle
# callbacks during the window's publish (aim: at most 20 ms).
#
# Environment:
#   SIZE_MB    the large file, in MiB (default 1024: a 1 GiB folder)
#   BUILD      the build folder (default _build)
#   KEEP_TMP=1 keep the temporary folder
#
# Runs under xvfb-run and a private D-Bus session when there is no display.
# Figures, not verdicts: a missed aim still exits 0.
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

SIZE_MB=${SIZE_MB:-1024}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=${BUILD:-$ROOT/_build}
BENCH=$BUILD/bench/bench-publish-window

die () { echo "publish-window.sh: $*" >&2; exit 1; }

[[ $SIZE_MB =~ ^[0-9]+$ ]] && ((SIZE_MB >= 11)) || die "SIZE_MB must be a number >= 11"
[ -x "$BENCH" ] || die "no $BENCH (build with: ninja -C $BUILD)"

if [ -z "${VITRINE_BENCH_INNER:-}" ] && [ -z "${DISPLAY:-}" ]; then
  export VITRINE_BENCH_INNER=1
  exec xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-bench-window-XXXXXX")
cleanup () { [ "${KEEP_TMP:-}" = 1 ] && echo "kept $tmp" >&2 || rm -rf "$tmp"; }
trap cleanup EXIT

mkdir -p "$tmp"/{home,config,cache,cli-cache,data,runtime} "$tmp/folder"
chmod 700 "$tmp/runtime"
echo "== making a folder of $SIZE_MB MiB" >&2
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$tmp/folder/pytorch_model.bin"
echo '{"model_type": "bert"}' > "$tmp/folder/config.json"
sync

export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export XDG_DATA_HOME=$tmp/data XDG_RUNTIME_DIR=$tmp/runtime CLI_CACHE=$tmp/cli-cache
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$BUILD/data
export VITRINE_HUB_EXE=$BUILD/src/server/vitrine-hub VITRINE_CLI_EXE=$BUILD/src/cli/vitrine-cli
unset HF_TOKEN HF_ENDPOINT HF_HOME HF_TOKEN_PATH

echo "== publishing with vitrine-cli, then through the window" >&2
"$BENCH" "$tmp/folder"
