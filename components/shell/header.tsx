import type { ClusterStatus } from '@/lib/model/cluster';
import { ClusterIndicator } from './cluster-indicator';

/** The top bar: which cluster the console is connected to, on every page. */
export function Header({ cluster }: { cluster: ClusterStatus }) {
  return (
    <header className="header">
      <ClusterIndicator initial={cluster} />
    </header>
  );
}
