import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

/** The embedded cluster the e2e server started, reached with the real kubectl like a user would. */
export interface Cluster {
  kubeconfig: string;
  kubectl(args: string[], input?: string): string;
}

function clusterFor(dataDir: string): Cluster {
  const kubeconfig = path.join(dataDir, 'kubeconfig');
  return {
    kubeconfig,
    kubectl: (args, input) =>
      execFileSync('kubectl', args, {
        env: { ...process.env, KUBECONFIG: kubeconfig },
        input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 30_000,
      }),
  };
}

export const dataDirs = {
  main: process.env.PORTICO_E2E_DATA_DIR ?? path.join(os.tmpdir(), 'portico-e2e-main'),
  legacy: process.env.PORTICO_E2E_LEGACY_DATA_DIR ?? path.join(os.tmpdir(), 'portico-e2e-legacy'),
};

export const test = base.extend<{ cluster: Cluster }>({
  cluster: async ({}, use) => {
    await use(clusterFor(dataDirs.main));
  },
});

export { expect } from '@playwright/test';

/** A unique object name per test run, so reruns against a kept cluster never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
