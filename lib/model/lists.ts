import type { KindName } from './kinds';
import type { K8sObject } from './objects';

/** What the console server says about a kind's watch beside its objects or rows. */
export interface ListState {
  kind: KindName;
  context: string;
  /** False when the cluster does not serve the kind at all (no CRD). */
  served: boolean;
  version?: string;
  /** True while the watch is reconnecting: the items may be out of date. */
  stale: boolean;
  error?: string;
}

/** A kind's objects as the console server answers them. */
export interface ObjectList extends ListState {
  items: K8sObject[];
}
