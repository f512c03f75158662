#!/bin/sh
# bad_input.sh - `rasad text` on what real input pipelines produce: random
# bytes, a 200 MB line, a broken line in the middle, an empty file, a
# binary file. It never crashes or hangs, prints every good document and
# exits 1 when anything was skipped.
# Usage: bad_input.sh RASAD SOURCE_DIR SHARED_DIR
set -u
rasad=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { timeout 600 "$rasad" text "$@" > "$tmp/out" 2> "$tmp/err"; }

good1='{"id":"g1","date":"2024-11-26","text":"کابل - وزیر خارجه دیدار کرد."}'
good2='{"id":"g2","date":"2024-11-26","text":"The minister met his counterpart."}'

# 1 MB of random bytes, with good documents on either side.
{ echo "$good1"; head -c 1048576 /dev/urandom; echo; echo "$good2"; } > "$tmp/random.jsonl"
run "$tmp/random.jsonl"; rc=$?
[ $rc -eq 1 ] || fail "random bytes: exit $rc, want 1"
grep -q '"doc":"g1"' "$tmp/out" && grep -q '"doc":"g2"' "$tmp/out" || fail "random bytes: good documents lost"
[ "$(wc -l < "$tmp/err")" -le 12 ] || fail "random bytes: error flood"

# A broken JSON line in the middle.
{ echo "$good1"; echo '{"id":"bad","text":"unterminated'; echo "$good2"; } > "$tmp/broken.jsonl"
run "$tmp/broken.jsonl"; rc=$?
[ $rc -eq 1 ] || fail "broken line: exit $rc"
grep -q "broken.jsonl:2: malformed JSON" "$tmp/err" || fail "broken line: no FILE:LINE report"
[ "$(grep -c '"doc":"g' "$tmp/out")" -eq 2 ] || fail "broken line: good documents lost"

# Empty file: nothing, and success.
: > "$tmp/empty.jsonl"
run "$tmp/empty.jsonl"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/out" ] || fail "empty file: exit $rc"

# A binary file (the program itself).
run "$rasad"; rc=$?
[ $rc -le 1 ] || fail "binary file: exit $rc"

# A 200 MB line: one document with 200 MB of text, then a good one; and a
# 200 MB line that is not JSON at all.
python3 - "$tmp/huge.jsonl" <<'PY'
import json, sys
unit = 'وزیر خارجه روز دوشنبه با همتای خود در کابل دیدار کرد. '
n = 200 * 1024 * 1024 // len(unit.encode('utf-8')) + 1
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write(json.dumps({'id': 'huge', 'date': '2024-01-01', 'text': unit * n}, ensure_ascii=False) + '\n')
    f.write('{"id":"tail","text":"after the huge line."}\n')
    f.write('x' * (200 * 1024 * 1024) + '\n')
    f.write('{"id":"last","text":"after the garbage line."}\n')
PY
timeout 600 "$rasad" text "$tmp/huge.jsonl" 2> "$tmp/err" | cut -c1-40 > "$tmp/out"; rc=$(tail -c 0 /dev/null; echo 0)
grep -q '"doc":"tail"' "$tmp/out" || fail "200 MB line: the next document was lost"
grep -q '"doc":"last"' "$tmp/out" || fail "200 MB garbage line: the next document was lost"
[ "$(grep -c '"doc":"huge"' "$tmp/out")" -gt 2000000 ] || fail "200 MB line: sentences missing"
grep -q "huge.jsonl:3: malformed JSON" "$tmp/err" || fail "200 MB garbage line not reported"
timeout 600 "$rasad" text "$tmp/huge.jsonl" > /dev/null 2>&1; rc=$?
[ $rc -eq 1 ] || fail "200 MB lines: exit $rc, want 1"
echo "bad_input: all passed"
