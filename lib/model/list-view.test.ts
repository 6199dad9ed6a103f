import { describe, expect, it } from 'vitest';
import { toListRow, rowSpecs } from './list-rows';
import { applyRowView, filterRows, listViewParams, naturalKey, readListView } from './list-view';
import type { K8sObject } from './objects';

const route = (name: string, namespace: string, host: string, created: string, resolved = 'True'): K8sObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'HTTPRoute',
  metadata: { name, namespace, creationTimestamp: created, generation: 1 },
  spec: { hostnames: [host], rules: [{ backendRefs: [{ name: 'httpbin', port: 8000 }] }] },
  status: {
    parents: [
      {
        parentRef: { name: 'gw' },
        controllerName: 'x',
        conditions: [
          { type: 'Accepted', status: 'True', observedGeneration: 1 },
          {
            type: 'ResolvedRefs',
            status: resolved,
            observedGeneration: 1,
            ...(resolved === 'False' ? { reason: 'BackendNotFound' } : {}),
          },
        ],
      },
    ],
  },
});
const spec = rowSpecs.HTTPRoute!;
const ids = spec.columns.map((c) => c.id);
const rows = [
  route('http', 'default', '*.aliyun.com', '2026-01-02T00:00:00Z', 'False'),
  route('httpbin-https', 'default', 'a.aliyun.com', '2026-01-01T00:00:00Z'),
  route('api', 'prod', 'api.example.com', '2026-01-03T00:00:00Z'),
  route('route-10', 'prod', 'ten.example.com', '2026-01-04T00:00:00Z'),
  route('route-9', 'prod', 'nine.example.com', '2026-01-05T00:00:00Z'),
].map((o) => toListRow(spec, o));
const names = (xs: { name: string }[]) => xs.map((x) => x.name);
const view = (qs: string) => readListView(new URLSearchParams(qs));

describe('list view', () => {
  it('defaults to name ascending, numbers in names in numeric order', () => {
    expect(names(applyRowView(rows, view(''), ids))).toEqual(['api', 'http', 'httpbin-https', 'route-9', 'route-10']);
  });
  it('keeps only rows where every word of the text filter appears in some column, case-insensitively', () => {
    expect(names(applyRowView(rows, view('q=ALIYUN a.'), ids))).toEqual(['httpbin-https']);
  });
  it('filters on the status shown, including the failing condition reason', () => {
    expect(names(applyRowView(rows, view('q=backendnotfound'), ids))).toEqual(['http']);
    expect(names(applyRowView(rows, view('state=error'), ids))).toEqual(['http']);
  });
  it('filters by namespace and state together', () => {
    expect(names(applyRowView(rows, view('ns=default&state=ok'), ids))).toEqual(['httpbin-https']);
  });
  it('sorts by age (youngest first ascending) and reverses with dir=desc', () => {
    expect(names(applyRowView(rows, view('sort=age'), ids))).toEqual(['route-9', 'route-10', 'api', 'http', 'httpbin-https']);
    expect(names(applyRowView(rows, view('sort=age&dir=desc'), ids))).toEqual([
      'httpbin-https',
      'http',
      'api',
      'route-10',
      'route-9',
    ]);
  });
  it('falls back to the first column for an unknown sort column', () => {
    expect(names(applyRowView(rows, view('sort=nope'), ids))[0]).toBe('api');
  });
  it('round-trips the view through URL params, omitting defaults', () => {
    const v = view('q=a&ns=prod&state=error&sort=age&dir=desc');
    expect(readListView(listViewParams(v))).toEqual(v);
    expect(listViewParams(view('')).toString()).toBe('');
  });
  it('filtering rows already in order gives what filtering then sorting gives (how the server serves keystrokes)', () => {
    const sorted = applyRowView(rows, view('sort=age&dir=desc'), ids);
    for (const q of ['q=example', 'q=aliyun&ns=default', 'state=ok&sort=age&dir=desc'])
      expect(names(filterRows(sorted, { ...view(q), sort: 'age', dir: 'desc' }))).toEqual(
        names(applyRowView(rows, { ...view(q), sort: 'age', dir: 'desc' }, ids)),
      );
  });
  it('orders names case-insensitively with numbers by value', () => {
    const sorted = ['route-10', 'Route-9', 'route-100', 'a-2b', 'a-10b'].sort((a, b) =>
      naturalKey(a) < naturalKey(b) ? -1 : naturalKey(a) > naturalKey(b) ? 1 : 0,
    );
    expect(sorted).toEqual(['a-2b', 'a-10b', 'Route-9', 'route-10', 'route-100']);
  });
});
