import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestSchema, schemasFromCrds } from './crd-schemas';
import { schemaHasField } from './schema-features';

const root = path.join(__dirname, '../local/crds/gateway-api');
// Only the HTTPRoute CRD of each bundle: the fields in question live there.
function httpRouteSchema(version: string): unknown {
  const file = readdirSync(path.join(root, version)).find((f) => f.includes('httproutes'));
  const crds = parseAllDocuments(readFileSync(path.join(root, version, file ?? ''), 'utf8')).map((d) => d.toJS() as unknown);
  return manifestSchema(schemasFromCrds(crds));
}

describe('schemaHasField (HTTPRoute rule timeouts per bundle)', () => {
  it('v1.6.1 standard has timeouts; v1.1.0 standard and v0.6.0 do not', () => {
    expect(
      schemaHasField(httpRouteSchema('v1.6.1'), 'gateway.networking.k8s.io/v1', 'HTTPRoute', ['spec', 'rules', 'timeouts']),
    ).toBe(true);
    expect(
      schemaHasField(httpRouteSchema('v1.1.0'), 'gateway.networking.k8s.io/v1', 'HTTPRoute', ['spec', 'rules', 'timeouts']),
    ).toBe(false);
    expect(
      schemaHasField(httpRouteSchema('v0.6.0'), 'gateway.networking.k8s.io/v1beta1', 'HTTPRoute', ['spec', 'rules', 'timeouts']),
    ).toBe(false);
  });

  it('walks through arrays: URLRewrite is standard from v0.7 (absent in v0.6.0), RequestMirror in both', () => {
    const v1 = httpRouteSchema('v1.1.0');
    const v06 = httpRouteSchema('v0.6.0');
    const filter = (...f: string[]) => ['spec', 'rules', 'filters', ...f];
    expect(schemaHasField(v1, 'gateway.networking.k8s.io/v1', 'HTTPRoute', filter('urlRewrite'))).toBe(true);
    expect(schemaHasField(v06, 'gateway.networking.k8s.io/v1beta1', 'HTTPRoute', filter('urlRewrite'))).toBe(false);
    expect(schemaHasField(v06, 'gateway.networking.k8s.io/v1beta1', 'HTTPRoute', filter('requestMirror', 'backendRef'))).toBe(
      true,
    );
  });

  it('is undefined for a kind or version the schema does not cover', () => {
    expect(schemaHasField(httpRouteSchema('v0.6.0'), 'gateway.networking.k8s.io/v1', 'HTTPRoute', ['spec'])).toBeUndefined();
    expect(schemaHasField(undefined, 'gateway.networking.k8s.io/v1', 'HTTPRoute', ['spec'])).toBeUndefined();
  });
});
