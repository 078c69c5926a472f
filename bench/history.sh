#!/usr/bin/env bash
# bench/history.sh — a long history in the local hub: the commits listing
# and the History area against `git log` on the same bare repository.
#
# Builds a repository of COMMITS commits (10,000 by default) in a local
# vitrine-hub: the repository is created through the hub's API, then
# `git fast-import` writes the commits straight into its bare repository.
# Then it measures, on a hub started afresh for each cold figure:
#   1. the first page of the commits listing (100 commits, the History
#      area's page), cold (nothing kept yet) and warm;
#   2. every page of the history: one curl walking `p=0..` over one
#      kept-alive connection, and `vitrine-cli log` (the client, every page,
#      plus its start and the branches and tags), each against
#      `git log --format='%H %an %aI %s' main` on the same bare repository;
#   3. the window: Vitrine's window on that hub, in the History area, once
#      idle: from choosing the repository in the list (what a click does)
#      to the frame that shows its first page (bench/history-window.c),
#      on a hub that has nothing kept, then again after choosing another.
#
# Environment:
#   COMMITS      how many commits (default 10000)
#   RUNS         warm runs of each step (default 5; the median is reported)
#   VITRINE_HUB  the vitrine-hub binary (default _build/src/server/vitrine-hub)
#   VITRINE_CLI  the vitrine-cli binary (default _build/src/cli/vitrine-cli)
#   VITRINE_BENCH_WINDOW  the window's part (default _build/bench/bench-history-window)
#   KEEP_TMP=1   keep the temporary folder
#
# It prints figures, not verdicts: an aim missed still exits 0.  A real
# failure (a hub that does not start, a listing that does not hold every
# commit in git's order) exits non-zero.

set -euo pipefail

COMMITS=${COMMITS:-10000}
RUNS=${RUNS:-5}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HUB=${VITRINE_HUB:-$ROOT/_build/src/server/vitrine-hub}
CLI=${VITRINE_CLI:-$ROOT/_build/src/cli/vitrine-cli}
WINDOW=${VITRINE_BENCH_WINDOW:-$ROOT/_build/bench/bench-history-window}
PY=/usr/bin/python3

die () { echo "history.sh: $*" >&2; exit 1; }
note () { echo "== $*" >&2; }

[[ $COMMITS =~ ^[1-9][0-9]*$ ]] || die "COMMITS must be a number"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a number >= 1"
[ -x "$HUB" ] || die "no vitrine-hub at $HUB (build with: ninja -C _build)"
[ -x "$CLI" ] || die "no vitrine-cli at $CLI (build with: ninja -C _build)"
[ -x "$WINDOW" ] || die "no bench-history-window at $WINDOW (build with: ninja -C _build)"
[ -x "$PY" ] || PY=$(command -v python3) || die "python3 is needed"
for tool in git curl xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || die "$tool is needed (build-aux/setup.sh installs it)"
done

T=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-history-bench.XXXXXX")
HUB_PID=

cleanup () {
  local rc=$?
  [ -n "$HUB_PID" ] && kill "$HUB_PID" 2>/dev/null || true
  [ -n "$HUB_PID" ] && wait "$HUB_PID" 2>/dev/null || true
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    echo "kept $T" >&2
  else
    rm -rf "$T"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DATA=$T/hub
GIT_DIR_REPO=$DATA/repos/models/alice/big.git

start_hub () {
  "$HUB" serve --data-dir "$DATA" --port 0 > "$T/hub.out" 2> "$T/hub.err" &
  HUB_PID=$!
  for _ in $(seq 100); do
    [ -s "$T/hub.out" ] && break
    sleep 0.1
  done
  URL=$(head -n 1 "$T/hub.out")
  [[ $URL == http://* ]] || die "the hub did not start: $(cat "$T/hub.err")"
}

stop_hub () {
  kill "$HUB_PID"
  wait "$HUB_PID" 2>/dev/null || true
  HUB_PID=
  : > "$T/hub.out"
}

median () { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
ms () { "$PY" -c 'import sys; print("%.1f" % (float(sys.argv[1]) * 1000))' "$1"; }
ratio () { "$PY" -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
seconds () {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > /dev/null
  t1=$(date +%s.%N)
  "$PY" -c 'import sys; print("%.4f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$t0" "$t1"
}

# ---- The repository -----------------------------------------------------
note "a hub, and alice/big"
TOKEN=$("$HUB" user add alice --data-dir "$DATA" | tail -n 1)
start_hub
AUTH="Authorization: Bearer $TOKEN"
curl -sf -H "$AUTH" -X POST "$URL/api/repos/create" -d '{"name":"big"}' > /dev/null \
  || die "could not create alice/big"
HEAD=$(git --git-dir "$GIT_DIR_REPO" rev-parse main)

note "$COMMITS commits with git fast-import"
"$PY" - "$HEAD" "$COMMITS" > "$T/stream" <<'EOF'
import sys
head, n = sys.argv[1], int(sys.argv[2])
out = sys.stdout
for i in range(1, n + 1):
    when = 1700000000 + i * 60
    message = "Version %d\n" % i
    content = "---\nlicense: mit\n---\n# big\n\nVersion %d of the card.\n" % i
    out.write("commit refs/heads/main\n")
    out.write("author Alice <alice@example.com> %d +0000\n" % when)
    out.write("committer Alice <alice@example.com> %d +0000\n" % when)
    out.write("data %d\n%s" % (len(message.encode()), message))
    if i == 1:
        out.write("from %s\n" % head)
    out.write("M 100644 inline README.md\n")
    out.write("data %d\n%s\n" % (len(content.encode()), content))
EOF
git --git-dir "$GIT_DIR_REPO" fast-import --quiet < "$T/stream"
TOTAL=$(git --git-dir "$GIT_DIR_REPO" rev-list --count main)
note "main has $TOTAL commits"
stop_hub

# ---- 1. The first page --------------------------------------------------
start_hub
PAGE="$URL/api/models/alice/big/commits/main?p=0&limit=100"
COLD_FIRST=$(curl -s -o "$T/page0.json" -w '%{time_total}' -H "$AUTH" "$PAGE")
grep -q '"id"' "$T/page0.json" || die "the first page holds no commit: $(head -c 300 "$T/page0.json")"
WARM_FIRST=$(for _ in $(seq "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -H "$AUTH" "$PAGE"; done | median)

# ---- 2. Every page -------------------------------------------------------
PAGES=$(( (TOTAL + 99) / 100 ))
page_urls () {
  urls=()
  for p in $(seq 0 $((PAGES - 1))); do
    urls+=("$URL/api/models/alice/big/commits/main?p=$p&limit=100")
  done
}
page_urls
walk_pages () { curl -s -H "$AUTH" "${urls[@]}"; }
git_log () { git --git-dir "$GIT_DIR_REPO" log --format='%H %an %aI %s' main; }
cli_log () { "$CLI" --endpoint "$URL" --token "$TOKEN" log alice/big; }

# Correct before fast: the pages hold git's commits, in git's order.
walk_pages | "$PY" -c '
import json, sys
text = sys.stdin.read()
ids, dec, i = [], json.JSONDecoder(), 0
while i < len(text):
    page, i = dec.raw_decode(text, i)
    ids += [c["id"] for c in page]
print("\n".join(ids))' > "$T/pages.ids"
git --git-dir "$GIT_DIR_REPO" log --format=%H main > "$T/git.ids"
cmp -s "$T/pages.ids" "$T/git.ids" || die "the pages differ from git log"
cli_log > "$T/cli.log"
[ "$(wc -l < "$T/cli.log")" = "$TOTAL" ] || die "vitrine-cli log listed $(wc -l < "$T/cli.log") of $TOTAL"

stop_hub
start_hub
page_urls
COLD_PAGES=$(seconds walk_pages)
WARM_PAGES=$(for _ in $(seq "$RUNS"); do seconds walk_pages; done | median)
GIT_LOG=$(for _ in $(seq "$RUNS"); do seconds git_log; done | median)
stop_hub
start_hub
COLD_CLI=$(seconds cli_log)
WARM_CLI=$(for _ in $(seq "$RUNS"); do seconds cli_log; done | median)
stop_hub

# ---- 3. The window -------------------------------------------------------
note "the window"
start_hub
curl -sf -H "$AUTH" -X POST "$URL/api/repos/create" -d '{"name":"small"}' > /dev/null \
  || die "could not create alice/small"
W=$T/window
mkdir -p "$W"/{config,data,cache,runtime}
chmod 700 "$W/runtime"
env XDG_CONFIG_HOME="$W/config" XDG_DATA_HOME="$W/data" XDG_CACHE_HOME="$W/cache" XDG_RUNTIME_DIR="$W/runtime" \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$ROOT/_build/data" NO_AT_BRIDGE=1 \
  xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- \
  "$WINDOW" "$URL" "$TOKEN" alice alice/big alice/small "$RUNS" > "$W/out" 2> "$W/err" \
  || die "the window bench failed: $(tail -n 20 "$W/err")"
stop_hub
WINDOW_FIRST=$(sed -n 's/^first //p' "$W/out")
WINDOW_AGAIN=$(sed -n 's/^again //p' "$W/out" | median)
[ -n "$WINDOW_FIRST" ] && [ -n "$WINDOW_AGAIN" ] || die "the window bench said nothing: $(cat "$W/out" "$W/err" | tail -n 20)"

# ---- Figures -------------------------------------------------------------
echo
echo "A history of $TOTAL commits in the local hub ($(nproc) cores; median of $RUNS warm runs)"
printf '%-58s %10s\n' "what" "ms"
printf '%-58s %10s\n' "first page (100 commits), cold hub" "$(ms "$COLD_FIRST")"
printf '%-58s %10s\n' "first page (100 commits), warm" "$(ms "$WARM_FIRST")"
printf '%-58s %10s\n' "every page ($PAGES pages, one curl), cold hub" "$(ms "$COLD_PAGES")"
printf '%-58s %10s\n' "every page ($PAGES pages, one curl), warm" "$(ms "$WARM_PAGES")"
printf '%-58s %10s\n' "vitrine-cli log (every page, refs, start), cold hub" "$(ms "$COLD_CLI")"
printf '%-58s %10s\n' "vitrine-cli log, warm" "$(ms "$WARM_CLI")"
printf '%-58s %10s\n' "git log --format='%H %an %aI %s' main" "$(ms "$GIT_LOG")"
printf '%-58s %10s\n' "window: repository chosen -> first page shown, cold hub" "$WINDOW_FIRST"
printf '%-58s %10s\n' "window: repository chosen -> first page shown, again" "$WINDOW_AGAIN"
echo
echo "first page, cold: $(ms "$COLD_FIRST") ms (aim < 100 ms)"
echo "every page / git log: cold $(ratio "$COLD_PAGES" "$GIT_LOG")x, warm $(ratio "$WARM_PAGES" "$GIT_LOG")x (aim <= 3x)"
echo "vitrine-cli log / git log: cold $(ratio "$COLD_CLI" "$GIT_LOG")x, warm $(ratio "$WARM_CLI" "$GIT_LOG")x"
echo "window, first page shown: cold hub $WINDOW_FIRST ms, again $WINDOW_AGAIN ms (aim < 150 ms)"
