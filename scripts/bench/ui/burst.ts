/**
 * A watch burst: 1,000 HTTPRoute changes sent to the cluster's API (merge patches, 16 in flight, as a GitOps sync
 * or a bulk kubectl apply sends them) while the routes list is open. Measures how long after the last change was
 * acknowledged the list shows it, and how many React commits the page made from the first change until then.
 */
import https from 'node:https';
import type { Page } from '@playwright/test';
import type { JsonObject } from '../../../lib/local/apiserver/types';
import type { SeedObject } from '../../../lib/local/seed/objects';
import type { ClusterReady } from './stack';

/** What one burst cost. */
export interface BurstRun {
  changes: number;
  /** First patch sent → last patch acknowledged, ms. */
  sendMs: number;
  /** Last patch acknowledged → its change painted in the list, ms. */
  renderMs: number;
  /** React commits from the first patch sent until the last change was painted. */
  commits: number;
  /** React commits until the page was quiet for a second (includes the controller's status writes). */
  commitsUntilQuiet: number;
}

/**
 * Sends `changes` hostname patches, cycling over the first routes by name so that the very last change lands on the
 * first row of the list (sorted by name), then waits for that row to show it.
 */
export async function watchBurst(page: Page, cluster: ClusterReady, routes: SeedObject[], changes = 1_000): Promise<BurstRun> {
  // Unique per run: on a reused cluster the previous burst's last value is already on screen.
  const run = Date.now().toString(36);
  const byName = [...routes].sort((a, b) => name(a).localeCompare(name(b))).slice(0, Math.min(changes, routes.length));
  const plan = Array.from({ length: changes }, (_, k) => {
    const route = byName[byName.length - 1 - (k % byName.length)] as SeedObject;
    const spec = route.object.spec as { hostnames: string[] };
    return { route, body: { spec: { hostnames: spec.hostnames.map((h) => `b${k}-${run}-${h}`) } } };
  });
  const marker = `b${changes - 1}-${run}-`;
  const agent = new https.Agent({ keepAlive: true, maxSockets: 16, ca: cluster.caPem });
  const start = Date.now();
  const pageStart = await page.evaluate(() => performance.timeOrigin);
  let next = 0;
  let lastAck = 0;
  const worker = async (): Promise<void> => {
    while (next < plan.length) {
      const p = plan[next++]!;
      await patch(cluster, agent, `${p.route.path}/${name(p.route)}`, p.body);
      lastAck = Math.max(lastAck, Date.now());
    }
  };
  try {
    await Promise.all(Array.from({ length: 16 }, worker));
  } finally {
    agent.destroy();
  }
  const seenAt = await page.evaluate(
    (m) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + 30_000;
        const look = (): void => {
          const first = document.querySelector('.resource-table-body [role=row][aria-rowindex]');
          if (first?.textContent?.includes(m)) requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
          else if (performance.now() > deadline) reject(new Error(`the list did not show ${m} within 30 s`));
          else requestAnimationFrame(look);
        };
        look();
      }),
    marker,
  );
  const quiet = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const started = performance.now();
        const poll = (): void => {
          const last = window.__bench.commits.at(-1) ?? 0;
          if (performance.now() - last > 1_000 || performance.now() - started > 20_000) resolve(window.__bench.commits);
          else setTimeout(poll, 100);
        };
        poll();
      }),
  );
  const epoch = quiet.map((t) => pageStart + t);
  return {
    changes,
    sendMs: lastAck - start,
    renderMs: Math.max(0, seenAt - lastAck),
    commits: epoch.filter((t) => t >= start && t <= seenAt).length,
    commitsUntilQuiet: epoch.filter((t) => t >= start).length,
  };
}

const name = (o: SeedObject): string => String((o.object.metadata as JsonObject).name);

function patch(t: ClusterReady, agent: https.Agent, path: string, body: JsonObject): Promise<void> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, t.url),
      {
        method: 'PATCH',
        agent,
        timeout: 60_000,
        headers: {
          Authorization: `Bearer ${t.token}`,
          'Content-Type': 'application/merge-patch+json',
          Accept: 'application/json',
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`PATCH ${path} answered ${res.statusCode}`))));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`PATCH ${path} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}
