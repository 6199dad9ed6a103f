/**
 * Panning and zooming the topology graph as a user does with a mouse: two drags across the canvas (there and back)
 * and ten wheel notches in, then ten out, while every animation frame is timed in the page. Frames are judged as the
 * list scroll judges them (interactions.ts): over 25 ms, 1.5 intervals of headless Chromium's 60 Hz frame clock.
 */
import type { Page } from '@playwright/test';
import { frameStats, type FrameStats } from './frames';

/** What a pan and zoom cost. */
export interface PanZoomRun extends FrameStats {
  /** Graph nodes mounted when the gesture started (React Flow mounts only those in view on large graphs). */
  nodes: number;
}

interface FrameRecorder {
  times: number[];
  started: number;
  stopped: boolean;
  longBefore: number;
}

declare global {
  interface Window {
    __panZoom: FrameRecorder;
  }
}

/** Pans and zooms the open topology page's graph; resolves to the frame figures of the whole gesture. */
export async function panZoom(page: Page): Promise<PanZoomRun> {
  const box = await page.locator('.react-flow__pane').boundingBox();
  if (!box) throw new Error('the topology page shows no graph canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const nodes = await page.evaluate(() => {
    const rec: FrameRecorder = {
      times: [],
      started: performance.now(),
      stopped: false,
      longBefore: window.__bench.longTasks.length,
    };
    window.__panZoom = rec;
    const tick = (t: number): void => {
      if (rec.stopped) return;
      rec.times.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return document.querySelectorAll('.react-flow__node-topology').length;
  });
  // Nodes are not draggable on this canvas: a drag that starts on one pans too, as it does for a user.
  for (const [dx, dy] of [
    [-420, -260],
    [420, 260],
  ] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 45 });
    await page.mouse.up();
  }
  await page.mouse.move(cx, cy);
  for (const delta of [-120, 120]) {
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, delta);
      await page.waitForTimeout(30);
    }
  }
  await page.waitForTimeout(300);
  const raw = await page.evaluate(() => {
    const rec = window.__panZoom;
    rec.stopped = true;
    return { times: rec.times, tasks: window.__bench.longTasks.slice(rec.longBefore).filter((x) => x.start >= rec.started) };
  });
  return { ...frameStats(raw.times, raw.tasks), nodes };
}
