import fs from 'node:fs';
import path from 'node:path';

/**
 * The app's pages, route handlers and server actions as the production build lists them, so the
 * security spec covers every one, including any added later without a test of its own.
 */
export interface BuildRoutes {
  pages: string[];
  routes: string[];
  /** Server action ids with the module and export they come from. */
  actions: Array<{ id: string; name: string; module: string; page: string }>;
}

const distDir = path.resolve(__dirname, '..', process.env.PORTICO_DIST_DIR ?? '.next');
/** Values for dynamic segments: objects of the seed (the ASM walkthrough). */
const SEGMENTS: Record<string, string> = { namespace: 'istio-system', name: 'gateway', kind: 'Gateway' };

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(distDir, file), 'utf8')) as unknown;
}

/** `/(console)/gateways/[namespace]/[name]/page` → `/gateways/istio-system/gateway`. */
function toUrl(entry: string): string {
  const url = entry
    .replace(/\/(page|route)$/, '')
    .split('/')
    .filter((s) => !/^\(.*\)$/.test(s))
    .map((s) => s.replace(/^\[(\w+)\]$/, (_, seg: string) => SEGMENTS[seg] ?? seg))
    .join('/');
  return url || '/';
}

/** Reads app-paths-manifest.json and server-reference-manifest.json of the build the e2e server runs. */
export function buildRoutes(): BuildRoutes {
  const appPaths = Object.keys(readJson('server/app-paths-manifest.json') as Record<string, string>).filter(
    (p) => !p.startsWith('/_'),
  );
  const refs = readJson('server/server-reference-manifest.json') as {
    node?: Record<string, { workers?: Record<string, { moduleId?: unknown }>; exportedName?: string; filename?: string }>;
  };
  return {
    pages: appPaths
      .filter((p) => p.endsWith('/page'))
      .map(toUrl)
      .sort(),
    routes: appPaths
      .filter((p) => p.endsWith('/route'))
      .map(toUrl)
      .sort(),
    actions: Object.entries(refs.node ?? {}).map(([id, e]) => {
      // An action is served on the pages that import it; post it to the first of them.
      const worker = Object.keys(e.workers ?? {}).find((w) => w.startsWith('app/') && w.endsWith('/page')) ?? 'app/page';
      return { id, name: e.exportedName ?? '?', module: e.filename ?? '?', page: toUrl(worker.slice('app'.length)) };
    }),
  };
}
