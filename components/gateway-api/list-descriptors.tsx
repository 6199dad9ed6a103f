import type { Column, ListDescriptor } from '@/components/resources/column';
import { StatusCell } from '@/components/gateway-api/status-cell';
import { formatAge } from '@/lib/model/age';
import { healthOf, type StatusCondition } from '@/lib/model/conditions';
import type { KindName } from '@/lib/model/kinds';
import type { K8sObject } from '@/lib/model/objects';
import {
  addressesText,
  backendsText,
  grantText,
  hostnamesText,
  listenersText,
  parentsText,
  rulesCount,
} from '@/lib/model/summaries';

const gatewayRequired = ['Accepted', 'Programmed'];
const routeRequired = ['Accepted', 'ResolvedRefs'];

function conditions(obj: K8sObject): StatusCondition[] | undefined {
  return (obj.status as { conditions?: StatusCondition[] } | undefined)?.conditions;
}
/** A route's conditions over all its parents: one parent refusing it is a problem to show. */
function routeConditions(obj: K8sObject): StatusCondition[] | undefined {
  const parents = (obj.status as { parents?: Array<{ conditions?: StatusCondition[] }> } | undefined)?.parents;
  return parents?.flatMap((p) => p.conditions ?? []);
}
const spec = (obj: K8sObject) => (obj.spec ?? {}) as Record<string, unknown>;
const nameColumn: Column = { id: 'name', header: 'Name', text: (o) => o.metadata.name };
const namespaceColumn: Column = { id: 'namespace', header: 'Namespace', text: (o) => o.metadata.namespace ?? '' };
const ageColumn: Column = {
  id: 'age',
  header: 'Age',
  text: (o) => formatAge(o.metadata.creationTimestamp),
  sortValue: (o) => -Date.parse(o.metadata.creationTimestamp ?? '0'),
  cell: (o) => <span suppressHydrationWarning>{formatAge(o.metadata.creationTimestamp)}</span>,
};
function statusColumn(required: string[], read: (o: K8sObject) => StatusCondition[] | undefined): Column {
  return {
    id: 'status',
    header: 'Status',
    text: (o) => healthOf(read(o), required, o.metadata.generation),
    cell: (o) => (
      <StatusCell
        conditions={read(o)}
        required={required}
        {...(o.metadata.generation ? { generation: o.metadata.generation } : {})}
      />
    ),
  };
}
const path = (base: string) => (o: K8sObject) =>
  `${base}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;

/** The list views of the Gateway API kinds, as data (ARCHITECTURE habit 3). */
export const listDescriptors: Partial<Record<KindName, ListDescriptor>> = {
  Gateway: {
    title: 'Gateways',
    href: path('/gateways'),
    state: (o) => healthOf(conditions(o), gatewayRequired, o.metadata.generation),
    columns: [
      nameColumn,
      namespaceColumn,
      { id: 'class', header: 'Class', text: (o) => String(spec(o).gatewayClassName ?? '') },
      { id: 'addresses', header: 'Bound to', text: addressesText },
      { id: 'listeners', header: 'Listeners', text: listenersText },
      statusColumn(gatewayRequired, conditions),
      ageColumn,
    ],
    emptyHint:
      'No Gateway yet. A Gateway binds to a pre-deployed ingress gateway through spec.addresses and opens listeners on its ports.',
  },
  GatewayClass: {
    title: 'Gateway classes',
    href: (o) => `/gateways/classes/${o.metadata.name}`,
    state: (o) => healthOf(conditions(o), ['Accepted'], o.metadata.generation),
    columns: [
      nameColumn,
      { id: 'controller', header: 'Controller', text: (o) => String(spec(o).controllerName ?? '') },
      statusColumn(['Accepted'], conditions),
      ageColumn,
    ],
    emptyHint: 'No GatewayClass. The implementation (ASM: the istio class) installs one.',
  },
  HTTPRoute: {
    title: 'HTTPRoutes',
    href: path('/routes/http'),
    state: (o) => healthOf(routeConditions(o), routeRequired, o.metadata.generation),
    columns: [
      nameColumn,
      namespaceColumn,
      { id: 'hostnames', header: 'Hostnames', text: hostnamesText },
      { id: 'parents', header: 'Parents', text: parentsText },
      { id: 'rules', header: 'Rules', text: (o) => String(rulesCount(o)), sortValue: rulesCount },
      { id: 'backends', header: 'Backends', text: backendsText },
      statusColumn(routeRequired, routeConditions),
      ageColumn,
    ],
    emptyHint: 'No HTTPRoute yet. An HTTPRoute attaches to a Gateway through parentRefs and sends matching requests to Services.',
  },
  GRPCRoute: {
    title: 'GRPCRoutes',
    href: path('/routes/grpc'),
    state: (o) => healthOf(routeConditions(o), routeRequired, o.metadata.generation),
    columns: [
      nameColumn,
      namespaceColumn,
      { id: 'hostnames', header: 'Hostnames', text: hostnamesText },
      { id: 'parents', header: 'Parents', text: parentsText },
      { id: 'backends', header: 'Backends', text: backendsText },
      statusColumn(routeRequired, routeConditions),
      ageColumn,
    ],
    emptyHint: 'No GRPCRoute yet. GRPCRoutes route gRPC services and methods (Gateway API v1.1, ASM 1.22 and later).',
  },
  ReferenceGrant: {
    title: 'Reference grants',
    href: path('/reference-grants'),
    state: () => 'ok',
    columns: [
      nameColumn,
      namespaceColumn,
      { id: 'from', header: 'From', text: (o) => grantText(o).from },
      { id: 'to', header: 'To', text: (o) => grantText(o).to },
      ageColumn,
    ],
    emptyHint:
      'No ReferenceGrant. Routes may only reference Services in their own namespace until a ReferenceGrant in the target namespace allows it.',
  },
};
