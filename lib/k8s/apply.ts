import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { parseManifests } from '@/lib/authoring/parse-manifests';
import type { ManifestsOutcome } from '@/lib/authoring/types';
import type { K8sObject } from '@/lib/model/objects';
import { runDocument } from './apply-document';
import { getClusterCache } from './cache/registry';

/** A dry run or apply request, already validated by the server action. */
export interface ManifestsRequest {
  context?: string;
  yaml: string;
  dryRun: boolean;
  /** Overwrite: skip the resourceVersion guard and take over conflicting fields (SSA `force`). */
  force?: boolean;
  /** resourceVersion the editor loaded, per `Kind/namespace/name`. */
  expected?: Record<string, string>;
}

/** The outcome per document, and the server's objects (for the change impact). */
export interface ManifestsRun {
  outcome: ManifestsOutcome;
  objects: K8sObject[];
}

/**
 * Writes a multi-document manifest the way `kubectl apply --server-side` does, in document order,
 * each document on its own: one failing document never hides the others' results. With `dryRun`
 * nothing is persisted (`dryRun=All`), which is what the editor shows before the real apply.
 */
export async function runManifests(req: ManifestsRequest): Promise<ManifestsRun> {
  const cache = await getClusterCache(req.context);
  return runManifestsWith(cache.kubeConfig, req);
}

/** {@link runManifests} with explicit credentials (tests, scripts). */
export async function runManifestsWith(config: KubeConfig, req: ManifestsRequest): Promise<ManifestsRun> {
  const { documents, lineCounter } = parseManifests(req.yaml);
  const author = config.getCurrentUser()?.name ?? config.getCurrentContext();
  const outcome: ManifestsOutcome = { dryRun: req.dryRun, documents: [] };
  const objects: K8sObject[] = [];
  for (const m of documents) {
    const run = await runDocument(config, m, lineCounter, {
      dryRun: req.dryRun,
      force: req.force === true,
      expected: req.expected ?? {},
      author: `${author} (via Portico)`,
    });
    outcome.documents.push(run.result);
    if (run.after) objects.push(run.after);
  }
  return { outcome, objects };
}
