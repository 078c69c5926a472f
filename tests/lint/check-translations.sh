#!/usr/bin/env bash
# Every language in po/LINGUAS is complete: no untranslated or fuzzy message,
# and every string in the sources today has its translation.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cd "$1" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same keywords as meson's glib preset.
xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from=<(grep -v '^#' po/POTFILES.in | sed '/^$/d') \
  --output="$tmp/vitrine.pot" || exit 1

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  if ! msgfmt --check --statistics -o /dev/null "$po" 2> "$tmp/stats"; then
    cat "$tmp/stats"
    status=1
    continue
  fi
  cat "$tmp/stats"
  if grep -qE 'untranslated|fuzzy' "$tmp/stats"; then
    echo "$po is incomplete"
    status=1
  fi
  # Every message of the sources must be in the translation.
  if ! msgcmp "$po" "$tmp/vitrine.pot" 2>&1; then
    echo "$po misses messages of the sources: run 'ninja -C _build vitrine-update-po' and translate them"
    status=1
  fi
  msgattrib --untranslated --no-obsolete "$po" > "$tmp/untranslated.po"
  if grep -q '^msgid ".' "$tmp/untranslated.po"; then
    echo "$po has untranslated messages"
    status=1
  fi
done
exit $status
