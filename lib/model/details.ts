/** What a detail page shows about one object, computed on the server. */
import type { HealthState } from './overview';
import type { K8sObject } from './objects';

export interface ConditionView {
  status: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/**
 * One condition as the cluster's controller wrote it next to what Portico's engine computes from
 * the same objects. `agree` is false when status or reason differ: a finding users want to see.
 */
export interface ConditionComparison {
  /** Where the condition lives: `Gateway`, `listener https`, `parent istio-system/gateway`. */
  scope: string;
  type: string;
  cluster?: ConditionView;
  portico?: ConditionView;
  /** The cluster's condition was written for an older generation of the spec. */
  stale: boolean;
  agree: boolean;
}

export interface RelatedObject {
  kind: string;
  namespace?: string;
  name: string;
  href?: string;
  /** How it relates, e.g. `attached to listener default`, `backend`, `parent`. */
  relation: string;
  state?: HealthState;
  note?: string;
}

export interface EventView {
  type: string;
  reason: string;
  message: string;
  count: number;
  lastSeen?: string;
  source?: string;
}

export interface ObjectDetails {
  kind: string;
  context: string;
  object: K8sObject;
  generation?: number;
  conditions: ConditionComparison[];
  related: RelatedObject[];
  events: EventView[];
  /** Set when the engine could not analyse this object (e.g. its class is unknown). */
  analysisNote?: string;
  /** Findings outside the object's own status, e.g. the same Gateway in two data-plane clusters. */
  warnings?: string[];
}
