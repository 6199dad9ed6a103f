/**
 * Reading pasted or uploaded Istio YAML: the objects the migration converts, syntax errors with
 * their lines, what is ignored (and why), and the line of any field a finding points at.
 */
import { locateField, parseManifests } from '@/lib/authoring/parse-manifests';
import type { IstioObject, SourceRef } from './types';

const ISTIO_GROUP = 'networking.istio.io/';
const KINDS = new Set(['Gateway', 'VirtualService', 'DestinationRule']);

/** The input, parsed. */
export interface ParsedIstio {
  objects: IstioObject[];
  /** Syntax errors and documents that are not convertible, with 1-based lines. */
  problems: Array<{ line: number; message: string }>;
  /** The 1-based line of a finding's field (its nearest existing ancestor when absent). */
  lineOf(source: Pick<SourceRef, 'kind' | 'namespace' | 'name' | 'path'>): number | undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses multi-document YAML; `namespace` is applied to objects without one (like `kubectl -n`). */
export function parseIstioYaml(text: string, namespace = 'default'): ParsedIstio {
  const parsed = parseManifests(text);
  const objects: IstioObject[] = [];
  const problems: ParsedIstio['problems'] = [];
  const located: Array<{ key: string; doc: (typeof parsed.documents)[number] }> = [];
  for (const doc of parsed.documents) {
    problems.push(...doc.problems.map((p) => ({ line: p.line ?? doc.line, message: p.message })));
    const v = doc.value;
    if (doc.problems.length > 0 || !isObject(v)) continue;
    const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : '';
    const kind = typeof v.kind === 'string' ? v.kind : '';
    const meta = isObject(v.metadata) ? v.metadata : {};
    if (!apiVersion.startsWith(ISTIO_GROUP) || !KINDS.has(kind)) {
      problems.push({
        line: doc.line,
        message: `ignored: ${kind || 'a document without kind'} (${apiVersion || 'no apiVersion'}) is not an Istio Gateway, VirtualService or DestinationRule`,
      });
      continue;
    }
    if (typeof meta.name !== 'string' || !isObject(v.spec)) {
      problems.push({ line: doc.line, message: `ignored: ${kind} without metadata.name or spec` });
      continue;
    }
    const ns = typeof meta.namespace === 'string' ? meta.namespace : namespace;
    const obj = { ...v, metadata: { ...meta, namespace: ns } } as unknown as IstioObject;
    objects.push(obj);
    located.push({ key: `${kind}/${ns}/${meta.name}`, doc });
  }
  return {
    objects,
    problems,
    lineOf(source) {
      const hit = located.find((l) => l.key === `${source.kind}/${source.namespace}/${source.name}`);
      if (!hit) return undefined;
      return locateField(
        hit.doc,
        parsed.lineCounter,
        source.path.map((p) => p),
      ).line;
    },
  };
}
