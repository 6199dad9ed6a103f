/**
 * Longest main-thread task per benchmark run, in wall time and in CPU time,
 * from a Chromium trace. On a shared, loaded machine a task's wall time
 * includes the time the thread waited for a CPU; its CPU time (`tdur`) is
 * what the page itself costs, the figure that does not depend on neighbours.
 */

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Per run index: the longest task's wall and CPU milliseconds on the page's main thread. */
export interface TaskFigures {
  longestWallMs: number;
  longestCpuMs: number;
  /** Main-thread CPU spent in the run's window, all tasks together. */
  totalCpuMs: number;
}

/** Reads `run-start-N` / `run-end-N` user-timing marks and the renderer main thread's tasks inside each window. */
export function tasksPerRun(trace: Buffer | string): TaskFigures[] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (/^run-(start|end)-\d+$/.test(e.name)) marks.set(e.name, e);
  const start0 = marks.get('run-start-0');
  if (!start0) return [];
  // The page's main thread: the thread that recorded the marks.
  const onMain = (e: TraceEvent) => e.pid === start0.pid && e.tid === start0.tid;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e));
  const out: TaskFigures[] = [];
  for (let i = 0; marks.has(`run-start-${i}`); i++) {
    const from = (marks.get(`run-start-${i}`) as TraceEvent).ts;
    const to = marks.get(`run-end-${i}`)?.ts ?? Infinity;
    const inside = tasks.filter((t) => t.ts + (t.dur ?? 0) >= from && t.ts <= to);
    out.push({
      longestWallMs: Math.max(0, ...inside.map((t) => (t.dur ?? 0) / 1000)),
      longestCpuMs: Math.max(0, ...inside.map((t) => (t.tdur ?? 0) / 1000)),
      totalCpuMs: inside.reduce((sum, t) => sum + (t.tdur ?? 0) / 1000, 0),
    });
  }
  return out;
}
