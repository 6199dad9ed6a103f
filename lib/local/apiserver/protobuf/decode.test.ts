/**
 * The protobuf request decoder against bodies laid out as client-go's generated marshalers
 * write them: every non-pointer scalar present even when zero, maps as repeated key/value
 * entries, the object wrapped in `k8s\0` + runtime.Unknown.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../types';
import { decodeProtobufObject } from './decode';

/** Minimal encoder for the test bodies (varint, length-delimited). */
const varint = (v: bigint): number[] => {
  let x = BigInt.asUintN(64, v);
  const out: number[] = [];
  while (x >= 0x80n) {
    out.push(Number((x & 0x7fn) | 0x80n));
    x >>= 7n;
  }
  out.push(Number(x));
  return out;
};
const bytesField = (n: number, b: Uint8Array | number[]): number[] => [
  ...varint(BigInt(n * 8 + 2)),
  ...varint(BigInt(b.length)),
  ...b,
];
const str = (n: number, s: string): number[] => bytesField(n, [...Buffer.from(s, 'utf8')]);
const int = (n: number, v: number): number[] => [...varint(BigInt(n * 8)), ...varint(BigInt(v))];
const mapEntry = (n: number, k: string, v: string | Uint8Array): number[] =>
  bytesField(n, [...str(1, k), ...(typeof v === 'string' ? str(2, v) : bytesField(2, v))]);
const envelope = (apiVersion: string, kind: string, raw: number[]): Buffer =>
  Buffer.from([
    0x6b,
    0x38,
    0x73,
    0x00,
    ...bytesField(1, [...str(1, apiVersion), ...str(2, kind)]),
    ...bytesField(2, raw),
    ...str(3, ''),
    ...str(4, ''),
  ]);

/** ObjectMeta as gogo writes it for a client-built object: zero fields included. */
const objectMeta = (name: string, namespace: string, extra: number[] = []): number[] => [
  ...str(1, name),
  ...str(2, ''),
  ...str(3, namespace),
  ...str(4, ''),
  ...str(5, ''),
  ...str(6, ''),
  ...int(7, 0),
  ...bytesField(8, []),
  ...extra,
];

const refusal = (fn: () => unknown): ApiError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('decodeProtobufObject', () => {
  it('decodes a TLS Secret: bytes map values become base64, zero metadata fields are unset', () => {
    const cert = Buffer.from('-----BEGIN CERTIFICATE-----\nabc\n');
    const raw = [
      ...bytesField(1, objectMeta('myexample-credential', 'istio-system')),
      ...mapEntry(2, 'tls.crt', cert),
      ...mapEntry(2, 'tls.key', new Uint8Array([0, 1, 255])),
      ...str(3, 'kubernetes.io/tls'),
    ];
    expect(decodeProtobufObject(envelope('v1', 'Secret', raw))).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'myexample-credential', namespace: 'istio-system' },
      data: { 'tls.crt': cert.toString('base64'), 'tls.key': 'AAH/' },
      type: 'kubernetes.io/tls',
    });
  });

  it('keeps a pointer bool that is false, labels, and a set creation time', () => {
    const meta = objectMeta('cm', 'default').slice(0, -2); // drop the empty creationTimestamp
    const raw = [
      ...bytesField(1, [...meta, ...bytesField(8, int(1, 1_700_000_000)), ...mapEntry(11, 'app', 'web')]),
      ...mapEntry(2, 'a', 'b'),
      ...mapEntry(2, 'c', ''),
      ...int(4, 0),
    ];
    expect(decodeProtobufObject(envelope('v1', 'ConfigMap', raw))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', namespace: 'default', creationTimestamp: '2023-11-14T22:13:20Z', labels: { app: 'web' } },
      data: { a: 'b', c: '' },
      immutable: false,
    });
  });

  it('decodes a Service: repeated ports, int-or-string target ports, empty spec and status messages kept', () => {
    const port = (name: string, p: number, target: number[]): number[] =>
      bytesField(1, [...str(1, name), ...str(2, 'TCP'), ...int(3, p), ...bytesField(4, target), ...int(5, 0)]);
    const spec = [
      ...port('http', 80, [...int(1, 0), ...int(2, 8080), ...str(3, '')]),
      ...port('https', 443, [...int(1, 1), ...int(2, 0), ...str(3, 'https')]),
      ...port('none', 9000, [...int(1, 0), ...int(2, 0), ...str(3, '')]),
      ...mapEntry(2, 'app', 'web'),
      ...str(3, ''),
      ...str(4, 'ClusterIP'),
      ...int(12, 0),
      ...int(13, 0),
    ];
    const raw = [...bytesField(1, objectMeta('web', '')), ...bytesField(2, spec), ...bytesField(3, bytesField(1, []))];
    expect(decodeProtobufObject(envelope('v1', 'Service', raw))).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        ports: [
          { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
          { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https' },
          { name: 'none', protocol: 'TCP', port: 9000 },
        ],
        selector: { app: 'web' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    });
  });

  it('sign-extends negative varints (ten-byte int64)', () => {
    const raw = [...bytesField(1, [...objectMeta('x', 'default'), ...int(10, -1)])];
    const obj = decodeProtobufObject(envelope('v1', 'Secret', raw));
    expect(obj.metadata).toEqual({ name: 'x', namespace: 'default', deletionGracePeriodSeconds: -1 });
  });

  it('refuses a field it does not know (415) rather than dropping data', () => {
    const raw = [...bytesField(1, objectMeta('x', 'default')), ...str(99, 'surprise')];
    const e = refusal(() => decodeProtobufObject(envelope('v1', 'Secret', raw)));
    expect(e.code).toBe(415);
    expect(e.reason).toBe('UnsupportedMediaType');
    expect(e.message).toContain('field 99 of Secret');
  });

  it('refuses a kind it has no message for with 415', () => {
    const e = refusal(() => decodeProtobufObject(envelope('apps/v1', 'Deployment', [])));
    expect(e.code).toBe(415);
    expect(e.message).toContain('apps/v1, Kind=Deployment');
  });

  it('answers 400 for a missing prefix or a truncated message', () => {
    expect(refusal(() => decodeProtobufObject(Buffer.from('{"kind":"Secret"}'))).code).toBe(400);
    const body = envelope('v1', 'Secret', objectMeta('x', 'default'));
    const e = refusal(() => decodeProtobufObject(body.subarray(0, body.length - 8)));
    expect(e.code).toBe(400);
    expect(e.message).toMatch(/^error decoding protobuf body: /);
  });
});
