import { describe, expect, it } from 'vitest';
import { applyListView, readListView, type ListColumnLike } from './list-view';

const obj = (name: string, namespace: string, host: string, created: string) => ({
  metadata: { name, namespace, creationTimestamp: created },
  spec: { hostnames: [host] },
});
const items = [
  obj('http', 'default', '*.aliyun.com', '2026-01-02T00:00:00Z'),
  obj('httpbin-https', 'default', 'a.aliyun.com', '2026-01-01T00:00:00Z'),
  obj('api', 'prod', 'api.example.com', '2026-01-03T00:00:00Z'),
];
const columns: ListColumnLike[] = [
  { id: 'name', text: (o) => o.metadata.name },
  { id: 'hosts', text: (o) => (o.spec as { hostnames: string[] }).hostnames.join(',') },
  { id: 'age', text: () => '', sortValue: (o) => Date.parse(o.metadata.creationTimestamp ?? '') },
];
const names = (xs: { metadata: { name: string } }[]) => xs.map((x) => x.metadata.name);

describe('list view', () => {
  it('defaults to name ascending with no filter', () => {
    const view = readListView(new URLSearchParams(''));
    expect(view).toEqual({ q: '', namespace: '', state: '', sort: 'name', dir: 'asc' });
    expect(names(applyListView(items, columns, view, () => 'ok'))).toEqual(['api', 'http', 'httpbin-https']);
  });
  it('filters by every word across columns, case-insensitively', () => {
    const view = readListView(new URLSearchParams('q=ALIYUN https'));
    expect(names(applyListView(items, columns, view, () => 'ok'))).toEqual(['httpbin-https']);
  });
  it('filters by namespace and state', () => {
    const view = readListView(new URLSearchParams('ns=default&state=error'));
    expect(names(applyListView(items, columns, view, (o) => (o.metadata.name === 'http' ? 'error' : 'ok')))).toEqual(['http']);
  });
  it('sorts numerically by a column with a sort value, descending on request', () => {
    const view = readListView(new URLSearchParams('sort=age&dir=desc'));
    expect(names(applyListView(items, columns, view, () => 'ok'))).toEqual(['api', 'http', 'httpbin-https']);
  });
});
