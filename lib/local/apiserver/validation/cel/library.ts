/**
 * Runtime implementations of the Kubernetes CEL libraries CRD rules may call
 * (k8s.io/apiserver/pkg/cel/library: lists, regex, urls, ip, cidr, format; cel-go optional types and sets),
 * for @bufbuild/cel. Values of the libraries' own types (IP, CIDR, URL, format, optional) are carried as
 * maps tagged with an `@kind` key so they flow through @bufbuild/cel unchanged.
 */
import {
  CelScalar,
  celFunc,
  celList,
  celMap,
  celMethod,
  isCelList,
  isCelMap,
  listType,
  mapType,
  type CelFunc,
  type CelList,
  type CelValue,
} from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { cidrContains, formatIP, parseCIDR, parseIP, type ParsedCIDR, type ParsedIP } from '../net';
import { re2 } from '../regex';
import { KUBE_FORMATS } from './kube-formats';

const { STRING, BOOL, INT, DYN } = CelScalar;
const LIST = listType(DYN);
const MAP = mapType(DYN, DYN);

const tagged = (kind: string, fields: Array<[string, CelValue]>): CelValue =>
  celMap(new Map<string, CelValue>([['@kind', kind], ...fields]));
const kindOf = (v: CelValue): string | undefined => (isCelMap(v) ? (v.get('@kind') as string | undefined) : undefined);
const field = (v: CelValue, k: string): CelValue | undefined => (isCelMap(v) ? v.get(k) : undefined);

/** An optional value, as `optional.of(v)` / `optional.none()` produce. */
export const optionalOf = (v: CelValue | undefined): CelValue =>
  v === undefined
    ? tagged('optional', [['has', false]])
    : tagged('optional', [
        ['has', true],
        ['value', v],
      ]);

const ipValue = (ip: ParsedIP): CelValue =>
  tagged('ip', [
    ['text', formatIP(ip)],
    ['family', BigInt(ip.family)],
  ]);
const cidrValue = (c: ParsedCIDR): CelValue =>
  tagged('cidr', [
    ['text', `${formatIP(c.ip)}/${c.prefix}`],
    ['ip', ipValue(c.ip)],
    ['prefix', BigInt(c.prefix)],
  ]);
function ipOf(v: CelValue): ParsedIP {
  const text = kindOf(v) === 'ip' ? (field(v, 'text') as string) : (v as string);
  const ip = typeof text === 'string' ? parseIP(text) : undefined;
  if (!ip) throw new Error(`IP Address ${JSON.stringify(text)} parse error during conversion from string`);
  return ip;
}
function cidrOf(v: CelValue): ParsedCIDR {
  const text = kindOf(v) === 'cidr' ? (field(v, 'text') as string) : (v as string);
  const c = typeof text === 'string' ? parseCIDR(text) : undefined;
  if (!c) throw new Error(`network address parse error during conversion from string: ${String(text)}`);
  return c;
}
function mustKind(v: CelValue, kind: string): void {
  if (kindOf(v) !== kind) throw new Error(`no such overload`);
}

function listValues(l: CelValue): CelValue[] {
  return isCelList(l) ? [...(l as CelList)] : [];
}
const same = (a: CelValue, b: CelValue): boolean =>
  a === b ||
  (typeof a === 'bigint' && typeof b === 'number'
    ? Number(a) === b
    : typeof a === 'number' && typeof b === 'bigint'
      ? a === Number(b)
      : false);

const compare = (a: CelValue, b: CelValue): number => {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a as bigint | number);
  const y = Number(b as bigint | number);
  return x < y ? -1 : x > y ? 1 : 0;
};

function ipMethods(): CelFunc[] {
  const m = (name: string, f: (ip: ParsedIP) => CelValue): CelFunc =>
    celMethod(name, MAP, [], DYN, function (this: CelValue) {
      mustKind(this, 'ip');
      return f(ipOf(this)) as never;
    });
  const b = (ip: ParsedIP, i: number): number => ip.bytes[i] ?? 0;
  return [
    m('family', (ip) => BigInt(ip.family)),
    m('isUnspecified', (ip) => ip.bytes.every((x) => x === 0)),
    m('isLoopback', (ip) =>
      ip.family === 4 ? b(ip, 0) === 127 : ip.bytes.slice(0, 15).every((x) => x === 0) && b(ip, 15) === 1,
    ),
    m('isLinkLocalMulticast', (ip) =>
      ip.family === 4 ? b(ip, 0) === 224 && b(ip, 1) === 0 && b(ip, 2) === 0 : b(ip, 0) === 0xff && (b(ip, 1) & 0x0f) === 0x02,
    ),
    m('isLinkLocalUnicast', (ip) =>
      ip.family === 4 ? b(ip, 0) === 169 && b(ip, 1) === 254 : b(ip, 0) === 0xfe && (b(ip, 1) & 0xc0) === 0x80,
    ),
    m('isGlobalUnicast', (ip) => {
      if (ip.family === 4)
        return !(
          b(ip, 0) === 0 ||
          b(ip, 0) === 127 ||
          b(ip, 0) >= 224 ||
          (b(ip, 0) === 169 && b(ip, 1) === 254) ||
          ip.bytes.every((x) => x === 255)
        );
      return !(
        ip.bytes.every((x) => x === 0) ||
        b(ip, 0) === 0xff ||
        (b(ip, 0) === 0xfe && (b(ip, 1) & 0xc0) === 0x80) ||
        (ip.bytes.slice(0, 15).every((x) => x === 0) && b(ip, 15) === 1)
      );
    }),
  ];
}

function cidrMethods(): CelFunc[] {
  const self = (v: CelValue): ParsedCIDR => {
    mustKind(v, 'cidr');
    return cidrOf(v);
  };
  return [
    celMethod('ip', MAP, [], DYN, function (this: CelValue) {
      return ipValue(self(this).ip) as never;
    }),
    celMethod('prefixLength', MAP, [], INT, function (this: CelValue) {
      return BigInt(self(this).prefix);
    }),
    celMethod('containsIP', MAP, [DYN], BOOL, function (this: CelValue, other: CelValue) {
      return cidrContains(self(this), ipOf(other));
    }),
    celMethod('containsCIDR', MAP, [DYN], BOOL, function (this: CelValue, other: CelValue) {
      const outer = self(this);
      const inner = cidrOf(other);
      return inner.prefix >= outer.prefix && cidrContains(outer, inner.ip);
    }),
    celMethod('masked', MAP, [], DYN, function (this: CelValue) {
      const c = self(this);
      const bytes = c.ip.bytes.map((x, i) => {
        const bits = Math.max(0, Math.min(8, c.prefix - i * 8));
        return x & (0xff << (8 - bits)) & 0xff;
      });
      return cidrValue({ ip: { family: c.ip.family, bytes }, prefix: c.prefix }) as never;
    }),
  ];
}

function urlLib(): CelFunc[] {
  const parse = (s: string): URL => {
    try {
      return new URL(s);
    } catch {
      throw new Error(`URL parse error during conversion from string: ${s}`);
    }
  };
  const u = (v: CelValue): URL => {
    mustKind(v, 'url');
    return parse(field(v, 'text') as string);
  };
  const g = (name: string, f: (x: URL) => string): CelFunc =>
    celMethod(name, MAP, [], STRING, function (this: CelValue) {
      return f(u(this));
    });
  return [
    celFunc('url', [STRING], DYN, (s) => {
      parse(s);
      return tagged('url', [['text', s]]) as never;
    }),
    celFunc('isURL', [STRING], BOOL, (s) => {
      try {
        new URL(s);
        return true;
      } catch {
        return false;
      }
    }),
    g('getScheme', (x) => x.protocol.replace(/:$/, '')),
    g('getHost', (x) => x.host),
    g('getHostname', (x) => x.hostname.replace(/^\[|\]$/g, '')),
    g('getPort', (x) => x.port),
    g('getEscapedPath', (x) => x.pathname),
  ];
}

function formatLib(): CelFunc[] {
  const fmt = (name: string): CelValue => tagged('format', [['name', name]]);
  return [
    ...Object.keys(KUBE_FORMATS).map((name) => celFunc(`format.${name}`, [], DYN, () => fmt(name) as never)),
    celFunc('format.named', [STRING], DYN, (name) => optionalOf(KUBE_FORMATS[name] ? fmt(name) : undefined) as never),
    celMethod('validate', MAP, [STRING], DYN, function (this: CelValue, s: string) {
      mustKind(this, 'format');
      const errs = KUBE_FORMATS[field(this, 'name') as string]?.(s) ?? [];
      return optionalOf(errs.length ? celList(errs) : undefined) as never;
    }),
  ];
}

function optionalLib(): CelFunc[] {
  const opt = (v: CelValue): { has: boolean; value: CelValue | undefined } => {
    mustKind(v, 'optional');
    return { has: field(v, 'has') === true, value: field(v, 'value') };
  };
  return [
    celFunc('optional.of', [DYN], DYN, (v) => optionalOf(v) as never),
    celFunc('optional.none', [], DYN, () => optionalOf(undefined) as never),
    celFunc(
      'optional.ofNonZeroValue',
      [DYN],
      DYN,
      (v) =>
        optionalOf(
          v === '' ||
            v === 0n ||
            v === 0 ||
            v === false ||
            v === null ||
            (isCelList(v) && v.size === 0) ||
            (isCelMap(v) && v.size === 0)
            ? undefined
            : v,
        ) as never,
    ),
    celMethod('hasValue', MAP, [], BOOL, function (this: CelValue) {
      return opt(this).has;
    }),
    celMethod('value', MAP, [], DYN, function (this: CelValue) {
      const o = opt(this);
      if (!o.has) throw new Error('optional.none() dereference');
      return o.value as never;
    }),
    celMethod('orValue', MAP, [DYN], DYN, function (this: CelValue, d: CelValue) {
      const o = opt(this);
      return (o.has ? o.value : d) as never;
    }),
  ];
}

function listsLib(): CelFunc[] {
  const num = (l: CelValue[]): CelValue[] => l;
  return [
    celMethod('isSorted', LIST, [], BOOL, function (this: CelValue) {
      const v = listValues(this);
      return v.every((x, i) => i === 0 || compare(v[i - 1] as CelValue, x) <= 0);
    }),
    celMethod('sum', LIST, [], DYN, function (this: CelValue) {
      const v = num(listValues(this));
      return (
        v.length === 0 ? 0n : v.reduce((a, b) => (typeof a === 'bigint' && typeof b === 'bigint' ? a + b : Number(a) + Number(b)))
      ) as never;
    }),
    celMethod('min', LIST, [], DYN, function (this: CelValue) {
      const v = listValues(this);
      if (!v.length) throw new Error('min called on empty list');
      return v.reduce((a, b) => (compare(b, a) < 0 ? b : a)) as never;
    }),
    celMethod('max', LIST, [], DYN, function (this: CelValue) {
      const v = listValues(this);
      if (!v.length) throw new Error('max called on empty list');
      return v.reduce((a, b) => (compare(b, a) > 0 ? b : a)) as never;
    }),
    celMethod('indexOf', LIST, [DYN], INT, function (this: CelValue, x: CelValue) {
      return BigInt(listValues(this).findIndex((y) => same(x, y)));
    }),
    celMethod('lastIndexOf', LIST, [DYN], INT, function (this: CelValue, x: CelValue) {
      const v = listValues(this);
      for (let i = v.length - 1; i >= 0; i--) if (same(x, v[i] as CelValue)) return BigInt(i);
      return -1n;
    }),
    celFunc('sets.contains', [LIST, LIST], BOOL, (a, b) => listValues(b).every((x) => listValues(a).some((y) => same(x, y)))),
    celFunc(
      'sets.equivalent',
      [LIST, LIST],
      BOOL,
      (a, b) =>
        listValues(b).every((x) => listValues(a).some((y) => same(x, y))) &&
        listValues(a).every((x) => listValues(b).some((y) => same(x, y))),
    ),
    celFunc('sets.intersects', [LIST, LIST], BOOL, (a, b) => listValues(a).some((x) => listValues(b).some((y) => same(x, y)))),
  ];
}

function regexLib(): CelFunc[] {
  return [
    celMethod('find', STRING, [STRING], STRING, function (this: string, p: string) {
      return re2(p).exec(this)?.[0] ?? '';
    }),
    celMethod('findAll', STRING, [STRING], LIST, function (this: string, p: string) {
      return [...this.matchAll(new RegExp(re2(p).source, `${re2(p).flags}g`))].map((m) => m[0]);
    }),
    celMethod('findAll', STRING, [STRING, INT], LIST, function (this: string, p: string, n: bigint) {
      const all = [...this.matchAll(new RegExp(re2(p).source, `${re2(p).flags}g`))].map((m) => m[0]);
      return n < 0n ? all : all.slice(0, Number(n));
    }),
  ];
}

/** Every function a CRD rule can call beyond the CEL standard library. */
export const KUBE_CEL_FUNCS: CelFunc[] = [
  ...strings,
  celFunc('isIP', [STRING], BOOL, (s) => parseIP(s) !== undefined),
  celFunc('ip', [STRING], DYN, (s) => ipValue(ipOf(s)) as never),
  celFunc('ip.isCanonical', [STRING], BOOL, (s) => formatIP(ipOf(s)) === s),
  celFunc('isCIDR', [STRING], BOOL, (s) => parseCIDR(s) !== undefined),
  celFunc('cidr', [STRING], DYN, (s) => cidrValue(cidrOf(s)) as never),
  ...ipMethods(),
  ...cidrMethods(),
  ...urlLib(),
  ...formatLib(),
  ...optionalLib(),
  ...listsLib(),
  ...regexLib(),
];
