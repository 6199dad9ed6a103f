/**
 * Building a Snapshot from decoded Kubernetes objects or YAML text (controller, tools, tests).
 * Pure: parses YAML text it is given, reads no files.
 */
import { parseAllDocuments } from 'yaml';
import type { Snapshot } from './types';
import { emptySnapshot } from './types';

/** Adds one decoded Kubernetes object to a snapshot by its kind (unknown kinds are ignored). */
export function addObject(s: Snapshot, obj: unknown): void {
  if (!obj || typeof obj !== 'object') return;
  const o = obj as { kind?: string };
  switch (o.kind) {
    case 'GatewayClass':
      s.gatewayClasses.push(obj as Snapshot['gatewayClasses'][number]);
      break;
    case 'Gateway':
      s.gateways.push(obj as Snapshot['gateways'][number]);
      break;
    case 'HTTPRoute':
      s.httpRoutes.push(obj as Snapshot['httpRoutes'][number]);
      break;
    case 'GRPCRoute':
      s.grpcRoutes.push(obj as Snapshot['grpcRoutes'][number]);
      break;
    case 'ReferenceGrant':
      s.referenceGrants.push(obj as Snapshot['referenceGrants'][number]);
      break;
    case 'Service':
      s.services.push(obj as Snapshot['services'][number]);
      break;
    case 'EndpointSlice':
      s.endpointSlices.push(obj as Snapshot['endpointSlices'][number]);
      break;
    case 'Secret':
      s.secrets.push(toSecretSummary(obj));
      break;
    case 'Namespace':
      s.namespaces.push(obj as Snapshot['namespaces'][number]);
      break;
    case 'ASMMeshConfig':
      s.meshConfig = obj as Snapshot['meshConfig'];
      break;
    default:
      break;
  }
}

/** A Secret summary from a Secret (data values dropped) or from a summary already. */
export function toSecretSummary(obj: unknown): Snapshot['secrets'][number] {
  const o = obj as {
    metadata: Snapshot['secrets'][number]['metadata'];
    type?: string;
    keys?: string[];
    data?: Record<string, unknown>;
  };
  return { metadata: o.metadata, type: o.type ?? 'Opaque', keys: o.keys ?? Object.keys(o.data ?? {}).sort() };
}

/** Parses multi-document YAML texts into one snapshot. */
export function snapshotFromYaml(...texts: string[]): Snapshot {
  const s = emptySnapshot();
  for (const text of texts) for (const doc of parseAllDocuments(text)) addObject(s, doc.toJS());
  return s;
}
