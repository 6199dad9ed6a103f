/**
 * Result types of the functions a CRD rule may call: the CEL standard library plus the
 * Kubernetes CEL libraries (strings ext, lists, regex, url, ip, cidr, format, optional, sets),
 * used by the checker to refuse calls kube-apiserver would refuse at CRD creation.
 */
import { BOOL, BYTES, DOUBLE, DURATION, DYN, INT, STRING, TIMESTAMP, TYPE, UINT, listOf, opaque, type CelT } from './types';

/** `undefined` = no overload for these argument types. */
type Sig = (target: CelT | undefined, args: CelT[]) => CelT | undefined;

const isDyn = (t: CelT | undefined): boolean => t?.k === 'dyn';
const is = (t: CelT | undefined, n: string): boolean =>
  t !== undefined && (isDyn(t) || (t.k === 'prim' && t.n === n) || (t.k === 'opaque' && t.n === n));
const isList = (t: CelT | undefined): boolean => t !== undefined && (isDyn(t) || t.k === 'list');
const elem = (t: CelT | undefined): CelT => (t?.k === 'list' ? t.e : DYN);

/** A method on `recv` with the given argument predicates. */
const method =
  (recv: (t: CelT | undefined) => boolean, args: Array<(t: CelT) => boolean>, res: CelT | ((t: CelT | undefined) => CelT)): Sig =>
  (target, a) =>
    target !== undefined && recv(target) && a.length === args.length && args.every((p, i) => p(a[i] as CelT))
      ? typeof res === 'function'
        ? res(target)
        : res
      : undefined;
/** A global function. */
const fn =
  (args: Array<(t: CelT) => boolean>, res: CelT | ((a: CelT[]) => CelT)): Sig =>
  (target, a) =>
    target === undefined && a.length === args.length && args.every((p, i) => p(a[i] as CelT))
      ? typeof res === 'function'
        ? res(a)
        : res
      : undefined;

const str = (t: CelT): boolean => is(t, 'string');
const int = (t: CelT): boolean => is(t, 'int');
const any = (): boolean => true;
const strRecv = (t: CelT | undefined): boolean => is(t, 'string');
const sized = (t: CelT | undefined): boolean =>
  t !== undefined && (isDyn(t) || t.k === 'list' || t.k === 'map' || (t.k === 'prim' && (t.n === 'string' || t.n === 'bytes')));
const timeLike = (t: CelT | undefined): boolean => is(t, 'timestamp') || is(t, 'duration');

const TIME_GETTERS = [
  'getDate',
  'getDayOfMonth',
  'getDayOfWeek',
  'getDayOfYear',
  'getFullYear',
  'getHours',
  'getMilliseconds',
  'getMinutes',
  'getMonth',
  'getSeconds',
];
const FORMATS = [
  'dns1123Label',
  'dns1123Subdomain',
  'dns1035Label',
  'qualifiedName',
  'dns1123LabelPrefix',
  'dns1123SubdomainPrefix',
  'dns1035LabelPrefix',
  'labelValue',
  'uri',
  'uuid',
  'byte',
  'date',
  'datetime',
];

/** Function name → overloads. Qualified names (`format.dns1123Label`, `optional.of`) are listed whole. */
export const SIGNATURES: Record<string, Sig[]> = {
  size: [fn([(t) => sized(t)], INT), method(sized, [], INT)],
  matches: [method(strRecv, [str], BOOL), fn([str, str], BOOL)],
  startsWith: [method(strRecv, [str], BOOL)],
  endsWith: [method(strRecv, [str], BOOL)],
  contains: [method(strRecv, [str], BOOL)],
  int: [fn([any], INT)],
  uint: [fn([any], UINT)],
  double: [fn([any], DOUBLE)],
  string: [fn([any], STRING)],
  bytes: [fn([any], BYTES)],
  bool: [fn([any], BOOL)],
  dyn: [fn([any], DYN)],
  type: [fn([any], TYPE)],
  duration: [fn([str], DURATION)],
  timestamp: [fn([str], TIMESTAMP)],
  ...Object.fromEntries(TIME_GETTERS.map((g) => [g, [method(timeLike, [], INT), method(timeLike, [str], INT)]])),
  // strings extension (cel-go ext.Strings, as enabled in kube)
  charAt: [method(strRecv, [int], STRING)],
  indexOf: [method(strRecv, [str], INT), method(strRecv, [str, int], INT), method(isList, [any], INT)],
  lastIndexOf: [method(strRecv, [str], INT), method(strRecv, [str, int], INT), method(isList, [any], INT)],
  lowerAscii: [method(strRecv, [], STRING)],
  upperAscii: [method(strRecv, [], STRING)],
  replace: [method(strRecv, [str, str], STRING), method(strRecv, [str, str, int], STRING)],
  split: [method(strRecv, [str], listOf(STRING)), method(strRecv, [str, int], listOf(STRING))],
  substring: [method(strRecv, [int], STRING), method(strRecv, [int, int], STRING)],
  trim: [method(strRecv, [], STRING)],
  join: [method(isList, [], STRING), method(isList, [str], STRING)],
  reverse: [method(strRecv, [], STRING)],
  format: [method(strRecv, [(t) => isList(t)], STRING)],
  'strings.quote': [fn([str], STRING)],
  // kube lists library
  isSorted: [method(isList, [], BOOL)],
  sum: [method(isList, [], (t) => elem(t))],
  min: [method(isList, [], (t) => elem(t))],
  max: [method(isList, [], (t) => elem(t))],
  // kube regex library
  find: [method(strRecv, [str], STRING)],
  findAll: [method(strRecv, [str], listOf(STRING)), method(strRecv, [str, int], listOf(STRING))],
  // kube url library
  url: [fn([str], opaque('url'))],
  isURL: [fn([str], BOOL)],
  getScheme: [method((t) => is(t, 'url'), [], STRING)],
  getHost: [method((t) => is(t, 'url'), [], STRING)],
  getHostname: [method((t) => is(t, 'url'), [], STRING)],
  getPort: [method((t) => is(t, 'url'), [], STRING)],
  getEscapedPath: [method((t) => is(t, 'url'), [], STRING)],
  // kube ip / cidr libraries
  isIP: [fn([str], BOOL)],
  ip: [fn([str], opaque('ip')), method((t) => is(t, 'cidr'), [], opaque('ip'))],
  'ip.isCanonical': [fn([str], BOOL)],
  family: [method((t) => is(t, 'ip'), [], INT)],
  isUnspecified: [method((t) => is(t, 'ip'), [], BOOL)],
  isLoopback: [method((t) => is(t, 'ip'), [], BOOL)],
  isLinkLocalMulticast: [method((t) => is(t, 'ip'), [], BOOL)],
  isLinkLocalUnicast: [method((t) => is(t, 'ip'), [], BOOL)],
  isGlobalUnicast: [method((t) => is(t, 'ip'), [], BOOL)],
  isCIDR: [fn([str], BOOL)],
  cidr: [fn([str], opaque('cidr'))],
  containsIP: [method((t) => is(t, 'cidr'), [(t) => str(t) || is(t, 'ip')], BOOL)],
  containsCIDR: [method((t) => is(t, 'cidr'), [(t) => str(t) || is(t, 'cidr')], BOOL)],
  prefixLength: [method((t) => is(t, 'cidr'), [], INT)],
  masked: [method((t) => is(t, 'cidr'), [], opaque('cidr'))],
  // kube format library
  ...Object.fromEntries(FORMATS.map((f) => [`format.${f}`, [fn([], opaque('format'))]])),
  'format.named': [fn([str], opaque('optional', opaque('format')))],
  validate: [method((t) => is(t, 'format'), [str], opaque('optional', listOf(STRING)))],
  // optional types
  'optional.of': [fn([any], (a) => opaque('optional', a[0]))],
  'optional.ofNonZeroValue': [fn([any], (a) => opaque('optional', a[0]))],
  'optional.none': [fn([], opaque('optional'))],
  hasValue: [method((t) => is(t, 'optional'), [], BOOL)],
  value: [
    method(
      (t) => is(t, 'optional'),
      [],
      (t) => (t?.k === 'opaque' && t.of) || DYN,
    ),
  ],
  orValue: [
    method(
      (t) => is(t, 'optional'),
      [any],
      (t) => (t?.k === 'opaque' && t.of) || DYN,
    ),
  ],
  // sets extension
  'sets.contains': [fn([isList, isList], BOOL)],
  'sets.equivalent': [fn([isList, isList], BOOL)],
  'sets.intersects': [fn([isList, isList], BOOL)],
};
