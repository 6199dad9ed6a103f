/**
 * Test support: the served JSON shapes the controller tests read back, and parsers for
 * kubectl's table output.
 */

/** A condition as served. */
export interface ServedCondition {
  type: string;
  status: string;
  reason: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/** A Gateway API object as served (only what the tests read). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; generation?: number; resourceVersion?: string };
  spec?: unknown;
  status?: {
    conditions?: ServedCondition[];
    addresses?: Array<{ type?: string; value: string }>;
    listeners?: Array<{ name: string; attachedRoutes: number; conditions: ServedCondition[]; supportedKinds?: unknown[] }>;
    parents?: Array<{
      parentRef: { name: string; namespace?: string; sectionName?: string };
      controllerName: string;
      conditions: ServedCondition[];
    }>;
  };
}

/** A list as served. */
export interface KubeList {
  items: KubeObject[];
}

/** The condition of `type`, if present. */
export function conditionOf(conditions: readonly ServedCondition[] | undefined, type: string): ServedCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Parses `kubectl get` table output into rows keyed by column header. */
export function gtwTable(stdout: string): Array<Record<string, string>> {
  const [header, ...rows] = stdout.trim().split('\n');
  const cols = (header ?? '').trim().split(/\s+/);
  return rows.map((line) => {
    const cells = line.trim().split(/\s+/);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}
