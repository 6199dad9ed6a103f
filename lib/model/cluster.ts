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

/**
 * Which context is the ASM mesh instance (where `ASMMeshConfig` lives) and which are data-plane clusters
 * (where Gateways and routes live). ASM keeps them apart; on a single cluster all three are the same.
 */
export interface ClusterRoles {
  mesh: string;
  dataPlanes: string[];
}

/** The context picker's data: every context offered, the one this browser chose, and the roles it set. */
export interface ContextsView {
  current: string;
  contexts: ContextSummary[];
  roles: ClusterRoles;
  /** True when the roles are the defaults (nothing chosen in this browser yet). */
  defaultRoles: boolean;
}

/** Reachability of one context, probed on demand when the picker opens. */
export interface ContextReachability {
  name: string;
  reachable: boolean;
  version?: string;
  problem?: string;
}
