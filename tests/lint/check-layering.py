#!/usr/bin/env python3
# check-layering.py — the layers use only what they may
#
#   check-layering.py SOURCE_ROOT BUILD_ROOT VITRINE_HUB [CHECK...]
#
# Runs the CHECKs named (all four without any):
#   gui-free     src/common, src/hub and src/server include no GTK, GDK,
#                Adwaita, WebKit or GtkSourceView header and are compiled
#                without their dependencies;
#   hub-headers  the public headers of src/hub (every .h but *-private.h)
#                name no libsoup type, function or header: libsoup is the
#                client's own business;
#   server-bin   the vitrine-hub program links neither libsecret nor a GUI
#                library, and holds no vitrine_client_ symbol;
#   inward       src/common includes nothing from src/hub, src/server or
#                src/app, and is compiled without their folders; src/hub
#                nothing from src/server or src/app; src/server nothing
#                from src/hub or src/app.
#
# The cut of shared/design.md, checked on the sources, on how meson
# compiles them (meson-info/intro-targets.json) and on the built server.
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import subprocess
import sys
from pathlib import Path

CHECKS = ("gui-free", "hub-headers", "server-bin", "inward")
source_root, build_root, hub_exe = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
selected = sys.argv[4:] or list(CHECKS)
unknown = set(selected) - set(CHECKS)
if unknown:
    sys.exit(f"check-layering.py: no check named {', '.join(sorted(unknown))}")
src = source_root / "src"
failures = []

GUI_HEADER = re.compile(r'^\s*#\s*include\s*[<"](gtk/|gdk/|gsk/|adwaita\.h|webkit/|webkit2/|jsc/|gtksourceview/)',
                        re.MULTILINE)
GUI_PACKAGE = re.compile(r"(gtk-4\.0|libadwaita-1|webkitgtk-6\.0|webkit2gtk|gtksourceview-5)")
GUI_LIBRARY = re.compile(r"lib(gtk-4|adwaita-1|webkitgtk-6\.0|javascriptcoregtk|gtksourceview-5)\.so")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.MULTILINE)


def fail(check, message):
    failures.append(f"{check}: {message}")


def sources(layer):
    return sorted(p for p in (src / layer).iterdir() if p.suffix in (".c", ".h"))


def without_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)
    return re.sub(r"//[^\n]*", " ", text)


def targets_of(layer):
    """The build targets a layer's meson.build defines, with their compiler
    arguments."""
    info = json.loads((build_root / "meson-info" / "intro-targets.json").read_text())
    found = []
    for target in info:
        if Path(target["defined_in"]).resolve() == (src / layer / "meson.build").resolve():
            params = [p for s in target["target_sources"] for p in s.get("parameters", [])]
            found.append((target["name"], params))
    return found


def gui_free():
    for layer in ("common", "hub", "server"):
        for path in sources(layer):
            for match in GUI_HEADER.finditer(without_comments(path.read_text(encoding="utf-8"))):
                fail("gui-free", f"{path.relative_to(source_root)} includes {match.group(1)}")
        targets = targets_of(layer)
        if not targets:
            fail("gui-free", f"no build target found for src/{layer}")
        for name, params in targets:
            for param in params:
                if GUI_PACKAGE.search(param):
                    fail("gui-free", f"src/{layer}'s {name} is compiled with {param}")


SOUP = re.compile(r"(#\s*include\s*[<\"]libsoup/|\bSoup[A-Z]\w*|\bsoup_\w+|\bSOUP_\w+)")


def hub_headers():
    for path in sources("hub"):
        if path.suffix != ".h" or path.name.endswith("-private.h"):
            continue
        for match in SOUP.finditer(without_comments(path.read_text(encoding="utf-8"))):
            fail("hub-headers", f"{path.relative_to(source_root)} names {match.group(1).strip()}")


def server_bin():
    ldd = subprocess.run(["ldd", hub_exe], capture_output=True, text=True)
    if ldd.returncode != 0 or "libglib-2.0" not in ldd.stdout:
        fail("server-bin", f"ldd could not list what {hub_exe} links: {ldd.stderr.strip()}")
    for line in ldd.stdout.splitlines():
        if "libsecret" in line or GUI_LIBRARY.search(line):
            fail("server-bin", f"vitrine-hub links {line.strip().split()[0]}")
    nm = subprocess.run(["nm", hub_exe], capture_output=True, text=True)
    if nm.returncode != 0 or "vitrine_server_new" not in nm.stdout:
        fail("server-bin", f"nm could not list the symbols of {hub_exe}: {nm.stderr.strip()}")
    for line in nm.stdout.splitlines():
        if "vitrine_client_" in line:
            fail("server-bin", f"vitrine-hub holds {line.split()[-1]}")


def inward():
    layers = ("common", "hub", "server", "app")
    own = {layer: {p.name for p in (src / layer).glob("*.h")} for layer in layers}
    forbidden = {"common": ("hub", "server", "app"), "hub": ("server", "app"), "server": ("hub", "app")}
    for layer, others in forbidden.items():
        for path in sources(layer):
            for name in INCLUDE.findall(without_comments(path.read_text(encoding="utf-8"))):
                base = Path(name).name
                if base in own[layer]:
                    continue
                for other in others:
                    if base in own[other] or f"src/{other}/" in name or name.startswith(f"{other}/"):
                        fail("inward", f"{path.relative_to(source_root)} includes {name}, from src/{other}")
        for target, params in targets_of(layer):
            for param in params:
                for other in others:
                    if param.startswith("-I") and re.search(rf"/src/{other}/?$", param):
                        fail("inward", f"src/{layer}'s {target} is compiled with {param}")


RUN = {"gui-free": gui_free, "hub-headers": hub_headers, "server-bin": server_bin, "inward": inward}
for check in selected:
    RUN[check]()
for line in failures:
    print(f"not ok: {line}")
for check in selected:
    if not any(line.startswith(check + ":") for line in failures):
        print(f"ok: {check}")
sys.exit(1 if failures else 0)
