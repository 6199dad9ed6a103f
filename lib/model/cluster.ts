/**
 * Serializable shapes that cross from the console server to the browser. No credentials ever go in here.
 */

/** A context the console can connect to, without any credential in it (safe to send to the browser). */
export interface ContextSummary {
  name: string;
  cluster: string;
  server: string;
  namespace?: string;
}

/** What the header shows: where the console is connected and whether the API answers. */
export interface ClusterStatus {
  configured: boolean;
  /** True when the kubeconfig is the one the embedded local cluster wrote. */
  embedded: boolean;
  context?: ContextSummary;
  reachable: boolean;
  /** `gitVersion` of the API server, when reachable. */
  version?: string;
  /** A sentence naming what failed and what to do, when not reachable or not configured. */
  problem?: string;
  checkedAt: string;
}
