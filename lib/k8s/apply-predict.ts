import 'server-only';
import { parseDocument } from 'yaml';
import { changeImpact } from '@/lib/gateway-api';
import { checkIdentity } from '@/lib/authoring/identity';
import { grantPrediction, predictionFor, type PredictionLine } from '@/lib/authoring/prediction';
import { getClusterCache } from './cache/registry';
import { snapshotOf } from './snapshot';

/**
 * Runs the engine on the live snapshot plus one draft object and says what the controller will
 * report for it, before anything is written.
 */
export async function predictDraftObject(context: string | undefined, yaml: string): Promise<PredictionLine[]> {
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0) return [{ tone: 'warning', text: 'Fix the YAML syntax to see the prediction.' }];
  const value = doc.toJS() as unknown;
  const id = checkIdentity(value);
  if (!id.ok) return [{ tone: 'warning', text: id.message }];
  const obj = value as { metadata: { namespace?: string } };
  const namespace = id.identity.namespace ?? 'default';
  obj.metadata.namespace = namespace;
  const cache = await getClusterCache(context);
  const report = changeImpact(snapshotOf(cache), { apply: [obj], delete: [] });
  if (id.identity.kind === 'ReferenceGrant') return grantPrediction(report.conditions);
  return predictionFor(id.identity.kind, `${namespace}/${id.identity.name}`, report.after);
}
