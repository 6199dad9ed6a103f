/**
 * Shapes of an authoring round trip (dry run or apply), shared by the server and the browser:
 * plain, serializable data only.
 */
import type { K8sObject } from '@/lib/model/objects';

/** What happened to one document, in `kubectl apply`'s words. */
export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'failed';

/** One problem with a document, placed on its line when the field could be found. */
export interface FieldProblem {
  /** Kubernetes field path as the API reports it, e.g. `spec.listeners[0].hostname`. */
  field?: string;
  message: string;
  /** 1-based line and column in the whole editor text. */
  line?: number;
  column?: number;
}

/**
 * A write that would overwrite someone else's change: the live object changed since the editor
 * loaded it (resourceVersion), or server-side apply found fields owned by another manager.
 */
export interface VersionConflict {
  reason: 'resourceVersion' | 'fieldManager';
  /** resourceVersion the editor loaded ('' for field-manager conflicts). */
  expected: string;
  /** resourceVersion live now ('' when the object was deleted). */
  live: string;
  /** The live object as it is now, cleaned for display. */
  liveYaml: string;
}

/** The result of one document of a multi-document manifest. */
export interface DocumentResult {
  /** 0-based position among the non-empty documents. */
  index: number;
  /** 1-based line where the document starts. */
  line: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** {@link objectRef} of the object, when its identity could be read. */
  ref?: string;
  outcome: ApplyOutcome;
  /** Live object before, and the server's answer after (both cleaned), as YAML for the diff view. */
  beforeYaml?: string;
  afterYaml?: string;
  /** Live resourceVersion after a real apply, so the editor can keep editing without a false conflict. */
  resourceVersion?: string;
  problems: FieldProblem[];
  conflict?: VersionConflict;
}

/** A compact, serializable view of the engine's change impact. */
export interface ImpactSummary {
  attached: Array<{ gateway: string; listener: string; route: string; routeKind: string; hostnames: string[] }>;
  detached: Array<{ gateway: string; listener: string; route: string; routeKind: string; hostnames: string[] }>;
  hostnamesGained: Array<{ gateway: string; listener: string; port: number; hostname: string; routes: string[] }>;
  hostnamesLost: Array<{ gateway: string; listener: string; port: number; hostname: string; routes: string[] }>;
  conditions: Array<{
    kind: string;
    object: string;
    type: string;
    before?: { status: string; reason: string };
    after?: { status: string; reason: string; message: string };
  }>;
}

/** What a dry run or an apply answers. */
export interface ManifestsOutcome {
  dryRun: boolean;
  documents: DocumentResult[];
  /** Present after a dry run whose documents include Gateway API objects. */
  impact?: ImpactSummary;
  /** Why the impact could not be computed, when it could not. */
  impactError?: string;
}

/** The key the editor uses to remember which resourceVersion it loaded: `Kind/namespace/name`. */
export function objectRef(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

/** The keys of a cleaned object, for callers that only hold an object. */
export function refOfObject(obj: K8sObject): string | undefined {
  return obj.kind ? objectRef(obj.kind, obj.metadata.namespace, obj.metadata.name) : undefined;
}
