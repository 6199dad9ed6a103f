/** Where a node's object is shown in the console, for click-through from the graph and the table. */
import type { ViewNode } from './types';

const seg = (s: string) => encodeURIComponent(s);

/** Detail page of the object a node stands for, or undefined (entry points, Services, missing objects). */
export function nodeHref(n: ViewNode): string | undefined {
  const key = n.objectKey;
  if (!key) return undefined;
  const [ns, name] = key.split('/');
  if (!ns || !name) return undefined;
  if (n.kind === 'gateway' || n.kind === 'listener') return `/gateways/${seg(ns)}/${seg(name)}`;
  if (n.kind === 'route' || n.kind === 'rule') {
    const grpc = n.id.startsWith('route:GRPCRoute:') || n.id.startsWith('rule:GRPCRoute:');
    return `/routes/${grpc ? 'grpc' : 'http'}/${seg(ns)}/${seg(name)}`;
  }
  return undefined;
}

/** Short kind name as a reader says it. */
export function kindLabel(n: ViewNode): string {
  switch (n.kind) {
    case 'entry':
      return 'Entry point';
    case 'gateway':
      return 'Gateway';
    case 'listener':
      return 'Listener';
    case 'route':
      return n.id.startsWith('route:GRPCRoute:') ? 'GRPCRoute' : 'HTTPRoute';
    case 'rule':
      return 'Rule';
    case 'service':
      return 'Service';
    case 'missing':
      return 'Missing';
  }
}

/** The node's name without its kind prefix (labels of routes and Services start with their kind). */
export function displayName(n: ViewNode): string {
  return n.label.replace(/^(HTTPRoute|GRPCRoute|Service) /, '');
}
