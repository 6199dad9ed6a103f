// @ts-check

// next.config.js is CommonJS (loaded before any TypeScript is compiled), so the policy module is too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nextHeaderRules } = require('./lib/security/csp.js');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds (e.g. a developer's server and a test run) live side by side without clobbering each other.
  distDir: process.env.PORTICO_DIST_DIR ?? '.next',
  // The container image builds with PORTICO_STANDALONE=1 and runs the standalone server with plain
  // `node`; `npm start` uses `next start`, which the standalone output does not support.
  ...(process.env.PORTICO_STANDALONE === '1' ? { output: 'standalone' } : {}),
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // monaco-yaml's worker (through monaco-worker-manager) imports the pre-0.50 path of Monaco's worker
      // entry; monaco-editor 0.57's exports map serves the same file at `monaco-editor/editor/editor.worker`.
      'monaco-editor/esm/vs/editor/editor.worker.js': 'monaco-editor/editor/editor.worker.js',
    },
  },
  // CSP and the other security headers on every page, route handler and asset (lib/security/csp.js).
  async headers() {
    return nextHeaderRules({ dev: process.env.NODE_ENV === 'development' });
  },
  // Native and Node-only packages stay outside the server bundle: they are loaded from node_modules at run time.
  serverExternalPackages: ['@kubernetes/client-node', 'better-sqlite3', '@peculiar/x509', 'tsyringe'],
  // `npm test` type-checks the whole tree with `tsc --noEmit` first; checking again inside every build only
  // makes `npm start` slower.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
