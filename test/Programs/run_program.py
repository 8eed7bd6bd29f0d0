#!/usr/bin/env python3
"""run_program.py - generate, compile and differentially run entity programs.

    run_program.py [options] SEED...

For each seed: gen_program.py writes prog.h and main.cpp; flowc generates
prog.flowc.{h,cpp}; one binary is built (direct mode and the generated code
live side by side, as in unittests/Local); it runs in direct mode, on the
Executor and on LocalRuntime with 1, 2 (frames round-tripped) and 4 workers;
every output must equal direct mode's.

Exit status: 0 when every seed passed, 1 otherwise. A failing seed's folder
(prog.h, main.cpp, generated code, outputs, a diff and a README with the
command that reproduces it) is copied under --keep when given.

Outcomes per seed: pass, reject (flowc refused the program: exit 1 with
errors), flowc-crash, compile (the generated code does not compile),
direct-crash (a generator bug: direct mode must run), diff (a world printed
something else), crash (a world crashed or hung), timeout.
"""
import argparse
import difflib
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
WORLDS = ['direct', 'executor', 'local1', 'local2', 'local4']


def sh(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')
    except subprocess.TimeoutExpired as e:
        return 'timeout', (e.stdout or b'').decode(errors='replace'), (e.stderr or b'').decode(errors='replace')


def clang(a):
    return 'clang' in os.path.basename(a.cxx)


def flags(a, use_pch=True):
    pch = []
    if a.pch and use_pch:
        if clang(a):
            if os.path.exists(os.path.join(a.pch, 'harness.pch')):
                pch = ['-include-pch', os.path.join(a.pch, 'harness.pch')]
        else:
            pch = ['-I' + a.pch]
    return ['-std=c++20', a.opt, '-w', '-pthread'] + pch + [
        '-I' + os.path.join(a.src, 'include'), '-I' + os.path.join(a.src, 'unittests', 'Local'),
        '-I' + HERE]


def build_pch(a):
    """harness.h precompiled once into a.pch (g++ finds harness.h.gch there)."""
    os.makedirs(a.pch, exist_ok=True)
    gch = os.path.join(a.pch, 'harness.pch' if clang(a) else 'harness.h.gch')
    if os.path.exists(gch):
        return
    tmp = '%s.%d.tmp' % (gch, os.getpid())
    rc, out, err = sh([a.cxx] + flags(a, False) + ['-x', 'c++-header',
                      os.path.join(HERE, 'harness.h'), '-o', tmp], a.pch, 600)
    if rc == 0:
        os.replace(tmp, gch)
    else:
        sys.stderr.write('precompiling harness.h failed; going on without\n' + err)


def check_ir(a, d):
    """The program's IR is an interchange format (docs/ir.md): generating from
    it alone writes the same files, and its text pieces hold only the
    program's own source. Returns a failure, or None."""
    rc, out, err = sh([a.flowc, '--emit=ir', 'prog.h', '--', '-I' + d], d, 300)
    if rc != 0:
        return 'ir-emit', d, err
    with open(os.path.join(d, 'ir.yaml'), 'w') as f:
        f.write(out)
    # Into the same folder (the generated code includes prog.h relative to
    # it), after keeping what flowc wrote from the source.
    names = ('prog.flowc.h', 'prog.flowc.cpp')
    before = {}
    for name in names:
        with open(os.path.join(d, name)) as f:
            before[name] = f.read()
    rc, out, err = sh([a.flowc, '--from-ir=ir.yaml', '-o', d], d, 300)
    if rc != 0:
        return 'ir-read', d, err
    for name in names:
        with open(os.path.join(d, name)) as f:
            if f.read() != before[name]:
                return 'ir-differs', d, name + ' differs when generated from the IR'
    rc, out, err = sh([sys.executable, os.path.join(HERE, '..', 'IR', 'text-is-source.py'),
                       d, 'ir.yaml'], d, 60)
    if rc != 0:
        return 'ir-text', d, out
    return None


def run_seed(seed, a, work):
    d = os.path.join(work, 'seed%s' % (os.path.basename(seed.rstrip('/')) if isinstance(seed, str) else seed))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    if isinstance(seed, str):  # a saved program (a regression case)
        for name in ('prog.h', 'main.cpp'):
            shutil.copy(os.path.join(seed, name), d)
    else:
        gen = [sys.executable, os.path.join(HERE, 'gen_program.py'), str(seed), d]
        if a.enable:
            gen += ['--enable', a.enable]
        if a.disable:
            gen += ['--disable', a.disable]
        rc, out, err = sh(gen, d, 60)
        if rc != 0:
            return 'generator', d, err
    shutil.copy(os.path.join(HERE, 'fuzz_support.h'), d)
    rc, out, err = sh([a.flowc, 'prog.h', '-o', d, '--', '-I' + d], d, 300)
    with open(os.path.join(d, 'flowc.txt'), 'w') as f:
        f.write(out + err)
    if rc == 'timeout':
        return 'flowc-timeout', d, err
    if rc != 0:
        return ('reject' if rc == 1 and 'error:' in err else 'flowc-crash'), d, err
    problem = check_ir(a, d)
    if problem:
        return problem
    if a.flowc_only:
        return 'pass', d, ''
    # One translation unit: the client and the generated code share their
    # headers' parse (the machines are the expensive part anyway).
    with open(os.path.join(d, 'unity.cpp'), 'w') as f:
        f.write('#include "main.cpp"\n#include "prog.flowc.cpp"\n')
    cmd = [a.cxx] + flags(a) + ['-I' + d,
           'unity.cpp'] + [l for l in a.runtime_lib.split(';') if l] + ['-pthread', '-o', 'prog']
    rc, out, err = sh(cmd, d, 600)
    with open(os.path.join(d, 'compile.txt'), 'w') as f:
        f.write(' '.join(cmd) + '\n' + out + err)
    if rc != 0:
        return 'compile', d, err
    outputs = {}
    for world in WORLDS:
        rc, out, err = sh(['./prog', world], d, a.timeout)
        with open(os.path.join(d, world + '.txt'), 'w') as f:
            f.write(out)
        if rc != 0:
            if world == 'direct':
                return 'direct-crash', d, 'direct: exit %s\n%s' % (rc, err[-2000:])
            return ('timeout' if rc == 'timeout' else 'crash'), d, '%s: exit %s\n%s' % (world, rc, err[-2000:])
        outputs[world] = out
    diffs = []
    for world in WORLDS[1:]:
        if outputs[world] != outputs['direct']:
            diffs += list(difflib.unified_diff(outputs['direct'].splitlines(True),
                                               outputs[world].splitlines(True),
                                               'direct', world, n=2))
    if diffs:
        with open(os.path.join(d, 'diff.txt'), 'w') as f:
            f.writelines(diffs)
        return 'diff', d, ''.join(diffs[:40])
    return 'pass', d, ''


def fresh_seeds(src, lo, hi):
    """Seeds lo..hi-1 for the commit checked out in `src`: far above the ranges
    run by hand (docs/fuzzing.md), different for every commit, and the same
    each time one commit is tested (a failure names its seed)."""
    try:
        commit = subprocess.run(['git', '-C', src, 'rev-parse', 'HEAD'], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, check=True).stdout.decode().strip()
    except (OSError, subprocess.CalledProcessError):
        commit = 'no-git-' + time.strftime('%Y-%m-%d')
    seeds = []
    for i in range(lo, hi):
        digest = hashlib.sha256(('%s/%d' % (commit, i)).encode()).hexdigest()
        seeds.append(1000000 + int(digest[:12], 16) % 10**12)
    return commit, seeds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('seeds', nargs='*',
                    help='seeds, FROM-TO ranges, or folders holding a saved prog.h and main.cpp')
    ap.add_argument('--pch-only', action='store_true', help='only precompile the harness')
    ap.add_argument('--flowc-only', action='store_true',
                    help='stop after flowc (a quick sweep for rejections and crashes)')
    ap.add_argument('--flowc', default=os.path.join(SRC, 'build', 'bin', 'flowc'))
    ap.add_argument('--src', default=SRC,
                    help='the flowc source tree whose include/ and unittests/Local/ to use')
    ap.add_argument('--cxx', default='clang++-19' if shutil.which('clang++-19') else 'clang++')
    ap.add_argument('--opt', default='-O0')
    ap.add_argument('--runtime-lib', default=os.path.join(
        SRC, 'build', 'lib', 'Runtime', 'Local', 'libflowc_runtime_local.a') + ';-lrocksdb',
                    help='the runtime libraries to link, separated by ;')
    ap.add_argument('--pch', help='folder for a precompiled harness.h (built once, kept)')
    ap.add_argument('--enable', default='')
    ap.add_argument('--disable', default='')
    ap.add_argument('--work', help='work folder (default: a temporary one, removed)')
    ap.add_argument('--keep', help='copy each failing seed folder here')
    ap.add_argument('--timeout', type=int, default=120, help='seconds per world run')
    ap.add_argument('--fresh', metavar='FROM:TO',
                    help='also run the fresh seeds FROM..TO-1 of the source tree\'s commit '
                         '(seeds no earlier run has seen, chosen from its hash: fresh_seeds)')
    ap.add_argument('--expect', default='pass',
                    help='the outcome every seed must have (a regression marked to fail: diff, compile...)')
    a = ap.parse_args()
    seeds = []
    for s in a.seeds:
        if os.path.isdir(s):
            seeds.append(os.path.abspath(s))
        elif '-' in s[1:]:
            lo, hi = s.split('-', 1)
            seeds += list(range(int(lo), int(hi) + 1))
        else:
            seeds.append(int(s))
    if a.fresh:
        lo, hi = (int(x) for x in a.fresh.split(':'))
        commit, fresh = fresh_seeds(a.src, lo, hi)
        print('fresh seeds %d-%d of %s: %s' % (lo, hi - 1, commit, ' '.join(map(str, fresh))),
              flush=True)
        seeds += fresh
    work = a.work or tempfile.mkdtemp(prefix='fuzz-programs-')
    if a.pch:
        build_pch(a)
    if a.pch_only:
        return 0
    bad = 0
    for seed in seeds:
        t0 = time.time()
        outcome, d, detail = run_seed(seed, a, work)
        print('seed %s: %s (%.1fs)' % (seed, outcome, time.time() - t0), flush=True)
        if outcome != a.expect:
            bad += 1
            if detail:
                print(detail.rstrip()[-3000:], flush=True)
        if outcome != 'pass' and a.keep:
            dest = os.path.join(a.keep, os.path.basename(d))
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(d, dest, ignore=shutil.ignore_patterns('prog'))
            with open(os.path.join(dest, 'README'), 'w') as f:
                f.write('seed %s: %s\nreproduce: %s %s %s%s%s\n\n%s\n' % (
                    seed, outcome, sys.executable, os.path.abspath(__file__), seed,
                    ' --enable ' + a.enable if a.enable else '',
                    ' --disable ' + a.disable if a.disable else '', detail))
        if not a.work:
            shutil.rmtree(d, ignore_errors=True)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
