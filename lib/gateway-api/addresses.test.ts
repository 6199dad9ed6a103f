/**
 * Gateway addresses: ASM binding to a pre-deployed ingress gateway Service,
 * provisioned Gateways, and conflicts between Gateways sharing one address.
 */
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute-status';
import { findCondition } from './conditions';
import { baseSnapshot, gateway, httpListener, service, TEST_CONTROLLER } from './test-builders';
import type { Gateway, GatewayStatus, Snapshot } from './types';

const NOW = '2026-01-01T00:00:00Z';
const ADDR = [{ type: 'Hostname', value: 'istio-ingressgateway.istio-system.svc.cluster.local' }];
const ingress = () => service('istio-system', 'istio-ingressgateway', [80, 443]);

function statuses(
  gws: Gateway[],
  edit?: (s: Snapshot) => void,
  provisioned?: Record<string, string>,
): Record<string, GatewayStatus> {
  const s = baseSnapshot();
  s.gateways.push(...gws);
  edit?.(s);
  return computeStatus(s, { controllerNames: [TEST_CONTROLLER], now: NOW, provisionedAddresses: provisioned }).gateways;
}
const c = (conds: GatewayStatus['conditions'], type: string) => {
  const x = findCondition(conds, type);
  return x && `${x.status}/${x.reason}`;
};

describe('spec.addresses', () => {
  it.each([
    ['Hostname of an existing Service', ADDR, true, 'True/Accepted', 'True/Programmed'],
    ['Hostname of a missing Service', ADDR, false, 'True/Accepted', 'False/AddressNotUsable'],
    [
      'Hostname outside the cluster',
      [{ type: 'Hostname', value: 'lb.example.com' }],
      true,
      'True/Accepted',
      'False/AddressNotUsable',
    ],
    ['IPAddress of the Service', [{ type: 'IPAddress', value: '10.0.0.1' }], true, 'True/Accepted', 'True/Programmed'],
    ['IPAddress nobody has', [{ type: 'IPAddress', value: '10.7.7.7' }], true, 'True/Accepted', 'False/AddressNotUsable'],
    ['NamedAddress', [{ type: 'NamedAddress', value: 'pool-a' }], true, 'False/UnsupportedAddress', 'False/Invalid'],
  ])('%s', (_, addresses, withService, acc, prog) => {
    const st = statuses([gateway('istio-system', 'gw', [httpListener('web', 80)], { addresses })], (s) => {
      if (withService) s.services.push(ingress());
    })['istio-system/gw'];
    expect(c(st?.conditions, 'Accepted')).toBe(acc);
    expect(c(st?.conditions, 'Programmed')).toBe(prog);
  });

  it('names the missing ingress gateway Service', () => {
    const st = statuses([gateway('istio-system', 'gw', [httpListener('web', 80)], { addresses: ADDR })])['istio-system/gw'];
    expect(findCondition(st?.conditions, 'Programmed')?.message).toContain(
      'ingress gateway Service istio-system/istio-ingressgateway',
    );
    expect(c(st?.listeners?.[0]?.conditions, 'Programmed')).toBe('False/Pending');
  });

  it('reports the cluster IP when the Service has no load balancer address', () => {
    const st = statuses([gateway('istio-system', 'gw', [httpListener('web', 80)], { addresses: ADDR })], (s) =>
      s.services.push(ingress()),
    )['istio-system/gw'];
    expect(st?.addresses).toEqual([{ type: 'IPAddress', value: '10.0.0.1' }]);
  });

  it('a listener on a port the ingress gateway does not expose is not programmed, the others are', () => {
    const st = statuses(
      [gateway('istio-system', 'gw', [httpListener('web', 80), httpListener('alt', 8080)], { addresses: ADDR })],
      (s) => s.services.push(ingress()),
    )['istio-system/gw'];
    expect(st?.listeners?.map((l) => c(l.conditions, 'Programmed'))).toEqual(['True/Programmed', 'False/Pending']);
    expect(findCondition(st?.listeners?.[1]?.conditions, 'Programmed')?.message).toContain(
      'open port 8080 on the ingress gateway first',
    );
    expect(c(st?.conditions, 'Programmed')).toBe('True/Programmed');
  });
});

describe('provisioned Gateways (no spec.addresses)', () => {
  it.each([
    [{ 'infra/gw': '127.0.0.1' }, 'True/Programmed', [{ type: 'IPAddress', value: '127.0.0.1' }]],
    [undefined, 'False/AddressNotAssigned', []],
  ])('provisioned %j', (provisioned, prog, addresses) => {
    const st = statuses([gateway('infra', 'gw', [httpListener('web', 80)])], undefined, provisioned)['infra/gw'];
    expect(c(st?.conditions, 'Programmed')).toBe(prog);
    expect(st?.addresses).toEqual(addresses);
  });
});

describe('several Gateways on one ingress gateway (ASM reuse)', () => {
  const older = (ls = [httpListener('web', 80, 'a.io')]) =>
    gateway('istio-system', 'older', ls, { addresses: ADDR }, '2026-01-01T00:00:00Z');
  const newer = (ls = [httpListener('web', 80, 'a.io')]) =>
    gateway('apps', 'newer', ls, { addresses: ADDR }, '2026-01-02T00:00:00Z');
  const run = (gws: Gateway[]) => statuses(gws, (s) => s.services.push(ingress()));

  it.each([
    ['same port and hostname', [httpListener('web', 80, 'a.io')], 'True/HostnameConflict'],
    ['same port, no hostname on either', undefined, undefined],
    ['same port, different hostnames', [httpListener('web', 80, 'b.io')], 'False/NoConflicts'],
    [
      'two protocols on one port',
      [
        {
          name: 'web',
          port: 80,
          protocol: 'HTTPS',
          hostname: 'b.io',
          tls: { mode: 'Terminate' as const, certificateRefs: [{ name: 'c' }] },
        },
      ],
      'True/ProtocolConflict',
    ],
    ['different ports', [httpListener('web', 443, 'a.io')], 'False/NoConflicts'],
  ])('%s', (_, newerListeners, expected) => {
    const olderLs = newerListeners ? undefined : [httpListener('web', 80)];
    const st = run([newer(newerListeners ?? [httpListener('web', 80)]), older(olderLs)]);
    const want = expected ?? 'True/HostnameConflict';
    expect(c(st['apps/newer']?.listeners?.[0]?.conditions, 'Conflicted')).toBe(want);
    expect(c(st['istio-system/older']?.listeners?.[0]?.conditions, 'Conflicted')).toBe('False/NoConflicts');
    if (want.startsWith('True')) {
      expect(findCondition(st['apps/newer']?.listeners?.[0]?.conditions, 'Conflicted')?.message).toContain(
        'Gateway istio-system/older',
      );
    }
  });

  it('the older Gateway wins; with equal timestamps namespace/name decides', () => {
    const a = gateway('ns', 'a', [httpListener('web', 80, 'a.io')], { addresses: ADDR }, '2026-01-01T00:00:00Z');
    const b = gateway('ns', 'b', [httpListener('web', 80, 'a.io')], { addresses: ADDR }, '2026-01-01T00:00:00Z');
    const st = run([b, a]);
    expect(c(st['ns/a']?.listeners?.[0]?.conditions, 'Conflicted')).toBe('False/NoConflicts');
    expect(c(st['ns/b']?.listeners?.[0]?.conditions, 'Conflicted')).toBe('True/HostnameConflict');
  });

  it('Gateways on different ingress gateways never conflict', () => {
    const other = gateway(
      'apps',
      'newer',
      [httpListener('web', 80, 'a.io')],
      { addresses: [{ type: 'Hostname', value: 'other.istio-system.svc.cluster.local' }] },
      '2026-01-02T00:00:00Z',
    );
    const st = statuses([older(), other], (s) => s.services.push(ingress(), service('istio-system', 'other', [80])));
    expect(c(st['apps/newer']?.listeners?.[0]?.conditions, 'Conflicted')).toBe('False/NoConflicts');
  });
});
