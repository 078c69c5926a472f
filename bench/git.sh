#!/usr/bin/env bash
# bench/git.sh — the local hub as a git remote, against git's own
# transport and against the hub's own downloads.
#
#   1. clone: `git clone` of a repository of COMMITS commits from the hub,
#      against `git clone file://` of the very same bare repository (the
#      hub's, in its data folder): aim ≤ 1.5×;
#   2. large files: `git lfs pull` of a LFS_MB MiB file into a clone made
#      without it, against `curl` of the same file from the hub's
#      `resolve` URL: aim ≥ 0.8× its speed;
#   plus the hub's peak memory (VmHWM) throughout.
#
# Environment (all optional):
#   COMMITS      commits in the history (default 10000)
#   LFS_MB       the large file, MiB (default 1024)
#   RUNS         clones of each kind; the median is reported (default 3)
#   VITRINE_HUB  the binary (default _build/src/server/vitrine-hub)
#   KEEP_TMP=1   keep the temporary folder
#
# Figures, not verdicts: a missed aim exits 0; a failed clone or a file
# that differs exits non-zero.  Run it on a quiet machine.

set -euo pipefail

COMMITS=${COMMITS:-10000}
LFS_MB=${LFS_MB:-1024}
RUNS=${RUNS:-3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HUB=${VITRINE_HUB:-$ROOT/_build/src/server/vitrine-hub}
PY=$(command -v python3)

die () { echo "git.sh: $*" >&2; exit 1; }
note () { echo "== $*" >&2; }

[ -x "$HUB" ] || die "no vitrine-hub at $HUB (build with: ninja -C _build)"
command -v git >/dev/null || die "git is needed"
git lfs version >/dev/null 2>&1 || die "git-lfs is needed (build-aux/setup.sh installs it)"
command -v curl >/dev/null || die "curl is needed"

T=$(mktemp -d "${TMPDIR:-/tmp}/vitrine-git-bench.XXXXXX")
HPID=
cleanup () {
  local rc=$?
  [ -n "$HPID" ] && { kill "$HPID" 2>/dev/null || true; wait "$HPID" 2>/dev/null || true; }
  [ "${KEEP_TMP:-0}" = 1 ] && echo "kept $T" >&2 || rm -rf "$T"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export HOME=$T/home GIT_TERMINAL_PROMPT=0 GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.org
mkdir -p "$HOME"
git lfs install --skip-repo > /dev/null

now () { date +%s.%N; }
elapsed () { "$PY" -c 'import sys; print("%.3f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$2"; }
median () { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

D=$T/data
TOKEN=$("$HUB" user add alice --data-dir "$D")
"$HUB" serve --data-dir "$D" --port 0 > "$T/hub.out" 2> "$T/hub.err" &
HPID=$!
BASE=
for _ in $(seq 200); do
  BASE=$(head -n1 "$T/hub.out" 2>/dev/null || true)
  [ -n "$BASE" ] && break
  kill -0 "$HPID" 2>/dev/null || die "vitrine-hub exited: $(cat "$T/hub.err")"
  sleep 0.05
done
[ -n "$BASE" ] || die "vitrine-hub did not start"
HOST=${BASE#http://}
api () { curl -sf -H "Authorization: Bearer $TOKEN" "$@"; }
for name in history weights; do
  api -X POST -H 'Content-Type: application/json' --data "{\"name\":\"$name\"}" "$BASE/api/repos/create" > /dev/null
done
REMOTE=http://user:$TOKEN@$HOST

# ---- 1. A history of COMMITS commits, pushed once --------------------------
note "making $COMMITS commits"
SRC=$T/src
git clone -q "$REMOTE/alice/history" "$SRC"
"$PY" - "$COMMITS" <<'EOF' | (cd "$SRC" && git fast-import --quiet)
import sys, time
n = int(sys.argv[1])
t = 1700000000
out = sys.stdout
out.write("reset refs/heads/main\nfrom refs/heads/main^0\n")
for i in range(n):
    body = ("step %d\n" % i) * 20
    name = "src/file-%03d.txt" % (i % 500)
    msg = "Commit %d" % i
    out.write("commit refs/heads/main\n")
    out.write("committer Bench <bench@example.org> %d +0000\n" % (t + i))
    out.write("data %d\n%s\n" % (len(msg), msg))
    out.write("M 644 inline %s\ndata %d\n%s\n" % (name, len(body), body))
EOF
(cd "$SRC" && git push -q origin main) || die "the push of the history failed"
BARE=$D/repos/models/alice/history.git
[ "$(git -C "$BARE" rev-list --count main)" -ge "$COMMITS" ] || die "the hub does not hold the history"

note "clones: the hub vs file://"
for i in $(seq "$RUNS"); do
  sync
  t0=$(now); git clone -q --bare "$REMOTE/alice/history" "$T/http-$i.git"; t1=$(now)
  elapsed "$t0" "$t1" >> "$T/clone-http"
  sync
  t0=$(now); git clone -q --bare "file://$BARE" "$T/file-$i.git"; t1=$(now)
  elapsed "$t0" "$t1" >> "$T/clone-file"
  [ "$(git -C "$T/http-$i.git" rev-parse main)" = "$(git -C "$BARE" rev-parse main)" ] || die "the clone differs"
  rm -rf "$T/http-$i.git" "$T/file-$i.git"
done
CLONE_HTTP=$(median < "$T/clone-http")
CLONE_FILE=$(median < "$T/clone-file")

# ---- 2. A large file: git lfs pull vs resolve -------------------------------
note "a $LFS_MB MiB file through git-lfs"
W=$T/weights
git clone -q "$REMOTE/alice/weights" "$W"
(cd "$W" && git lfs install > /dev/null && git lfs track '*.bin' > /dev/null)
head -c $((LFS_MB * 1024 * 1024)) /dev/urandom > "$W/model.bin"
OID=$(sha256sum "$W/model.bin" | cut -d' ' -f1)
(cd "$W" && git add .gitattributes model.bin && git commit -q -m "Weights" && git push -q origin main) \
  || die "the push of the large file failed"

for i in $(seq "$RUNS"); do
  rm -rf "$T/pull"
  GIT_LFS_SKIP_SMUDGE=1 git clone -q "$REMOTE/alice/weights" "$T/pull"
  sync
  # git lfs pull is git lfs fetch (the transfer) then git lfs checkout
  # (git-lfs copies the file into the working tree and git hashes it
  # again): timed apart, so that what the hub does shows.
  t0=$(now); (cd "$T/pull" && git lfs fetch > /dev/null 2>&1); t1=$(now)
  (cd "$T/pull" && git lfs checkout > /dev/null 2>&1); t2=$(now)
  elapsed "$t0" "$t1" >> "$T/lfs-fetch"
  elapsed "$t0" "$t2" >> "$T/lfs-pull"
  [ "$(sha256sum "$T/pull/model.bin" | cut -d' ' -f1)" = "$OID" ] || die "git lfs pull got other bytes"
  rm -f "$T/resolved.bin"; sync
  t0=$(now); api -o "$T/resolved.bin" "$BASE/alice/weights/resolve/main/model.bin"; t1=$(now)
  elapsed "$t0" "$t1" >> "$T/resolve"
  [ "$(stat -c %s "$T/resolved.bin")" = $((LFS_MB * 1024 * 1024)) ] || die "resolve got another size"
done
LFS_PULL=$(median < "$T/lfs-pull")
LFS_FETCH=$(median < "$T/lfs-fetch")
RESOLVE=$(median < "$T/resolve")
PEAK=$(awk '/^VmHWM:/ {print $2}' "/proc/$HPID/status")

"$PY" - "$COMMITS" "$CLONE_HTTP" "$CLONE_FILE" "$LFS_MB" "$LFS_PULL" "$RESOLVE" "$PEAK" "$LFS_FETCH" <<'EOF'
import sys
commits, http, file_, mb, pull, resolve, peak, fetch = sys.argv[1:]
http, file_, pull, resolve, mb, fetch = float(http), float(file_), float(pull), float(resolve), float(mb), float(fetch)
print("clone of %s commits   hub %.2f s   file:// %.2f s" % (commits, http, file_))
print("%d MiB large file     git lfs pull %.2f s (%.0f MiB/s), of which fetch %.2f s (%.0f MiB/s)"
      % (mb, pull, mb / pull, fetch, mb / fetch))
print("                      resolve %.2f s (%.0f MiB/s)" % (resolve, mb / resolve))
print("hub peak memory       %d KiB" % int(peak))
print()
def aim(name, value, ok):
    print("%-44s %s" % (name, value) + ("   ok" if ok else "   MISSED"))
aim("clone: hub / file:// (aim <= 1.5)", "%.2f" % (http / file_), http / file_ <= 1.5)
aim("git lfs pull speed / resolve (aim >= 0.8)", "%.2f" % (resolve / pull), resolve / pull >= 0.8)
print("%-44s %.2f" % ("  its transfer (git lfs fetch) / resolve", resolve / fetch))
EOF
