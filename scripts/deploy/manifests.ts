/**
 * Reads the Kubernetes manifests under deploy/ as plain objects, for the schema checks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The deploy/ directory of the repository. */
export const DEPLOY_DIR = path.resolve(__dirname, '../../deploy');

/** One manifest document and the file it came from. */
export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  object: Record<string, unknown>;
}

/** Every non-empty YAML document of every `*.yaml` file in `dir`, in the order kubectl applies them. */
export function loadManifests(dir = DEPLOY_DIR): Manifest[] {
  const out: Manifest[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    for (const doc of parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      const object: unknown = doc.toJS();
      if (!isRecord(object)) continue;
      const metadata = isRecord(object.metadata) ? object.metadata : {};
      out.push({
        file,
        apiVersion: String(object.apiVersion),
        kind: String(object.kind),
        name: String(metadata.name),
        namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
        object,
      });
    }
  }
  return out;
}

/** Narrows to a plain JSON object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows a dotted path of object keys; undefined as soon as a step is missing. */
export function at(v: unknown, dotted: string): unknown {
  let node = v;
  for (const key of dotted.split('.')) node = isRecord(node) ? node[key] : undefined;
  return node;
}

/** The array at a dotted path, or [] when it is missing or not an array. */
export function listAt(v: unknown, dotted: string): unknown[] {
  const node = at(v, dotted);
  return Array.isArray(node) ? node : [];
}
