#!/bin/sh
# petrarch.sh - `rasad dict import-petrarch` on a small sample in the
# PETRARCH format (tests/data/petrarch_sample.txt): synonyms, dated codes,
# default codes, substitution sets and agents, and the result used with
# --dict.
# Usage: petrarch.sh RASAD SOURCE_DIR SHARED_DIR
set -eu
rasad=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$tmp/d"
"$rasad" dict import-petrarch "$src/tests/data/petrarch_sample.txt" > "$tmp/d/sample.txt" 2> "$tmp/err" ||
    fail "import exited $?"
out="$tmp/d/sample.txt"
grep -qx 'en TESTLAND | TESTLANDIC | REPUBLIC OF TESTLAND' "$out" || fail "synonyms"
grep -qx 'code TSLELI 1975-01-01..2009-12-31' "$out" || fail "dated code"
grep -qx 'code TSLGOV 2010-01-01..' "$out" || fail "open-ended code"
grep -qx 'code TSLREB ..2005-12-31' "$out" || fail "until-code"
grep -qx 'en BORDER OFFICER | BORDER OFFICERS | BORDER OFFICIAL' "$out" || fail "substitution set"
grep -qx 'role COP' "$out" || fail "agent role"

run() { printf '{"id":"x","date":"%s","text":"%s"}\n' "$1" "$2" | "$rasad" actors --dict "$tmp/d" 2>/dev/null; }
run 2012-05-05 "President Doe met Testland border officials." > "$tmp/a"
grep -q '"text":"President Doe","code":"TSLGOV"' "$tmp/a" || { cat "$tmp/a"; fail "Doe in 2012"; }
grep -q '"text":"Testland border officials","code":"TSLCOP"' "$tmp/a" || { cat "$tmp/a"; fail "agent with state"; }
run 2001-05-05 "Jane Doe spoke." | grep -q '"code":"TSLELI"' || fail "Doe in 2001"
run 2020-05-05 "Jane Doe spoke." | grep -q '"code":"TSLGOV"' || fail "Doe in 2020"
run 2004-05-05 "John Roe spoke." | grep -q '"code":"TSLREB"' || fail "Roe in 2004"
[ -z "$(run 2008-05-05 'John Roe spoke.')" ] || fail "Roe has no code in 2008"
echo "petrarch: all passed"
