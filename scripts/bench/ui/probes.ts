/**
 * What the benchmark installs in every page before the console's own scripts run (Playwright init script):
 *
 * - React commits are counted through the DevTools global hook. React DOM, production builds included, reports
 *   every commit to `__REACT_DEVTOOLS_GLOBAL_HOOK__.onCommitFiberRoot` when such a hook exists at load: the console
 *   ships no counter and pays nothing for one, and the count is React's own (a `<Profiler>` would need the
 *   profiling build, which is not what users run).
 * - Long main-thread tasks (PerformanceObserver `longtask`, > 50 ms) with their start times.
 * - When a CSS selector first matches (MutationObserver), stamped at the next animation frame, i.e. when the
 *   browser is about to paint it.
 */

/** The page-side record the benchmark reads back with `page.evaluate`. */
export interface PageProbe {
  commits: number[];
  longTasks: Array<{ start: number; duration: number }>;
  seen: Record<string, number>;
}

declare global {
  interface Window {
    __bench: PageProbe;
    __benchWatch: (selector: string) => void;
  }
}

/** Init script: runs in the page before any of its scripts. Plain ES2020, no imports (it is serialized). */
export function installProbes(firstSelector?: string): void {
  const probe: PageProbe = { commits: [], longTasks: [], seen: {} };
  window.__bench = probe;
  const renderers = new Map<number, unknown>();
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers,
    supportsFiber: true,
    isDisabled: false,
    inject(renderer: unknown): number {
      renderers.set(renderers.size + 1, renderer);
      return renderers.size;
    },
    onCommitFiberRoot(): void {
      probe.commits.push(performance.now());
    },
    onCommitFiberUnmount(): void {},
    onPostCommitFiberRoot(): void {},
    onScheduleFiberRoot(): void {},
    checkDCE(): void {},
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask timing unsupported: the figures say 0
  }
  const watched = new Set<string>();
  const check = (): void => {
    for (const sel of watched) {
      if (probe.seen[sel] === undefined && document.querySelector(sel)) {
        watched.delete(sel);
        requestAnimationFrame(() => (probe.seen[sel] = performance.now()));
      }
    }
  };
  window.__benchWatch = (selector: string): void => {
    watched.add(selector);
    check();
  };
  if (firstSelector) watched.add(firstSelector);
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** Selectors of the first meaningful content per page. */
export const FIRST_CONTENT = {
  /** A data row of the virtualized list (the header row has no aria-rowindex). */
  routes: '.resource-table-body [role=row][aria-rowindex]',
  /** The overview's health step, its last and most expensive part (counts and problems over every object). */
  overview: 'section[aria-labelledby="step-4"] > :not(h2)',
  /** A laid-out node of the topology graph, or the row of its table view. */
  topology: '.react-flow__node-topology, [aria-label="Topology table"] tbody tr',
} as const;
