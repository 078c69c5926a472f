#!/usr/bin/env bash
# bench/serve.sh — the local hub (vitrine-hub) against nginx, on loopback.
#
# Measures, side by side in one run:
#   1. serving one large file: nginx (sendfile) vs vitrine-hub's
#      /resolve/ of the same bytes stored as an LFS object;
#   2. receiving that size as an LFS upload (hashed, stored durably), basic
#      PUT and multipart, against the floor: sha256 + a copy + its fsync;
#   3. peak memory of vitrine-hub and of nginx.
#
# Environment:
#   SIZE_MB      size of the file in MiB (default 2048)
#   RUNS         downloads per server (default 3; the median is reported)
#   PARALLEL     parallel part uploads for multipart (default 6)
#   VITRINE_HUB  the vitrine-hub binary (default _build/src/server/vitrine-hub)
#   KEEP_TMP=1   keep the temporary folder
#
# It prints figures, not verdicts: an aim missed still exits 0. A real
# failure (an HTTP error, a hash mismatch, a server that does not start)
# exits non-zero.

set -euo pipefail

SIZE_MB=${SIZE_MB:-2048}
RUNS=${RUNS:-3}
PARALLEL=${PARALLEL:-6}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HUB=${VITRINE_HUB:-$ROOT/_build/src/server/vitrine-hub}
PY=/usr/bin/python3
SIZE=$((SIZE_MB * 1024 * 1024))

die () { echo "serve.sh: $*" >&2; exit 1; }
note () { echo "== $*" >&2; }

[[ $SIZE_MB =~ ^[0-9]+$ ]] && ((SIZE_MB >= 21)) || die "SIZE_MB must be a number >= 21 (multipart starts at 20 MiB)"
[ -x "$HUB" ] || die "no vitrine-hub at $HUB (build with: ninja -C _build)"
[ -x "$PY" ] || PY=$(command -v python3) || die "python3 is needed"

# ---- Tools ------------------------------------------------------------
export PATH="$PATH:/usr/sbin:/sbin"
need_apt=()
command -v nginx >/dev/null || need_apt+=(nginx)
command -v curl >/dev/null || need_apt+=(curl)
command -v openssl >/dev/null || need_apt+=(openssl)
if ((${#need_apt[@]})); then
  note "installing ${need_apt[*]}"
  command -v apt-get >/dev/null || die "missing ${need_apt[*]} and no apt-get"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi
NGINX=$(command -v nginx)

# ---- Temporary folder and clean-up ------------------------------------
T=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-serve-bench.XXXXXX")
HUB_PID=
NGINX_PID=
SAMPLER_PID=

cleanup () {
  local rc=$?
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$HUB_PID" ] && kill "$HUB_PID" 2>/dev/null || true
  if [ -n "$NGINX_PID" ]; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
  fi
  [ -n "$HUB_PID" ] && wait "$HUB_PID" 2>/dev/null || true
  # nginx is not our child once daemonised: wait for its pid to go.
  if [ -n "$NGINX_PID" ]; then
    for _ in $(seq 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGINX_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    echo "kept $T" >&2
  else
    rm -rf "$T"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$T/www" "$T/hub" "$T/nginx"
A=$T/www/big.bin        # served by both
B=$T/up-basic.bin       # received by basic PUT
C=$T/up-multipart.bin   # received by multipart

now () { date +%s.%N; }
elapsed () { "$PY" -c 'import sys; print("%.3f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }

# ---- Data -------------------------------------------------------------
note "generating 3 files of $SIZE_MB MiB in $T"
# openssl rand takes at most 2^31 - 1 bytes at a time.
gen () {
  local left=$SIZE n
  : > "$1"
  while ((left > 0)); do
    n=$((left < 1073741824 ? left : 1073741824))
    openssl rand "$n" >> "$1"
    left=$((left - n))
  done
}
for f in "$A" "$B" "$C"; do
  gen "$f"
done
[ "$(stat -c %s "$A")" = "$SIZE" ] || die "could not generate $A"

# Dirty pages left by one step slow the next one's writes: flush them first.
settle () { sync; }
settle

sha_of () { openssl dgst -sha256 -r "$1" | cut -d' ' -f1; }
OID_A=$(sha_of "$A")
OID_C=$(sha_of "$C")
# The floor of receiving: hash it, copy it, make the copy durable.
settle
t0=$(now); OID_B=$(sha_of "$B"); t1=$(now)
FLOOR_HASH=$(elapsed "$t0" "$t1")
t0=$(now); cat "$B" > "$T/floor-copy.bin"; t1=$(now)
FLOOR_COPY=$(elapsed "$t0" "$t1")
t0=$(now); sync "$T/floor-copy.bin"; t1=$(now)
FLOOR_FSYNC=$(elapsed "$t0" "$t1")
rm -f "$T/floor-copy.bin"

# ---- nginx ------------------------------------------------------------
free_port () { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NGINX_PORT=$(free_port)
cat > "$T/nginx/nginx.conf" <<EOF
worker_processes 1;
user root;
pid $T/nginx/nginx.pid;
error_log $T/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log $T/nginx/access.log;
  client_body_temp_path $T/nginx/body;
  proxy_temp_path $T/nginx/proxy;
  fastcgi_temp_path $T/nginx/fastcgi;
  uwsgi_temp_path $T/nginx/uwsgi;
  scgi_temp_path $T/nginx/scgi;
  types { application/octet-stream bin; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $T/www;
    # On loopback, read + write can beat sendfile: measure both.
    location /plain/ {
      alias $T/www/;
      sendfile off;
      output_buffers 2 1m;
    }
  }
}
EOF
note "starting nginx on 127.0.0.1:$NGINX_PORT"
"$NGINX" -p "$T/nginx" -c "$T/nginx/nginx.conf" -e "$T/nginx/error.log" \
  || die "nginx did not start: $(cat "$T/nginx/error.log" 2>/dev/null)"
for _ in $(seq 50); do [ -s "$T/nginx/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(cat "$T/nginx/nginx.pid")
NGINX_URL=http://127.0.0.1:$NGINX_PORT/big.bin
NGINX_PLAIN_URL=http://127.0.0.1:$NGINX_PORT/plain/big.bin

# ---- vitrine-hub ------------------------------------------------------
D=$T/hub/data
TOKEN=$("$HUB" user add alice --data-dir "$D") || die "vitrine-hub user add failed"
[[ $TOKEN == hf_* ]] || die "unexpected token from vitrine-hub user add: $TOKEN"
note "starting vitrine-hub"
"$HUB" serve --data-dir "$D" --port 0 > "$T/hub/stdout" 2> "$T/hub/stderr" &
HUB_PID=$!
BASE=
for _ in $(seq 100); do
  BASE=$(head -n1 "$T/hub/stdout" 2>/dev/null || true)
  [ -n "$BASE" ] && break
  kill -0 "$HUB_PID" 2>/dev/null || die "vitrine-hub exited: $(cat "$T/hub/stderr")"
  sleep 0.1
done
[[ $BASE == http://* ]] || die "vitrine-hub printed no URL"
note "vitrine-hub at $BASE (pid $HUB_PID), nginx pid $NGINX_PID"

# Memory sampler: one line "phase rss_kB" per process every 0.1 s.
echo setup > "$T/phase"
"$PY" - "$T/phase" "$HUB_PID" "$NGINX_PID" > "$T/rss.log" 2>/dev/null <<'EOF' &
import sys, time
phase_file, hub, master = sys.argv[1], sys.argv[2], sys.argv[3]
def rss(pid):
    try:
        with open("/proc/%s/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
while True:
    try:
        phase = open(phase_file).read().strip() or "?"
    except OSError:
        phase = "?"
    r = rss(hub)
    if r is not None:
        print(phase, "hub", r)
    try:
        children = open("/proc/%s/task/%s/children" % (master, master)).read().split()
    except OSError:
        children = []
    for w in children:
        r = rss(w)
        if r is not None:
            print(phase, "nginx", r)
    sys.stdout.flush()
    time.sleep(0.1)
EOF
SAMPLER_PID=$!
phase () { echo "$1" > "$T/phase"; }

# api METHOD PATH [curl args...] -> body on stdout; fails on HTTP >= 400.
api () {
  local method=$1 path=$2; shift 2
  local out=$T/api.out code
  code=$(curl -sS -o "$out" -w '%{http_code}' -X "$method" \
           -H "Authorization: Bearer $TOKEN" "$@" "$BASE$path") || die "$method $path: curl failed"
  if [ "$code" -ge 400 ]; then
    die "$method $path: HTTP $code: $(head -c 500 "$out")"
  fi
  cat "$out"
}

api POST /api/repos/create -H 'Content-Type: application/json' \
  --data '{"name":"bench","type":"model"}' > /dev/null

# batch OID TRANSFERS -> the batch answer (JSON) on stdout
batch () {
  api POST /alice/bench.git/info/lfs/objects/batch \
    -H 'Content-Type: application/vnd.git-lfs+json' -H 'Accept: application/vnd.git-lfs+json' \
    --data "{\"operation\":\"upload\",\"transfers\":$2,\"objects\":[{\"oid\":\"$1\",\"size\":$SIZE}],\"hash_algo\":\"sha256\"}"
}

# basic_put FILE OID -> curl's time_total of the PUT (the batch call not included)
basic_put () {
  local file=$1 oid=$2 href out code time
  href=$(batch "$oid" '["basic"]' | "$PY" -c '
import json, sys
o = json.load(sys.stdin)["objects"][0]
if "error" in o: sys.exit("batch error: %s" % o["error"])
print(o.get("actions", {}).get("upload", {}).get("href", ""))')
  [ -n "$href" ] || die "the hub already has $oid: expected a fresh object"
  out=$(curl -sS -o "$T/put.out" -w '%{http_code} %{time_total}' -T "$file" \
          -H 'Content-Type: application/octet-stream' "$href") || die "PUT $file: curl failed"
  read -r code time <<< "$out"
  [ "$code" = 200 ] || die "PUT $file: HTTP $code: $(head -c 500 "$T/put.out")"
  echo "$time"
}

# ---- 1. Serving -------------------------------------------------------
note "storing the served file in vitrine-hub (basic upload, untimed warm-up)"
phase upload-warmup
WARMUP_PUT=$(basic_put "$A" "$OID_A")
printf '%s\n%s\n' \
  '{"key":"header","value":{"summary":"bench"}}' \
  "{\"key\":\"lfsFile\",\"value\":{\"path\":\"big.bin\",\"algo\":\"sha256\",\"oid\":\"$OID_A\",\"size\":$SIZE}}" \
  > "$T/commit.ndjson"
api POST /api/models/alice/bench/commit/main -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$T/commit.ndjson" > /dev/null
HUB_URL=$BASE/alice/bench/resolve/main/big.bin

# get URL -> "time_total speed_download"; checks status and size.
get () {
  local out code size time speed
  out=$(curl -sS -L -o /dev/null -w '%{http_code} %{size_download} %{time_total} %{speed_download}' "$1") \
    || die "GET $1: curl failed"
  read -r code size time speed <<< "$out"
  [ "$code" = 200 ] || die "GET $1: HTTP $code"
  [ "$size" = "$SIZE" ] || die "GET $1: $size bytes, expected $SIZE"
  echo "$time $speed"
}

note "checking the bytes both servers send"
phase download-verify
got=$(curl -sS -f -L "$HUB_URL" | openssl dgst -sha256 -r | cut -d' ' -f1) || die "GET $HUB_URL failed"
[ "$got" = "$OID_A" ] || die "vitrine-hub sent other bytes: sha256 $got, expected $OID_A"
got=$(curl -sS -f "$NGINX_URL" | openssl dgst -sha256 -r | cut -d' ' -f1) || die "GET $NGINX_URL failed"
[ "$got" = "$OID_A" ] || die "nginx sent other bytes: sha256 $got, expected $OID_A"

note "downloading $RUNS times from each, alternating"
NG_TIMES=() NGP_TIMES=() HUB_TIMES=()
for i in $(seq "$RUNS"); do
  phase download-nginx
  out=$(get "$NGINX_URL"); read -r t _ <<< "$out"; NG_TIMES+=("$t")
  phase download-hub
  out=$(get "$HUB_URL"); read -r t _ <<< "$out"; HUB_TIMES+=("$t")
  phase download-nginx-plain
  out=$(get "$NGINX_PLAIN_URL"); read -r t _ <<< "$out"; NGP_TIMES+=("$t")
  echo "   run $i: nginx ${NG_TIMES[-1]} s, vitrine-hub ${HUB_TIMES[-1]} s, nginx without sendfile ${NGP_TIMES[-1]} s" >&2
done

# ---- 2. Receiving -----------------------------------------------------
note "basic upload of a fresh object"
settle
phase upload-basic
BASIC_PUT=$(basic_put "$B" "$OID_B")

note "multipart upload of a fresh object, $PARALLEL parts at a time"
settle
phase upload-multipart
t0=$(now)
batch "$OID_C" '["basic","multipart"]' > "$T/batch-multipart.json"
"$PY" - "$T/batch-multipart.json" "$C" "$SIZE" "$OID_C" "$PARALLEL" "$T/multipart.times" <<'EOF'
import http.client, json, os, subprocess, sys, threading, time, urllib.parse
from concurrent.futures import ThreadPoolExecutor

answer_path, path, size, oid, parallel, times_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6]
with open(answer_path) as f:
    answer = json.load(f)
obj = answer["objects"][0]
if "error" in obj:
    sys.exit("batch error: %s" % obj["error"])
upload = obj.get("actions", {}).get("upload")
if upload is None:
    sys.exit("the hub already has %s: expected a fresh object" % oid)
header = upload.get("header", {})
if "chunk_size" not in header:
    sys.exit("no multipart answer (transfer %r)" % answer.get("transfer"))
chunk = int(header["chunk_size"])
parts = sorted((int(k), v) for k, v in header.items() if k.isdigit())
if [k for k, _ in parts] != list(range(1, (size + chunk - 1) // chunk + 1)):
    sys.exit("unexpected part numbers for %d bytes in chunks of %d" % (size, chunk))

fd = os.open(path, os.O_RDONLY)
local = threading.local()

# Each worker keeps one connection open, as HTTP clients do; a process per
# part (curl) costs more than the part itself on loopback.
def put(part):
    k, url = part
    u = urllib.parse.urlsplit(url)
    data = os.pread(fd, chunk, (k - 1) * chunk)
    conn = getattr(local, "conn", None)
    if conn is None:
        conn = local.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=600)
    conn.request("PUT", u.path + "?" + u.query, body=data,
                 headers={"Content-Type": "application/octet-stream"})
    r = conn.getresponse()
    text = r.read()
    if r.status != 200:
        raise RuntimeError("part %d: HTTP %d: %s" % (k, r.status, text[:300]))
    etag = r.getheader("ETag")
    if etag is None:
        raise RuntimeError("part %d: no ETag" % k)
    if r.will_close:
        conn.close()
        local.conn = None
    return {"partNumber": k, "etag": etag}

t0 = time.monotonic()
with ThreadPoolExecutor(parallel) as pool:
    done = list(pool.map(put, parts))
t1 = time.monotonic()

body = json.dumps({"oid": oid, "parts": done}).encode()
r = subprocess.run(["curl", "-sS", "-X", "POST", "-H", "Content-Type: application/json",
                    "--data-binary", "@-", "-o", "/dev/stderr", "-w", "%{http_code}", upload["href"]],
                   input=body, capture_output=True)
if r.returncode != 0 or r.stdout.decode().strip() != "200":
    sys.exit("completion: HTTP %s: %s" % (r.stdout.decode(), r.stderr.decode(errors="replace")[:500]))
t2 = time.monotonic()
with open(times_path, "w") as f:
    print("%.3f %.3f %d %d" % (t1 - t0, t2 - t1, len(parts), chunk), file=f)
EOF
t1=$(now)
MULTI_PUT=$(elapsed "$t0" "$t1")
read -r MULTI_PARTS MULTI_COMPLETE MULTI_N MULTI_CHUNK < "$T/multipart.times"

# Both uploads are really stored: the batch now asks for nothing.
for oid in "$OID_B" "$OID_C"; do
  batch "$oid" '["basic"]' | "$PY" -c '
import json, sys
o = json.load(sys.stdin)["objects"][0]
sys.exit("object %s not stored after its upload" % o["oid"] if "actions" in o else 0)'
done
phase end

# ---- 3. Memory --------------------------------------------------------
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
hwm_kb () { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
HUB_HWM=$(hwm_kb "$HUB_PID")
NG_MASTER_HWM=$(hwm_kb "$NGINX_PID")
NG_WORKER_HWM=0
for w in $(pgrep -P "$NGINX_PID"); do
  h=$(hwm_kb "$w")
  if ((h > NG_WORKER_HWM)); then NG_WORKER_HWM=$h; fi
done

# ---- Report -----------------------------------------------------------
"$PY" - <<EOF
import statistics
size = $SIZE
mb = lambda t: size / 1e6 / t
ng = [float(x) for x in "${NG_TIMES[*]}".split()]
ngp = [float(x) for x in "${NGP_TIMES[*]}".split()]
ngp_med = statistics.median(ngp)
hub = [float(x) for x in "${HUB_TIMES[*]}".split()]
ng_med, hub_med = statistics.median(ng), statistics.median(hub)
floor_hash, floor_copy, floor_fsync = $FLOOR_HASH, $FLOOR_COPY, $FLOOR_FSYNC
floor = floor_hash + floor_copy + floor_fsync
basic, multi, warm = $BASIC_PUT, $MULTI_PUT, $WARMUP_PUT

peaks = {}
for line in open("$T/rss.log"):
    f = line.split()
    if len(f) == 3 and f[2].isdigit():
        key = (f[0], f[1])
        peaks[key] = max(peaks.get(key, 0), int(f[2]))
mib = lambda kb: kb / 1024

print()
print("vitrine-hub serve benchmark: %d MiB file, loopback, %d downloads per server (median; best in brackets)" % ($SIZE_MB, len(ng)))
print()
print("%-50s %10s %10s" % ("measure", "seconds", "MB/s"))
print("-" * 72)
print("%-50s %10.3f %10.0f  [%.0f]" % ("download  nginx (sendfile on)", ng_med, mb(ng_med), mb(min(ng))))
print("%-50s %10.3f %10.0f  [%.0f]" % ("download  nginx (sendfile off, 2 x 1 MiB buffers)", ngp_med, mb(ngp_med), mb(min(ngp))))
print("%-50s %10.3f %10.0f  [%.0f]" % ("download  vitrine-hub /resolve/", hub_med, mb(hub_med), mb(min(hub))))
print("%-50s %10.3f %10.0f" % ("floor     sha256 (openssl dgst)", floor_hash, mb(floor_hash)))
print("%-50s %10.3f %10.0f" % ("floor     copy (cat > file)", floor_copy, mb(floor_copy)))
print("%-50s %10.3f %10.0f" % ("floor     fsync of the copy", floor_fsync, mb(floor_fsync)))
print("%-50s %10.3f %10.0f" % ("floor     total (hash + copy + fsync)", floor, mb(floor)))
print("%-50s %10.3f %10.0f" % ("upload    vitrine-hub basic PUT", basic, mb(basic)))
print("%-50s %10.3f %10.0f" % ("upload    vitrine-hub basic PUT (warm-up)", warm, mb(warm)))
print("%-50s %10.3f %10.0f" % ("upload    vitrine-hub multipart x$PARALLEL + complete", multi, mb(multi)))
print("%-50s %10.3f %10.0f" % ("            of which $MULTI_N part PUTs of $((MULTI_CHUNK / 1048576)) MiB", $MULTI_PARTS, mb($MULTI_PARTS)))
print("%-50s %10.3f" % ("            of which the completion POST", $MULTI_COMPLETE))
print()
print("%-50s %10s" % ("memory (MiB)", "peak"))
print("-" * 72)
print("%-50s %10.1f" % ("vitrine-hub VmHWM (whole run)", mib($HUB_HWM)))
for ph in ("download-hub", "upload-basic", "upload-multipart"):
    if (ph, "hub") in peaks:
        print("%-50s %10.1f" % ("vitrine-hub VmRSS sampled, " + ph, mib(peaks[(ph, "hub")])))
print("%-50s %10.1f" % ("nginx worker VmHWM", mib($NG_WORKER_HWM)))
print("%-50s %10.1f" % ("nginx master VmHWM", mib($NG_MASTER_HWM)))
print()
aim = lambda ok: "" if ok else "  <- aim missed"
r = mb(hub_med) / mb(ng_med)
print("serve: vitrine %.0f MB/s, nginx %.0f MB/s, ratio %.2fx (aim >= 0.5x)%s" % (mb(hub_med), mb(ng_med), r, aim(r >= 0.5)))
r = mb(hub_med) / mb(ngp_med)
print("serve vs nginx without sendfile: vitrine %.0f MB/s, nginx %.0f MB/s, ratio %.2fx" % (mb(hub_med), mb(ngp_med), r))
r = floor / basic
print("upload basic: vitrine %.0f MB/s, floor %.0f MB/s, ratio %.2fx of the floor" % (mb(basic), mb(floor), r))
r = floor / multi
print("upload multipart: vitrine %.0f MB/s, floor %.0f MB/s, ratio %.2fx of the floor" % (mb(multi), mb(floor), r))
h = mib($HUB_HWM)
print("memory: vitrine-hub peak %.1f MiB (aim < 64 MiB)%s, nginx worker %.1f MiB" % (h, aim(h < 64), mib($NG_WORKER_HWM)))
EOF
