/** Applying a proposed change (objects to create/update, objects to delete) to a snapshot, purely. */
import { addObject } from './snapshot-input';
import type { Snapshot } from './types';
import { emptySnapshot, keyOf, objectKey } from './types';

/** A proposed change: objects to create or replace, and objects to delete. */
export interface ProposedChange {
  apply: object[];
  delete: Array<{ kind: string; namespace?: string; name: string }>;
}

const FIELD: Record<string, keyof Snapshot> = {
  GatewayClass: 'gatewayClasses',
  Gateway: 'gateways',
  HTTPRoute: 'httpRoutes',
  GRPCRoute: 'grpcRoutes',
  ReferenceGrant: 'referenceGrants',
  Service: 'services',
  EndpointSlice: 'endpointSlices',
  Secret: 'secrets',
  Namespace: 'namespaces',
};

/** A new snapshot with the change applied; the input is not modified. Unknown kinds are ignored. */
export function applyChange(snapshot: Snapshot, change: ProposedChange): Snapshot {
  const out: Snapshot = { ...snapshot };
  const drop = new Map<keyof Snapshot, Set<string>>();
  const mark = (field: keyof Snapshot, key: string) => drop.set(field, (drop.get(field) ?? new Set()).add(key));
  for (const d of change.delete) {
    if (d.kind === 'ASMMeshConfig') delete out.meshConfig;
    const field = FIELD[d.kind];
    if (field) mark(field, keyOf(d.namespace, d.name));
  }
  const added = emptySnapshot();
  for (const obj of change.apply) {
    const o = obj as { kind?: string; metadata?: { name: string; namespace?: string } };
    const field = o.kind ? FIELD[o.kind] : undefined;
    if (o.metadata && field) mark(field, objectKey({ metadata: o.metadata }));
    addObject(added, obj);
  }
  if (added.meshConfig) out.meshConfig = added.meshConfig;
  for (const field of Object.values(FIELD)) {
    const keys = drop.get(field);
    const base = snapshot[field] as Array<{ metadata: { name: string; namespace?: string } }>;
    const kept = keys ? base.filter((x) => !keys.has(objectKey(x))) : base;
    (out[field] as unknown[]) = [...kept, ...(added[field] as unknown[])];
  }
  return out;
}
