'use client';

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { configureMonacoYaml, type MonacoYaml, type MonacoYamlOptions } from 'monaco-yaml';

/**
 * Monaco from our own origin: the bundled `monaco-editor` package instead of the loader's CDN
 * default (users may be offline, and a console must not fetch code from a third party), and its
 * web workers built from our sources with `new Worker(new URL(…, import.meta.url))`.
 */
self.MonacoEnvironment = {
  getWorker(): Worker {
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module', name: 'editor' });
  },
};
loader.config({ monaco });

/**
 * monaco-yaml 5 (through monaco-worker-manager) still calls the pre-0.50 `createWebWorker({ label,
 * createData })`; Monaco 0.57 wants the Worker itself. This adapter starts the YAML worker from our
 * origin and hands it its createData the way monaco-worker-manager's worker side waits for it:
 * one message to start listening, then the data.
 */
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: { createData?: unknown }) => {
      const worker = new Worker(new URL('monaco-yaml/yaml.worker', import.meta.url), { type: 'module', name: 'yaml' });
      worker.postMessage('start');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker });
    },
  },
} as unknown as typeof monaco;

/** The URI every manifest model is matched on, so one schema covers every editor in the tab. */
export const MANIFEST_SCHEMA_URI = 'portico://schemas/manifest.json';

let yaml: MonacoYaml | undefined;
let schemaFor: string | undefined;

/**
 * Configures monaco-yaml once per tab and swaps its schema when the context's CRDs change. The
 * schema is matched to every model (`fileMatch: ['*']`); inside it, each document picks the
 * schema of its own apiVersion and kind.
 */
export function setManifestSchema(schema: object | undefined, key: string): void {
  if (!schema || schemaFor === key) return;
  schemaFor = key;
  const options: MonacoYamlOptions = {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [{ uri: MANIFEST_SCHEMA_URI, fileMatch: ['*'], schema: schema as never }],
  };
  if (yaml) void yaml.update(options);
  else yaml = configureMonacoYaml(monacoForYaml, options);
}

export { monaco };
