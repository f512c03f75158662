#!/usr/bin/env python3
"""make_corpus.py - builds the benchmark corpus: JSON Lines documents from
the seed articles, the development halves of the gold standards and our
own examples, repeated (with fresh ids) until the file reaches the size asked.

usage: make_corpus.py SHARED_DIR EXAMPLES_JSONL OUT [MEGABYTES]
"""
import csv, json, os, sys

def documents(shared, examples):
    docs = []
    seeds = os.path.join(shared, 'gold', 'seeds.jsonl')
    if os.path.exists(seeds):
        for line in open(seeds, encoding='utf-8'):
            d = json.loads(line)
            docs.append({'id': d['id'], 'date': d['date'], 'lang': d['lang'], 'text': d['text']})
    gsr = os.path.join(shared, 'data', 'arabic-gsr')
    for name in ('assault_gsr.dev.csv', 'protest_gsr.dev.csv'):
        path = os.path.join(gsr, name)
        if os.path.exists(path):
            for row in csv.DictReader(open(path, encoding='utf-8')):
                docs.append({'id': row['id'], 'date': '2010-01-01', 'text': row['text']})
    plover = os.path.join(shared, 'data', 'plover-gsr', 'PLOVER_GSR_CAMEO.dev.json')
    if os.path.exists(plover):
        for r in json.load(open(plover, encoding='utf-8')):
            if r.get('text'):
                docs.append({'id': r['id'], 'date': r.get('date', '2000-01-01'), 'text': r['text']})
    for line in open(examples, encoding='utf-8'):
        d = json.loads(line)
        docs.append({'id': d['id'], 'date': d['date'], 'text': d['text']})
    return docs

def main():
    shared, examples, out = sys.argv[1:4]
    target = int(sys.argv[4] if len(sys.argv) > 4 else 110) * 1024 * 1024
    docs = documents(shared, examples)
    lines = [json.dumps(d, ensure_ascii=False) for d in docs]
    size, rounds = 0, 0
    with open(out, 'w', encoding='utf-8') as f:
        while size < target:
            for d, line in zip(docs, lines):
                line = line.replace(json.dumps(d['id']), json.dumps(f"{d['id']}#{rounds}"), 1)
                f.write(line + '\n')
                size += len(line.encode('utf-8')) + 1
            rounds += 1
    print(f'corpus: {out}: {size / 1e6:.1f} MB, {len(docs) * rounds} documents '
          f'({len(docs)} distinct, {rounds} rounds)')

if __name__ == '__main__':
    main()
