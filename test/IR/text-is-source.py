#!/usr/bin/env python3
"""text-is-source.py ROOT IR... - the text pieces of every split method hold
only the user's own source (docs/ir.md, "The machine"): each identifier in
them is one the input file spells, and the control flow flowc introduces
(`while (true)`, `if (!(...)) break;`, `goto`, the `static_cast<bool>` and
branches of a lowered `&&`/`||`/`?:`, a `void()` value) appears no more often
than the input itself writes it. Prints each violation and a count; exits 1
on any."""
import os
import re
import sys

import yaml

SPELLINGS = ['while (true)', 'if (!(', 'break;', 'goto ', 'static_cast<bool>(',
             'void()']
IDENTIFIER = re.compile(r'\b[A-Za-z_]\w*\b')
STRING = re.compile(r'"(\\.|[^"\\])*"')


def texts(node, out):
    """Every text piece under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'text' and isinstance(value, str):
                out.append(value)
            else:
                texts(value, out)
    elif isinstance(node, list):
        for value in node:
            texts(value, out)


def main():
    root, files = sys.argv[1], sys.argv[2:]
    problems = scanned = pieces = 0
    for name in files:
        with open(name) as f:
            module = yaml.safe_load(f)
        by_source = {}
        for entity in module.get('entities', []):
            source = entity['location'].rsplit(':', 1)[0]
            for method in entity.get('methods', []):
                if method.get('machine'):
                    texts(method['machine'], by_source.setdefault(source, []))
        for source, found in by_source.items():
            with open(os.path.join(root, source)) as f:
                written = f.read()
            scanned += 1
            pieces += len(found)
            names = set(IDENTIFIER.findall(written))
            for text in found:
                for word in sorted(set(IDENTIFIER.findall(STRING.sub('', text)))):
                    if word not in names:
                        problems += 1
                        print(f'{name}: {source}: name {word!r}, which the '
                              f'source does not spell, in text {text!r}')
            joined = '\n'.join(found)
            for spelling in SPELLINGS:
                if joined.count(spelling) > written.count(spelling):
                    problems += 1
                    print(f'{name}: {source}: {spelling!r} {joined.count(spelling)} '
                          f'times in text, {written.count(spelling)} in the source')
    print(f'scanned {scanned} inputs, {pieces} text pieces, {problems} problems')
    return 1 if problems or not scanned else 0


if __name__ == '__main__':
    sys.exit(main())
