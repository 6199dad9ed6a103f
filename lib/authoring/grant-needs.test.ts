import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ReferenceGrant } from '@/lib/gateway-api/types';
import { grantFormHref, grantNeedFromParams, grantYaml, missingGrants } from './grant-needs';
import { readReferenceGrantForm } from './reference-grant-form';
import { newBackend, newFilter } from './route-parts';

const grant = (ns: string, fromKind: string, fromNs: string, toName?: string): ReferenceGrant => ({
  metadata: { name: `g-${fromNs}`, namespace: ns },
  spec: {
    from: [{ group: 'gateway.networking.k8s.io', kind: fromKind, namespace: fromNs }],
    to: [{ group: '', kind: 'Service', ...(toName ? { name: toName } : {}) }],
  },
});

const rule = (backends: Array<[string, string]>, mirror?: [string, string]) => ({
  backendRefs: backends.map(([namespace, name]) => ({ ...newBackend(), name, namespace, port: '8000' })),
  filters: mirror ? [{ ...newFilter('RequestMirror'), mirrorNamespace: mirror[0], mirrorName: mirror[1], mirrorPort: '80' }] : [],
});

describe('missingGrants (spec: ReferenceGrant in the target namespace permits the reference)', () => {
  it('same-namespace backends need no grant', () => {
    expect(
      missingGrants(
        'HTTPRoute',
        'default',
        [
          rule([
            ['', 'httpbin'],
            ['default', 'httpbin'],
          ]),
        ],
        [],
      ),
    ).toEqual([]);
  });

  it('a backend and a mirror in other namespaces each need one, once', () => {
    const needs = missingGrants(
      'HTTPRoute',
      'default',
      [
        rule(
          [
            ['apps', 'a'],
            ['apps', 'a'],
          ],
          ['tests', 'shadow'],
        ),
      ],
      [],
    );
    expect(needs).toEqual([
      { fromKind: 'HTTPRoute', fromNamespace: 'default', toNamespace: 'apps', toName: 'a' },
      { fromKind: 'HTTPRoute', fromNamespace: 'default', toNamespace: 'tests', toName: 'shadow' },
    ]);
  });

  it('a grant for the kind, namespace and Service (or every Service) satisfies it; another kind or namespace does not', () => {
    const r = [rule([['apps', 'a']])];
    expect(missingGrants('HTTPRoute', 'default', r, [grant('apps', 'HTTPRoute', 'default', 'a')])).toEqual([]);
    expect(missingGrants('HTTPRoute', 'default', r, [grant('apps', 'HTTPRoute', 'default')])).toEqual([]);
    expect(missingGrants('HTTPRoute', 'default', r, [grant('apps', 'GRPCRoute', 'default')])).toHaveLength(1);
    expect(missingGrants('HTTPRoute', 'default', r, [grant('apps', 'HTTPRoute', 'other')])).toHaveLength(1);
    expect(missingGrants('HTTPRoute', 'default', r, [grant('apps', 'HTTPRoute', 'default', 'b')])).toHaveLength(1);
    // The grant must live in the target's namespace, not the route's.
    expect(missingGrants('HTTPRoute', 'default', r, [grant('default', 'HTTPRoute', 'default', 'a')])).toHaveLength(1);
  });
});

describe('the prefilled ReferenceGrant', () => {
  const need = { fromKind: 'GRPCRoute', fromNamespace: 'default', toNamespace: 'apps', toName: 'greeter' };

  it('survives the trip through the form URL', () => {
    const url = new URL(grantFormHref(need), 'http://x');
    expect(url.pathname).toBe('/reference-grants/new');
    expect(grantNeedFromParams(Object.fromEntries(url.searchParams))).toEqual(need);
  });

  it('refuses malformed params', () => {
    expect(grantNeedFromParams({ ...need, toNamespace: 'Not_A_Namespace' })).toBeUndefined();
    expect(grantNeedFromParams({ fromKind: 'x' })).toBeUndefined();
  });

  it('is a grant in the target namespace that permits exactly this reference', () => {
    const f = readReferenceGrantForm(parseDocument(grantYaml(need, 'gateway.networking.k8s.io/v1beta1')));
    expect(f.namespace).toBe('apps');
    expect(f.from).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'default' }]);
    expect(f.to).toEqual([{ group: '', kind: 'Service', name: 'greeter' }]);
    const asGrant: ReferenceGrant = {
      metadata: { name: f.name, namespace: f.namespace },
      spec: { from: f.from, to: f.to },
    };
    expect(missingGrants('GRPCRoute', 'default', [rule([['apps', 'greeter']])], [asGrant])).toEqual([]);
  });
});
