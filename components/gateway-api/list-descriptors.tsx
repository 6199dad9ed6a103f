import type { ListDescriptor } from '@/components/resources/column';
import { StatusCell } from '@/components/gateway-api/status-cell';
import { formatAge } from '@/lib/model/age';
import type { KindName } from '@/lib/model/kinds';
import { rowSpecs, type ListRow } from '@/lib/model/list-rows';

const cells = {
  status: (r: ListRow) => <StatusCell state={r.state} {...(r.problem ? { problem: r.problem } : {})} />,
  // The server's age text is as old as the row; render it from the timestamp so it is current.
  age: (r: ListRow) => <span suppressHydrationWarning>{formatAge(r.created)}</span>,
};

const widths = { name: '16%', namespace: '10%', status: '15%', age: '4.5rem', rules: '5.5rem', class: '8rem' };

/** The list views of the Gateway API kinds, as data (ARCHITECTURE habit 3); columns live in lib/model/list-rows. */
export const listDescriptors: Partial<Record<KindName, ListDescriptor>> = {
  Gateway: {
    title: 'Gateways',
    spec: rowSpecs.Gateway!,
    cells,
    widths,
    emptyHint:
      'No Gateway yet. A Gateway binds to a pre-deployed ingress gateway through spec.addresses and opens listeners on its ports.',
  },
  GatewayClass: {
    title: 'Gateway classes',
    spec: rowSpecs.GatewayClass!,
    cells,
    widths,
    emptyHint: 'No GatewayClass. The implementation (ASM: the istio class) installs one.',
  },
  HTTPRoute: {
    title: 'HTTPRoutes',
    spec: rowSpecs.HTTPRoute!,
    cells,
    widths,
    emptyHint: 'No HTTPRoute yet. An HTTPRoute attaches to a Gateway through parentRefs and sends matching requests to Services.',
  },
  GRPCRoute: {
    title: 'GRPCRoutes',
    spec: rowSpecs.GRPCRoute!,
    cells,
    widths,
    emptyHint: 'No GRPCRoute yet. GRPCRoutes route gRPC services and methods (Gateway API v1.1, ASM 1.22 and later).',
  },
  ReferenceGrant: {
    title: 'Reference grants',
    spec: rowSpecs.ReferenceGrant!,
    cells: { age: cells.age },
    widths,
    emptyHint:
      'No ReferenceGrant. Routes may only reference Services in their own namespace until a ReferenceGrant in the target namespace allows it.',
  },
};
