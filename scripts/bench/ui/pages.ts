/**
 * First loads of a page in a fresh browser context (empty HTTP cache, as a user's first visit): time from navigation
 * start to the first meaningful content painted, the longest main-thread task meanwhile, and the JavaScript the page
 * downloaded (raw and gzip-compressed, as the existing Page JavaScript section of BENCHMARKS.md measures it).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import type { Session } from './console';
import { installProbes, type PageProbe } from './probes';

/** One first load. */
export interface FirstLoad {
  /** Navigation start → first meaningful content at the next animation frame, ms. */
  contentMs: number;
  /** Longest main-thread task from navigation start until content + 1 s, ms (0 when none over 50 ms). */
  longestTaskMs: number;
  scripts: number;
  jsRawKB: number;
  jsGzipKB: number;
}

/** Opens a page with the probes installed; the caller closes its context. */
export async function openPage(browser: Browser, session: Session, firstSelector?: string): Promise<Page> {
  // A new context has an empty HTTP cache: every page load here is a first visit, signed in.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, storageState: session.storageState });
  // tsx compiles with keepNames, which wraps inner functions in `__name(...)`: give serialized functions that helper.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(installProbes, firstSelector);
  return context.newPage();
}

/** Loads `url` in a fresh context and waits for `selector`. */
export async function firstLoad(
  browser: Browser,
  session: Session,
  url: string,
  selector: string,
  timeoutMs = 60_000,
): Promise<FirstLoad> {
  const page = await openPage(browser, session, selector);
  const scripts: Array<Promise<Buffer | undefined>> = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(res.body().catch(() => undefined));
  });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await page.waitForFunction((sel) => window.__bench.seen[sel] !== undefined, selector, { timeout: timeoutMs, polling: 50 });
    const contentMs = await page.evaluate((sel) => window.__bench.seen[sel] as number, selector);
    await page.waitForTimeout(1_000);
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    const probe = await page.evaluate((): PageProbe => window.__bench);
    const longest = Math.max(0, ...probe.longTasks.filter((t) => t.start <= contentMs + 1_000).map((t) => t.duration));
    const bodies = (await Promise.all(scripts)).filter((b): b is Buffer => b !== undefined);
    return {
      contentMs,
      longestTaskMs: longest,
      scripts: bodies.length,
      jsRawKB: bodies.reduce((n, b) => n + b.length, 0) / 1024,
      jsGzipKB: bodies.reduce((n, b) => n + gzipSync(b).length, 0) / 1024,
    };
  } finally {
    await page.context().close();
  }
}
