import { describe, expect, it } from 'vitest';
import { canonicalIp } from './address-ranges';
import { guardRequest, guardTarget, type GuardPolicy } from './guard';
import { resolveAndGuard, resolveOnce, type LookupFn } from './resolve';

const policy: GuardPolicy = { addresses: new Set(['47.95.0.10', '2001:db8::10']), allowLoopback: true, consolePorts: [3000] };
const reasonOf = (r: ReturnType<typeof guardTarget>): string => (r.ok ? '' : r.reason);

describe('guardTarget', () => {
  it('allows the resolved Gateway addresses and loopback for the local cluster', () => {
    expect(guardTarget('47.95.0.10', 80, policy)).toEqual({ ok: true });
    expect(guardTarget('2001:DB8:0::10', 443, policy)).toEqual({ ok: true });
    expect(guardTarget('127.0.0.1', 10080, policy)).toEqual({ ok: true });
    expect(guardTarget('[::1]', 10443, policy)).toEqual({ ok: true });
  });

  it.each([
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'], // Alibaba Cloud ECS metadata
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'], // IPv4-mapped form of the same address
    ['169.254.1.1', 'link-local'],
    ['169.254.255.255', 'link-local'],
    ['fe80::1', 'link-local'],
    ['febf::ffff', 'link-local'], // last block of fe80::/10
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
  ])('%s is refused (%s) even when listed as allowed', (addr, kind) => {
    const r = guardTarget(addr, 80, { ...policy, addresses: new Set([addr]) });
    expect(r.ok).toBe(false);
    expect(reasonOf(r)).toContain(kind === 'unspecified' ? 'unspecified' : kind);
  });

  it("refuses the console's own port on loopback, and loopback when not the local cluster", () => {
    expect(reasonOf(guardTarget('127.0.0.1', 3000, policy))).toContain('the console itself');
    expect(reasonOf(guardTarget('127.0.0.2', 3000, policy))).toContain('the console itself');
    expect(reasonOf(guardTarget('127.0.0.1', 80, { ...policy, allowLoopback: false }))).toContain('loopback');
  });

  it('refuses anything not resolved for a Gateway, names, bad ports', () => {
    expect(reasonOf(guardTarget('10.0.0.99', 80, policy))).toContain('not an address of a Gateway');
    expect(reasonOf(guardTarget('example.com', 80, policy))).toContain('not an IP address');
    expect(reasonOf(guardTarget('47.95.0.10', 0, policy))).toContain('not a TCP port');
    expect(reasonOf(guardTarget('47.95.0.10', 70000, policy))).toContain('not a TCP port');
    expect(guardTarget('47.95.0.10\r\n', 80, policy).ok).toBe(false);
  });

  it('canonicalIp makes equal addresses compare equal', () => {
    expect(canonicalIp('[0:0:0:0:0:0:0:1]')).toBe('::1');
    expect(canonicalIp('::FFFF:10.0.0.1')).toBe('10.0.0.1');
    expect(canonicalIp('fe80::1%eth0')).toBe('fe80::1');
  });
});

describe('guardRequest (header injection)', () => {
  const ok = { method: 'GET', path: '/get', host: 'httpbin.aliyun.com', headers: { 'x-a': '1' } };
  it('accepts an ordinary request', () => expect(guardRequest(ok)).toEqual({ ok: true }));
  it.each([
    ['header value', { ...ok, headers: { 'x-a': '1\r\nX-Injected: yes' } }],
    ['header value LF', { ...ok, headers: { 'x-a': '1\nX-Injected: yes' } }],
    ['header value NUL', { ...ok, headers: { 'x-a': 'a\0b' } }],
    ['header name', { ...ok, headers: { 'x-a\r\nx-b': '1' } }],
    ['method', { ...ok, method: 'GET /x HTTP/1.1\r\nHost: evil\r\n\r\nGET' }],
    ['path', { ...ok, path: '/get HTTP/1.1\r\nHost: evil' }],
    ['path NUL', { ...ok, path: '/get\0' }],
    ['host', { ...ok, host: 'a.aliyun.com\r\nX-Evil: 1' }],
    ['sni', { ...ok, sni: 'a\nb' }],
    ['path with spaces', { ...ok, path: '/a b' }],
    ['relative path', { ...ok, path: 'get' }],
    ['Host as a header', { ...ok, headers: { Host: 'evil.example' } }],
    ['oversized headers', { ...ok, headers: { 'x-big': 'a'.repeat(20_000) } }],
  ])('refuses CR/LF/NUL or malformed %s', (_name, req) => {
    expect(guardRequest(req).ok).toBe(false);
  });
});

describe('resolve once (no DNS rebinding)', () => {
  it('an IP literal is not looked up and costs 0 ms', async () => {
    let calls = 0;
    const lookup: LookupFn = async () => {
      calls++;
      return { address: '1.1.1.1', family: 4 };
    };
    expect(await resolveOnce('127.0.0.1', lookup)).toEqual({ address: '127.0.0.1', family: 4, dnsMs: 0 });
    expect(calls).toBe(0);
  });

  it('a rebinding name (first a Gateway IP, then metadata) is looked up once and the first answer is used', async () => {
    const answers = ['47.95.0.10', '169.254.169.254'];
    let calls = 0;
    const lookup: LookupFn = async () => ({ address: answers[calls++] ?? '169.254.169.254', family: 4 });
    const r = await resolveAndGuard('rebind.attacker.example', 80, policy, lookup);
    expect(r).toMatchObject({ ok: true, address: '47.95.0.10' });
    expect(calls).toBe(1);
  });

  it('a name resolving to metadata or an unknown address is refused with the reason', async () => {
    const meta: LookupFn = async () => ({ address: '100.100.100.200', family: 4 });
    expect(await resolveAndGuard('metadata.example', 80, policy, meta)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('metadata'),
    });
    const fail: LookupFn = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await resolveAndGuard('nowhere.invalid', 80, policy, fail)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot resolve'),
    });
    expect(await resolveAndGuard('a b', 80, policy, meta)).toMatchObject({ ok: false });
  });

  it('the system resolver resolves localhost once to a loopback address', async () => {
    const r = await resolveOnce('localhost');
    expect(['127.0.0.1', '::1']).toContain(r.address);
  });
});
