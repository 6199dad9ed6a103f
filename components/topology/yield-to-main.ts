/**
 * Gives the main thread back to the browser for a moment (input, paint),
 * then continues: `scheduler.yield()` where the browser has it (the
 * continuation keeps its priority), otherwise a MessageChannel task, which,
 * unlike nested `setTimeout(0)`, is not clamped to 4 ms.
 */
interface YieldScheduler {
  yield(): Promise<void>;
}

/** Resolves in a new task, after the browser had the chance to handle input and paint. */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: Partial<YieldScheduler> }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
