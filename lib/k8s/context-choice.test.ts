import { describe, expect, it } from 'vitest';
import { chooseContext, duplicateGatewayMessage, duplicateGateways, encodeRoles, parseRoles } from './context-choice';

const known = ['asm-mesh', 'ack-hangzhou', 'ack-beijing'];

describe('chooseContext', () => {
  it("uses the browser's choice when the kubeconfig defines it", () => {
    expect(chooseContext({ chosen: 'ack-beijing', known, fallback: 'ack-hangzhou' })).toBe('ack-beijing');
  });

  it('ignores a cookie naming a context the server does not know (removed, or forged)', () => {
    expect(chooseContext({ chosen: 'attacker', known, fallback: 'ack-hangzhou' })).toBe('ack-hangzhou');
  });

  it("falls back to the kubeconfig's current-context, then to the first context", () => {
    expect(chooseContext({ known, fallback: 'asm-mesh' })).toBe('asm-mesh');
    // current-context may name a context that does not exist (kubectl allows it).
    expect(chooseContext({ known, fallback: 'gone' })).toBe('asm-mesh');
    expect(chooseContext({ known: [] })).toBeUndefined();
  });
});

describe('parseRoles', () => {
  it('defaults to the current context as both mesh and only data plane (single cluster)', () => {
    expect(parseRoles(undefined, known, 'ack-hangzhou')).toEqual({
      mesh: 'ack-hangzhou',
      dataPlanes: ['ack-hangzhou'],
      defaulted: true,
    });
  });

  it('reads back what encodeRoles stored', () => {
    const raw = encodeRoles({ mesh: 'asm-mesh', dataPlanes: ['ack-hangzhou', 'ack-beijing'] });
    expect(parseRoles(raw, known, 'ack-hangzhou')).toEqual({
      mesh: 'asm-mesh',
      dataPlanes: ['ack-hangzhou', 'ack-beijing'],
      defaulted: false,
    });
  });

  it('drops contexts the kubeconfig no longer has and keeps what remains', () => {
    const raw = encodeRoles({ mesh: 'old-mesh', dataPlanes: ['ack-beijing', 'old-dp', 'ack-beijing'] });
    expect(parseRoles(raw, known, 'ack-hangzhou')).toEqual({
      mesh: 'ack-hangzhou',
      dataPlanes: ['ack-beijing'],
      defaulted: false,
    });
  });

  it('treats a malformed cookie as unset', () => {
    expect(parseRoles('%7Bnot-json', known, 'asm-mesh').defaulted).toBe(true);
    expect(parseRoles(encodeURIComponent('"a string"'), known, 'asm-mesh').defaulted).toBe(true);
  });
});

describe('duplicateGateways', () => {
  it('finds Gateways with the same namespace/name in other data-plane clusters', () => {
    const found = duplicateGateways({ context: 'ack-hangzhou', gateways: ['istio-system/gateway', 'default/only-here'] }, [
      { context: 'ack-hangzhou', gateways: ['istio-system/gateway'] },
      { context: 'ack-beijing', gateways: ['istio-system/gateway', 'default/other'] },
    ]);
    expect([...found]).toEqual([['istio-system/gateway', ['ack-beijing']]]);
  });

  it('does not match the same name in another namespace', () => {
    const found = duplicateGateways({ context: 'a', gateways: ['prod/gateway'] }, [{ context: 'b', gateways: ['dev/gateway'] }]);
    expect(found.size).toBe(0);
  });

  it("uses the seed's wording", () => {
    expect(duplicateGatewayMessage('istio-system/gateway', ['ack-beijing'])).toBe(
      'Gateway istio-system/gateway also exists in data-plane cluster ack-beijing: the last applied overwrites the other.',
    );
  });
});
