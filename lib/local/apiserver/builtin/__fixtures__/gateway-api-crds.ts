/**
 * Test helper: every CustomResourceDefinition document of every shipped Gateway API bundle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { JsonObject } from '../../types';

/** Root of the shipped bundles. */
export const BUNDLES_DIR = path.resolve(__dirname, '../../../crds/gateway-api');

/** One CRD with the file it came from (relative to {@link BUNDLES_DIR}). */
export interface CrdFixture {
  file: string;
  crd: JsonObject;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return entry.endsWith('.yaml') ? [full] : [];
  });
}

/** Loads the CRDs of one bundle folder (e.g. `v0.6.0` or `v1.1.0/experimental`), or of all. */
export function loadCrds(subdir = ''): CrdFixture[] {
  const root = path.join(BUNDLES_DIR, subdir);
  const files =
    subdir.endsWith('experimental') || subdir === ''
      ? yamlFiles(root)
      : readdirSync(root)
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => path.join(root, f));
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map((doc) => doc.toJS() as JsonObject | null)
      .filter((doc): doc is JsonObject => doc !== null && doc.kind === 'CustomResourceDefinition')
      .map((crd) => ({ file: path.relative(BUNDLES_DIR, file), crd })),
  );
}
