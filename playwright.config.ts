import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * e2e runs a real Chromium against the real local stack: `npm start` in embedded mode, on its own
 * port and data directory, so a developer's running console and data are never touched.
 */
const port = Number(process.env.PORTICO_E2E_PORT ?? 3217);
// Set here, in the runner, so the test workers (which inherit its environment) find the same clusters.
const dataDir = (process.env.PORTICO_E2E_DATA_DIR ??= path.join(os.tmpdir(), 'portico-e2e-main'));
const legacyDataDir = (process.env.PORTICO_E2E_LEGACY_DATA_DIR ??= path.join(os.tmpdir(), 'portico-e2e-legacy'));
process.env.PORTICO_E2E_LEGACY_URL ??= `http://127.0.0.1:${port + 1}`;
// A third console in token mode (each user signs in with a Kubernetes token and acts with its RBAC), on
// the main server's cluster: e2e/read-only.spec.ts signs in there as a read-only ServiceAccount.
const tokenDataDir = (process.env.PORTICO_E2E_TOKEN_DATA_DIR ??= path.join(os.tmpdir(), 'portico-e2e-token'));
process.env.PORTICO_E2E_TOKEN_URL ??= `http://127.0.0.1:${port + 2}`;
const chromium = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium';
// Both servers run in local mode with the same access token and session secret, so the session cookie
// e2e/global-sign-in.ts obtains once (cookies are per host, not per port) is valid on either.
const accessToken = (process.env.PORTICO_E2E_ACCESS_TOKEN ??= randomBytes(32).toString('base64url'));
const sessionSecret = (process.env.PORTICO_E2E_SESSION_SECRET ??= randomBytes(32).toString('hex'));
const sessionState = (process.env.PORTICO_E2E_SESSION_STATE ??= path.join(os.tmpdir(), `portico-e2e-session-${port}.json`));
const auditLog = (process.env.PORTICO_E2E_AUDIT_LOG ??= `${dataDir}-audit.jsonl`);
const auth = {
  PORTICO_ACCESS_TOKEN: accessToken,
  PORTICO_SESSION_SECRET: sessionSecret,
  // A whole run must fit in one session's idle window.
  PORTICO_SESSION_IDLE_MINUTES: '600',
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Signs in once with the access token; every test starts signed in (security.spec.ts opts out).
  globalSetup: './e2e/global-sign-in.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    storageState: sessionState,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          // Root in CI needs --no-sandbox; the others keep Chromium from calling out on a closed network.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  // `npm test` builds once before e2e (run `npx next build` first when running Playwright alone); the
  // servers never build, so two of them cannot race to write the same build. The second one acts like an
  // ASM 1.18 cluster: Gateway API v0.6.0, v1beta1 only, no GRPCRoute.
  webServer: [
    {
      command: `npx tsx scripts/start.ts --embedded --reset --no-build --port ${port} --data-dir ${dataDir}`,
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        PORTICO_GATEWAY_API_VERSION: 'v1.1.0',
        ...auth,
        PORTICO_AUDIT_LOG: auditLog,
      },
    },
    {
      command: `npx tsx scripts/start.ts --embedded --reset --no-build --port ${port + 1} --data-dir ${legacyDataDir}`,
      url: `http://127.0.0.1:${port + 1}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { NEXT_TELEMETRY_DISABLED: '1', PORTICO_GATEWAY_API_VERSION: 'v0.6.0', ...auth },
    },
    {
      // No cluster of its own: the main server's kubeconfig (server and CA; each user brings the token).
      command: `npx tsx scripts/start.ts --no-build --port ${port + 2} --data-dir ${tokenDataDir}`,
      url: `http://127.0.0.1:${port + 2}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        PORTICO_AUTH_MODE: 'token',
        PORTICO_KUBECONFIG: path.join(dataDir, 'kubeconfig'),
        PORTICO_SESSION_SECRET: sessionSecret,
        PORTICO_SESSION_IDLE_MINUTES: '600',
        PORTICO_AUDIT_LOG: 'off',
      },
    },
  ],
});
