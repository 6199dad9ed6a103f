import { describe, expect, it } from 'vitest';
import { describeForAudit } from './audit-describe';

describe('audit descriptions', () => {
  it('lists applied objects by kind and name with their outcome, never their content', () => {
    const d = describeForAudit(
      'apply',
      { context: 'prod', yaml: 'kind: Secret\ndata:\n  tls.key: UFJJVkFURQ==' },
      {
        ok: true,
        value: { documents: [{ kind: 'HTTPRoute', namespace: 'default', name: 'web', outcome: 'configured', afterYaml: 'x' }] },
      },
    );
    expect(d).toEqual({ context: 'prod', verb: 'apply', objects: ['HTTPRoute default/web (configured)'] });
    expect(JSON.stringify(d)).not.toContain('UFJJVkFURQ');
  });
  it('names the Secret of a certificate save without its PEM', () => {
    const d = describeForAudit(
      'save-tls-secret',
      { namespace: 'istio-system', name: 'gw-cert', source: { kind: 'upload', keyPem: '-----BEGIN PRIVATE KEY-----' } },
      { ok: false, error: 'x', code: 422 },
    );
    expect(d).toEqual({ verb: 'create', objects: ['Secret istio-system/gw-cert'] });
  });
});
