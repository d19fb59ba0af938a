#!/usr/bin/env python3
"""Compares the syntax errors of two jenkins-harness builds on mutated copies of the valid fixtures.

Usage: scripts/compare-messages.py OLD_BINARY NEW_BINARY [SEED]

Writes about 1,500 mutants (a bracket deleted, ` else {` after a `}`, a line deleted, a token or a
continuation line inserted, three characters deleted) to a temporary directory, runs
`lint --format json` of both builds on them, and prints every file whose errors differ, marking
those whose positions moved. A grammar change meant for speed should print no moved position.
"""
import collections, glob, json, os, random, subprocess, sys, tempfile

INSERTS = ['=', '(', ':', ',', '.', ' foo ', '"', "'", '->', '?', '@', '}', '{', '[', ']',
           '\n  .foo()', '\n    ? 1 : 2', '\n  ?: x', '\n*.name', '\n..', '\n  // c\n  .x()']


def mutants(root, seed):
    rng = random.Random(seed)
    files = sorted(f for f in glob.glob(os.path.join(root, '**', '*'), recursive=True)
                   if f.endswith(('.groovy', '.jenkinsfile')))
    for f in files:
        src = open(f, encoding='utf-8').read()
        for kind in range(6):
            brackets = [i for i, c in enumerate(src) if c in ')]}({[']
            closers = [i for i, c in enumerate(src) if c == '}']
            if not src or (kind == 0 and not brackets) or (kind == 1 and not closers):
                continue
            if kind == 0:
                i = rng.choice(brackets); yield src[:i] + src[i + 1:]
            elif kind == 1:
                i = rng.choice(closers); yield src[:i + 1] + ' else {' + src[i + 1:]
            elif kind == 2:
                lines = src.split('\n'); del lines[rng.randrange(len(lines))]; yield '\n'.join(lines)
            elif kind in (3, 4):
                i = rng.randrange(len(src)); yield src[:i] + rng.choice(INSERTS) + src[i:]
            else:
                i = rng.randrange(len(src)); yield src[:i] + src[i + 3:]


def errors(binary, directory):
    out = subprocess.run([binary, 'lint', '--format', 'json', '.'], cwd=directory,
                         capture_output=True, text=True).stdout
    found = collections.defaultdict(list)
    for e in json.loads(out):
        found[e['file']].append((e['line'], e['column'], e['message']))
    return found


def main():
    old_bin, new_bin = (os.path.abspath(b) for b in sys.argv[1:3])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    root = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'parse', 'valid')
    with tempfile.TemporaryDirectory() as tmp:
        count = 0
        for count, text in enumerate(mutants(root, seed), 1):
            with open(os.path.join(tmp, f'm{count:05d}.groovy'), 'w', encoding='utf-8') as out:
                out.write(text)
        old, new = errors(old_bin, tmp), errors(new_bin, tmp)
    changed = moved = 0
    for f in sorted(set(old) | set(new)):
        if old.get(f) != new.get(f):
            changed += 1
            shift = [e[:2] for e in old.get(f, [])] != [e[:2] for e in new.get(f, [])]
            moved += shift
            print(('MOVED ' if shift else '') + f, '\n  old', old.get(f), '\n  new', new.get(f))
    print(f'{count} mutants, {changed} with other errors, {moved} with errors at other positions')


if __name__ == '__main__':
    main()
