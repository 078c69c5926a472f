#!/usr/bin/env python3
# The application icons exist, parse as SVG, and carry no bitmaps, text or
# references outside themselves.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

root, app_id = Path(sys.argv[1]), sys.argv[2]
icons = [
    root / f"data/icons/hicolor/scalable/apps/{app_id}.svg",
    root / f"data/icons/hicolor/scalable/apps/{app_id}.Devel.svg",
    root / f"data/icons/hicolor/symbolic/apps/{app_id}-symbolic.svg",
]
errors = []
for icon in icons:
    if not icon.is_file():
        errors.append(f"{icon} is missing")
        continue
    try:
        tree = ET.parse(icon)
    except ET.ParseError as e:
        errors.append(f"{icon}: not well-formed: {e}")
        continue
    if not tree.getroot().tag.endswith("svg"):
        errors.append(f"{icon}: the root element is not <svg>")
    for el in tree.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("image", "text", "script", "foreignObject"):
            errors.append(f"{icon}: has a <{tag}> element")
        for key, value in el.attrib.items():
            if key.endswith("href") and not value.startswith("#"):
                errors.append(f"{icon}: refers outside itself ({value})")
for e in errors:
    print(e)
sys.exit(1 if errors else 0)
