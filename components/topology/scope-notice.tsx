import type { TopologyScope } from '@/lib/topology/scope';
import styles from './topology.module.css';

/**
 * Says what a large cluster's graph leaves out. Above a few thousand nodes the server sends the view of
 * the filters (lib/topology/scope.ts), capped by whole Gateways with the broken ones first: the reader
 * learns how much is hidden and how to reach it (narrow by namespace, Gateway or hostname, or focus).
 */
export function ScopeNotice({ scope }: { scope: Extract<TopologyScope, { mode: 'server' }> }) {
  if (scope.omittedNodes === 0) return null;
  const shown = scope.viewNodes - scope.omittedNodes;
  return (
    <p className={`inline-warning ${styles.scope}`} role="note" aria-label="Graph scope">
      Large cluster: showing{' '}
      {scope.gateways > 0 ? (
        <>
          {scope.shownGateways.toLocaleString('en')} of {scope.gateways.toLocaleString('en')} Gateways (those with problems
          first),{' '}
        </>
      ) : null}
      {shown.toLocaleString('en')} of {scope.viewNodes.toLocaleString('en')} nodes in this view (
      {scope.omittedNodes.toLocaleString('en')} more not drawn). Pick a namespace, Gateway or hostname above, or focus a node, to
      see the rest.
    </p>
  );
}
