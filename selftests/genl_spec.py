#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn the netlink specs into what the guest's tests expect of the kernel.

Usage: genl_spec.py [--privileges TABLE.md] SPEC.yaml... > genl_spec.txt

The guest has no PyYAML, so this runs on the host when the selftests are
built; genl_spec_test and genl_priv_test read its output. For every op, do
and dump, it lists the request attributes with the policy the kernel must
dump for them (CTRL_CMD_GETPOLICY), read as the kernel's ynl-gen-c.py
reads a spec:
  - an integer's range is its checks' min/max, else its enum's values, else
    the whole type; a flags enum (or flags-mask) is a mask instead;
  - a string is NLA_NUL_STRING (NLA_STRING with unterminated-ok), max-len
    its longest length without the NUL; exact-len makes it binary;
  - a binary's exact-len is min and max length, max-len / min-len one each;
  - a nest is nested, its set's attributes listed as a nested policy.

Lines (one word or key=value per field; numbers in decimal):
  family NAME
  op NAME CMD do|dump PRIV set=SET        PRIV: none, admin, uns-admin
  attr NUM NAME TYPE [umin= umax=] [smin= smax=] [mask=] [minlen=] [maxlen=]
       [nest=SET]                          (request attributes of the op above)
  volatile NUM                             a reply attribute of the op's set
                                           that changes on its own (u64
                                           counters, nests, ages)
  nest SET                                 a nested set, then its attr lines
  name SET NUM NAME                        every attribute of every set
  doc OP do|dump PRIV                      a row of the privilege table
"""
import re
import sys

import yaml

UMAX = {'u8': 0xff, 'u16': 0xffff, 'u32': 0xffffffff, 'u64': (1 << 64) - 1,
        'uint': (1 << 64) - 1}
SRANGE = {'s8': 7, 's16': 15, 's32': 31, 's64': 63, 'sint': 63}
VOLATILE_NAMES = {'age', 'expires', 'learned'}


def die(msg):
    sys.exit(f'genl_spec.py: {msg}')


def numbered(items, first=1):
    """(value, item) in spec order: explicit values restart the count."""
    n = first
    for it in items:
        if isinstance(it, dict) and 'value' in it:
            n = it['value']
        yield n, it
        n += 1


class Family:
    def __init__(self, spec):
        self.spec = spec
        self.name = spec['name']
        self.consts = {d['name']: d for d in spec.get('definitions', [])}
        self.sets = {}
        for aset in spec.get('attribute-sets', []):
            attrs = {}
            for num, a in numbered(aset['attributes']):
                attrs[a['name']] = (num, a)
            self.sets[aset['name']] = attrs

    def limit(self, v):
        if isinstance(v, int):
            return v
        if v in self.consts:
            return self.consts[v]['value']
        m = re.fullmatch(r'([us])(8|16|32|64)-(min|max)', v)
        if not m:
            die(f'{self.name}: unknown limit {v}')
        width = int(m.group(2)) - (m.group(1) == 's')
        if m.group(3) == 'min':
            return 0 if m.group(1) == 'u' else -(1 << width)
        return (1 << width) - 1

    def enum_values(self, name):
        d = self.consts[name]
        start = d.get('value-start', 0)
        vals = []
        for i, e in enumerate(d['entries']):
            if isinstance(e, dict) and 'value' in e:
                v = e['value']
            elif d['type'] == 'flags':
                v = 1 << (start + i)
            else:
                v = start + i
            vals.append(v)
        return d['type'], vals

    def policy(self, a, nests):
        """The fields of an attr line after NUM NAME."""
        t = a['type']
        checks = dict(a.get('checks', {}))
        lim = {k: self.limit(v) for k, v in checks.items()
               if k in ('min', 'max', 'min-len', 'max-len', 'exact-len')}
        if t in UMAX or t in SRANGE:
            mask = None
            if 'flags-mask' in checks:
                _, vals = self.enum_values(checks['flags-mask'])
                mask = (1 << len(vals)) - 1
            elif 'enum' in a:
                kind, vals = self.enum_values(a['enum'])
                if kind == 'flags' or a.get('enum-as-flags'):
                    mask = 0
                    for v in vals:
                        mask |= v if kind == 'flags' else 1 << v
                else:
                    if 'min' not in lim and (min(vals) != 0 or t[0] == 's'):
                        lim['min'] = min(vals)
                    lim.setdefault('max', max(vals))
            if mask is not None:
                return [t, f'mask={mask}']
            if t in UMAX:
                return [t, f'umin={lim.get("min", 0)}', f'umax={lim.get("max", UMAX[t])}']
            w = SRANGE[t]
            return [t, f'smin={lim.get("min", -(1 << w))}', f'smax={lim.get("max", (1 << w) - 1)}']
        if t == 'string':
            if 'exact-len' in lim:
                n = lim['exact-len']
                return ['binary', f'minlen={n}', f'maxlen={n}']
            out = ['string' if checks.get('unterminated-ok') else 'nul-string']
            if 'max-len' in lim:
                out.append(f'maxlen={lim["max-len"]}')
            return out
        if t == 'binary':
            out = ['binary']
            if 'exact-len' in lim:
                lim['min-len'] = lim['max-len'] = lim['exact-len']
            if lim.get('min-len'):
                out.append(f'minlen={lim["min-len"]}')
            if 'max-len' in lim:
                out.append(f'maxlen={lim["max-len"]}')
            return out
        if t == 'flag':
            return ['flag']
        if t == 'bitfield32':
            _, vals = self.enum_values(a['enum'])
            mask = 0
            for v in vals:
                mask |= v
            return ['bitfield32', f'mask={mask}']
        if t == 'nest':
            nests.add(a['nested-attributes'])
            return ['nested', f'nest={a["nested-attributes"]}']
        die(f'{self.name}: attribute {a["name"]} of type {t} is not covered')

    def lines(self, privs):
        out = [f'family {self.name}']
        for sname, attrs in self.sets.items():
            for name, (num, _) in attrs.items():
                out.append(f'name {sname} {num} {name}')
        nests = set()
        ops = self.spec.get('operations', {}).get('list', [])
        for cmd, op in numbered(ops):
            flags = op.get('flags', [])
            priv = 'uns-admin' if 'uns-admin-perm' in flags else \
                'admin' if 'admin-perm' in flags else 'none'
            aset = op.get('attribute-set')
            for kind in ('do', 'dump'):
                if kind not in op:
                    continue
                out.append(f'op {op["name"]} {cmd} {kind} {priv} set={aset}')
                req = (op[kind] or {}).get('request') or {}
                for name in req.get('attributes', []):
                    if name not in self.sets[aset]:
                        die(f'{self.name}: {op["name"]} requests {name}, not in {aset}')
                    num, a = self.sets[aset][name]
                    out.append(' '.join(['attr', str(num), name] + self.policy(a, nests)))
                reply = (op[kind] or {}).get('reply') or {}
                for name in reply.get('attributes', []):
                    num, a = self.sets[aset][name]
                    if a['type'] in ('u64', 'uint', 'nest') or name in VOLATILE_NAMES:
                        out.append(f'volatile {num}')
        done = set()
        while nests - done:
            s = sorted(nests - done)[0]
            done.add(s)
            out.append(f'nest {s}')
            for name, (num, a) in self.sets[s].items():
                if a['type'] == 'pad':
                    continue
                out.append(' '.join(['attr', str(num), name] + self.policy(a, nests)))
        for op, kind, priv in privs.get(self.name, []):
            out.append(f'doc {op} {kind} {priv}')
        return out


def read_privileges(path):
    """Rows of the table: | family | op | do, dump | needs | flag |"""
    rows = {}
    words = {'none': 'none', 'CAP_NET_ADMIN': 'admin',
             'CAP_NET_ADMIN (netns owner)': 'uns-admin'}
    with open(path, encoding='utf-8') as f:
        for line in f:
            cells = [c.strip().strip('`') for c in line.strip().strip('|').split('|')]
            if len(cells) != 5 or cells[0] in ('family', '') or cells[0].startswith('-'):
                continue
            fam, op, kinds, needs, _ = cells
            if needs not in words:
                die(f'{path}: {fam} {op}: unknown privilege "{needs}"')
            for kind in re.split(r'[ ,]+', kinds):
                rows.setdefault(fam, []).append((op, kind, words[needs]))
    return rows


def main(argv):
    privs = {}
    if len(argv) > 2 and argv[1] == '--privileges':
        privs = read_privileges(argv[2])
        argv = argv[2:]
    out = ['# generated by selftests/genl_spec.py from the netlink specs; do not edit']
    for path in argv[1:]:
        with open(path, encoding='utf-8') as f:
            spec = yaml.safe_load(f)
        if spec.get('protocol') != 'genetlink':
            continue
        out += Family(spec).lines(privs)
        privs.pop(spec['name'], None)
    if privs:
        die(f'the privilege table names families without a spec: {" ".join(privs)}')
    print('\n'.join(out))


if __name__ == '__main__':
    main(sys.argv)
