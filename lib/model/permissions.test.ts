import { describe, expect, it } from 'vitest';
import { CHECKING_TEXT, controlAccess, type PermissionsState, type PermissionsView } from './permissions';

const GW = 'gateway.networking.k8s.io';
const view = (namespace: string, allowed: Record<string, boolean>): PermissionsView => ({
  context: 'c',
  namespace,
  user: 'u',
  checks: Object.entries(allowed).map(([k, ok]) => {
    const [verb = '', resource = ''] = k.split(' ');
    return {
      verb,
      resource,
      group: resource === 'secrets' ? '' : GW,
      allowed: ok,
      ...(ok ? {} : { reason: `you cannot ${verb} ${resource} in namespace ${namespace}` }),
    };
  }),
});
const states =
  (m: Record<string, PermissionsState>) =>
  (ns: string): PermissionsState =>
    m[ns] ?? { status: 'pending' };

describe('controlAccess', () => {
  const update = { verb: 'update', resource: 'httproutes', group: GW, namespace: 'prod' };

  it('is not usable while the answer is pending, so a control never flashes as usable', () => {
    expect(controlAccess([update], states({}))).toEqual({ state: 'checking', usable: false, text: CHECKING_TEXT });
  });

  it('names the refused verb, resource and namespace', () => {
    const s = states({ prod: { status: 'success', view: view('prod', { 'update httproutes': false }) } });
    expect(controlAccess([update], s)).toEqual({
      state: 'denied',
      usable: false,
      text: 'Not allowed: you cannot update httproutes in namespace prod.',
    });
  });

  it('allows when every need is allowed, across namespaces', () => {
    const s = states({
      prod: { status: 'success', view: view('prod', { 'update httproutes': true }) },
      dev: { status: 'success', view: view('dev', { 'patch gateways': true }) },
    });
    expect(controlAccess([update, { verb: 'patch', resource: 'gateways', group: GW, namespace: 'dev' }], s)).toEqual({
      state: 'allowed',
      usable: true,
    });
  });

  it('a known refusal wins over another namespace still pending; each distinct reason is listed once', () => {
    const s = states({ prod: { status: 'success', view: view('prod', { 'update httproutes': false }) } });
    const needs = [update, update, { ...update, namespace: 'dev' }];
    expect(controlAccess(needs, s)).toMatchObject({
      state: 'denied',
      text: 'Not allowed: you cannot update httproutes in namespace prod.',
    });
  });

  it('leaves the control usable with a note when the question failed (the API still decides)', () => {
    const s = states({ prod: { status: 'error', message: 'the console server answered 502' } });
    const got = controlAccess([update], s);
    expect(got.state).toBe('unknown');
    expect(got.usable).toBe(true);
    expect(got.text).toContain('the console server answered 502');
  });

  it('does not block on a question the server did not ask (the API decides)', () => {
    const s = states({ prod: { status: 'success', view: view('prod', {}) } });
    expect(controlAccess([update], s)).toEqual({ state: 'allowed', usable: true });
  });

  it('a control that needs nothing is usable', () => {
    expect(controlAccess([], states({}))).toEqual({ state: 'allowed', usable: true });
  });
});
