import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { withRevision } from '@/lib/k8s/apply-history';
import { editHref, revisionsFromHistory } from './revisions';

const route = (path: string) => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name: 'http', namespace: 'default', resourceVersion: '9' },
  spec: { rules: [{ matches: [{ path: { type: 'PathPrefix', value: path } }] }] },
  status: { parents: [] },
});

describe('revisionsFromHistory', () => {
  it('reads what recordRevision writes, newest first, with author and time', () => {
    let cm = withRevision(
      undefined,
      'httproute.default.http',
      route('/get'),
      'alice (via Portico)',
      '2026-01-01T00:00:01Z',
    ).configMap;
    cm = withRevision(cm, 'httproute.default.http', route('/anything'), 'bob (via Portico)', '2026-01-01T00:00:02Z').configMap;
    const revs = revisionsFromHistory(cm.data, cm.metadata.annotations);
    expect(revs.map((r) => [r.revision, r.author, r.time])).toEqual([
      [2, 'bob (via Portico)', '2026-01-01T00:00:02Z'],
      [1, 'alice (via Portico)', '2026-01-01T00:00:01Z'],
    ]);
    const old = parse(revs[1]!.yaml) as { spec: unknown; status?: unknown; metadata: Record<string, unknown> };
    expect(old.spec).toEqual(route('/get').spec);
    // A revision is an editable object: no status, no resourceVersion to collide with the live one.
    expect(old.status).toBeUndefined();
    expect(old.metadata.resourceVersion).toBeUndefined();
  });

  it('ignores foreign keys and tolerates missing annotations', () => {
    expect(revisionsFromHistory({ 'rev-3': 'a: 1', notes: 'x' }, undefined)).toEqual([
      { revision: 3, author: 'unknown', time: '', yaml: 'a: 1' },
    ]);
    expect(revisionsFromHistory(undefined, undefined)).toEqual([]);
  });
});

describe('editHref', () => {
  it('links each kind to its edit page, a rollback with its revision', () => {
    expect(editHref('HTTPRoute', 'default', 'http')).toBe('/routes/edit?namespace=default&name=http');
    expect(editHref('GRPCRoute', 'apps', 'g', 4)).toBe('/routes/edit?kind=GRPCRoute&namespace=apps&name=g&revision=4');
    expect(editHref('ReferenceGrant', 'apps', 'allow')).toBe('/reference-grants/edit?namespace=apps&name=allow');
    expect(editHref('Gateway', 'istio-system', 'gateway', 1)).toBe(
      '/gateways/edit?namespace=istio-system&name=gateway&revision=1',
    );
  });
});
