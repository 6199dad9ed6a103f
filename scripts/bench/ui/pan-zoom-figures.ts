/**
 * The pan-and-zoom figures of a size: the median of several gestures (pan-zoom.ts), each on a fresh page of the
 * topology, and the budget they are judged against.
 */
import type { Browser } from '@playwright/test';
import { figure, type Figure } from '../figures';
import type { Session } from './console';
import { openPage } from './pages';
import { panZoom, type PanZoomRun } from './pan-zoom';
import { FIRST_CONTENT } from './probes';

/**
 * "Pan/zoom without dropped frames at medium size": judged as the list scroll is, frames over 25 ms at 60 Hz, with
 * the same allowance for a machine shared with the cluster, the controller and the console server. The budget is
 * the medium size's; the other sizes record the figure.
 */
const panZoomBudget = (size: string) =>
  size === 'medium' ? { budget: { text: 'p50 < 5 %', limit: 5, stat: 'median' as const } } : {};

/** Pan-and-zoom gestures measured per size. */
const PAN_ZOOM_GESTURES = 3;

const WHAT = 'topology: pan and zoom, frames dropped';

/** Pans and zooms the topology at `url` (the console's base URL); a failure is a figure that did not meet its budget. */
export async function panZoomFigures(
  browser: Browser,
  session: Session,
  url: string,
  size: string,
  log: (msg: string) => void,
): Promise<Figure[]> {
  const base = { bench: 'ui', size };
  try {
    // One gesture is a handful of frames on a noisy machine: the figure is the median of several, each on a fresh
    // page (the gesture ends zoomed out a little from where it began).
    const gestures: PanZoomRun[] = [];
    for (let i = 0; i < PAN_ZOOM_GESTURES; i++) {
      const graph = await openPage(browser, session, FIRST_CONTENT.topology);
      await graph.goto(`${url}/topology`);
      await graph.waitForSelector('.react-flow__node-topology', { timeout: 60_000 });
      // The minimap and the layout worker start once the first nodes show: let them settle before the gesture.
      await graph.waitForTimeout(1_500);
      gestures.push(await panZoom(graph));
      await graph.context().close();
    }
    log(`pan and zoom: ${JSON.stringify(gestures)}`);
    const mid = [...gestures].sort((a, b) => a.droppedPct - b.droppedPct)[Math.floor(gestures.length / 2)]!;
    const each = gestures.map((g) => g.droppedPct.toFixed(1)).join(', ');
    return [
      figure(
        {
          ...base,
          what: WHAT,
          unit: '%',
          note: `${gestures.length} gestures: ${each} %; the median one: ${mid.frames} frames, ${mid.nodes} nodes mounted, p95 frame ${Math.round(mid.p95FrameMs)} ms, ${mid.longTasks} long tasks`,
          ...panZoomBudget(size),
        },
        gestures.map((g) => g.droppedPct),
      ),
      figure(
        { ...base, what: 'topology: pan and zoom, longest main-thread task', unit: 'ms' },
        gestures.map((g) => g.longestTaskMs),
      ),
    ];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log(`pan and zoom failed: ${message}`);
    return [{ ...figure({ ...base, what: WHAT, unit: '%', ...panZoomBudget(size) }, []), met: false, note: message }];
  }
}
