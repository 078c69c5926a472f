#!/usr/bin/env bash
# bench/publish.sh — publishing a folder: vitrine-cli against the official
# JS client (@huggingface/hub uploadFiles), on the same local vitrine-hub.
#
# Measures, side by side in one run, on one generated folder (one random
# file of SIZE_MB MiB plus 500 random files of 1-20 KB):
#   1. first publish: `vitrine-cli upload` (empty hash cache) vs uploadFiles
#      of the same files to another repository, wall time each;
#   2. the floor: `openssl dgst -sha256` of the same bytes plus a copy of
#      them (cat > file on the same disk);
#   3. a republish with nothing changed: wall time, and the bytes of file
#      content vitrine-cli reads (strace of its read calls on the folder's
#      files), with rchar/read_bytes from /proc/PID/io;
#   4. peak memory (max RSS) of vitrine-cli and of the node process.
#
# Environment:
#   SIZE_MB      size of the large file in MiB (default 2048)
#   SMALL        number of small files (default 500)
#   RUNS         republish runs (default 3; the median is reported)
#   PAIRS        first publishes of each client, alternating (default 1;
#                the median is reported; more on a busy machine)
#   VITRINE_HUB  the vitrine-hub binary (default _build/src/server/vitrine-hub)
#   VITRINE_CLI  the vitrine-cli binary (default _build/src/cli/vitrine-cli)
#   HUB_PARENT   where the hub's data folder goes (default: the temporary
#                folder, on the same disk as the published folder; e.g.
#                /dev/shm takes the hub's fsyncs out of the picture)
#   KEEP_TMP=1   keep the temporary folder
#
# It prints figures, not verdicts: an aim missed still exits 0. A real
# failure (a client that fails, published content that differs from the
# folder, a republish that commits) exits non-zero.

set -euo pipefail

SIZE_MB=${SIZE_MB:-2048}
SMALL=${SMALL:-500}
RUNS=${RUNS:-3}
PAIRS=${PAIRS:-1}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HUB=${VITRINE_HUB:-$ROOT/_build/src/server/vitrine-hub}
CLI=${VITRINE_CLI:-$ROOT/_build/src/cli/vitrine-cli}
PY=/usr/bin/python3
SIZE=$((SIZE_MB * 1024 * 1024))

die () { echo "publish.sh: $*" >&2; exit 1; }
note () { echo "== $*" >&2; }

[[ $SIZE_MB =~ ^[0-9]+$ ]] && ((SIZE_MB >= 11)) || die "SIZE_MB must be a number >= 11 (above the 10 MB git limit)"
[[ $SMALL =~ ^[0-9]+$ ]] || die "SMALL must be a number"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a number >= 1"
[[ $PAIRS =~ ^[1-9][0-9]*$ ]] || die "PAIRS must be a number >= 1"
[ -x "$HUB" ] || die "no vitrine-hub at $HUB (build with: ninja -C _build)"
[ -x "$CLI" ] || die "no vitrine-cli at $CLI (build with: ninja -C _build)"
[ -x "$PY" ] || PY=$(command -v python3) || die "python3 is needed"
command -v node >/dev/null || die "node is needed (build-aux/setup.sh installs it)"
[ -f "$ROOT/tests/conformance/node_modules/@huggingface/hub/dist/index.mjs" ] \
  || die "no @huggingface/hub in tests/conformance/node_modules (build-aux/setup.sh installs it)"
# The version package.json pins, and the one installed: the same, or the
# figures would not be the pinned client's.
JS_PINNED=$(node -p 'require(process.argv[1]).dependencies["@huggingface/hub"]' "$ROOT/tests/conformance/package.json")
JS_INSTALLED=$(node -p 'require(process.argv[1]).version' "$ROOT/tests/conformance/node_modules/@huggingface/hub/package.json")
[ "$JS_PINNED" = "$JS_INSTALLED" ] \
  || die "@huggingface/hub $JS_INSTALLED is installed, package.json pins $JS_PINNED (run build-aux/setup.sh)"

# ---- Tools ------------------------------------------------------------
need_apt=()
command -v curl >/dev/null || need_apt+=(curl)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v strace >/dev/null || need_apt+=(strace)
if ((${#need_apt[@]})); then
  note "installing ${need_apt[*]}"
  command -v apt-get >/dev/null || die "missing ${need_apt[*]} and no apt-get"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

# ---- Temporary folder and clean-up ------------------------------------
T=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-publish-bench.XXXXXX")
HUB_PID=
HUB_TMP=

cleanup () {
  local rc=$?
  [ -n "$HUB_PID" ] && kill "$HUB_PID" 2>/dev/null || true
  [ -n "$HUB_PID" ] && wait "$HUB_PID" 2>/dev/null || true
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    echo "kept $T${HUB_TMP:+ and $HUB_TMP}" >&2
  else
    rm -rf "$T"
    [ -z "$HUB_TMP" ] || rm -rf "$HUB_TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

F=$T/folder          # what both clients publish
BIG=$F/weights/model.safetensors
mkdir -p "$F/weights" "$T/hub" "$T/runs"

now () { date +%s.%N; }
elapsed () { "$PY" -c 'import sys; print("%.3f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }

# measure NAME CMD... — runs CMD with stdout in $T/runs/NAME.out and
# writes $T/runs/NAME.json: wall time, exit status, max RSS (wait4's
# ru_maxrss, the process's VmHWM), its /proc/PID/io, read while the process
# is a zombie (waitid WNOWAIT) so the counters are final, and each line of
# its standard error with the time it came (vitrine-cli, without a
# terminal, prints one line as each phase starts). Standard error is also
# kept in $T/runs/NAME.err.
cat > "$T/measure.py" <<'EOF'
import json, os, sys, threading, time
name, argv = sys.argv[1], sys.argv[2:]
out = os.open(name + ".out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
r, w = os.pipe()
lines = []
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    os.dup2(out, 1); os.dup2(w, 2); os.close(r)
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
os.close(w)
def drain():
    with open(r, "rb") as f, open(name + ".err", "wb") as err:
        for line in f:
            lines.append([time.monotonic() - t0, line.decode(errors="replace").rstrip("\n")])
            err.write(line)
reader = threading.Thread(target=drain)
reader.start()
os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
t1 = time.monotonic()
io = {}
with open("/proc/%d/io" % pid) as f:
    for line in f:
        k, v = line.split(":")
        io[k] = int(v)
_, status, ru = os.wait4(pid, 0)
reader.join()
json.dump({"wall": t1 - t0, "status": os.waitstatus_to_exitcode(status), "maxrss_kb": ru.ru_maxrss,
           "utime": ru.ru_utime, "stime": ru.ru_stime, "io": io, "stderr": lines}, open(name + ".json", "w"))
EOF
measure () { local name=$1; shift; "$PY" "$T/measure.py" "$T/runs/$name" "$@"; }
# field NAME KEY -> a value from the measure's JSON ("io.rchar" for nested keys)
field () {
  "$PY" -c '
import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[k]
print(v)' "$T/runs/$1.json" "$2"
}
# check NAME — dies when the measured command failed
check () {
  local st; st=$(field "$1" status)
  [ "$st" = 0 ] || die "$1 failed (exit $st): $(tail -c 2000 "$T/runs/$1.err")"
}

# ---- Data -------------------------------------------------------------
note "generating $SIZE_MB MiB + $SMALL small files in $F"
# openssl rand takes at most 2^31 - 1 bytes at a time.
left=$SIZE
: > "$BIG"
while ((left > 0)); do
  n=$((left < 1073741824 ? left : 1073741824))
  openssl rand "$n" >> "$BIG"
  left=$((left - n))
done
[ "$(stat -c %s "$BIG")" = "$SIZE" ] || die "could not generate $BIG"
# Small files are text (random base64), like configs and tokenizer files, so
# that they are committed inline: random binary bytes, or a name that the
# default .gitattributes sends to LFS (*.bin), would make each one an LFS
# object of its own.
"$PY" - "$F" "$SMALL" <<'EOF'
import base64, os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(20261126)
for i in range(n):
    d = os.path.join(root, "data", "part-%02d" % (i % 25))
    os.makedirs(d, exist_ok=True)
    size = rng.randint(1024, 20 * 1024)
    with open(os.path.join(d, "sample-%03d.txt" % i), "wb") as f:
        f.write(base64.b64encode(os.urandom(size))[:size - 1] + b"\n")
with open(os.path.join(root, "README.md"), "w") as f:
    f.write("---\nlicense: mit\n---\n\n# publish.sh bench folder\n")
EOF
N_FILES=$(find "$F" -type f | wc -l)
SMALL_BYTES=$(find "$F/data" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')

# Dirty pages left by one step slow the next one's writes: flush them first.
settle () { sync; }
settle

# ---- Floor ------------------------------------------------------------
# Everything below runs with the folder in the page cache (it was just
# written, and is read again by each step): the floor is CPU and memory
# bandwidth, as are the clients.
note "floor: openssl dgst -sha256, then cat > copy"
t0=$(now); OID=$(openssl dgst -sha256 -r "$BIG" | cut -d' ' -f1); t1=$(now)
FLOOR_HASH=$(elapsed "$t0" "$t1")
settle
t0=$(now); cat "$BIG" > "$T/floor-copy.bin"; t1=$(now)
FLOOR_COPY=$(elapsed "$t0" "$t1")
# Not part of the floor, shown beside it: the hub makes what it stores
# durable, and this is what that costs on this disk.
t0=$(now); sync "$T/floor-copy.bin"; t1=$(now)
FLOOR_FSYNC=$(elapsed "$t0" "$t1")
rm -f "$T/floor-copy.bin"
settle

# ---- vitrine-hub ------------------------------------------------------
if [ -n "${HUB_PARENT:-}" ]; then
  HUB_TMP=$(mktemp -d "$HUB_PARENT/vitrine-publish-hub.XXXXXX")
  D=$HUB_TMP/data
else
  D=$T/hub/data
fi
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
note "vitrine-hub at $BASE (pid $HUB_PID)"

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
# lfs_stored REPO -> "yes" when the hub's batch answer asks nothing for $OID
lfs_stored () {
  api POST "/alice/$1.git/info/lfs/objects/batch" \
    -H 'Content-Type: application/vnd.git-lfs+json' -H 'Accept: application/vnd.git-lfs+json' \
    --data "{\"operation\":\"upload\",\"transfers\":[\"basic\"],\"objects\":[{\"oid\":\"$OID\",\"size\":$SIZE}],\"hash_algo\":\"sha256\"}" \
    | "$PY" -c '
import json, sys
o = json.load(sys.stdin)["objects"][0]
print("no" if "actions" in o or "error" in o else "yes")'
}

# Both repositories exist before either client runs, so neither pays for
# creating one (vitrine-cli would create it, uploadFiles cannot).
for repo in $(for p in $(seq "$PAIRS"); do echo "bench-vitrine-$p bench-js-$p"; done); do
  api POST /api/repos/create -H 'Content-Type: application/json' \
    --data "{\"name\":\"$repo\",\"type\":\"model\"}" > /dev/null
done

# verify REPO — the repository's tree is exactly the folder plus
# .gitattributes: same paths, sizes, git blob ids for small files and the
# local sha256 as the large file's LFS oid.
verify () {
  "$PY" - "$BASE" "$TOKEN" "alice/$1" "$F" "$OID" <<'EOF' || die "alice/$1 does not hold the folder"
import hashlib, json, os, re, sys, urllib.request
base, token, repo, root, oid = sys.argv[1:6]
url = "%s/api/models/%s/tree/main?recursive=true" % (base, repo)
remote = {}
while url:
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req) as r:
        for e in json.load(r):
            if e["type"] == "file":
                remote[e["path"]] = e
        m = re.search(r'<([^>]+)>;\s*rel="next"', r.headers.get("Link") or "")
        url = m and m.group(1)
local = {}
for d, _, names in os.walk(root):
    for n in names:
        p = os.path.join(d, n)
        local[os.path.relpath(p, root).replace(os.sep, "/")] = p
bad = []
extra = set(remote) - set(local) - {".gitattributes"}
missing = set(local) - set(remote)
if extra: bad.append("not in the folder: %s" % sorted(extra)[:5])
if missing: bad.append("not published: %s" % sorted(missing)[:5])
for rel, p in local.items():
    e = remote.get(rel)
    if e is None:
        continue
    size = os.path.getsize(p)
    if e["size"] != size:
        bad.append("%s: size %s, expected %d" % (rel, e["size"], size))
    elif size > 10_000_000:
        if (e.get("lfs") or {}).get("oid") != oid:
            bad.append("%s: lfs %s, expected oid %s" % (rel, e.get("lfs"), oid))
    else:
        data = open(p, "rb").read()
        if "lfs" in e:  # small, but sent to LFS by a .gitattributes rule
            want, got = hashlib.sha256(data).hexdigest(), e["lfs"].get("oid")
        else:
            want, got = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest(), e["oid"]
        if got != want:
            bad.append("%s: oid %s, expected %s" % (rel, got, want))
if bad:
    sys.exit("\n".join(bad[:20]))
EOF
}

# ---- 1. First publishes, 3. republish ---------------------------------
# The hub stores large files by content, once: before each first publish
# the object is removed from its store, so that every client run uploads
# it (the batch answer would otherwise say "already there" and no byte
# would move).
OBJ=$D/lfs/objects/${OID:0:2}/${OID:2:2}/$OID
drop_object () {
  rm -f "$OBJ"
  [ "$(lfs_stored "$1")" = no ] || die "the hub still has the large object after its removal"
}
# cli_env N: the environment of vitrine-cli, with hash cache N
cli_env () {
  CLI_ENV=(env -u HF_TOKEN -u HF_ENDPOINT -u HF_HUB_CACHE HF_HOME="$T/hf-home"
           XDG_CONFIG_HOME="$T/xdg-config" XDG_CACHE_HOME="$T/xdg-cache-$1" LC_ALL=C.UTF-8 LANGUAGE=)
}

for p in $(seq "$PAIRS"); do
  # vitrine-cli, with an empty hash cache.
  drop_object "bench-vitrine-$p"
  cli_env "$p"
  [ ! -e "$T/xdg-cache-$p" ] || die "the hash cache folder already exists"
  note "first publish $p/$PAIRS: vitrine-cli upload (empty hash cache)"
  settle
  measure "cli-first-$p" "${CLI_ENV[@]}" "$CLI" --endpoint "$BASE" --token "$TOKEN" \
    upload "$F" "alice/bench-vitrine-$p" -m "First publish"
  check "cli-first-$p"
  grep -q '^Published ' "$T/runs/cli-first-$p.out" || die "vitrine-cli printed no summary: $(cat "$T/runs/cli-first-$p.out")"
  CLI_COMMIT=$(tail -n1 "$T/runs/cli-first-$p.out")
  [[ $CLI_COMMIT =~ ^[0-9a-f]{40}$ ]] || die "vitrine-cli printed no commit id: $(cat "$T/runs/cli-first-$p.out")"
  verify "bench-vitrine-$p"
  [ "$(lfs_stored "bench-vitrine-$p")" = yes ] || die "the large file is not in the hub's store after vitrine-cli"

  if [ "$p" = 1 ]; then
    # Republish with nothing changed, same hash cache.
    for i in $(seq "$RUNS"); do
      note "republish with nothing changed, run $i"
      measure "cli-again-$i" "${CLI_ENV[@]}" "$CLI" --endpoint "$BASE" --token "$TOKEN" upload "$F" alice/bench-vitrine-1 -m "Nothing"
      check "cli-again-$i"
      grep -q '^Nothing changed' "$T/runs/cli-again-$i.out" \
        || die "the republish did not say Nothing changed: $(cat "$T/runs/cli-again-$i.out")"
    done
    head=$(api GET /api/models/alice/bench-vitrine-1/refs | "$PY" -c '
import json, sys
print([b["targetCommit"] for b in json.load(sys.stdin)["branches"] if b["name"] == "main"][0])')
    [ "$head" = "$CLI_COMMIT" ] || die "the republish moved main from $CLI_COMMIT to $head"

    # What the republish reads of the folder: every read/pread/readv on a file
    # descriptor strace -y resolves to a path inside it, and every mmap of one.
    note "republish under strace (counting reads of the folder's files)"
    strace -f -qq -y -e trace=openat,read,pread64,readv,preadv,preadv2,mmap -o "$T/runs/strace.log" \
      "${CLI_ENV[@]}" "$CLI" --endpoint "$BASE" --token "$TOKEN" upload "$F" alice/bench-vitrine-1 -m "Nothing" \
      > "$T/runs/strace.out" 2> "$T/runs/strace.err" || die "vitrine-cli under strace failed: $(tail -c 2000 "$T/runs/strace.err")"
    grep -q '^Nothing changed' "$T/runs/strace.out" || die "the straced republish did not say Nothing changed"
    read -r CONTENT_READ CONTENT_CALLS CONTENT_OPENED CONTENT_MMAP < <("$PY" - "$T/runs/strace.log" "$F" <<'EOF'
import re, sys
log, root = sys.argv[1], sys.argv[2].rstrip("/") + "/"
pending = {}
total = calls = mapped = 0
opened = set()
call = re.compile(r'^(\d+)\s+(\w+)\((.*)$')
resumed = re.compile(r'^(\d+)\s+<\.\.\. (\w+) resumed>(.*)$')
def finish(name, args, rest):
    global total, calls, mapped
    m = re.search(r'\)\s+=\s+(-?\d+)(?:\s+[A-Z]\w*(?:\s+\(.*\))?)?$', rest)
    if not m:
        return
    ret = int(m.group(1))
    if name == "openat":
        p = re.search(r'"([^"]*)"', args)
        if p and p.group(1).startswith(root) and ret >= 0:
            opened.add(p.group(1))
        return
    if name == "mmap":
        fd = re.search(r', (\d+)<([^>]*)>, ', args)
        if fd and fd.group(2).startswith(root):
            size = re.match(r'[^,]+, (\d+),', args)
            mapped += int(size.group(1)) if size else 0
        return
    fd = re.match(r'\d+<([^>]*)>', args)
    if fd and fd.group(1).startswith(root) and ret > 0:
        total += ret
        calls += 1
for line in open(log, errors="replace"):
    line = line.rstrip("\n")
    m = resumed.match(line)
    if m:
        pid, name, rest = m.groups()
        args = pending.pop(pid, (name, ""))[1]
        finish(name, args + rest, rest)
        continue
    m = call.match(line)
    if not m:
        continue
    pid, name, rest = m.groups()
    if rest.endswith("<unfinished ...>"):
        pending[pid] = (name, rest)
    else:
        finish(name, rest, rest)
print(total, calls, len(opened), mapped)
EOF
    )
  fi

  # The official client, the same files, another repository.
  drop_object "bench-js-$p"
  note "first publish $p/$PAIRS: @huggingface/hub $JS_INSTALLED uploadFiles"
  settle
  measure "js-first-$p" env -u HF_TOKEN -u HF_ENDPOINT node "$HERE/publish-js.mjs" "$BASE" "$TOKEN" "alice/bench-js-$p" "$F"
  check "js-first-$p"
  verify "bench-js-$p"
  [ "$(lfs_stored "bench-js-$p")" = yes ] || die "the large file is not in the hub's store after uploadFiles"
done

# ---- Report -----------------------------------------------------------
HUB_HWM=$(awk '/^VmHWM/ {print $2}' "/proc/$HUB_PID/status")
"$PY" - "$T/runs" <<EOF
import json, os, statistics, sys
runs = sys.argv[1]
load = lambda n: json.load(open(os.path.join(runs, n + ".json")))
size, small_bytes = $SIZE, $SMALL_BYTES
total = size + small_bytes
median = lambda rs: sorted(rs, key=lambda r: r["wall"])[(len(rs) - 1) // 2]
clis = [load("cli-first-%d" % p) for p in range(1, $PAIRS + 1)]
jss = [load("js-first-%d" % p) for p in range(1, $PAIRS + 1)]
for p, r in enumerate(jss, 1):
    r["upload_seconds"] = json.loads(open(os.path.join(runs, "js-first-%d.out" % p)).read().strip().splitlines()[-1])["upload_seconds"]
cli, js = median(clis), median(jss)
again = [load("cli-again-%d" % i) for i in range(1, $RUNS + 1)]
rep = median(again)
floor_hash, floor_copy, floor_fsync = $FLOOR_HASH, $FLOOR_COPY, $FLOOR_FSYNC
floor = floor_hash + floor_copy
mbs = lambda t: total / 1e6 / t
mib = lambda b: b / 1048576
print()
print("publish benchmark: a $SIZE_MB MiB file + $SMALL small files (%.1f MiB), $N_FILES files, to vitrine-hub on loopback%s"
      % (mib(small_bytes), "" if len(clis) == 1 else ", median of %d first publishes each" % len(clis)))
print()
print("%-52s %10s %10s" % ("measure", "seconds", "MB/s"))
print("-" * 74)
print("%-52s %10.3f %10.0f" % ("first publish  vitrine-cli upload", cli["wall"], mbs(cli["wall"])))
# vitrine-cli's phases: from the line that starts each to the next one.
# A large file starts uploading as soon as it is hashed, while the other
# files are still checked (and their preupload asked): "checking files"
# and "uploading large files" overlap, their sum is hashing + uploading.
phases = [(t, l.split(":")[0]) for t, l in cli["stderr"] if l and not l.startswith(("Published", "vitrine-cli"))]
notes = {"checking files": "checking files (upload starts here)"}
for (t, label), nxt in zip(phases, [t for t, _ in phases[1:]] + [cli["wall"]]):
    print("%-52s %10.3f" % ("  of which " + notes.get(label.lower(), label.lower()), nxt - t))
print("%-52s %10.3f %10.0f" % ("first publish  @huggingface/hub uploadFiles (node)", js["wall"], mbs(js["wall"])))
print("%-52s %10.3f" % ("  of which the uploadFiles call", js["upload_seconds"]))
if len(clis) > 1:
    print("%-52s %s" % ("first publishes, each (vitrine-cli)", " ".join("%.2f" % r["wall"] for r in clis)))
    print("%-52s %s" % ("first publishes, each (uploadFiles)", " ".join("%.2f" % r["wall"] for r in jss)))
print("%-52s %10.3f %10.0f" % ("floor          sha256 (openssl dgst), large file", floor_hash, size / 1e6 / floor_hash))
print("%-52s %10.3f %10.0f" % ("floor          copy (cat > file), large file", floor_copy, size / 1e6 / floor_copy))
print("%-52s %10.3f %10.0f" % ("floor          total (hash + copy)", floor, size / 1e6 / floor))
print("%-52s %10.3f %10.0f" % ("beside         fsync of the copy (not in the floor)", floor_fsync, size / 1e6 / floor_fsync))
for i, r in enumerate(again, 1):
    print("%-52s %10.3f" % ("republish      nothing changed, run %d" % i, r["wall"]))
print()
print("%-52s %14s" % ("bytes read by vitrine-cli", "bytes"))
print("-" * 74)
print("%-52s %14d" % ("first publish, rchar (files + sockets + config)", cli["io"]["rchar"]))
print("%-52s %14d" % ("first publish, wchar (mostly sent to the hub)", cli["io"]["wchar"]))
print("%-52s %14d" % ("republish, folder content read (strace)", $CONTENT_READ))
print("%-52s %14d" % ("republish, read calls on folder files (strace)", $CONTENT_CALLS))
print("%-52s %14d" % ("republish, folder files opened (strace)", $CONTENT_OPENED))
print("%-52s %14d" % ("republish, folder files mmapped, bytes (strace)", $CONTENT_MMAP))
print("%-52s %14d" % ("republish, rchar (median run)", rep["io"]["rchar"]))
print("%-52s %14d" % ("republish, read_bytes from the disk (median run)", rep["io"]["read_bytes"]))
print()
print("%-52s %10s" % ("memory (MiB)", "peak RSS"))
print("-" * 74)
print("%-52s %10.1f" % ("vitrine-cli, first publish", cli["maxrss_kb"] / 1024))
print("%-52s %10.1f" % ("vitrine-cli, republish", max(r["maxrss_kb"] for r in again) / 1024))
print("%-52s %10.1f" % ("node + @huggingface/hub, first publish", js["maxrss_kb"] / 1024))
print("%-52s %10.1f" % ("vitrine-hub VmHWM (whole run, both clients)", $HUB_HWM / 1024))
print()
print("%-52s %10s %10s" % ("cpu (seconds)", "user", "system"))
print("-" * 74)
print("%-52s %10.2f %10.2f" % ("vitrine-cli, first publish", cli["utime"], cli["stime"]))
print("%-52s %10.2f %10.2f" % ("node, first publish", js["utime"], js["stime"]))
print()
aim = lambda ok: "" if ok else "  <- aim missed"
r = js["wall"] / cli["wall"]
print("first publish: vitrine %.2f s, @huggingface/hub %.2f s, vitrine %.2fx faster (aim >= 3x)%s" % (cli["wall"], js["wall"], r, aim(r >= 3)))
r = cli["wall"] / floor
print("vs the floor: vitrine %.2f s, sha256 + copy %.2f s, ratio %.2fx (aim <= 1.5x)%s" % (cli["wall"], floor, r, aim(r <= 1.5)))
r = cli["wall"] / (floor + floor_fsync)
print("vs the floor with its fsync: sha256 + copy + fsync %.2f s, ratio %.2fx" % (floor + floor_fsync, r))
t = rep["wall"]
print("republish, nothing changed: %.3f s median of %d (aim < 0.5 s)%s, %d bytes of file content read" % (t, len(again), aim(t < 0.5), $CONTENT_READ))
m = cli["maxrss_kb"] / 1024
print("memory: vitrine-cli peak %.1f MiB (aim < 64 MiB)%s, node %.1f MiB" % (m, aim(m < 64), js["maxrss_kb"] / 1024))
EOF
