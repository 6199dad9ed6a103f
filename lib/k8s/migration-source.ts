import 'server-only';
import { targetFromSchemas } from '@/lib/migrate/target';
import type { IstioObject, MigrationTarget, ServiceInfo } from '@/lib/migrate/types';
import { editorSchemas } from './apply-schemas';
import { getClusterCache } from './cache/registry';
import { describeError } from './errors';
import { k8sRequest } from './request';

/** What the Migrate page needs from the cluster. */
export interface MigrationSource {
  context: string;
  /** Undefined when the cluster serves no HTTPRoute (Gateway API CRDs missing). */
  target?: MigrationTarget;
  services: ServiceInfo[];
  /** Istio objects found in the cluster; undefined when networking.istio.io is not served. */
  istioObjects?: IstioObject[];
  error?: string;
}

const ISTIO_KINDS = [
  ['Gateway', 'gateways'],
  ['VirtualService', 'virtualservices'],
  ['DestinationRule', 'destinationrules'],
] as const;

/** Strips what the cluster added (status, managedFields, resourceVersion): the conversion reads spec only. */
function clean(o: Record<string, unknown>, apiVersion: string, kind: string): IstioObject {
  const meta = (o.metadata ?? {}) as Record<string, unknown>;
  return {
    // List items of some servers omit apiVersion and kind; the list says which they are.
    apiVersion,
    kind,
    metadata: { name: meta.name, namespace: meta.namespace, ...(meta.labels ? { labels: meta.labels } : {}) },
    spec: o.spec ?? {},
  } as IstioObject;
}

/**
 * Reads the target (from the installed CRDs' schemas), the Services (ingress gateway lookup,
 * ports, subsets) and, when Istio's networking CRDs are served, the Istio objects to migrate.
 */
export async function migrationSource(context?: string): Promise<MigrationSource> {
  const cache = await getClusterCache(context);
  const schemas = await editorSchemas(context);
  const services: ServiceInfo[] = cache.list('Service').map((s) => {
    const spec = (s.spec ?? {}) as { selector?: Record<string, string>; ports?: ServiceInfo['ports'] };
    return {
      name: s.metadata.name,
      namespace: s.metadata.namespace ?? 'default',
      labels: s.metadata.labels ?? {},
      selector: spec.selector ?? {},
      ports: (spec.ports ?? []).map((p) => ({ port: p.port, ...(p.name ? { name: p.name } : {}) })),
    };
  });
  const out: MigrationSource = { context: cache.context, services };
  const target = targetFromSchemas(schemas.kinds, schemas.schema);
  if (target) out.target = target;
  if (schemas.error) out.error = schemas.error;
  const istio = schemas.kinds.find((k) => k.kind === 'VirtualService' && k.apiVersion.startsWith('networking.istio.io/'));
  if (!istio) return out;
  try {
    const lists = await Promise.all(
      ISTIO_KINDS.map(([, plural]) =>
        k8sRequest<{ items: Array<Record<string, unknown>> }>(cache.kubeConfig, { path: `/apis/${istio.apiVersion}/${plural}` }),
      ),
    );
    out.istioObjects = lists.flatMap((l, i) => l.items.map((o) => clean(o, istio.apiVersion, ISTIO_KINDS[i]?.[0] ?? '')));
  } catch (err) {
    out.error = `Could not list the Istio objects of the cluster (${describeError(err)}); paste them instead.`;
  }
  return out;
}
