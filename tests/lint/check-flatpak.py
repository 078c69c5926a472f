#!/usr/bin/env python3
# The Flatpak manifest parses, names the same application id and command as
# meson, and asks only for the permissions Vitrine needs.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys
from pathlib import Path

root, app_id, command = sys.argv[1], sys.argv[2], sys.argv[3]
path = Path(root) / "flatpak" / f"{app_id}.json"
manifest = json.loads(path.read_text(encoding="utf-8"))
errors = []

def expect(cond, message):
    if not cond:
        errors.append(message)

expect(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, meson says {app_id!r}")
expect(manifest.get("command") == command, f"command is {manifest.get('command')!r}, meson builds {command!r}")
expect(manifest.get("runtime") == "org.gnome.Platform", "runtime must be org.gnome.Platform")
expect(manifest.get("sdk") == "org.gnome.Sdk", "sdk must be org.gnome.Sdk")

allowed = {
    "--share=network", "--share=ipc", "--socket=fallback-x11", "--socket=wayland",
    "--device=dri", "--talk-name=org.freedesktop.secrets",
}
for arg in manifest.get("finish-args", []):
    expect(arg in allowed, f"finish-arg {arg} is broader than Vitrine needs")
for arg in ("--share=network", "--socket=wayland", "--socket=fallback-x11"):
    expect(arg in manifest.get("finish-args", []), f"finish-arg {arg} is missing")

modules = manifest.get("modules", [])
names = [m.get("name") if isinstance(m, dict) else m for m in modules]
expect(names and names[-1] == "vitrine", "the last module must build vitrine itself")
expect("libgit2" in names, "libgit2 must be built as a module (the GNOME runtime lacks it)")
for m in modules:
    if not isinstance(m, dict):
        continue
    for src in m.get("sources", []):
        if src.get("type") == "git":
            expect("tag" in src or "commit" in src, f"module {m['name']} must pin a tag or commit")
        if src.get("type") == "archive":
            expect("sha256" in src, f"module {m['name']} must give the archive's sha256")

if errors:
    for e in errors:
        print(f"{path}: {e}")
    sys.exit(1)
print(f"{path.name}: id {app_id}, command {command}, {len(names)} modules")
