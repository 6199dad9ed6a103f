/**
 * The Gateway form's model and its mapping onto the YAML draft. The form owns only the fields it
 * shows; `writeGatewayForm` sets exactly those paths (Gateway API v1 `Gateway` spec).
 */
import type { Document } from 'yaml';
import { listLength, pruneEmpty, readString, resizeList, writeScalar } from './yaml-edit';

/** How a listener chooses the namespaces of routes it accepts (spec: `allowedRoutes.namespaces.from`). */
export type RoutesFrom = 'All' | 'Same' | 'Selector' | '';

/** One listener as the form edits it. */
export interface ListenerForm {
  name: string;
  hostname: string;
  port: string;
  protocol: string;
  tlsMode: string;
  certificateRefs: Array<{ name: string; namespace: string }>;
  from: RoutesFrom;
  /** matchLabels as `key=value` pairs separated by commas (only with `Selector`). */
  selector: string;
}

/** The Gateway form's model. */
export interface GatewayForm {
  name: string;
  namespace: string;
  gatewayClassName: string;
  /** ASM binding: the ingress gateway Service hostname in `spec.addresses[0]` (type Hostname). */
  address: string;
  listeners: ListenerForm[];
}

/** Reads the form model from the draft. */
export function readGatewayForm(doc: Document): GatewayForm {
  const n = listLength(doc, ['spec', 'listeners']);
  return {
    name: readString(doc, ['metadata', 'name']),
    namespace: readString(doc, ['metadata', 'namespace']),
    gatewayClassName: readString(doc, ['spec', 'gatewayClassName']),
    address: readString(doc, ['spec', 'addresses', 0, 'value']),
    listeners: Array.from({ length: n }, (_, i) => readListener(doc, i)),
  };
}

function readListener(doc: Document, i: number): ListenerForm {
  const p = ['spec', 'listeners', i];
  const refs = listLength(doc, [...p, 'tls', 'certificateRefs']);
  const labels = doc.getIn([...p, 'allowedRoutes', 'namespaces', 'selector', 'matchLabels']) as
    { toJSON?: () => Record<string, string> } | undefined;
  const matchLabels = labels?.toJSON?.() ?? {};
  return {
    name: readString(doc, [...p, 'name']),
    hostname: readString(doc, [...p, 'hostname']),
    port: readString(doc, [...p, 'port']),
    protocol: readString(doc, [...p, 'protocol']),
    tlsMode: readString(doc, [...p, 'tls', 'mode']),
    certificateRefs: Array.from({ length: refs }, (_, j) => ({
      name: readString(doc, [...p, 'tls', 'certificateRefs', j, 'name']),
      namespace: readString(doc, [...p, 'tls', 'certificateRefs', j, 'namespace']),
    })),
    from: readString(doc, [...p, 'allowedRoutes', 'namespaces', 'from']) as RoutesFrom,
    selector: Object.entries(matchLabels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  };
}

/** Writes the form model into the draft, touching only the fields the form owns. */
export function writeGatewayForm(doc: Document, f: GatewayForm): void {
  writeScalar(doc, ['metadata', 'name'], f.name);
  writeScalar(doc, ['metadata', 'namespace'], f.namespace);
  writeScalar(doc, ['spec', 'gatewayClassName'], f.gatewayClassName);
  if (f.address) {
    if (listLength(doc, ['spec', 'addresses']) === 0) resizeList(doc, ['spec', 'addresses'], 1);
    writeScalar(doc, ['spec', 'addresses', 0, 'type'], 'Hostname');
    writeScalar(doc, ['spec', 'addresses', 0, 'value'], f.address);
  } else if (listLength(doc, ['spec', 'addresses']) === 1) resizeList(doc, ['spec', 'addresses'], 0);
  resizeList(doc, ['spec', 'listeners'], f.listeners.length);
  f.listeners.forEach((l, i) => writeListener(doc, i, l));
}

function writeListener(doc: Document, i: number, l: ListenerForm): void {
  const p = ['spec', 'listeners', i];
  writeScalar(doc, [...p, 'name'], l.name);
  writeScalar(doc, [...p, 'hostname'], l.hostname);
  writeScalar(doc, [...p, 'port'], /^\d+$/.test(l.port) ? Number(l.port) : l.port);
  writeScalar(doc, [...p, 'protocol'], l.protocol);
  writeScalar(doc, [...p, 'tls', 'mode'], l.tlsMode);
  resizeList(doc, [...p, 'tls', 'certificateRefs'], l.certificateRefs.length);
  l.certificateRefs.forEach((r, j) => {
    writeScalar(doc, [...p, 'tls', 'certificateRefs', j, 'name'], r.name);
    writeScalar(doc, [...p, 'tls', 'certificateRefs', j, 'namespace'], r.namespace);
  });
  pruneEmpty(doc, [...p, 'tls']);
  const ns = [...p, 'allowedRoutes', 'namespaces'];
  writeScalar(doc, [...ns, 'from'], l.from);
  if (l.from === 'Selector') {
    const pairs = l.selector
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => s.split('=').map((x) => x.trim()) as [string, string]);
    if (doc.hasIn([...ns, 'selector', 'matchLabels'])) doc.deleteIn([...ns, 'selector', 'matchLabels']);
    for (const [k, v] of pairs) if (k) writeScalar(doc, [...ns, 'selector', 'matchLabels', k], v ?? '');
    pruneEmpty(doc, [...ns, 'selector']);
  } else if (doc.hasIn([...ns, 'selector'])) doc.deleteIn([...ns, 'selector']);
  pruneEmpty(doc, ns);
  pruneEmpty(doc, [...p, 'allowedRoutes']);
}
