#!/bin/sh
# text.sh - `rasad text` end to end: the seed articles (language, kept
# sentences equal to the gold files' own splitter, furniture gone), the
# bundled examples, --tokens, --plain and standard input.
# Usage: text.sh RASAD SOURCE_DIR SHARED_DIR
set -eu
rasad=$1 src=$2 shared=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ -f "$shared/gold/seeds.jsonl" ]; then
    "$rasad" text "$shared/gold/seeds.jsonl" > "$tmp/seeds.out" || fail "rasad text exited $?"
    python3 - "$shared" "$tmp/seeds.out" <<'PY' || fail "seed sentences"
import json, sys
sys.path.insert(0, sys.argv[1] + '/eval')
import sentences
gold = {}
for line in open(sys.argv[1] + '/gold/seeds.jsonl', encoding='utf-8'):
    d = json.loads(line)
    gold[d['id']] = d
out = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
langs = {o['doc']: o['lang'] for o in out}
want = {i: ('ar' if d['lang'] == 'ar' else 'fa') for i, d in gold.items()}
assert langs == want, (langs, want)
banned = ['Read More', 'This section contains', 'بیشتر از جهان', 'انتهای پیام', 'کد خبر',
          'خبرنگار :', 'كاريكاتير', 'إستطلاعات الرأي', 'تلویزیون اینترنتی ایراف',
          'آخرین اخبار افغانستان را در ایراف', 'سید ابوطالب مظفری', 'بیرجند؛', 'درگیریهای طالبان و پاکستان؛']
bad = 0
for o in out:
    d = gold[o['doc']]
    text = d['text'].encode('utf-8')
    piece = text[o['start']:o['end']].decode('utf-8')
    assert piece == o['text'], ('offsets', o)
    ref = sentences.split(d['text'])[o['sent'] - 1]
    if ref != o['text']:
        print('differs from splitter:', o['doc'], o['sent'], o['text'][:60], '|', ref[:60]); bad += 1
    for b in banned:
        if b in o['text']:
            print('furniture kept:', o['doc'], o['sent'], o['text'][:80]); bad += 1
# every article sentence is kept: all splitter sentences but the furniture
kept = {(o['doc'], o['sent']) for o in out}
for i, d in gold.items():
    for n, s in enumerate(sentences.split(d['text']), 1):
        if (i, n) not in kept and not any(b in s for b in banned) and not s.lstrip().startswith('•'):
            print('article sentence lost:', i, n, s[:80]); bad += 1
sys.exit(1 if bad else 0)
PY
fi

# The bundled examples: every document yields sentences, furniture is gone.
"$rasad" text "$src/examples" > "$tmp/ex.out" || fail "examples exited $?"
python3 - "$src/examples/news.jsonl" "$tmp/ex.out" <<'PY' || fail "examples"
import json, sys
docs = {json.loads(l)['id']: json.loads(l) for l in open(sys.argv[1], encoding='utf-8')}
out = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
seen = {o['doc'] for o in out}
assert seen == set(docs), set(docs) - seen
for o in out:
    assert o['lang'] == docs[o['doc']]['lang'], (o['doc'], o['lang'])
    for b in ('Read More', 'Share this article', 'انتهای پیام', 'اقرأ أيضا', 'Tags:', 'کد خبر:', 'مشاركة'):
        assert not o['text'].startswith(b), ('furniture kept', o['doc'], o['text'])
PY

# --tokens adds normalised forms; the missing-ZWNJ spelling meets the right one.
printf '%s\n' '{"id":"t","date":"2024-01-01","text":"رسانه‌های ایران می کند."}' |
    "$rasad" text --tokens > "$tmp/tok.out" || fail "--tokens exited $?"
grep -q '"norm":"رسانههای"' "$tmp/tok.out" || fail "--tokens: رسانه‌های not normalised"
grep -q '"norm":"میکند"' "$tmp/tok.out" || fail "--tokens: می کند not joined"

# --plain reads one document per file, named after it.
printf 'Kabul - The minister met his counterpart. Talks went well.\n' > "$tmp/story.txt"
"$rasad" text --plain --date 2024-05-01 "$tmp/story.txt" > "$tmp/plain.out" || fail "--plain exited $?"
[ "$(wc -l < "$tmp/plain.out")" -eq 2 ] || fail "--plain: want 2 sentences"
grep -q '"doc":"story.txt","sent":2,"lang":"en"' "$tmp/plain.out" || fail "--plain: id or lang"

# Usage errors exit 2.
set +e
"$rasad" text --date 2024/01/01 --plain "$tmp/story.txt" > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --date"
"$rasad" text --bogus > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option"
"$rasad" nosuchcommand > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown command"
echo "text: all passed"
