#!/bin/sh
# dict.sh - `rasad dict check`: the bundled dictionaries are clean, and a
# user's broken file is reported as FILE:LINE: problem with exit status 1.
# Usage: dict.sh RASAD SOURCE_DIR SHARED_DIR
set -eu
rasad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$rasad" dict check > "$tmp/out" 2>&1 || { cat "$tmp/out"; fail "bundled dictionaries are not clean"; }

printf 'line  Read later\nbogus words\nkey\nbutton share\nbutton SHARE\n' > "$tmp/furniture.txt"
set +e
"$rasad" dict check "$tmp" > "$tmp/out" 2> "$tmp/err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "broken user file: exit $rc, want 1"
grep -q "$tmp/furniture.txt:2: unknown kind" "$tmp/err" || fail "unknown kind not reported"
grep -q "$tmp/furniture.txt:3: rule has no text" "$tmp/err" || fail "empty rule not reported"
grep -q "$tmp/furniture.txt:5: duplicate rule" "$tmp/err" || fail "duplicate not reported"
if grep -q ":1:\|:4:" "$tmp/err"; then fail "good lines reported"; fi
set +e
"$rasad" dict check /nonexistent/dicts > /dev/null 2>&1; rc=$?
set -e
[ $rc -eq 2 ] || fail "missing folder: exit $rc, want 2"
echo "dict: all passed"
