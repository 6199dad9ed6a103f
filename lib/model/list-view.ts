/**
 * Filtering and sorting of a resource list, from the view state kept in the URL. Pure, so the same
 * rules serve the browser and tests.
 */
import type { K8sObject } from './objects';

export interface ListViewState {
  q: string;
  namespace: string;
  state: string;
  sort: string;
  dir: 'asc' | 'desc';
}

export interface ListColumnLike {
  id: string;
  text: (obj: K8sObject) => string;
  sortValue?: (obj: K8sObject) => number;
}

/** Reads the view state from URL search params, with defaults for anything missing or invalid. */
export function readListView(params: { get(name: string): string | null }): ListViewState {
  return {
    q: params.get('q') ?? '',
    namespace: params.get('ns') ?? '',
    state: params.get('state') ?? '',
    sort: params.get('sort') ?? 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** Applies namespace, state and text filters (every word must appear in some column), then sorts. */
export function applyListView(
  items: readonly K8sObject[],
  columns: readonly ListColumnLike[],
  view: ListViewState,
  stateOf: (obj: K8sObject) => string,
): K8sObject[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  const filtered = items.filter((o) => {
    if (view.namespace && o.metadata.namespace !== view.namespace) return false;
    if (view.state && stateOf(o) !== view.state) return false;
    if (words.length === 0) return true;
    const haystack = columns
      .map((c) => c.text(o))
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const column = columns.find((c) => c.id === view.sort) ?? columns[0];
  if (!column) return filtered;
  const sign = view.dir === 'desc' ? -1 : 1;
  const compare = column.sortValue
    ? (a: K8sObject, b: K8sObject) => (column.sortValue!(a) - column.sortValue!(b)) * sign
    : (a: K8sObject, b: K8sObject) => column.text(a).localeCompare(column.text(b)) * sign;
  // Ties keep a stable, meaningful order: namespace then name.
  return filtered.sort(
    (a, b) =>
      compare(a, b) || `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
  );
}
