#!/usr/bin/env python3
"""gen_program.py - a random entity-program generator for flowc (Csmith-style).

    gen_program.py SEED OUTDIR [--enable POS,...] [--disable POS,...] [--list]

writes OUTDIR/prog.h (entities, read by flowc) and OUTDIR/main.cpp (the client
program, run by harness.h in direct mode, on the Executor and on LocalRuntime).
The same seed and flags always give the same files (random.Random(seed)).

Every program is well defined and terminates (docs/fuzzing.md):
  - every method's first parameter is `fuel`; a method with fuel 0 makes no
    remote call, every remote call passes `fuel - 1`, and clients start with
    fuel <= 3: call trees are finite (recursion across instances and callbacks
    into waiting entities included);
  - every loop has a constant bound of at most 3 iterations (its counter is
    stepped first thing in the body, so `continue` cannot skip it);
  - arithmetic is std::uint64_t (wrap-around is defined); narrowing to signed
    types is modular in C++20; `/` and `%` divide by `x | 1`, shifts by `& 15`;
  - containers and strings in state grow only below a size cap;
  - an expression with two remote calls puts them only in operands C++17
    sequences (`&&`, `||`, `?:`, `,`, `<<`, `>>`, `=`, `op=`, braced lists,
    a call's arguments against the call); an expression holding a remote call
    reads no state member (a callback could change it between the call and the
    read in an unspecified order), only locals, parameters and constants;
  - a range-for whose body makes remote calls iterates over a local copy,
    never over state a callback could change under it;
  - unordered containers only fold commutatively (sum), and Refs are never
    keys of ordered containers (direct mode orders them by address);
  - exceptions thrown and caught in a method hold no remote call in the try
    block; an uncaught one fails the client's chain, which the runtimes roll
    back and the harness undoes in direct mode.
"""
import argparse
import os
import random
import sys

# Positions a remote call may sit in. Off by default: what flowc cannot split
# today (see docs/fuzzing.md for what fails and why).
POSITIONS = {
    'init': True,          # T x = CALL;
    'assign': True,        # x = CALL;
    'compound': True,      # acc += CALL; state_u_ += CALL; state_s_ += str(CALL)
    'return': True,        # return CALL;
    'arith': True,         # CALL + x  (one operand only)
    'shift': True,         # CALL << (y & 15), x >> (CALL & 15)  (both sequenced)
    'logic': True,         # a && CALL, CALL || b
    'ternary': True,       # CALL ? a : b, c ? CALL : b
    'comma': True,         # (CALL, x)
    'unary': True,         # !CALL, ~CALL, -CALL
    'cast': True,          # static_cast<T>(CALL)
    'fn_arg': True,        # fz::mixu(x, CALL)
    'remote_arg': True,    # r->m(fuel - 1, CALL)
    'target': True,        # peers_[CALL % n]->m(...)
    'ctor_arg': True,      # std::pair<A, B>(CALL, b), std::string(n, c)
    'braced': True,        # S{CALL, CALL}, std::vector<T>{CALL, CALL}
    'if_cond': True,       # if (CALL ...)
    'if_init': True,       # if (auto t = CALL; ...)
    'switch_cond': True,   # switch (CALL % 4)
    'switch_init': True,   # switch (auto t = CALL; t % 3)
    'while_cond': True,    # while (w < 2 && CALL)
    'do_cond': True,       # do ... while (d < 2 && CALL)
    'for_init': True,      # for (auto i = CALL % 2; ...)
    'for_cond': True,      # for (...; i < 2 && CALL; ...)
    'for_inc': True,       # for (...; ...; i += 1 + CALL % 2)
    'range_init': True,    # for (auto e : CALL)
    'subscript': True,     # v[CALL % v.size()]  (local vector)
    'member_arg': True,    # state_v_.push_back(CALL), local.insert(CALL)
    'index_assign': True,  # state_m_[k] = CALL
    'throw': True,         # throw std::runtime_error(str(CALL))
    'object': True,        # CALL.size(), m[CALL].push_back(x): a call in an object expression
    'object_args': True,   # m[CALL].push_back(CALL), v.insert(v.begin() + CALL % n, CALL),
                           # s.append(CALL).append(CALL), m[CALL] += CALL (issue 12 item 1)
}
# Features that are not positions.
FEATURES = {
    'callbacks': True,     # pass flowc::Ref<Self>(this) so callees call back
    'throws': True,        # uncaught exceptions that fail the client's chain
    'trycatch': True,      # try/catch in methods
    'try_call': True,      # remote calls inside a try block: the callee's failure
                           # is caught by the caller (issue 23)
    'bindings': True,      # structured bindings live across calls
    'constref': True,      # const T& parameters live across calls (issue 12 item 2)
    'const_methods': True, # read-only methods (that may make calls)
    'range_bind': True,    # for (const auto& [k, v] : local_map) with calls
    'ref_result': True,    # r->next(i)->m(...): a call on a Ref another call returned
    'peer_loop': True,     # for (const auto &r : peers_) r->m(...): calls on the loop variable
    'catch_var': True,     # catch (const std::runtime_error &e) after a call (regress/catch-var)
    'concurrent': True,    # a last phase of concurrent bump chains (commutative: hits_ += x)
    'bool_proxy': True,    # for (auto e : vector<bool>) with calls (regress/vector-bool-loop)
    'loop_exit': True,     # return/break/continue/throw at a call inside a range-for, the
                           # element read after it or not (issue 20: the container may die)
}

INT_TYPES = ['std::int64_t', 'std::uint32_t', 'int', 'std::uint8_t', 'short',
             'std::uint64_t', 'long', 'char', 'std::int16_t']
UNSIGNED = {'std::uint32_t', 'std::uint8_t', 'std::uint64_t'}


class Ty:
    def __init__(self, kind, args=(), name=None, n=0):
        self.kind = kind
        self.args = list(args)
        self.name = name   # int type spelling, enum or struct name
        self.n = n         # enum size, array size

    def cpp(self):
        k, a = self.kind, self.args
        if k in ('int', 'enum', 'struct'):
            return self.name
        if k == 'bool':
            return 'bool'
        if k == 'double':
            return 'double'
        if k == 'string':
            return 'std::string'
        simple = {'vector': 'std::vector', 'deque': 'std::deque', 'list': 'std::list',
                  'optional': 'std::optional', 'set': 'std::set',
                  'multiset': 'std::multiset', 'uset': 'std::unordered_set',
                  'map': 'std::map', 'multimap': 'std::multimap',
                  'umap': 'std::unordered_map', 'pair': 'std::pair',
                  'flist': 'std::forward_list', 'umset': 'std::unordered_multiset',
                  'ummap': 'std::unordered_multimap',
                  'tuple': 'std::tuple', 'variant': 'std::variant'}
        if k in simple:
            return '%s<%s>' % (simple[k], ', '.join(t.cpp() for t in a))
        if k == 'monostate':
            return 'std::monostate'
        if k == 'array':
            return 'std::array<%s, %d>' % (a[0].cpp(), self.n)
        if k == 'ref':
            return 'flowc::Ref<%s>' % self.name
        raise ValueError(k)

    def __eq__(self, other):
        return isinstance(other, Ty) and self.cpp() == other.cpp()

    def __hash__(self):
        return hash(self.cpp())

    def is_u(self):
        return self.kind == 'int' and self.name in UNSIGNED


class Gen:
    def __init__(self, seed, pos, feat):
        self.rng = random.Random(seed)
        # The concurrent phase draws from its own stream, so turning it on or
        # off leaves the rest of the program as it was.
        self.crng = random.Random(seed * 1000003 + 17)
        self.seed = seed
        self.pos = pos
        self.feat = feat
        self.enums = []    # (name, n)
        self.structs = []  # (name, [(field, Ty)])
        self.counter = 0

    # --- helpers -----------------------------------------------------------
    def r(self, n):
        return self.rng.randrange(n)

    def chance(self, p):
        return self.rng.random() < p

    def fresh(self, prefix):
        self.counter += 1
        return '%s%d' % (prefix, self.counter)

    def on(self, position):
        return self.pos.get(position, False)

    # --- types -------------------------------------------------------------
    def key_type(self, depth, unordered=False):
        c = self.r(6)
        if c <= 1:
            return Ty('int', name=self.rng.choice(INT_TYPES))
        if c == 2:
            return Ty('string')
        if c == 3 and self.enums:
            name, n = self.rng.choice(self.enums)
            return Ty('enum', name=name, n=n)
        if c == 4 and not unordered:
            return Ty('pair', [Ty('int', name='int'), Ty('string')])
        return Ty('int', name='std::int64_t')

    def data_type(self, depth=0):
        rng = self.rng
        leaf = depth >= 2 or self.chance(0.45 + 0.2 * depth)
        if leaf:
            c = self.r(10)
            if c <= 2:
                return Ty('int', name=rng.choice(INT_TYPES))
            if c == 3:
                return Ty('bool')
            if c == 4:
                return Ty('double')
            if c == 5 and self.enums:
                name, n = rng.choice(self.enums)
                return Ty('enum', name=name, n=n)
            if c == 6 and self.structs:
                return Ty('struct', name=rng.choice(self.structs)[0])
            return Ty('string')
        c = self.r(18)
        sub = lambda: self.data_type(depth + 1)
        if c == 15:
            return Ty('flist', [sub()])
        if c == 16:
            return Ty('umset', [self.key_type(depth, True)])
        if c == 17:
            return Ty('ummap', [self.key_type(depth, True), sub()])
        if c == 0:
            return Ty('vector', [sub()])
        if c == 1:
            return Ty('deque', [sub()])
        if c == 2:
            return Ty('list', [sub()])
        if c == 3:
            return Ty('array', [sub()], n=1 + self.r(3))
        if c == 4:
            return Ty('optional', [sub()])
        if c == 5:
            return Ty('set', [self.key_type(depth)])
        if c == 6:
            return Ty('multiset', [self.key_type(depth)])
        if c == 7:
            return Ty('uset', [self.key_type(depth, True)])
        if c == 8:
            return Ty('map', [self.key_type(depth), sub()])
        if c == 9:
            return Ty('multimap', [self.key_type(depth), sub()])
        if c == 10:
            return Ty('umap', [self.key_type(depth, True), sub()])
        if c == 11:
            return Ty('pair', [sub(), sub()])
        if c == 12:
            return Ty('tuple', [sub() for _ in range(1 + self.r(3))])
        if c == 13:
            alts = []
            if self.chance(0.4):
                alts.append(Ty('monostate'))
            for _ in range(1 + self.r(3)):
                t = sub()
                if t not in alts:
                    alts.append(t)
            if len(alts) == 1 and alts[0].kind == 'monostate':
                alts.append(Ty('int', name='int'))
            return Ty('variant', alts)
        return Ty('vector', [sub()])

    # --- values from a u64 (x must be a name or literal: it is repeated) ----
    def make(self, t, x, depth=0):
        k = t.kind
        if k == 'int':
            return 'static_cast<%s>(%s)' % (t.name, x)
        if k == 'bool':
            return '(%s %% 2 == 1)' % x
        if k == 'double':
            return '(static_cast<double>(%s %% 1000) / 4.0)' % x
        if k == 'enum':
            return 'static_cast<%s>(%s %% %d)' % (t.name, x, t.n)
        if k == 'string':
            return 'fz::str(%s)' % x
        if k == 'monostate':
            return 'std::monostate{}'
        y = 'fz::mixu(%s, %d)' % (x, depth + 1)
        if k in ('vector', 'deque', 'list', 'set', 'multiset', 'uset', 'flist', 'umset'):
            n = self.r(3)
            # A multi-container gets a repeated element now and then.
            rep = k in ('multiset', 'umset') and n == 2 and self.chance(0.5)
            items = [self.make(t.args[0], 'fz::mixu(%s, %d)' % (x, 10 * depth + (0 if rep else i)),
                               depth + 1)
                     for i in range(n)]
            return '%s{%s}' % (t.cpp(), ', '.join(items))
        if k == 'array':
            items = [self.make(t.args[0], 'fz::mixu(%s, %d)' % (x, 10 * depth + i), depth + 1)
                     for i in range(t.n)]
            return '%s{{%s}}' % (t.cpp(), ', '.join(items))
        if k in ('map', 'multimap', 'umap', 'ummap'):
            n = self.r(3)
            items = []
            rep = k in ('multimap', 'ummap') and self.chance(0.5)
            for i in range(n):
                xi = 'fz::mixu(%s, %d)' % (x, 10 * depth + (0 if rep else i))
                items.append('{%s, %s}' % (self.make(t.args[0], xi, depth + 1),
                                           self.make(t.args[1], xi, depth + 1)))
            return '%s{%s}' % (t.cpp(), ', '.join(items))
        if k == 'optional':
            return '(%s %% 3 == 0 ? %s() : %s(%s))' % (x, t.cpp(), t.cpp(),
                                                     self.make(t.args[0], y, depth + 1))
        if k == 'pair':
            return '%s(%s, %s)' % (t.cpp(), self.make(t.args[0], x, depth + 1),
                                   self.make(t.args[1], y, depth + 1))
        if k == 'tuple':
            return '%s(%s)' % (t.cpp(), ', '.join(
                self.make(a, 'fz::mixu(%s, %d)' % (x, i), depth + 1)
                for i, a in enumerate(t.args)))
        if k == 'variant':
            i = self.r(len(t.args))
            j = self.r(len(t.args))
            return '(%s %% 2 == 0 ? %s(std::in_place_index<%d>, %s) : %s(std::in_place_index<%d>, %s))' % (
                x, t.cpp(), i, self.make(t.args[i], y, depth + 1),
                t.cpp(), j, self.make(t.args[j], y, depth + 1))
        if k == 'struct':
            fields = dict(self.structs)[t.name]
            return '%s{%s}' % (t.name, ', '.join(
                self.make(ft, 'fz::mixu(%s, %d)' % (x, i), depth + 1)
                for i, (_, ft) in enumerate(fields)))
        raise ValueError(k)

    # --- program -------------------------------------------------------------
    def program(self):
        rng = self.rng
        for i in range(1 + self.r(2)):
            self.enums.append(('Color%d' % i if i == 0 else 'Kind%d' % i, 2 + self.r(3)))
        for i in range(1 + self.r(2)):
            fields = [('f%d' % j, self.data_type(1)) for j in range(1 + self.r(3))]
            self.structs.append(('Rec%d' % i, fields))
        self.classes = []
        ncls = 2 + self.r(2)
        for c in range(ncls):
            self.classes.append(self.make_class(c, ncls))
        for cls in self.classes:
            for m in cls['methods']:
                m['body'] = self.method_body(cls, m)
        return self.emit_header(), self.emit_main()

    def make_class(self, c, ncls):
        name = 'E%d' % c
        key = Ty('string') if self.chance(0.5) else Ty('int', name=self.rng.choice(
            ['std::int64_t', 'int', 'std::uint32_t', 'long']))
        state = []
        for j in range(2 + self.r(4)):
            state.append(('s%d_' % j, self.data_type()))
        # Always one unsigned counter and one string (compound targets).
        state.append(('u_', Ty('int', name='std::uint32_t')))
        state.append(('log_', Ty('string')))
        methods = []
        for j in range(2 + self.r(3)):
            params = []
            for p in range(self.r(3)):
                t = self.data_type(1)
                cref = self.feat['constref'] and self.chance(0.3)
                params.append(('p%d' % p, t, cref))
            refp = None
            if self.chance(0.5):
                refp = ('who', 'E%d' % self.r(ncls))
            ret = None if self.chance(0.2) else self.data_type(1)
            const = self.feat['const_methods'] and self.chance(0.2)
            methods.append({'cls': name, 'name': 'm%d' % j, 'params': params,
                            'refp': refp, 'ret': ret, 'const': const})
        return {'name': name, 'key': key, 'state': state, 'methods': methods,
                'index': c}

    # --- method bodies ---------------------------------------------------------
    def method_body(self, cls, m):
        ctx = {
            'cls': cls, 'm': m, 'locals': [], 'loop': 0, 'sites': 5,
            'const': m['const'], 'in_try': False, 'depth': 0,
        }
        # Parameters are locals (readable in call expressions).
        for (pn, pt, _) in m['params']:
            ctx['locals'].append((pn, pt))
        lines = []
        ret = m['ret']
        base = 'return %s;' % self.make(ret, 'fz::mixu(acc, 99)') if ret else 'return;'
        lines.append('std::uint64_t acc = %dULL;' % self.r(1000))
        for (pn, pt, _) in m['params']:
            lines.append('acc = fz::mixu(acc, fz::fold(%s));' % pn)
        lines.append('if (fuel == 0) {')
        if not m['const']:
            lines += ['  ' + l for l in self.state_mutation(ctx, 'acc')]
        else:
            lines.append('  acc = fz::mixu(acc, fz::fold(%s));' % self.rng.choice(cls['state'])[0])
        lines.append('  ' + base)
        lines.append('}')
        ctx['locals'].append(('acc', Ty('int', name='std::uint64_t')))
        lines += self.block(ctx, 2 + self.r(5))
        if ret:
            lines.append(self.return_stmt(ctx))
        return lines

    def u64_locals(self, ctx):
        return [n for n, t in ctx['locals'] if t.kind == 'int' and t.name == 'std::uint64_t']

    def any_local(self, ctx):
        return self.rng.choice(ctx['locals'])

    def call_targets(self, ctx):
        """Methods callable from here: (method, ref-expression builder)."""
        cls, m = ctx['cls'], ctx['m']
        out = []
        for other in self.classes:
            for om in other['methods']:
                out.append(om)
        return out

    def ref_expr(self, ctx, target_cls, allow_call):
        """A Ref<target_cls> expression (reads only immutable peers_ state)."""
        cls, m = ctx['cls'], ctx['m']
        opts = []
        if m['refp'] and m['refp'][1] == target_cls:
            opts.append('who')
        if target_cls == cls['name'] and self.feat['callbacks'] and not ctx['const']:
            opts.append('flowc::Ref<%s>(this)' % target_cls)
        peers = 'peers%s_' % target_cls[1:]
        if self.feat['ref_result'] and allow_call and ctx['sites'] > 1 and self.chance(0.15):
            src = (int(target_cls[1:]) - 1) % len(self.classes)
            ctx['sites'] -= 1
            u = self.rng.choice(self.u64_locals(ctx))
            return 'peers%d_[%s %% peers%d_.size()]->next(%s)' % (src, u, src, u)
        if self.chance(0.3) and allow_call and self.on('target') and ctx['sites'] > 1:
            idx = self.u64(ctx, 1, True, 'target')
            opts = ['%s[(%s) %% %s.size()]' % (peers, idx, peers)]
        else:
            u = self.rng.choice(self.u64_locals(ctx))
            opts.append('%s[%s %% %s.size()]' % (peers, u, peers))
            opts.append('%s.front()' % peers)
        return self.rng.choice(opts)

    def call(self, ctx, ret=None, want_void=False, allow_nested=True, target=None):
        """A remote call; returns (expr, Ty or None). target: (class, Ref expr)."""
        ctx['sites'] -= 1
        cands = [om for om in self.call_targets(ctx)
                 if (want_void or om['ret'] is not None) and (ret is None or om['ret'] == ret)
                 and (target is None or om['cls'] == target[0])]
        if not cands:
            return None
        om = self.rng.choice(cands)
        args = ['fuel - 1']
        nested = allow_nested and self.on('remote_arg') and ctx['sites'] > 0 and self.chance(0.25)
        for (pn, pt, _) in om['params']:
            if nested and self.chance(0.5):
                nested = False
                args.append(self.value(ctx, pt, True, 'remote_arg'))
            else:
                args.append(self.value(ctx, pt, False))
        if om['refp']:
            rc = om['refp'][1]
            if rc == ctx['cls']['name'] and self.feat['callbacks'] and not ctx['const'] and self.chance(0.6):
                args.append('flowc::Ref<%s>(this)' % rc)
            else:
                args.append(self.ref_expr(ctx, rc, False))
        target = target[1] if target else self.ref_expr(ctx, om['cls'], True)
        return '%s->%s(%s)' % (target, om['name'], ', '.join(args)), om['ret']

    def value(self, ctx, t, allow_call, position=None):
        """An expression of type t; may hold a call when allow_call."""
        if allow_call and (position is None or self.on(position)) and ctx['sites'] > 0:
            c = self.call(ctx, ret=t)
            if c:
                return c[0]
            if self.chance(0.5) and t.kind in ('pair', 'struct', 'vector', 'tuple') and self.on('braced' if t.kind != 'pair' else 'ctor_arg'):
                return self.braced(ctx, t)
        same = [n for n, lt in ctx['locals'] if lt == t]
        if same and self.chance(0.5):
            return self.rng.choice(same)
        u = self.rng.choice(self.u64_locals(ctx))
        return self.make(t, u)

    def braced(self, ctx, t):
        """A braced or constructor form with calls in several elements."""
        if t.kind == 'struct':
            fields = dict(self.structs)[t.name]
            return '%s{%s}' % (t.name, ', '.join(self.value(ctx, ft, True) for _, ft in fields))
        if t.kind == 'pair':
            return '%s(%s, %s)' % (t.cpp(), self.value(ctx, t.args[0], True),
                                   self.value(ctx, t.args[1], True))
        if t.kind == 'tuple':
            return '%s{%s}' % (t.cpp(), ', '.join(self.value(ctx, a, True) for a in t.args))
        return '%s{%s, %s}' % (t.cpp(), self.value(ctx, t.args[0], True),
                               self.value(ctx, t.args[0], True))

    def u64(self, ctx, depth, allow_call, position=None, state_ok=False):
        """A std::uint64_t expression. With allow_call it reads no state."""
        if position is not None and not self.on(position):
            allow_call = False
        if ctx['sites'] <= 0:
            allow_call = False
        rng = self.rng
        if depth <= 0 or self.chance(0.3):
            if allow_call and self.chance(0.5):
                c = self.call(ctx)
                if c:
                    e, t = c
                    if t.kind == 'int' and self.chance(0.5) and self.on('cast'):
                        return 'static_cast<std::uint64_t>(%s)' % e
                    return 'fz::fold(%s)' % e if self.on('fn_arg') else 'fz::fold(%s)' % e
            c = self.r(4)
            if c == 0:
                return '%dULL' % self.r(50)
            if c == 1 and state_ok:
                return 'fz::fold(%s)' % rng.choice(ctx['cls']['state'])[0]
            if c == 2:
                return 'fz::fold(%s)' % self.any_local(ctx)[0]
            return rng.choice(self.u64_locals(ctx))
        sub = lambda ac, pos=None: self.u64(ctx, depth - 1, ac and (pos is None or self.on(pos)), None, state_ok)
        c = self.r(12)
        if c <= 2:  # unsequenced: one operand may call
            op = rng.choice(['+', '*', '^', '-', '&', '|'])
            first = self.chance(0.5)
            a = sub(allow_call and first, 'arith')
            b = sub(allow_call and not first, 'arith')
            return '(%s %s %s)' % (a, op, b)
        if c == 3:
            op = rng.choice(['/', '%'])
            first = self.chance(0.5)
            return '(%s %s (%s | 1ULL))' % (sub(allow_call and first, 'arith'), op,
                                            sub(allow_call and not first, 'arith'))
        if c == 4:  # shifts: C++17 sequences the left operand first
            op = rng.choice(['<<', '>>'])
            return '(%s %s (%s & 15ULL))' % (sub(allow_call, 'shift'), op, sub(allow_call, 'shift'))
        if c == 5:
            op = rng.choice(['&&', '||'])
            return 'static_cast<std::uint64_t>((%s %% 3 != 0) %s (%s %% 2 == 0))' % (
                sub(allow_call, 'logic'), op, sub(allow_call, 'logic'))
        if c == 6:
            return '(%s %% 2 == 0 ? %s : %s)' % (sub(allow_call, 'ternary'), sub(allow_call, 'ternary'),
                                                sub(allow_call, 'ternary'))
        if c == 7:
            return '(static_cast<void>(%s), %s)' % (sub(allow_call, 'comma'), sub(allow_call, 'comma'))
        if c == 8:
            op = rng.choice(['~', '-', '!'])
            inner = sub(allow_call, 'unary')
            if op == '!':
                return 'static_cast<std::uint64_t>(!%s)' % inner
            return '(%s%s)' % (op, inner)
        if c == 9:
            first = self.chance(0.5)
            return 'fz::mixu(%s, %s)' % (sub(allow_call and first, 'fn_arg'),
                                         sub(allow_call and not first, 'fn_arg'))
        if c == 10:
            op = rng.choice(['<', '==', '!=', '>='])
            first = self.chance(0.5)
            return 'static_cast<std::uint64_t>(%s %s %s)' % (
                sub(allow_call and first, 'arith'), op, sub(allow_call and not first, 'arith'))
        # a local vector subscripted
        vecs = [n for n, t in ctx['locals'] if t.kind in ('vector', 'deque', 'array')]
        if vecs:
            v = rng.choice(vecs)
            return '(%s.empty() ? 5ULL : fz::fold(%s[(%s) %% %s.size()]))' % (
                v, v, sub(allow_call, 'subscript'), v)
        return sub(allow_call)

    # --- statements ------------------------------------------------------------
    def state_mutation(self, ctx, x):
        """Statements changing one state member from the u64 local x."""
        name, t = self.rng.choice(ctx['cls']['state'])
        k = t.kind
        if k == 'int':
            return ['%s = static_cast<%s>(static_cast<std::uint64_t>(%s) * 3ULL + %s);' % (name, t.name, name, x)]
        if k == 'bool':
            return ['%s = !%s;' % (name, name)]
        if k == 'string':
            return ['if (%s.size() < 24) %s += fz::str(%s); else %s = fz::str(%s);' % (name, name, x, name, x)]
        if k in ('vector', 'deque', 'list'):
            return ['if (%s.size() < 6) %s.push_back(%s); else %s.clear();' % (
                name, name, self.make(t.args[0], x), name)]
        if k == 'array':
            return ['%s[%s %% %d] = %s;' % (name, x, t.n, self.make(t.args[0], x))]
        if k in ('set', 'multiset'):
            return ['if (%s.size() < 6) %s.insert(%s); else %s.erase(%s.begin());' % (
                name, name, self.make(t.args[0], x), name, name)]
        if k in ('uset', 'umset'):
            return ['if (%s.size() < 6) %s.insert(%s); else %s.clear();' % (
                name, name, self.make(t.args[0], x), name)]
        if k == 'ummap':
            return ['if (%s.size() < 6) %s.emplace(%s, %s); else %s.clear();' % (
                name, name, self.make(t.args[0], x), self.make(t.args[1], x), name)]
        if k == 'flist':
            return ['if (std::distance(%s.begin(), %s.end()) < 6) %s.push_front(%s); else %s.clear();' % (
                name, name, name, self.make(t.args[0], x), name)]
        if k in ('map', 'umap'):
            return ['if (%s.size() < 6) %s[%s] = %s; else %s.clear();' % (
                name, name, self.make(t.args[0], x), self.make(t.args[1], x), name)]
        if k == 'multimap':
            return ['if (%s.size() < 6) %s.emplace(%s, %s); else %s.erase(%s.begin());' % (
                name, name, self.make(t.args[0], x), self.make(t.args[1], x), name, name)]
        if k == 'optional':
            return ['if (%s) %s.reset(); else %s = %s;' % (name, name, name, self.make(t.args[0], x))]
        if k == 'pair':
            return ['%s.second = %s;' % (name, self.make(t.args[1], x))]
        if k == 'tuple':
            i = self.r(len(t.args))
            return ['std::get<%d>(%s) = %s;' % (i, name, self.make(t.args[i], x))]
        if k == 'struct':
            fn, ft = self.rng.choice(dict(self.structs)[t.name])
            return ['%s.%s = %s;' % (name, fn, self.make(ft, x))]
        return ['%s = %s;' % (name, self.make(t, x))]

    def cond(self, ctx, allow_call, position):
        return '%s %% %d == 0' % (self.u64(ctx, 2, allow_call, position, not allow_call), 2 + self.r(3))

    def block(self, ctx, n):
        out = []
        for _ in range(n):
            out += self.stmt(ctx)
        return out

    def indent(self, lines):
        return ['  ' + l for l in lines]

    def stmt(self, ctx):
        rng = self.rng
        ctx['depth'] += 1
        try:
            deep = ctx['depth'] > 3
            calls = ctx['sites'] > 0 and not ctx['in_try'] and ctx['loop'] <= 1
            c = self.r(22)
            if deep and c >= 12:
                c = self.r(12)
            if c <= 2:   # accumulate, maybe from a call
                return ['acc = %s;' % self.u64(ctx, 2, calls, 'assign', not calls)]
            if c == 3:   # compound assignment: the call is sequenced before the read
                if calls and self.on('compound'):
                    if not ctx['const'] and self.chance(0.5):
                        if self.chance(0.5):
                            return ['u_ += %s;' % self.u64(ctx, 1, True)]
                        return ['if (log_.size() < 40) log_ += fz::str(%s);' % self.u64(ctx, 1, True)]
                    return ['acc += %s;' % self.u64(ctx, 1, True)]
                return ['acc ^= %s;' % self.u64(ctx, 2, False, None, True)]
            if c == 4:   # a local of any type, maybe from a call
                t = self.data_type(1)
                name = self.fresh('l')
                v = self.value(ctx, t, calls and self.chance(0.6), 'init')
                ctx['locals'].append((name, t))
                return ['%s %s = %s;' % (t.cpp(), name, v),
                        'acc = fz::mixu(acc, fz::fold(%s));' % name]
            if c == 5:   # a u64 local
                name = self.fresh('t')
                line = 'std::uint64_t %s = %s;' % (name, self.u64(ctx, 2, calls, 'init', not calls))
                ctx['locals'].append((name, Ty('int', name='std::uint64_t')))
                return [line]
            if c == 6 and not ctx['const']:  # state mutation from a local
                name = self.fresh('t')
                out = ['std::uint64_t %s = %s;' % (name, self.u64(ctx, 1, False, None, True))]
                ctx['locals'].append((name, Ty('int', name='std::uint64_t')))
                return out + self.state_mutation(ctx, name)
            if c == 7:   # read state into acc
                return ['acc = fz::mixu(acc, fz::fold(%s));' % rng.choice(ctx['cls']['state'])[0]]
            if c == 8 and calls:  # a discarded call
                cl = self.call(ctx, want_void=True)
                if cl:
                    if cl[1] is None:
                        return ['%s;' % cl[0]]
                    return ['static_cast<void>(%s);' % cl[0]]
                return []
            if c == 9 and calls and not ctx['const']:  # state member from call
                return self.state_from_call(ctx)
            if c == 10 and ctx['loop'] > 0:
                return ['if (%s) %s;' % (self.cond(ctx, False, None), rng.choice(['break', 'continue']))]
            if c == 11:   # early return
                return ['if (%s) %s' % (self.cond(ctx, calls and self.chance(0.3), 'if_cond'),
                                        self.return_stmt(ctx, calls and self.chance(0.3)))]
            if c == 12:
                return self.if_stmt(ctx, calls)
            if c == 13:
                return self.switch_stmt(ctx, calls)
            if c == 14:
                return self.for_stmt(ctx, calls)
            if c == 15:
                return self.while_stmt(ctx, calls)
            if c == 16:
                return self.do_stmt(ctx, calls)
            if c == 17:
                return self.range_for(ctx, calls)
            if c == 18 and self.feat['trycatch']:
                return self.try_stmt(ctx)
            if c == 19 and self.feat['throws']:
                pos = calls and self.on('throw') and self.chance(0.4)
                return ['if (%s) throw std::runtime_error("fz" + std::to_string(%s %% 100));' % (
                    '%s %% 23 == 7' % self.u64(ctx, 1, False, None, True),
                    self.u64(ctx, 1, pos))]
            if c == 20 and self.feat['bindings']:
                return self.binding(ctx, calls)
            if c == 21 and calls and self.on('object') and self.chance(0.6):
                return self.object_stmt(ctx)
            if c == 21 and calls and self.feat['peer_loop']:
                return self.peer_loop(ctx)
            return ['acc = fz::mixu(acc, %s);' % self.u64(ctx, 1, False, None, True)]
        finally:
            ctx['depth'] -= 1

    def return_stmt(self, ctx, allow_call=True):
        ret = ctx['m']['ret']
        if ret is None:
            return 'return;'
        if allow_call and self.on('return') and ctx['sites'] > 0 and not ctx['in_try'] and self.chance(0.4):
            return 'return %s;' % self.value(ctx, ret, True)
        return 'return %s;' % self.make(ret, 'fz::mixu(acc, %d)' % self.r(100))

    def state_from_call(self, ctx):
        cls = ctx['cls']
        ints = [(n, t) for n, t in cls['state'] if t.kind == 'int' or t.kind == 'string']
        maps = [(n, t) for n, t in cls['state'] if t.kind in ('map', 'umap')]
        seqs = [(n, t) for n, t in cls['state'] if t.kind in ('vector', 'deque', 'list')]
        c = self.r(3)
        if c == 0 and maps and self.on('index_assign'):
            n, t = self.rng.choice(maps)
            u = self.rng.choice(self.u64_locals(ctx))
            return ['if (%s.size() < 6) %s[%s] = %s;' % (n, n, self.make(t.args[0], u),
                                                       self.value(ctx, t.args[1], True, 'index_assign'))]
        if c == 1 and seqs and self.on('member_arg'):
            n, t = self.rng.choice(seqs)
            return ['if (%s.size() < 6) %s.push_back(%s);' % (n, n, self.value(ctx, t.args[0], True, 'member_arg'))]
        n, t = self.rng.choice(ints)
        return ['%s = %s;' % (n, self.value(ctx, t, True, 'assign'))]

    def sub_block(self, ctx, n, loop=False):
        saved = list(ctx['locals'])
        if loop:
            ctx['loop'] += 1
        out = self.block(ctx, n)
        if loop:
            ctx['loop'] -= 1
        ctx['locals'] = saved
        return out

    def if_stmt(self, ctx, calls):
        out = []
        if calls and self.on('if_init') and self.chance(0.3):
            name = self.fresh('c')
            init = self.u64(ctx, 1, True, 'if_init')
            head = 'if (std::uint64_t %s = %s; %s %% 2 == 0) {' % (name, init, name)
            ctx['locals'].append((name, Ty('int', name='std::uint64_t')))
            body = self.sub_block(ctx, 1 + self.r(3))
            ctx['locals'].pop()
            out.append(head)
        else:
            out.append('if (%s) {' % self.cond(ctx, calls, 'if_cond'))
            body = self.sub_block(ctx, 1 + self.r(3))
        out += self.indent(body)
        if self.chance(0.5):
            out.append('} else {')
            out += self.indent(self.sub_block(ctx, 1 + self.r(2)))
        out.append('}')
        return out

    def switch_stmt(self, ctx, calls):
        if calls and self.on('switch_init') and self.chance(0.3):
            name = self.fresh('c')
            head = 'switch (std::uint64_t %s = %s; %s %% 4) {' % (name, self.u64(ctx, 1, True, 'switch_init'), name)
        else:
            head = 'switch (%s %% 4) {' % self.u64(ctx, 1, calls, 'switch_cond', not calls)
        out = [head]
        for case in range(4):
            if case < 3:
                out.append('case %d: {' % case)
            else:
                out.append('default: {')
            out += self.indent(self.sub_block(ctx, 1 + self.r(2)))
            if case < 3 and self.chance(0.25):
                out.append('  [[fallthrough]];')
            else:
                out.append('  break;')
            out.append('}')
        out.append('}')
        return out

    def for_stmt(self, ctx, calls):
        i = self.fresh('i')
        bound = 1 + self.r(3)
        if calls and self.chance(0.5):
            which = self.rng.choice(['for_init', 'for_cond', 'for_inc'])
        else:
            which = None
        init = '0ULL'
        cond = '%s < %d' % (i, bound)
        inc = '++%s' % i
        if which == 'for_init' and self.on(which):
            init = '(%s) %% 2' % self.u64(ctx, 1, True)
        elif which == 'for_cond' and self.on(which):
            cond = '%s < %d && (%s) %% 5 != 0' % (i, bound, self.u64(ctx, 1, True))
        elif which == 'for_inc' and self.on(which):
            inc = '%s += 1 + (%s) %% 2' % (i, self.u64(ctx, 1, True))
        ctx['locals'].append((i, Ty('int', name='std::uint64_t')))
        body = self.sub_block(ctx, 1 + self.r(3), loop=True)
        ctx['locals'].pop()
        return ['for (std::uint64_t %s = %s; %s; %s) {' % (i, init, cond, inc)] + self.indent(body) + ['}']

    def while_stmt(self, ctx, calls):
        w = self.fresh('w')
        bound = 1 + self.r(3)
        extra = ''
        if calls and self.on('while_cond') and self.chance(0.5):
            extra = ' && (%s) %% 4 != 0' % self.u64(ctx, 1, True)
        ctx['locals'].append((w, Ty('int', name='std::uint64_t')))
        body = self.sub_block(ctx, 1 + self.r(3), loop=True)
        return (['std::uint64_t %s = 0;' % w, 'while (%s < %d%s) {' % (w, bound, extra), '  ++%s;' % w]
                + self.indent(body) + ['}'])

    def do_stmt(self, ctx, calls):
        d = self.fresh('d')
        bound = 1 + self.r(3)
        extra = ''
        if calls and self.on('do_cond') and self.chance(0.5):
            extra = ' && (%s) %% 4 != 0' % self.u64(ctx, 1, True)
        ctx['locals'].append((d, Ty('int', name='std::uint64_t')))
        body = self.sub_block(ctx, 1 + self.r(3), loop=True)
        return (['std::uint64_t %s = 0;' % d, 'do {', '  ++%s;' % d] + self.indent(body)
                + ['} while (%s < %d%s);' % (d, bound, extra)])

    def range_for(self, ctx, calls):
        """Over a state member (no calls in the body), a local copy, or a call."""
        cls = ctx['cls']
        conts = [(n, t) for n, t in cls['state']
                 if t.kind in ('vector', 'deque', 'list', 'array', 'set', 'multiset', 'uset',
                               'map', 'multimap', 'umap', 'string', 'flist', 'umset', 'ummap')]
        lconts = [(n, t) for n, t in ctx['locals']
                  if t.kind in ('vector', 'deque', 'list', 'array', 'set', 'multiset', 'uset',
                                'map', 'multimap', 'umap', 'string', 'flist', 'umset', 'ummap')]
        out = []
        c = self.r(3)
        body_calls = calls
        if c == 0 and conts:
            n, t = self.rng.choice(conts)
            if calls and self.chance(0.6):
                copy = self.fresh('cp')
                out.append('auto %s = %s;' % (copy, n))
                rng_expr = copy
            else:
                rng_expr = n
                body_calls = False
        elif c == 1 and lconts:
            n, t = self.rng.choice(lconts)
            rng_expr = n
        elif calls and self.on('range_init'):
            t = Ty('vector', [self.data_type(2)])
            cands = [om for om in self.call_targets(ctx) if om['ret'] is not None and
                     om['ret'].kind in ('vector', 'deque', 'list', 'set', 'map', 'array', 'multiset', 'multimap')]
            if cands:
                om = self.rng.choice(cands)
                t = om['ret']
                rng_expr = self.value(ctx, t, True, 'range_init')
            else:
                rng_expr = self.make(t, 'acc')
        else:
            t = Ty('vector', [self.data_type(2)])
            rng_expr = self.make(t, 'acc')
        elem = t.args[0] if t.kind != 'string' else Ty('int', name='char')
        v = self.fresh('e')
        unordered = t.kind in ('uset', 'umap', 'umset', 'ummap')
        if t.kind in ('map', 'multimap', 'umap', 'ummap'):
            elem = Ty('pair', [t.args[0], t.args[1]])
        bind = t.kind in ('map', 'multimap', 'umap', 'ummap') and self.feat['range_bind'] and self.chance(0.5)
        saved = list(ctx['locals'])
        if bind:
            k, val = self.fresh('k'), self.fresh('v')
            head = 'for (const auto &[%s, %s] : %s) {' % (k, val, rng_expr)
            ctx['locals'] += [(k, t.args[0]), (val, t.args[1])]
            first = 'acc2 += fz::mixu(fz::fold(%s), fz::fold(%s));' % (k, val)
        else:
            spelling = self.rng.choice(['const auto &', 'auto', 'auto &&'])
            if t.kind == 'vector' and elem.kind == 'bool' and not self.feat['bool_proxy']:
                spelling = 'bool'  # not std::vector<bool>'s proxy
            head = 'for (%s %s : %s) {' % (spelling, v, rng_expr)
            ctx['locals'].append((v, elem))
            first = 'acc2 += fz::fold(%s);' % v
        acc2 = self.fresh('sum')
        first = first.replace('acc2', acc2)
        if unordered:
            # Order-independent body: a commutative sum, calls whose arguments
            # do not depend on the element.
            ctx['locals'] = saved
            body = [first]
            if body_calls and ctx['sites'] > 0:
                body.append('%s += %s;' % (acc2, self.u64(ctx, 0, True)))
        else:
            if not body_calls:
                # Over state itself: the body changes no state (no iterator
                # is invalidated) and makes no call (no callback does).
                body = [first, '%s = fz::mixu(%s, %s);' % (acc2, acc2, self.u64(ctx, 1, False))]
            else:
                ctx['loop'] += 1
                exits = self.feat['loop_exit'] and ctx['sites'] > 0 and self.chance(0.5)
                elem_read = 'fz::fold(%s)' % (k if bind else v)
                # An exit first reads only what is declared before the body.
                early = self.loop_exit(ctx, elem_read, acc2) if exits and self.chance(0.5) else []
                body = [first] + early + self.block(ctx, 1 + self.r(2))
                if exits and not early:
                    body += self.loop_exit(ctx, elem_read, acc2)
                ctx['loop'] -= 1
            ctx['locals'] = saved
        return (out + ['std::uint64_t %s = 0;' % acc2, head] + self.indent(body)
                + ['}', 'acc = fz::mixu(acc, %s);' % acc2])

    def loop_exit(self, ctx, elem_read, acc2):
        """Leaves the loop, or this step of it, at a remote call (issue 20):
        what the loop walks may be dead after the call, and the element is
        read after it only in some forms."""
        c = self.call(ctx)
        if not c:
            return []
        call = 'fz::fold(%s)' % c[0]
        cond = '%s %% %d == %d' % (elem_read, 2 + self.r(3), self.r(2))
        form = self.r(6)
        if form == 0:
            return ['if (%s) { acc = fz::mixu(acc, %s); break; }' % (cond, call)]
        if form == 1:
            return ['if (%s) { %s += %s; continue; }' % (cond, acc2, call)]
        if form == 2 and self.feat['throws']:
            return ['if (%s) throw std::runtime_error("fz" + std::to_string(%s %% 100));' % (cond, call)]
        if form == 3:  # the element read after the call
            return ['if (%s) { acc = fz::mixu(%s, %s); break; }' % (cond, call, elem_read)]
        ret = ctx['m']['ret']
        if ret is None:
            return ['if (%s) { acc = %s; return; }' % (cond, call)]
        if form == 4:
            return ['if (%s) { acc = fz::mixu(%s, %s); return %s; }' % (
                cond, call, elem_read, self.make(ret, 'acc'))]
        return ['if (%s) { acc = %s; return %s; }' % (cond, call, self.make(ret, 'acc'))]

    def try_stmt(self, ctx):
        was = ctx['in_try']
        # With try_call, half the try blocks hold remote calls (and
        # callbacks): what a callee throws is caught here.
        ctx['in_try'] = not (self.feat['try_call'] and self.chance(0.5))
        body = self.sub_block(ctx, 1 + self.r(2))
        ctx['in_try'] = was
        thr = 'if (%s %% 3 == 1) throw std::runtime_error(fz::str(acc));' % self.u64(ctx, 1, False, None, True)
        if not self.feat['catch_var']:
            return (['try {'] + self.indent(body + [thr]) +
                    ['} catch (...) {', '  acc = fz::mixu(acc, 77ULL);', '}'])
        e = self.fresh('ex')
        return (['try {'] + self.indent(body + [thr]) +
                ['} catch (const std::runtime_error &%s) {' % e,
                 '  acc = fz::mixu(acc, fz::fold(std::string(%s.what())));' % e, '}'])

    def binding(self, ctx, calls):
        kinds = [(n, t) for n, t in ctx['locals'] if t.kind in ('pair', 'tuple')]
        if kinds and self.chance(0.6):
            n, t = self.rng.choice(kinds)
            src = n
        else:
            t = self.rng.choice([Ty('pair', [self.data_type(1), self.data_type(1)]),
                                 Ty('tuple', [self.data_type(1) for _ in range(2)])])
            src = self.value(ctx, t, calls, 'init')
        names = [self.fresh('b') for _ in t.args]
        ctx['locals'] += list(zip(names, t.args))
        return ['auto [%s] = %s;' % (', '.join(names), src),
                'acc = fz::mixu(acc, fz::fold(%s));' % names[-1]]

    def peer_loop(self, ctx):
        """Calls on the loop variable of a range-for over the peers (never
        changed after setup, so iterating the state member itself is safe)."""
        k = self.r(len(self.classes))
        r = self.fresh('r')
        ctx['loop'] += 1
        cl = self.call(ctx, want_void=True, target=('E%d' % k, r))
        ctx['loop'] -= 1
        if not cl:
            return []
        body = ['%s;' % cl[0]] if cl[1] is None else ['acc = fz::mixu(acc, fz::fold(%s));' % cl[0]]
        return (['for (%s%s : peers%d_) {' % (self.rng.choice(['const auto &', 'auto ', 'flowc::Ref<E%d> ' % k]), r, k)]
                + self.indent(body) + ['}'])

    def object_stmt(self, ctx):
        """Calls in the object expression of a member call or operator, and in
        its arguments (issue 12 item 1). Objects are locals: a callback could
        not see them, so forming them after the calls is unobservable."""
        c = self.r(6)
        both = self.on('object_args')
        if c == 0:
            cands = [om for om in self.call_targets(ctx) if om['ret'] is not None and
                     om['ret'].kind in ('vector', 'string', 'map', 'set', 'deque', 'list')]
            if cands:
                om = self.rng.choice(cands)
                e = self.value(ctx, om['ret'], True)
                return ['acc += static_cast<std::uint64_t>(%s.size());' % e]
        if c == 3 and both:  # an iterator argument, formed after the call
            name = self.fresh('v')
            first = self.u64(ctx, 1, False, None, True)  # before v is in scope
            ctx['locals'].append((name, Ty('vector', [Ty('int', name='std::uint64_t')])))
            return ['std::vector<std::uint64_t> %s{%s, 7};' % (name, first),
                    '%s.insert(%s.begin() + static_cast<std::ptrdiff_t>(%s %% %s.size()), %s);' % (
                        name, name, self.u64(ctx, 1, True), name, self.u64(ctx, 1, True)),
                    'acc = fz::mixu(acc, fz::fold(%s));' % name]
        if c == 4 and both:  # a chain of calls on an object
            # The arguments do not read the object: C++ would read it between
            # the appends, which the split method cannot do (flowc rejects it).
            name = self.fresh('s')
            args = [self.u64(ctx, 1, True) for _ in range(3)]
            ctx['locals'].append((name, Ty('string')))
            return ['std::string %s = "o";' % name,
                    '%s.append(fz::str(%s)).append(fz::str(%s)) += fz::str(%s);' % (
                        name, args[0], args[1], args[2]),
                    'acc = fz::mixu(acc, fz::fold(%s));' % name]
        if c == 5 and both:  # an overloaded compound assignment: right side first
            name = self.fresh('m')
            kt = self.key_type(1)
            ctx['locals'].append((name, Ty('map', [kt, Ty('int', name='std::uint64_t')])))
            return ['std::map<%s, std::uint64_t> %s;' % (kt.cpp(), name),
                    '%s[%s] += %s;' % (name, self.value(ctx, kt, True), self.u64(ctx, 1, True)),
                    '%s[%s] = %s;' % (name, self.value(ctx, kt, True), self.u64(ctx, 1, True)),
                    'acc = fz::mixu(acc, fz::fold(%s));' % name]
        name = self.fresh('g')
        kt = self.key_type(1)
        arg = self.value(ctx, Ty('string'), c == 2 and both)  # g[k] inserts: not read
        key = self.value(ctx, kt, True)
        ctx['locals'].append((name, Ty('map', [kt, Ty('vector', [Ty('string')])])))
        return ['std::map<%s, std::vector<std::string>> %s;' % (kt.cpp(), name),
                '%s[%s].push_back(%s);' % (name, key, arg),
                'acc = fz::mixu(acc, fz::fold(%s));' % name]

    # --- output ----------------------------------------------------------------
    def emit_header(self):
        L = ['// Generated by test/Programs/gen_program.py, seed %d.' % self.seed,
             '// off: %s' % ' '.join(k for k, v in sorted({**self.pos, **self.feat}.items()) if not v),
             '#pragma once', '', '#include "fuzz_support.h"', '', 'namespace fz {', '']
        for name, n in self.enums:
            if name.startswith('Color'):
                L.append('enum class %s : int { %s };' % (name, ', '.join('v%d' % i for i in range(n))))
            else:
                L.append('enum %s { %s };' % (name, ', '.join('%s_v%d' % (name, i) for i in range(n))))
        for name, fields in self.structs:
            L.append('struct %s {' % name)
            for fn, ft in fields:
                L.append('  %s %s{};' % (ft.cpp(), fn))
            L.append('};')
            L.append('inline std::uint64_t fold_struct(const %s &v) {' % name)
            L.append('  std::uint64_t h = 19;')
            for fn, ft in fields:
                L.append('  h = mixu(h, fold(v.%s));' % fn)
            L.append('  return h;')
            L.append('}')
        L.append('')
        for cls in self.classes:
            L.append('class %s;' % cls['name'])
        L.append('')
        for cls in self.classes:
            L += self.emit_class(cls)
        # The concurrent phase's method: it only adds to hits_ (commutative),
        # so the final states do not depend on the order chains commit in.
        if self.feat['concurrent']:
            for cls in self.classes:
                L.append('inline void %s::bump(std::uint32_t fuel, std::uint64_t x) {' % cls['name'])
                L.append('  hits_ += x;')
                L.append('  if (fuel == 0)')
                L.append('    return;')
                for f in range(1 + self.crng.randrange(2)):
                    k = self.crng.randrange(len(self.classes))
                    step = '%s * %d + %d' % ('x', 1 + self.crng.randrange(5), self.crng.randrange(10))
                    if self.crng.random() < 0.5:
                        L.append('  for (const auto &r : peers%d_)' % k)
                        L.append('    r->bump(fuel - 1, %s);' % step)
                    else:
                        L.append('  peers%d_[x %% peers%d_.size()]->bump(fuel - 1, %s);' % (k, k, step))
                L.append('}')
                L.append('')
        # Methods out of line, after every class is complete.
        for cls in self.classes:
            for m in cls['methods']:
                ret = m['ret'].cpp() if m['ret'] else 'void'
                L.append('inline %s %s::%s(%s)%s {' % (ret, cls['name'], m['name'], ', '.join(self.sig(m)),
                                                       ' const' if m['const'] else ''))
                if m['refp']:
                    L.append('  static_cast<void>(who);')
                L += ['  ' + l for l in m['body']]
                L.append('}')
                L.append('')
        L.append('} // namespace fz')
        return '\n'.join(L) + '\n'

    def sig(self, m):
        params = ['std::uint32_t fuel']
        for pn, pt, cref in m['params']:
            params.append(('const %s &%s' if cref else '%s %s') % (pt.cpp(), pn))
        if m['refp']:
            params.append('flowc::Ref<%s> who' % m['refp'][1])
        return params

    def emit_class(self, cls):
        n = cls['name']
        L = ['class %s {' % n, '  FLOWC_ENTITY(%s);' % n, '', 'public:']
        L.append('  explicit %s(%s key) : key_(std::move(key)) {}' % (n, cls['key'].cpp()))
        sargs = ', '.join('std::vector<flowc::Ref<E%d>> p%d' % (i, i) for i in range(len(self.classes)))
        L.append('  void setup(%s) {' % sargs)
        for i in range(len(self.classes)):
            L.append('    peers%d_ = std::move(p%d);' % (i, i))
        L.append('  }')
        nxt = (cls['index'] + 1) % len(self.classes)
        L.append('  flowc::Ref<E%d> next(std::uint64_t i) const { return peers%d_[i %% peers%d_.size()]; }'
                 % (nxt, nxt, nxt))
        for m in cls['methods']:
            ret = m['ret'].cpp() if m['ret'] else 'void'
            L.append('  %s %s(%s)%s;' % (ret, m['name'], ', '.join(self.sig(m)),
                                        ' const' if m['const'] else ''))
        if self.feat['concurrent']:
            L.append('  void bump(std::uint32_t fuel, std::uint64_t x);')
        L.append('')
        L.append('private:')
        L.append('  FLOWC_KEY %s key_;' % cls['key'].cpp())
        for i in range(len(self.classes)):
            L.append('  std::vector<flowc::Ref<E%d>> peers%d_;' % (i, i))
        for sn, st in cls['state']:
            L.append('  %s %s{};' % (st.cpp(), sn))
        if self.feat['concurrent']:
            L.append('  std::uint64_t hits_{};')
        L.append('};')
        L.append('')
        return L

    def emit_main(self):
        rng = self.rng
        L = ['// Generated by test/Programs/gen_program.py, seed %d: the client.' % self.seed,
             '#include "harness.h" // first: it may be precompiled', '#include "prog.flowc.h"', '', 'using flowc::Ref;', 'using namespace fz;',
             '', 'template <class World, class Log> void program(World &w, Log &log) {']
        insts = []
        for cls in self.classes:
            cnt = 1 + self.r(3)
            refs = []
            for i in range(cnt):
                var = '%s_%d' % (cls['name'].lower(), i)
                if cls['key'].kind == 'string':
                    key = '"k%d"' % i
                else:
                    key = str(10 * i + 1)
                L.append('  auto %s = w.template create<fz::%s>(%s);' % (var, cls['name'], key))
                L.append('  log.track(%s, "%s");' % (var, var))
                refs.append(var)
            insts.append(refs)
        for ci, cls in enumerate(self.classes):
            for var in insts[ci]:
                args = []
                for oi, other in enumerate(self.classes):
                    pick = [rng.choice(insts[oi]) for _ in range(1 + self.r(3))]
                    args.append('std::vector<Ref<fz::%s>>{%s}' % (other['name'], ', '.join(pick)))
                L.append('  log.template call<&fz::%s::setup>("%s.setup", %s, %s);' % (
                    cls['name'], var, var, ', '.join(args)))
        for step in range(12 + self.r(14)):
            ci = self.r(len(self.classes))
            cls = self.classes[ci]
            m = rng.choice(cls['methods'])
            var = rng.choice(insts[ci])
            fuel = rng.choice([0, 1, 1, 2, 2, 2, 3])
            args = ['%du' % fuel]
            for pn, pt, _ in m['params']:
                args.append(self.make(pt, '%dULL' % self.r(100000)))
            if m['refp']:
                oi = int(m['refp'][1][1:])
                args.append(rng.choice(insts[oi]))
            L.append('  log.template call<&fz::%s::%s>("%d %s.%s", %s, %s);' % (
                cls['name'], m['name'], step, var, m['name'], var, ', '.join(args)))
        if self.feat['concurrent']:
            # Started together on LocalRuntime, one after another elsewhere.
            for _ in range(6 + self.crng.randrange(12)):
                ci = self.crng.randrange(len(self.classes))
                var = self.crng.choice(insts[ci])
                L.append('  log.template spawn<&fz::%s::bump>(%s, %du, %dULL);' % (
                    self.classes[ci]['name'], var, self.crng.randrange(4), self.crng.randrange(1000)))
            L.append('  log.join();')
        L.append('}')
        L.append('')
        L.append('int main(int argc, char **argv) {')
        L.append('  return fz_harness::run(argc, argv, [](auto &world, auto &log) { program(world, log); });')
        L.append('}')
        return '\n'.join(L) + '\n'


def parse_flags(enable, disable):
    pos, feat = dict(POSITIONS), dict(FEATURES)
    for spec, val in ((enable, True), (disable, False)):
        for name in filter(None, (spec or '').split(',')):
            if name == 'all':
                for k in pos:
                    pos[k] = val
                continue
            if name in pos:
                pos[name] = val
            elif name in feat:
                feat[name] = val
            else:
                sys.exit('gen_program.py: unknown position or feature %r' % name)
    return pos, feat


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('seed', type=int, nargs='?')
    ap.add_argument('outdir', nargs='?')
    ap.add_argument('--enable', default='')
    ap.add_argument('--disable', default='')
    ap.add_argument('--list', action='store_true', help='list positions and features')
    a = ap.parse_args()
    if a.list:
        for k, v in list(POSITIONS.items()) + list(FEATURES.items()):
            print('%-14s %s' % (k, 'on' if v else 'off'))
        return
    if a.seed is None or a.outdir is None:
        ap.error('SEED and OUTDIR are required')
    pos, feat = parse_flags(a.enable, a.disable)
    header, main_cpp = Gen(a.seed, pos, feat).program()
    os.makedirs(a.outdir, exist_ok=True)
    with open(os.path.join(a.outdir, 'prog.h'), 'w') as f:
        f.write(header)
    with open(os.path.join(a.outdir, 'main.cpp'), 'w') as f:
        f.write(main_cpp)


if __name__ == '__main__':
    main()
