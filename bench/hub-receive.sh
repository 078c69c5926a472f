#!/usr/bin/env bash
# bench/hub-receive.sh — the local hub's receive path: how fast a first
# publish lands, how the hub answers others meanwhile, and its memory.
#
# In one run, on one generated folder (one random file of SIZE_MB MiB and
# SMALL random text files of 1-20 KB):
#   1. the floor: `openssl dgst -sha256` of the large file, then a copy of
#      it (cat > file on the same disk);
#   2. first publish with `vitrine-cli upload` (empty hash cache) to a hub
#      of its own, wall time, and that hub's peak memory;
#   3. first publish with the official JS client (@huggingface/hub
#      uploadFiles, bench/publish-js.mjs) to another hub of its own (the
#      store is content-addressed: one hub would already have the bytes);
#   4. a BIG_MB MiB upload (one basic PUT, streamed by curl) to a third hub,
#      while another client sends small requests (GET /api/models/ID) one
#      after the other: their p50/p99/max latency during the upload, and
#      the same without the upload, and the hub's peak memory throughout
#      (VmHWM, and VmRSS sampled every 50 ms).
# Then it prints the ratios against the aims: publish ≤ 1.25× the floor,
# ≤ 0.6× the JS client, small-request p99 < 20 ms, hub memory < 64 MiB.
#
# Environment (all optional):
#   SIZE_MB      the large file of the published folder, MiB (default 1024)
#   SMALL        the small files (default 300)
#   BIG_MB       the upload received during the latency test (default 2048)
#   VITRINE_HUB, VITRINE_CLI   the binaries (default in _build)
#   KEEP_TMP=1   keep the temporary folder
#
# Figures, not verdicts: a missed aim still exits 0.  A client that fails,
# a wrong hash, or a hub that does not start exits non-zero.  Run it on a
# quiet machine: other work on the same cores shows in every figure.

set -euo pipefail

SIZE_MB=${SIZE_MB:-1024}
SMALL=${SMALL:-300}
BIG_MB=${BIG_MB:-2048}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HUB=${VITRINE_HUB:-$ROOT/_build/src/server/vitrine-hub}
CLI=${VITRINE_CLI:-$ROOT/_build/src/cli/vitrine-cli}
PY=$(command -v python3)

die () { echo "hub-receive.sh: $*" >&2; exit 1; }
note () { echo "== $*" >&2; }

[[ $SIZE_MB =~ ^[0-9]+$ ]] && ((SIZE_MB >= 11)) || die "SIZE_MB must be a number >= 11"
[[ $BIG_MB =~ ^[0-9]+$ ]] && ((BIG_MB >= 1)) || die "BIG_MB must be a number >= 1"
[ -x "$HUB" ] || die "no vitrine-hub at $HUB (build with: ninja -C _build)"
[ -x "$CLI" ] || die "no vitrine-cli at $CLI (build with: ninja -C _build)"
command -v node >/dev/null || die "node is needed (build-aux/setup.sh installs it)"
command -v curl >/dev/null || die "curl is needed"
command -v openssl >/dev/null || die "openssl is needed"
[ -f "$ROOT/tests/conformance/node_modules/@huggingface/hub/dist/index.mjs" ] \
  || die "no @huggingface/hub in tests/conformance/node_modules (build-aux/setup.sh installs it)"

T=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-receive-bench.XXXXXX")
PIDS=()
cleanup () {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  [ "${KEEP_TMP:-0}" = 1 ] && echo "kept $T" >&2 || rm -rf "$T"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now () { date +%s.%N; }
elapsed () { "$PY" -c 'import sys; print("%.3f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }

# start_hub NAME — a hub of its own with user alice; sets BASE, TOKEN, HPID
start_hub () {
  local d=$T/$1
  mkdir -p "$d"
  TOKEN=$("$HUB" user add alice --data-dir "$d/data") || die "vitrine-hub user add failed"
  "$HUB" serve --data-dir "$d/data" --port 0 > "$d/stdout" 2> "$d/stderr" &
  HPID=$!
  PIDS+=("$HPID")
  BASE=
  for _ in $(seq 200); do
    BASE=$(head -n1 "$d/stdout" 2>/dev/null || true)
    [ -n "$BASE" ] && break
    kill -0 "$HPID" 2>/dev/null || die "vitrine-hub exited: $(cat "$d/stderr")"
    sleep 0.05
  done
  [ -n "$BASE" ] || die "vitrine-hub did not start"
  curl -sf -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data '{"name":"bench"}' "$BASE/api/repos/create" > /dev/null || die "could not create alice/bench"
}

# Samples VmRSS of PID every 50 ms into FILE until it exits or is told to.
sample_rss () {
  local pid=$1 file=$2
  while [ -r "/proc/$pid/status" ]; do
    awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" >> "$file" 2>/dev/null || break
    sleep 0.05
  done
}
peak_kib () { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }
max_of () { sort -n "$1" | tail -n1; }

# ---- Data ---------------------------------------------------------------
F=$T/folder
BIG=$F/weights/model.safetensors
mkdir -p "$F/weights"
note "generating $SIZE_MB MiB + $SMALL small files"
left=$((SIZE_MB * 1024 * 1024))
while ((left > 0)); do
  n=$((left < 1073741824 ? left : 1073741824))
  openssl rand "$n" >> "$BIG"
  left=$((left - n))
done
"$PY" - "$F" "$SMALL" <<'EOF'
import base64, os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(20261130)
for i in range(n):
    d = os.path.join(root, "data", "part-%02d" % (i % 25))
    os.makedirs(d, exist_ok=True)
    size = rng.randint(1024, 20 * 1024)
    with open(os.path.join(d, "sample-%03d.txt" % i), "wb") as f:
        f.write(base64.b64encode(os.urandom(size))[:size - 1] + b"\n")
EOF
sync

# ---- 1. The floor ----------------------------------------------------------
note "floor: sha256, then a copy"
t0=$(now); OID=$(openssl dgst -sha256 -r "$BIG" | cut -d' ' -f1); t1=$(now)
FLOOR_HASH=$(elapsed "$t0" "$t1")
sync
t0=$(now); cat "$BIG" > "$T/copy"; t1=$(now)
FLOOR_COPY=$(elapsed "$t0" "$t1")
rm -f "$T/copy"; sync
FLOOR=$("$PY" -c "print('%.3f' % ($FLOOR_HASH + $FLOOR_COPY))")

# ---- 2. vitrine-cli, on a hub of its own ---------------------------------
start_hub hub-cli
note "first publish: vitrine-cli upload"
sample_rss "$HPID" "$T/rss-cli" & PIDS+=($!)
t0=$(now)
env -u HF_TOKEN -u HF_ENDPOINT HF_HOME="$T/hf" XDG_CONFIG_HOME="$T/xdg-config" XDG_CACHE_HOME="$T/xdg-cache" \
  "$CLI" --endpoint "$BASE" --token "$TOKEN" upload "$F" alice/bench -m "First publish" > "$T/cli.out" 2> "$T/cli.err" \
  || die "vitrine-cli failed: $(tail -c 2000 "$T/cli.err")"
t1=$(now)
CLI_TIME=$(elapsed "$t0" "$t1")
curl -sf "$BASE/alice/bench/resolve/main/weights/model.safetensors" -H "Authorization: Bearer $TOKEN" \
  | openssl dgst -sha256 -r | grep -q "^$OID" || die "the hub does not serve the large file vitrine-cli sent"
CLI_HUB_PEAK=$(peak_kib "$HPID")
kill "$HPID"

# ---- 3. The JS client, on another hub --------------------------------------
start_hub hub-js
note "first publish: @huggingface/hub uploadFiles"
t0=$(now)
env -u HF_TOKEN -u HF_ENDPOINT node "$HERE/publish-js.mjs" "$BASE" "$TOKEN" alice/bench "$F" > "$T/js.out" 2> "$T/js.err" \
  || die "the JS client failed: $(tail -c 2000 "$T/js.err")"
t1=$(now)
JS_TIME=$(elapsed "$t0" "$t1")
JS_HUB_PEAK=$(peak_kib "$HPID")
kill "$HPID"

# ---- 4. Small requests during a large upload --------------------------------
start_hub hub-latency
note "small requests while $BIG_MB MiB are received"
BIGFILE=$T/big.bin
head -c $((BIG_MB * 1024 * 1024)) /dev/zero > "$BIGFILE"
BIG_OID=$(openssl dgst -sha256 -r "$BIGFILE" | cut -d' ' -f1)
HREF=$("$PY" - "$BASE" "$TOKEN" "$BIG_OID" $((BIG_MB * 1024 * 1024)) <<'EOF'
import json, sys, urllib.request
base, token, oid, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
body = json.dumps({"operation": "upload", "transfers": ["basic"], "objects": [{"oid": oid, "size": size}]}).encode()
req = urllib.request.Request(base + "/alice/bench.git/info/lfs/objects/batch", data=body, method="POST",
                             headers={"Authorization": "Bearer " + token,
                                      "Content-Type": "application/vnd.git-lfs+json"})
print(json.load(urllib.request.urlopen(req))["objects"][0]["actions"]["upload"]["href"])
EOF
)
cat > "$T/latency.py" <<'EOF'
import http.client, json, sys, time, urllib.parse
base, token, seconds, stop_file = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
u = urllib.parse.urlparse(base)
times = []
end = time.monotonic() + seconds
import os
while time.monotonic() < end and not os.path.exists(stop_file):
    t0 = time.monotonic()
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    c.request("GET", "/api/models/alice/bench", headers={"Authorization": "Bearer " + token})
    r = c.getresponse(); r.read(); c.close()
    if r.status != 200:
        sys.exit("small request answered %d" % r.status)
    times.append((time.monotonic() - t0) * 1000)
    time.sleep(0.005)
times.sort()
def pct(p): return times[min(len(times) - 1, int(len(times) * p))] if times else float("nan")
print(json.dumps({"n": len(times), "p50": pct(0.5), "p99": pct(0.99), "max": times[-1] if times else float("nan")}))
EOF
"$PY" "$T/latency.py" "$BASE" "$TOKEN" 5 "$T/none" > "$T/latency-idle.json" || die "small requests failed"
sample_rss "$HPID" "$T/rss-latency" & PIDS+=($!)
( curl -sf -T "$BIGFILE" "$HREF" -o /dev/null; touch "$T/upload-done" ) &
UPLOAD=$!
t0=$(now)
"$PY" "$T/latency.py" "$BASE" "$TOKEN" 600 "$T/upload-done" > "$T/latency-busy.json" || die "small requests failed"
wait "$UPLOAD" || die "the upload failed"
t1=$(now)
[ -e "$T/upload-done" ] || die "the upload did not finish"
UPLOAD_TIME=$(elapsed "$t0" "$t1")
LAT_HUB_PEAK=$(peak_kib "$HPID")
LAT_RSS_MAX=$(max_of "$T/rss-latency")
kill "$HPID"

# ---- Report ---------------------------------------------------------------
"$PY" - "$FLOOR_HASH" "$FLOOR_COPY" "$FLOOR" "$CLI_TIME" "$JS_TIME" "$CLI_HUB_PEAK" "$JS_HUB_PEAK" \
  "$T/latency-idle.json" "$T/latency-busy.json" "$UPLOAD_TIME" "$BIG_MB" "$LAT_HUB_PEAK" "$LAT_RSS_MAX" \
  "$SIZE_MB" "$SMALL" "$(max_of "$T/rss-cli")" <<'EOF'
import json, sys
(fh, fc, floor, cli, js, cli_peak, js_peak, idle_f, busy_f, up, big_mb, lat_peak, lat_rss, size_mb, small,
 cli_rss) = sys.argv[1:]
fh, fc, floor, cli, js, up = map(float, (fh, fc, floor, cli, js, up))
idle, busy = json.load(open(idle_f)), json.load(open(busy_f))
print("publish of %s MiB + %s small files" % (size_mb, small))
print("  floor (sha256 %.2f s + copy %.2f s)  %8.2f s" % (fh, fc, floor))
print("  vitrine-cli upload                   %8.2f s   hub peak %d KiB" % (cli, int(cli_peak)))
print("  @huggingface/hub uploadFiles         %8.2f s   hub peak %d KiB" % (js, int(js_peak)))
print("small requests (GET /api/models/ID), ms   n     p50    p99    max")
print("  hub idle                              %5d  %6.1f %6.1f %6.1f" % (idle["n"], idle["p50"], idle["p99"], idle["max"]))
print("  while %s MiB are received (%.1f s)   %5d  %6.1f %6.1f %6.1f" % (big_mb, up, busy["n"], busy["p50"], busy["p99"], busy["max"]))
print("  hub peak memory during it: VmHWM %d KiB, VmRSS sampled max %d KiB" % (int(lat_peak), int(lat_rss)))
print()
def aim(name, value, ok):
    print("%-44s %s" % (name, value) + ("   ok" if ok else "   MISSED"))
aim("vitrine-cli / floor (aim <= 1.25)", "%.2f" % (cli / floor), cli / floor <= 1.25)
aim("vitrine-cli / JS client (aim <= 0.6)", "%.2f" % (cli / js), cli / js <= 0.6)
aim("p99 of small requests during upload (aim < 20 ms)", "%.1f ms" % busy["p99"], busy["p99"] < 20)
peak = max(int(cli_peak), int(lat_peak))
aim("hub peak memory (aim < 64 MiB)", "%.1f MiB" % (peak / 1024), peak < 64 * 1024)
EOF
