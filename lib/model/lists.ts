import type { KindName } from './kinds';
import type { K8sObject } from './objects';

/** A kind's objects as the console server answers them. */
export interface ObjectList {
  kind: KindName;
  context: string;
  /** False when the cluster does not serve the kind at all (no CRD). */
  served: boolean;
  version?: string;
  /** True while the watch is reconnecting: the items may be out of date. */
  stale: boolean;
  error?: string;
  items: K8sObject[];
}
