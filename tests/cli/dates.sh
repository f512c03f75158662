#!/bin/sh
# dates.sh - `rasad dates` on the held-out table tests/data/dates_table.jsonl
# (scored by ../shared/eval/mentions.py, at least 95% right) and on the seed
# articles (the dates the gold events carry).
# Usage: dates.sh RASAD SOURCE_DIR SHARED_DIR
set -eu
rasad=$1 src=$2 shared=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

table="$src/tests/data/dates_table.jsonl"
"$rasad" dates "$table" > "$tmp/table.out"
test -s "$tmp/table.out" || { echo "dates: no output on the table" >&2; exit 1; }
if [ -f "$shared/eval/mentions.py" ] && command -v python3 >/dev/null; then
    python3 "$shared/eval/mentions.py" dates "$table" "$tmp/table.out" --min 0.95 -v
fi

seeds="$shared/gold/seeds.jsonl"
[ -f "$seeds" ] || { echo "dates: $seeds missing, seed check skipped"; exit 0; }
"$rasad" dates "$seeds" > "$tmp/seeds.out"
for want in \
    '"value":"2023-12-29","precision":"day"' \
    '"value":"2020-12-21/2021-01-19","precision":"range"' \
    '"value":"2023-08-23/2023-09-22","precision":"range"' \
    '"value":"2023-01-12","precision":"day"' \
    '"value":"2025-10-23","precision":"day"' \
    '"value":"2024-11-25","precision":"day"' \
    '"value":"2024-03","precision":"month"' \
    '"value":"2022-12-22/2023-03-20","precision":"range"'
do
    grep -qF "$want" "$tmp/seeds.out" || { echo "dates: seeds: missing $want" >&2; exit 1; }
done
if grep -q '"text":"دوشنبه"' "$tmp/seeds.out"; then
    echo "dates: seeds: the city Dushanbe was read as Monday" >&2
    exit 1
fi
echo "dates: ok"
