#!/usr/bin/env python3
"""code_examples.py - runs the examples of tests/data/code_examples.txt
through `rasad code` and checks each one's events (the file's header gives
the format). Prints every failure; exits 1 when any example fails.

usage: code_examples.py RASAD EXAMPLES
"""
import json, subprocess, sys

def parse(path):
    examples, cur = [], None
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        tag, _, rest = line.partition(' ')
        if tag == '@':
            date, lang = rest.split()
            cur = {'line': n, 'date': date, 'lang': lang, 'text': [], 'want': [], 'not': [], 'only': False}
            examples.append(cur)
        elif cur is None:
            sys.exit(f'{path}:{n}: text before the first @ line')
        elif tag == '>':
            cur['text'].append(rest)
        elif tag in ('=', '!'):
            f = rest.split()
            if len(f) < 3 or (tag == '=' and len(f) < 4):
                sys.exit(f'{path}:{n}: malformed {tag} line')
            (cur['want'] if tag == '=' else cur['not']).append((n, f))
        elif line.strip() == 'only':
            cur['only'] = True
        else:
            sys.exit(f'{path}:{n}: unknown line')
    return examples

def actor_ok(want, got):
    if want == '*':
        return True
    if want == '-':
        return got is None
    if want == '?':
        return got is not None and got['code'] == ''
    return got is not None and (got['code'] == want or (len(want) == 3 and got['root'] == want))

def matches(f, e, full):
    ok = actor_ok(f[0], e['source']) and actor_ok(f[1], e['target']) and any(e['cameo'].startswith(x) for x in f[2].split('|'))
    if full:
        ok = ok and e['modality'] == f[3] and (len(f) < 5 or e['date'] == f[4])
    return ok

def describe(e):
    code = lambda a: (a['code'] or '?') if a else '-'
    return f"{code(e['source'])} {code(e['target'])} {e['cameo']} {e['modality']} {e['date']} [{e['trigger']}]"

def main():
    rasad, path = sys.argv[1], sys.argv[2]
    examples = parse(path)
    docs = ''.join(json.dumps({'id': str(i), 'date': x['date'], 'lang': x['lang'], 'text': '\n'.join(x['text'])},
                              ensure_ascii=False) + '\n' for i, x in enumerate(examples))
    p = subprocess.run([rasad, 'code'], input=docs.encode(), capture_output=True)
    if p.returncode != 0:
        sys.exit(f'rasad code exited {p.returncode}: {p.stderr.decode()}')
    events = {}
    for line in p.stdout.decode().splitlines():
        e = json.loads(line)
        events.setdefault(e['doc'], []).append(e)
    bad = 0
    for i, x in enumerate(examples):
        got = events.get(str(i), [])
        problems = []
        used = set()
        for n, f in x['want']:
            hit = next((k for k, e in enumerate(got) if k not in used and matches(f, e, True)), None)
            if hit is None:
                problems.append(f'line {n}: missing {" ".join(f)}')
            else:
                used.add(hit)
        for n, f in x['not']:
            if any(matches(f, e, False) and (len(f) < 4 or e['modality'] == f[3]) for e in got):
                problems.append(f'line {n}: unwanted {" ".join(f)}')
        if x['only'] and len(used) < len(got):
            problems += [f'unexpected {describe(e)}' for k, e in enumerate(got) if k not in used]
        if problems:
            bad += 1
            print(f'{path}:{x["line"]}: {" ".join(x["text"])[:80]}')
            for pr in problems:
                print(f'    {pr}')
            for e in got:
                print(f'    got {describe(e)}')
    print(f'code examples: {len(examples) - bad}/{len(examples)} right')
    sys.exit(1 if bad else 0)

if __name__ == '__main__':
    main()
