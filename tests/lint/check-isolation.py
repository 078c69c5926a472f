#!/usr/bin/env python3
# check-isolation.py — test programs never touch the home they are given
#
#   check-isolation.py ISOLATE_MJS NODE RUN_ISOLATED TEST...
#
# Runs each TEST program (and a shell and a Node.js script through the
# ways the other tests are isolated: RUN_ISOLATED and ISOLATE_MJS) with
# HOME, the XDG folders, TMPDIR, HF_HOME and HF_TOKEN_PATH pointing into a
# sentinel folder that holds what a user has there: token files, a hash
# cache, drafts, a discovery file, a hub's data.  Every file and folder's
# access time is set in the past first, and DBUS_SESSION_BUS_ADDRESS names
# a socket this script listens on.  Afterwards nothing in the sentinel may
# have been read, listed, written, added or removed, the sentinel TMPDIR
# must be empty again (no temporary folder left behind), and no one may
# have connected to the bus.  The check is first shown to catch a program
# that reads, writes or connects without isolation.
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import threading

PAST = 946684800  # 2000-01-01, older than any relatime window

SENTINEL_FILES = {
    "home/.cache/huggingface/token": "hf_sentinelhometoken",
    "home/.config/vitrine/tokens": "sentinel",
    "home/.local/share/vitrine/drafts/draft.md": "# draft\n",
    "config/vitrine/tokens": "sentinel",
    "cache/vitrine/hashes": "vitrine-hash-cache 1\n",
    "cache/huggingface/token": "hf_sentinelcachetoken",
    "data/vitrine/drafts/draft.md": "# draft\n",
    "data/vitrine/hub/secret": "sentinel",
    "state/vitrine/state": "sentinel",
    "runtime/vitrine/local-hub.json": '{"url": "http://127.0.0.1:9", "pid": 1, "data-dir": "/nonexistent"}\n',
    "hf-home/token": "hf_sentinelhfhometoken",
    "token-path": "hf_sentineltokenpath",
}


def make_sentinel(root):
    for name, text in SENTINEL_FILES.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    os.makedirs(os.path.join(root, "tmp"), mode=0o700)
    os.chmod(os.path.join(root, "runtime"), 0o700)


def set_past(root):
    for dirpath, dirnames, filenames in os.walk(root, topdown=False):
        for name in filenames + dirnames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            os.utime(path, ns=(PAST * 10**9, st.st_mtime_ns), follow_symlinks=False)
    st = os.stat(root)
    os.utime(root, ns=(PAST * 10**9, st.st_mtime_ns))


def snapshot(root):
    """Every path but TMPDIR's contents: mode, size, times and bytes, taken
    without changing an access time (each is put back after the look)."""
    state = {}

    def visit(path):
        rel = os.path.relpath(path, root)
        st = os.lstat(path)
        digest = None
        if os.path.isdir(path) and not os.path.islink(path):
            if rel != "tmp":
                for name in sorted(os.listdir(path)):
                    visit(os.path.join(path, name))
        elif os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)
        if rel != "tmp":
            state[rel] = (st.st_mode, st.st_size, st.st_mtime_ns, st.st_atime_ns, digest)

    visit(root)
    return state


class Bus:
    """A socket where the session bus would be, counting who connects."""

    def __init__(self, path):
        self.connections = 0
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(path)
        self.sock.listen(16)
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


def environment(root, bus_path):
    env = dict(os.environ)
    for name in ("VITRINE_TEST_ROOT", "HF_TOKEN", "HF_ENDPOINT", "HF_HUB_CACHE"):
        env.pop(name, None)
    env.update({
        "HOME": os.path.join(root, "home"),
        "XDG_CONFIG_HOME": os.path.join(root, "config"),
        "XDG_CACHE_HOME": os.path.join(root, "cache"),
        "XDG_DATA_HOME": os.path.join(root, "data"),
        "XDG_STATE_HOME": os.path.join(root, "state"),
        "XDG_RUNTIME_DIR": os.path.join(root, "runtime"),
        "TMPDIR": os.path.join(root, "tmp"),
        "HF_HOME": os.path.join(root, "hf-home"),
        "HF_TOKEN_PATH": os.path.join(root, "token-path"),
        "DBUS_SESSION_BUS_ADDRESS": "unix:path=" + bus_path,
    })
    return env


def differences(before, after):
    out = []
    for rel in sorted(set(before) | set(after)):
        if rel not in after:
            out.append(f"removed: {rel}")
        elif rel not in before:
            out.append(f"added: {rel}")
        elif before[rel] != after[rel]:
            b, a = before[rel], after[rel]
            what = []
            if b[4] != a[4] or b[1] != a[1]:
                what.append("content")
            if b[2] != a[2]:
                what.append("written")
            if b[3] != a[3]:
                what.append("read")
            if b[0] != a[0]:
                what.append("mode")
            out.append(f"{' and '.join(what)}: {rel}")
    return out


def run_in_sentinel(argv):
    """Runs argv with the sentinel as its home; returns what it touched."""
    with tempfile.TemporaryDirectory(prefix="vitrine-sentinel-") as root:
        make_sentinel(root)
        bus_path = os.path.join(root, "runtime", "bus")
        bus = Bus(bus_path)
        set_past(root)
        before = snapshot(root)
        try:
            result = subprocess.run(argv, env=environment(root, bus_path), stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, timeout=100)
        except subprocess.TimeoutExpired as e:
            result = subprocess.CompletedProcess(argv, -1, (e.stdout or b"") + b"\n(timed out)")
        after = snapshot(root)
        bus.sock.close()
        touched = differences(before, after)
        left = sorted(os.listdir(os.path.join(root, "tmp")))
        if left:
            touched.append(f"left in TMPDIR: {', '.join(left)}")
        if bus.connections:
            touched.append(f"connected to the session bus {bus.connections} time(s)")
        return result, touched


def main():
    isolate_mjs, node, run_isolated, *tests = sys.argv[1:]
    status = 0

    # The check catches a program that is not isolated.
    violator = ["sh", "-c",
                'cat "$XDG_CONFIG_HOME/vitrine/tokens" >/dev/null 2>&1; echo x > "$XDG_CACHE_HOME/new";'
                ' mkdir "$TMPDIR/left"; python3 -c "import socket, os; s = socket.socket(socket.AF_UNIX);'
                ' s.connect(os.environ[\'DBUS_SESSION_BUS_ADDRESS\'][10:])" 2>/dev/null; true']
    _, touched = run_in_sentinel(violator)
    expected = ["read: config/vitrine/tokens", "added: cache/new", "left in TMPDIR: left",
                "connected to the session bus 1 time(s)"]
    for line in expected:
        if line not in touched:
            print(f"not ok: the check missed “{line}” by a program that is not isolated: {touched}")
            status = 1
    if status == 0:
        print("ok: the check catches reads, writes, leftovers and bus connections")

    # The same program through test-run-isolated, a Node.js script that
    # imports isolate.mjs, and every test program given: they touch nothing.
    node_script = ("await import(process.argv[1]);"
                   " const fs = await import('node:fs'); const os = await import('node:os');"
                   " try { fs.readFileSync(process.env.XDG_CONFIG_HOME + '/vitrine/tokens'); } catch {}"
                   " fs.writeFileSync(os.homedir() + '/x', 'x');"
                   " fs.mkdtempSync(os.tmpdir() + '/left-');")
    runs = [
        ("test-run-isolated sh", [run_isolated] + violator),
        ("isolate.mjs", [node, "--input-type=module", "-e", node_script, isolate_mjs]),
    ]
    runs += [(os.path.basename(t), [t]) for t in tests]

    for label, argv in runs:
        result, touched = run_in_sentinel(argv)
        if result.returncode not in (0, 77):
            print(f"not ok: {label} failed (status {result.returncode}):")
            print(result.stdout.decode(errors="replace")[-4000:])
            status = 1
        elif touched:
            print(f"not ok: {label} touched the home it was given:")
            for line in touched:
                print(f"  {line}")
            status = 1
        else:
            print(f"ok: {label} left the home it was given alone")
    return status


if __name__ == "__main__":
    sys.exit(main())
