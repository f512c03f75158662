#!/bin/sh
# actors.sh - `rasad actors` end to end: the seed articles' actors, the
# held-out mention table scored by ../shared/eval/mentions.py, PETRARCH
# dictionaries imported and used with --dict, and the actor dictionary
# linter on a broken user file.
# Usage: actors.sh RASAD SOURCE_DIR SHARED_DIR
set -eu
rasad=$1 src=$2 shared=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ -f "$shared/gold/seeds.jsonl" ]; then
    "$rasad" actors "$shared/gold/seeds.jsonl" > "$tmp/seeds.out" || fail "rasad actors exited $?"
    python3 - "$shared/gold/seeds.jsonl" "$tmp/seeds.out" <<'PY' || fail "seed actors"
import json, sys
docs = {json.loads(l)['id'][:3]: json.loads(l) for l in open(sys.argv[1], encoding='utf-8')}
out = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
want = [('003', 'امیرخان متقی', 'AFGGOV'), ('003', 'ضمیر کابلوف', 'RUSGOV'),
        ('003', 'بلاول بوتو زرداری', 'PAKGOV'), ('004', 'سيرغي شويغو', 'RUSGOV'),
        ('004', 'عبد الغني برادر', 'AFGGOV'), ('000', 'سرویس امنیت داخلی آذربایجان', 'AZESPY'),
        ('003', 'گروه داعش', 'IMG'), ('000', 'دولت پیشین افغانستان', 'AFGGOV'), ('000', 'حزب اسلامی', 'AFG')]
bad = 0
for doc, surface, code in want:
    d = docs[doc]
    text = d['text'].encode('utf-8')
    at = text.find(surface.encode('utf-8'))
    assert at >= 0, surface
    span = (at, at + len(surface.encode('utf-8')))
    got = [o['code'] for o in out if o['doc'] == d['id'] and o['start'] < span[1] and span[0] < o['end']]
    if not any(g.startswith(code) for g in got):
        print(f'{surface}: want {code}, got {got}'); bad += 1
for o in out:
    own = next(d for d in docs.values() if d['id'] == o['doc'])['text'].encode('utf-8')
    assert own[o['start']:o['end']].decode('utf-8') == o['text'], o
    assert o['root'] == o['code'][:3], o
sys.exit(1 if bad else 0)
PY
fi

# The held-out table: sentences written for this test, scored by the scorer.
if [ -f "$src/tests/data/actors_table.jsonl" ] && [ -f "$shared/eval/mentions.py" ]; then
    "$rasad" actors "$src/tests/data/actors_table.jsonl" > "$tmp/table.out" || fail "table exited $?"
    python3 "$shared/eval/mentions.py" actors "$src/tests/data/actors_table.jsonl" "$tmp/table.out" --min 0.90 ||
        fail "actor mentions below 0.90"
fi

# PETRARCH dictionaries, imported, resolve Karzai in 2005.
if [ -d "$shared/data/petrarch-dicts" ]; then
    mkdir "$tmp/petrarch"
    "$rasad" dict import-petrarch "$shared/data/petrarch-dicts"/*.txt > "$tmp/petrarch/phoenix.txt" 2> "$tmp/import.err" ||
        fail "import-petrarch exited $?"
    grep -q '^= HAMID KARZAI' "$tmp/petrarch/phoenix.txt" || fail "Karzai not imported"
    printf '%s\n' '{"id":"k","date":"2005-06-01","text":"HAMID KARZAI met the envoy in Kabul."}' |
        "$rasad" actors --dict "$tmp/petrarch" > "$tmp/karzai.out" 2> /dev/null || fail "actors --dict exited $?"
    grep -q '"text":"HAMID KARZAI","code":"AFGGOV"' "$tmp/karzai.out" || { cat "$tmp/karzai.out"; fail "HAMID KARZAI in 2005 is not AFGGOV"; }
fi

# The linter on a broken user dictionary.
mkdir "$tmp/bad"
cat > "$tmp/bad/mine.txt" <<'DICT'
= Someone
code AFGGOV 2001-01-01..2010-12-31
code AFGELI 2010-06-01..
en Some One
= Someone Else
code AFGREB 2005-01-01..2006-01-01
en Some One
= Broken
code afg
codes AFG
en Broken
= Unknown Code
code QQQGOV
en Unknown
DICT
set +e
"$rasad" dict check "$tmp/bad" > /dev/null 2> "$tmp/lint.err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "broken dictionary: exit $rc, want 1"
for want in "mine.txt:3: date range overlaps line 2" "mine.txt:7: name also written for 'Someone'" \
            "mine.txt:9: malformed code" "mine.txt:10: malformed line" "mine.txt:13: unknown code: QQQGOV"; do
    grep -q "$want" "$tmp/lint.err" || { cat "$tmp/lint.err"; fail "linter did not report: $want"; }
done
# A one-word name reached through a word with the Arabic article is that
# word: "الطريق الرئيسي" is the main road, not Ebrahim Raisi; "رئيسي" alone
# in a Persian text is still his name.
printf '%s\n' '{"id":"main","lang":"ar","date":"2022-01-10","text":"وأغلق المتظاهرون الطريق الرئيسي في المدينة."}' \
    '{"id":"raisi","lang":"fa","date":"2022-01-10","text":"رئیسی به مسکو سفر کرد."}' > "$tmp/article.jsonl"
"$rasad" actors "$tmp/article.jsonl" > "$tmp/article.out" || fail "article exited $?"
grep '"doc":"main"' "$tmp/article.out" | grep -q IRN && fail "الرئيسي read as Raisi"
grep '"doc":"raisi"' "$tmp/article.out" | grep -q '"code":"IRNGOV"' || fail "رئیسی not read as Raisi"

echo "actors: all passed"
