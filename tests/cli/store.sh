#!/bin/sh
# store.sh - `rasad code --db` and `rasad query` end to end, on a SQLite
# file, or on PostgreSQL when RASAD_PG_URL is set (tests/pg/with-pg.sh):
# coding twice stores nothing new, the AFG-RUS timeline, valid GraphML,
# the export's columns, a kill -9 in the middle of an ingest, and bad
# input (a malformed document, a locked or read-only database).
# Usage: store.sh RASAD SOURCE_DIR SHARED_DIR
set -u
rasad=$1 src=$2 shared=$3
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
pg=${RASAD_PG_URL:-}
n=0

# A new, empty store in $new: a file, or a database on the test's server.
fresh() {
    n=$((n + 1))
    if [ -n "$pg" ]; then
        psql -q "$pg" -c "DROP DATABASE IF EXISTS rasad_cli_$n" -c "CREATE DATABASE rasad_cli_$n" >/dev/null 2>&1 \
            || fail "cannot create a database"
        new=$(echo "$pg" | sed "s#/postgres?#/rasad_cli_$n?#")
    else
        new="$tmp/store$n.db"
    fi
}
# "D E M": documents, events and mentions in a store.
counts() {
    "$rasad" code --db "$1" /dev/null | sed -n 's/.*holds \([0-9]*\) documents, \([0-9]*\) events, \([0-9]*\) mentions/\1 \2 \3/p'
}
# The same as a reader, which never waits for the writer: the crash test
# polls it while an ingest runs.
peek() {
    if [ -n "$pg" ]; then
        psql -At "$1" -c "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM events) || ' ' ||
                                 (SELECT count(*) FROM mentions)" 2>/dev/null
    else
        python3 - "$1" <<'PY' 2>/dev/null
import sqlite3, sys
c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True, timeout=1)
print(' '.join(str(c.execute(f'SELECT count(*) FROM {t}').fetchone()[0]) for t in ('documents', 'events', 'mentions')))
PY
    fi
}

inputs="$src/examples/news.jsonl"
[ -f "$shared/gold/seeds.jsonl" ] && inputs="$inputs $shared/gold/seeds.jsonl"

# Coding twice gives the same counts as coding once.
fresh; db=$new
"$rasad" code --db "$db" $inputs > "$tmp/first" || fail "first ingest failed"
once=$(counts "$db")
"$rasad" code --db "$db" $inputs > "$tmp/second" || fail "second ingest failed"
twice=$(counts "$db")
[ "$once" = "$twice" ] || fail "coding twice changed the store: $once then $twice"
grep -q "unchanged" "$tmp/second" || fail "no unchanged report"
set -- $once
[ "$2" -gt 0 ] && [ "$3" -ge "$2" ] || fail "counts: $once"

# The AFG-RUS timeline by month has the 2023-01 and 2024-11 meetings (seeds).
if [ -f "$shared/gold/seeds.jsonl" ]; then
    "$rasad" query --db "$db" dyad AFG RUS --by month > "$tmp/dyad" || fail "dyad query"
    grep -q '^2023-01 ' "$tmp/dyad" && grep -q '^2024-11 ' "$tmp/dyad" || { cat "$tmp/dyad"; fail "dyad: 2023-01 or 2024-11 missing"; }
    "$rasad" query --db "$db" dyad AFG RUS --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert {"2023-01","2024-11"} <= {r["period"] for r in d}, d' \
        || fail "dyad --json"
fi

# The network is valid GraphML, with an edge for every dyad.
"$rasad" query --db "$db" network --format graphml > "$tmp/net.graphml" || fail "network"
python3 - "$tmp/net.graphml" <<'PY' || fail "network: not valid GraphML"
import sys, xml.etree.ElementTree as ET
ns = '{http://graphml.graphdrawing.org/xmlns}'
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == ns + 'graphml', root.tag
g = root.find(ns + 'graph')
nodes = {n.get('id') for n in g.findall(ns + 'node')}
edges = g.findall(ns + 'edge')
assert nodes and edges
assert all(e.get('source') in nodes and e.get('target') in nodes for e in edges)
PY
"$rasad" query --db "$db" network --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["nodes"] and d["links"]' \
    || fail "network json"
"$rasad" query --db "$db" top actors --csv | head -1 | grep -qx 'actor,events' || fail "top actors --csv"
"$rasad" query --db "$db" events --actor AFG --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d and all(m["evidence"] for e in d for m in e["mentions"])' \
    || fail "events --json"

# The export's TSV has the coder's columns and one row per event.
"$rasad" export --db "$db" --format tsv > "$tmp/export.tsv" || fail "export"
"$rasad" code --format tsv /dev/null > "$tmp/header"
[ "$(head -1 "$tmp/export.tsv")" = "$(cat "$tmp/header")" ] || fail "export: header differs from rasad code's"
[ $(($(wc -l < "$tmp/export.tsv") - 1)) -eq "$2" ] || fail "export: rows differ from events"
"$rasad" export --db "$db" --format jsonl | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' || fail "export jsonl"

# kill -9 in the middle of an ingest; the same command again completes it.
python3 - "$src/examples/news.jsonl" "$tmp/big.jsonl" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    for i in range(300):
        for d in docs:
            f.write(json.dumps(dict(d, id=f"{d['id']}-{i}", text=d['text'] + f" ({i})"), ensure_ascii=False) + '\n')
PY
fresh; clean=$new
"$rasad" code --db "$clean" "$tmp/big.jsonl" > /dev/null || fail "clean big ingest"
want=$(counts "$clean")
fresh; crash=$new
"$rasad" code --db "$crash" --batch 8 "$tmp/big.jsonl" > /dev/null &
pid=$!
start=$(date +%s)
while :; do
    got=$(peek "$crash")
    [ -n "$got" ] && [ "${got%% *}" -gt 0 ] && break
    kill -0 $pid 2>/dev/null || fail "crash test: the ingest ended before committing anything"
    [ $(($(date +%s) - start)) -lt 600 ] || fail "crash test: nothing committed in ten minutes"
    sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
mid=$(counts "$crash")
[ "$mid" != "$want" ] || echo "note: the ingest finished before the kill" >&2
"$rasad" code --db "$crash" "$tmp/big.jsonl" > /dev/null || fail "crash test: the re-run failed"
got=$(counts "$crash")
[ "$got" = "$want" ] || fail "crash test: after kill ($mid) and re-run $got, a clean run has $want"

# A malformed document: reported as FILE:LINE, the good ones stored.
good1='{"id":"g1","date":"2024-11-26","text":"Russia and Afghanistan signed an agreement in Kabul."}'
good2='{"id":"g2","date":"2024-11-26","text":"Pakistan accused Afghanistan of sheltering militants."}'
{ echo "$good1"; echo '{"id":"bad","text":"unterminated'; echo "$good2"; } > "$tmp/broken.jsonl"
fresh; bad=$new
"$rasad" code --db "$bad" "$tmp/broken.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "malformed document: exit $rc, want 1"
grep -q "broken.jsonl:2: " "$tmp/err" || fail "malformed document: no FILE:LINE report"
[ "$(counts "$bad" | cut -d' ' -f1)" = 2 ] || fail "malformed document: good documents not stored"

[ -n "$pg" ] && exit 0

# A locked database: a clear error, and nothing stored is lost.
before=$(counts "$db")
python3 - "$db" "$tmp/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN EXCLUSIVE')
open(sys.argv[2], 'w').close()
time.sleep(5)
PY
locker=$!
while [ ! -f "$tmp/locked" ]; do sleep 0.05; done
RASAD_BUSY_MS=300 "$rasad" code --db "$db" "$tmp/broken.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
kill $locker 2>/dev/null; wait $locker 2>/dev/null
[ $rc -eq 2 ] || fail "locked database: exit $rc, want 2"
grep -q "locked" "$tmp/err" || { cat "$tmp/err"; fail "locked database: no clear error"; }
[ "$(counts "$db")" = "$before" ] || fail "locked database: the store changed"

# A read-only database (root ignores file modes, so then run as nobody).
fresh; ro=$new
"$rasad" code --db "$ro" "$src/examples/news.jsonl" > /dev/null || fail "read-only: setup"
before=$(counts "$ro")
chmod 444 "$ro"
as=""
[ "$(id -u)" -eq 0 ] && as="runuser -u nobody --"
$as "$rasad" code --db "$ro" "$tmp/broken.jsonl" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "read-only database: exit $rc, want 2"
grep -qi "read-only\|readonly\|unable to open" "$tmp/err" || { cat "$tmp/err"; fail "read-only database: no clear error"; }
chmod 644 "$ro"
[ "$(counts "$ro")" = "$before" ] || fail "read-only database: the store changed"
exit 0
