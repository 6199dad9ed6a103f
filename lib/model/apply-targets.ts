/**
 * What applying a manifest needs, read from its text in the browser before anything is sent, so
 * the Apply button can be disabled (with the reason) for a user who may not write those objects.
 * Pure: YAML in, permission needs out.
 */
import { parseAllDocuments } from 'yaml';
import { kinds, type KindName } from './kinds';
import type { PermissionNeed } from './permissions';

const GROUP_OF_API_VERSION = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');

function field(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

/**
 * The permissions applying `text` needs: per document, `update` on an object the editor loaded (its
 * `Kind/namespace/name` in `expected`: saved with PUT, as `kubectl edit` does) and `patch` on any
 * other (server-side apply is a PATCH; Kubernetes authorizes it as `patch`). A namespaced document
 * without a namespace goes to `default`, as the apply does. Documents of kinds the console does not
 * know, and text that does not parse, add nothing: the dry run reports them.
 */
export function applyNeeds(text: string, expected: Record<string, string> = {}): PermissionNeed[] {
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return [];
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const needs = new Map<string, PermissionNeed>();
  for (const doc of list) {
    if (doc.errors.length) continue;
    const value: unknown = doc.toJS();
    const kind = field(value, 'kind');
    const apiVersion = field(value, 'apiVersion');
    if (typeof kind !== 'string' || typeof apiVersion !== 'string' || !(kind in kinds)) continue;
    const info = kinds[kind as KindName];
    if (GROUP_OF_API_VERSION(apiVersion) !== info.group) continue;
    const meta = field(value, 'metadata');
    const rawNs = field(meta, 'namespace');
    const name = field(meta, 'name');
    const namespace = info.namespaced ? (typeof rawNs === 'string' && rawNs ? rawNs : 'default') : '';
    const ref = `${kind}/${info.namespaced ? namespace : ''}/${typeof name === 'string' ? name : ''}`;
    const verb = expected[ref] !== undefined ? 'update' : 'patch';
    const need = { verb, resource: info.plural, group: info.group, namespace };
    needs.set(`${verb} ${info.plural}.${info.group} ${namespace}`, need);
  }
  return [...needs.values()];
}
