/**
 * Test helper: the shipped Gateway API CRD bundles, read from lib/local/crds/gateway-api.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { SchemaNode } from '../../types';

const BASE = join(__dirname, '..', '..', '..', 'crds', 'gateway-api');

/** One served version of one CRD of one bundle. */
export interface CrdVersion { bundle: string; file: string; kind: string; version: string; schema: SchemaNode }

interface Crd { kind?: string; spec?: { names?: { kind?: string }; versions?: Array<{ name: string; schema?: { openAPIV3Schema?: SchemaNode } }> } }

/** Every CRD version of every bundle (standard and experimental). */
let all: CrdVersion[] | undefined;

export function allCrdVersions(): CrdVersion[] {
  if (all) return all;
  const out: CrdVersion[] = [];
  for (const bundle of ['v0.6.0', 'v1.1.0', 'v1.6.1']) {
    for (const dir of [bundle, `${bundle}/experimental`]) {
      for (const file of readdirSync(join(BASE, dir)).filter((f) => f.endsWith('.yaml')).sort()) {
        for (const doc of parseAllDocuments(readFileSync(join(BASE, dir, file), 'utf8'))) {
          const crd = doc.toJS() as Crd;
          if (crd?.kind !== 'CustomResourceDefinition') continue;
          for (const v of crd.spec?.versions ?? []) {
            const schema = v.schema?.openAPIV3Schema;
            if (schema) out.push({ bundle: dir, file, kind: crd.spec?.names?.kind ?? '', version: v.name, schema });
          }
        }
      }
    }
  }
  all = out;
  return out;
}

const cache = new Map<string, SchemaNode>();

/** The schema of `kind` at `version` in a bundle folder (`v1.1.0`, `v1.6.1/experimental`). */
export function schemaOf(bundle: string, kind: string, version: string): SchemaNode {
  const k = `${bundle}/${kind}/${version}`;
  let s = cache.get(k);
  if (!s) {
    s = allCrdVersions().find((c) => c.bundle === bundle && c.kind === kind && c.version === version)?.schema;
    if (!s) throw new Error(`no CRD ${k}`);
    cache.set(k, s);
  }
  return s;
}
