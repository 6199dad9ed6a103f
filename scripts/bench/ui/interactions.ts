/**
 * Interactions on an open routes list: a filter keystroke until the rows are re-rendered, and scrolling the whole
 * virtualized list while counting long tasks and dropped frames.
 */
import type { Page } from '@playwright/test';
import { frameStats, type FrameStats } from './frames';

/** Milliseconds from each keydown to the last React commit it caused (the rows re-rendered for the new filter). */
export async function filterKeystrokes(page: Page, query: string): Promise<number[]> {
  const box = page.getByRole('searchbox', { name: 'Filter' });
  const rowCount = (): Promise<string | null> =>
    page.evaluate(() => document.querySelector('.resource-table')?.getAttribute('aria-rowcount') ?? null);
  const unfiltered = await rowCount();
  await box.click();
  const out: number[] = [];
  for (const ch of query) {
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]');
      input?.addEventListener('keydown', (e) => ((window as unknown as { __keyAt: number }).__keyAt = e.timeStamp), {
        once: true,
      });
    });
    await page.keyboard.press(ch);
    // Settled: no commit for 400 ms (longer than the filter's URL debounce), at most 5 s.
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const at = (window as unknown as { __keyAt: number }).__keyAt;
          const started = performance.now();
          const poll = (): void => {
            const last = window.__bench.commits.at(-1) ?? at;
            const now = performance.now();
            if (now - Math.max(last, at) > 400 || now - started > 5_000) resolve(Math.max(0, last - at));
            else setTimeout(poll, 50);
          };
          poll();
        }),
    );
    out.push(ms);
  }
  await box.fill('');
  // Later measurements need the whole list back (the URL is written after a debounce and a server round trip).
  await page.waitForFunction((v) => document.querySelector('.resource-table')?.getAttribute('aria-rowcount') === v, unfiltered, {
    timeout: 30_000,
  });
  return out;
}

/** What scrolling the list top to bottom cost. */
export interface ScrollRun extends FrameStats {
  rows: number;
}

/** Frames a scroll measurement takes at least (the large list's one pass takes ~570). */
const MIN_FRAMES = 120;

/**
 * Scrolls the list's scroll container to its end, a screenful per frame (about 40,000 px/s, past any wheel flick):
 * every frame shows only rows that were not on screen, the hardest case for a virtualized list. A list that ends in
 * fewer than {@link MIN_FRAMES} frames of that goes back to its top and on down again, without pausing, until it
 * has taken that many: 200 rows pass in 11 frames, too few for a share of dropped ones to mean anything.
 */
export async function scrollList(page: Page): Promise<ScrollRun> {
  const raw = await page.evaluate(
    (minFrames) =>
      new Promise<{ times: number[]; tasks: Array<{ start: number; duration: number }>; rows: number }>((resolve) => {
        const el = document.querySelector<HTMLElement>('.table-scroll');
        const table = document.querySelector('.resource-table');
        const rows = Number(table?.getAttribute('aria-rowcount') ?? 1) - 1;
        if (!el) return resolve({ times: [], tasks: [], rows });
        const step = Math.max(200, el.clientHeight);
        const before = window.__bench.longTasks.length;
        const times: number[] = [];
        const started = performance.now();
        const frame = (t: number): void => {
          times.push(t);
          const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
          const enough = times.length > minFrames;
          if ((atEnd && (enough || el.scrollTop === 0)) || performance.now() - started > 20_000) {
            resolve({ times, tasks: window.__bench.longTasks.slice(before).filter((x) => x.start >= started), rows });
            return;
          }
          if (atEnd) el.scrollTop = 0;
          else el.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    MIN_FRAMES,
  );
  return { ...frameStats(raw.times, raw.tasks), rows: raw.rows };
}
