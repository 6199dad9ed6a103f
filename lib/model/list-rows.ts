/**
 * What a list shows of each object, as plain data: the console server projects every object to a
 * {@link ListRow} once, filters, sorts and pages the rows, and sends the browser only the rows in
 * view. Pure, so the same projection serves the server, the tests and the detail page's state.
 */
import { formatAge } from './age';
import { failingConditions, healthOf, type StatusCondition } from './conditions';
import type { KindName } from './kinds';
import type { K8sObject } from './objects';
import type { HealthState } from './overview';
import { addressesText, backendsText, grantText, hostnamesText, listenersText, parentsText, rulesCount } from './summaries';

/** One row of a resource list: the text of each column as shown, and what sorting and the row link need. */
export interface ListRow {
  /** `namespace/name`, or `name` for cluster-scoped kinds. */
  key: string;
  name: string;
  namespace?: string;
  href: string;
  state: HealthState;
  /** The first failing required condition (`ResolvedRefs: BackendNotFound`), when not ready. */
  problem?: string;
  /** Column id → the text shown (and filtered on). */
  cells: Record<string, string>;
  /** Column id → numeric sort key, for columns that do not sort alphabetically. */
  sort: Record<string, number>;
  created?: string;
}

/** One column of a list, as data: its text feeds sorting and the text filter, so users filter on what they see. */
export interface RowColumn {
  id: string;
  header: string;
  text: (obj: K8sObject) => string;
  /** Sort numerically (counts, time) rather than alphabetically. */
  sortValue?: (obj: K8sObject) => number;
}

/** How one kind becomes rows: its columns, the link to an object's page, and the conditions its state comes from. */
export interface RowSpec {
  columns: RowColumn[];
  href: (obj: K8sObject) => string;
  /** Conditions the controller wrote that decide the state (none: always ok, e.g. ReferenceGrant has no status). */
  conditions?: (obj: K8sObject) => StatusCondition[] | undefined;
  required: string[];
}

const gatewayRequired = ['Accepted', 'Programmed'];
const routeRequired = ['Accepted', 'ResolvedRefs'];

function ownConditions(obj: K8sObject): StatusCondition[] | undefined {
  return (obj.status as { conditions?: StatusCondition[] } | undefined)?.conditions;
}
/** A route's conditions over all its parents: one parent refusing it is a problem to show. */
function routeConditions(obj: K8sObject): StatusCondition[] | undefined {
  const parents = (obj.status as { parents?: Array<{ conditions?: StatusCondition[] }> } | undefined)?.parents;
  return parents?.flatMap((p) => p.conditions ?? []);
}
const spec = (obj: K8sObject) => (obj.spec ?? {}) as Record<string, unknown>;
const path = (base: string) => (o: K8sObject) =>
  `${base}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

const name: RowColumn = { id: 'name', header: 'Name', text: (o) => o.metadata.name };
const namespace: RowColumn = { id: 'namespace', header: 'Namespace', text: (o) => o.metadata.namespace ?? '' };
/** Newest first when ascending, as "age" reads: the smallest age comes first. */
const age: RowColumn = {
  id: 'age',
  header: 'Age',
  text: (o) => formatAge(o.metadata.creationTimestamp),
  sortValue: (o) => -Date.parse(o.metadata.creationTimestamp ?? '0'),
};
const hostnames: RowColumn = { id: 'hostnames', header: 'Hostnames', text: hostnamesText };
const parents: RowColumn = { id: 'parents', header: 'Parents', text: parentsText };
const backends: RowColumn = { id: 'backends', header: 'Backends', text: backendsText };
/** Filled from the row's state and problem by {@link toListRow}, so it filters on "error" or "BackendNotFound". */
const status: RowColumn = { id: 'status', header: 'Status', text: () => '' };

/** The list views of the Gateway API kinds, as data (ARCHITECTURE habit 3). */
export const rowSpecs: Partial<Record<KindName, RowSpec>> = {
  Gateway: {
    href: path('/gateways'),
    conditions: ownConditions,
    required: gatewayRequired,
    columns: [
      name,
      namespace,
      { id: 'class', header: 'Class', text: (o) => String(spec(o).gatewayClassName ?? '') },
      { id: 'addresses', header: 'Bound to', text: addressesText },
      { id: 'listeners', header: 'Listeners', text: listenersText },
      status,
      age,
    ],
  },
  GatewayClass: {
    href: (o) => `/gateways/classes/${o.metadata.name}`,
    conditions: ownConditions,
    required: ['Accepted'],
    columns: [name, { id: 'controller', header: 'Controller', text: (o) => String(spec(o).controllerName ?? '') }, status, age],
  },
  HTTPRoute: {
    href: path('/routes/http'),
    conditions: routeConditions,
    required: routeRequired,
    columns: [
      name,
      namespace,
      hostnames,
      parents,
      { id: 'rules', header: 'Rules', text: (o) => String(rulesCount(o)), sortValue: rulesCount },
      backends,
      status,
      age,
    ],
  },
  GRPCRoute: {
    href: path('/routes/grpc'),
    conditions: routeConditions,
    required: routeRequired,
    columns: [name, namespace, hostnames, parents, backends, status, age],
  },
  ReferenceGrant: {
    href: path('/reference-grants'),
    required: [],
    columns: [
      name,
      namespace,
      { id: 'from', header: 'From', text: (o) => grantText(o).from },
      { id: 'to', header: 'To', text: (o) => grantText(o).to },
      age,
    ],
  },
};

const stateLabels: Record<HealthState, string> = { ok: 'Ready', warning: 'Warning', error: 'Error', pending: 'No status' };

/** The state of an object as its list and detail page show it, from the conditions its controller wrote. */
export function stateOfObject(rowSpec: RowSpec, obj: K8sObject): HealthState {
  if (!rowSpec.conditions) return 'ok';
  return healthOf(rowSpec.conditions(obj), rowSpec.required, obj.metadata.generation);
}

/** Projects one object to its row. */
export function toListRow(rowSpec: RowSpec, obj: K8sObject): ListRow {
  const conditions = rowSpec.conditions?.(obj);
  const state = stateOfObject(rowSpec, obj);
  const first = failingConditions(conditions, rowSpec.required)[0];
  const problem = first ? `${first.type}: ${first.reason ?? first.status}` : undefined;
  const cells: Record<string, string> = {};
  const sort: Record<string, number> = {};
  for (const c of rowSpec.columns) {
    cells[c.id] = c.id === 'status' ? [stateLabels[state], state, problem].filter(Boolean).join(' ') : c.text(obj);
    if (c.sortValue) sort[c.id] = c.sortValue(obj);
  }
  const { name: objName, namespace: ns, creationTimestamp } = obj.metadata;
  return {
    key: ns ? `${ns}/${objName}` : objName,
    name: objName,
    ...(ns ? { namespace: ns } : {}),
    href: rowSpec.href(obj),
    state,
    ...(problem ? { problem } : {}),
    cells,
    sort,
    ...(creationTimestamp ? { created: creationTimestamp } : {}),
  };
}
