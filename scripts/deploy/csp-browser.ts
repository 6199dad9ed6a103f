/**
 * Loads pages in a real Chromium and collects what the Content-Security-Policy blocked, so a
 * policy that is too strict for Next.js, Monaco or the layout worker shows up before users see a
 * blank page. Uses the Chromium the e2e tests use; never downloads a browser.
 */
import { chromium } from '@playwright/test';

/** One blocked load or script error, with the page it happened on. */
export interface CspProblem {
  page: string;
  message: string;
}

/**
 * Visits every `paths` under `base`, waiting for the network to settle, and returns the CSP problems.
 * With `signInPath` (e.g. `/?token=…`), signs in first so the console pages, not the sign-in page, load.
 */
export async function cspProblems(base: string, paths: string[], signInPath?: string): Promise<CspProblem[]> {
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? '/usr/bin/chromium' });
  const problems: CspProblem[] = [];
  try {
    const context = await browser.newContext();
    if (signInPath) {
      const page = await context.newPage();
      await page.goto(`${base}${signInPath}`, { waitUntil: 'load' });
      await page.close();
    }
    for (const p of paths) {
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (/Content Security Policy|Refused to (load|execute|create|connect|apply|evaluate)/i.test(msg.text()))
          problems.push({ page: p, message: msg.text() });
      });
      page.on('pageerror', (err) => {
        if (/EvalError|Content Security Policy/i.test(err.message)) problems.push({ page: p, message: err.message });
      });
      await page.goto(`${base}${p}`, { waitUntil: 'load' });
      // Let client components hydrate and start their workers.
      await page.waitForTimeout(1500);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return problems;
}
