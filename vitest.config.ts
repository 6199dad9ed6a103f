import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // `server-only` throws outside a React Server environment; unit tests run server modules directly.
      'server-only': path.resolve(__dirname, 'scripts/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['{lib,components,app,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', '.next', 'e2e'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
