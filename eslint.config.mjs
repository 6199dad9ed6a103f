import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The import boundaries of ARCHITECTURE.md, enforced. Each rule names the boundary it guards so a
 * failing lint tells the reader which promise the import would break.
 */
const clientNode = {
  name: '@kubernetes/client-node',
  message:
    'Boundary 1: only lib/k8s talks to the Kubernetes API. Use lib/k8s (server) or lib/queries (client); `import type` is fine.',
  allowTypeImports: true,
};
const impureForEngine = [
  {
    group: ['react', 'react-dom', 'react/*', 'next', 'next/*'],
    message: 'Boundary 4: lib/gateway-api and lib/topology are pure: no React or Next.',
  },
  {
    group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'tls', 'crypto', 'child_process'],
    message: 'Boundary 4: the engine is isomorphic: no Node built-ins, no I/O.',
  },
  {
    group: ['@/lib/k8s*', '@/lib/local*', '@/lib/verify*', '@/lib/env*', '@/lib/actions*'],
    message: 'Boundary 4: the engine depends on nothing with I/O.',
  },
];

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      '.portico/**',
      'public/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'next-env.d.ts',
      'lib/local/crds/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    // The files the Next.js configs load the import plugin for; a rule needs its plugin in scope.
    files: ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [clientNode] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './components',
              from: ['./lib/k8s', './lib/local', './lib/verify', './lib/env.ts'],
              message: 'Boundary 3: components reach the server through lib/actions and lib/queries only.',
            },
            {
              target: [
                './app',
                './components',
                './lib/k8s',
                './lib/gateway-api',
                './lib/topology',
                './lib/actions',
                './lib/queries',
                './lib/verify',
                './lib/certs',
              ],
              from: './lib/local',
              message: 'Boundary 5: the embedded cluster is reached through a kubeconfig, never imported by the console.',
            },
          ],
        },
      ],
    },
  },
  {
    // The console's one adapter of the Kubernetes API; and the embedded cluster's own programs (its
    // controller and gateway are cluster-side processes that use client-node as a real controller uses
    // client-go; the console never imports them, see boundary 5).
    files: ['lib/k8s/**', 'lib/local/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // Integration tests start the real embedded cluster as their fixture: the console code they test
    // still reaches it only through a kubeconfig.
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'import/no-restricted-paths': 'off' },
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['lib/gateway-api/**', 'lib/topology/**'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [clientNode], patterns: impureForEngine }] },
  },
];

export default config;
