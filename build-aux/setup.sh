#!/usr/bin/env bash
# setup.sh — install what building, running and testing Vitrine needs
#
# Copyright 2026 The Vitrine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs exactly the Debian 12 packages Vitrine needs, and does nothing
# when they are all present.  Safe to run again and again.
set -euo pipefail

PACKAGES=(
  # toolchain and build
  gcc pkg-config meson ninja-build gettext itstool libglib2.0-dev-bin
  # libraries
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libgit2-dev
  libwebkitgtk-6.0-dev libgtksourceview-5-dev libsecret-1-dev libyaml-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libgnutls28-dev
  # the local hub serves git with git's own programs; its tests push with git-lfs
  git git-lfs
  # validation and headless tests
  desktop-file-utils appstream xvfb xauth dbus-x11 imagemagick
  at-spi2-core locales
  # the real Secret Service the account tests sign in with, and a reader
  # of it that is not Vitrine
  gnome-keyring libsecret-tools
  # the publish wizard's tests driven as assistive technology drives it:
  # Debian's python3 with its AT-SPI bindings
  python3-pyatspi
  # WebKitGTK's processes abort without an EGL driver ("Could not create
  # surfaceless EGL display"); under Xvfb that is Mesa's software one.
  # WebKit only recommends it, so a --no-install-recommends install lacks it.
  libgl1-mesa-dri
  # Spaces run on this computer: a virtual environment per Space (Debian's
  # python3 needs python3-venv for it), and Flask for the tests' Flask Space
  python3-venv python3-flask
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The official JavaScript client the conformance tests drive, pinned in
# tests/conformance/package.json and package-lock.json (Node.js comes with
# the machine).  node_modules/ is not in git: it is installed with `npm ci`
# when it is missing or the lock file changed since the last install, which
# leaves a copy of the lock it installed from in node_modules/.
top=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -q --no-install-recommends nodejs npm
fi
conformance="$top/tests/conformance"
installed_lock="$conformance/node_modules/.vitrine-installed-lock.json"
if ! cmp -s "$conformance/package-lock.json" "$installed_lock"; then
  echo "setup: installing the conformance peer @huggingface/hub (npm ci in tests/conformance)"
  (cd "$conformance" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$conformance/package-lock.json" "$installed_lock"
fi

# The French locale, so LANG=fr_FR.UTF-8 shows the translation.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf8$'; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO sed -i 's/^# *fr_FR.UTF-8 UTF-8/fr_FR.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi
