#!/usr/bin/env bash
# Every file with translatable strings is listed in po/POTFILES.in, and every
# file listed there exists.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cd "$1" || exit 1

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

# C files using _() or N_() or C_(), .ui files with translatable="yes",
# and the data files that carry strings for people.
found=$( {
  grep -rlE '\b(N?C?_)\(' --include='*.c' src/
  grep -rl 'translatable="yes"' --include='*.ui' resources/
  ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml
} | sort -u)

for f in $found; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

if [ "$(grep -v '^#' po/POTFILES.in | sed '/^$/d')" != "$listed" ]; then
  echo "po/POTFILES.in is not in alphabetical order"
  status=1
fi

[ $status -eq 0 ] && echo "POTFILES.in lists $(printf '%s\n' "$listed" | wc -l) files, all present"
exit $status
