import { getTopology } from '@/app/api/topology/engine-view';
import { FocusedTopology } from '@/components/topology/focused-topology';
import { topologyIds } from '@/lib/gateway-api/topology';
import { describeError } from '@/lib/k8s/errors';

/** Kinds whose detail page embeds their traffic paths. */
export type FocusedKind = 'Gateway' | 'HTTPRoute' | 'GRPCRoute';

/** True for the kinds {@link FocusedTopologySection} draws. */
export function hasFocusedTopology(kind: string): kind is FocusedKind {
  return kind === 'Gateway' || kind === 'HTTPRoute' || kind === 'GRPCRoute';
}

/**
 * The "Traffic paths" section of a Gateway or route detail page: the object's node and its upstream and
 * downstream paths, computed on the server (only the focused part crosses to the browser), then drawn
 * and kept live by the client. A Gateway's rules are folded into its routes to keep the picture small.
 */
export async function FocusedTopologySection({ kind, namespace, name }: { kind: FocusedKind; namespace: string; name: string }) {
  const key = `${namespace}/${name}`;
  const focus = kind === 'Gateway' ? topologyIds.gateway(key) : topologyIds.route(kind, key);
  const collapse = kind === 'Gateway';
  const data = await getTopology(undefined, { focus, collapse }).catch((err: unknown) => ({ error: describeError(err) }));
  return (
    <section aria-labelledby="paths-h" style={{ marginTop: 24 }}>
      <h2 id="paths-h">Traffic paths</h2>
      {'error' in data ? (
        <p className="inline-error" role="alert">
          The traffic paths of {kind} {key} could not be read: {data.error}. Check the cluster connection, then reload.
        </p>
      ) : (
        <FocusedTopology initial={data} focus={focus} collapse={collapse} />
      )}
    </section>
  );
}
