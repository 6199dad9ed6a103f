/** The reconcile loop: debouncing, no overlap, readiness gating, retries, idle(). */
import { describe, expect, it } from 'vitest';
import { createReconcileLoop } from './reconcile-loop';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function counter(opts: { ready?: () => boolean; failTimes?: number; passMs?: number } = {}) {
  const state = { passes: 0, concurrent: 0, maxConcurrent: 0, errors: 0 };
  let failures = opts.failTimes ?? 0;
  const loop = createReconcileLoop(
    async () => {
      state.passes++;
      state.concurrent++;
      state.maxConcurrent = Math.max(state.maxConcurrent, state.concurrent);
      await sleep(opts.passMs ?? 1);
      state.concurrent--;
      if (failures > 0) {
        failures--;
        throw new Error('boom');
      }
    },
    { debounceMs: 20, ready: opts.ready ?? (() => true), onError: () => state.errors++, retryMs: 10 },
  );
  return { loop, state };
}

describe('createReconcileLoop', () => {
  it('folds a burst of triggers into one pass', async () => {
    const { loop, state } = counter();
    for (let i = 0; i < 10; i++) loop.trigger();
    await loop.idle();
    expect(state.passes).toBe(1);
    await loop.stop();
  });

  it('never runs two passes at once; a trigger during a pass causes exactly one more', async () => {
    const { loop, state } = counter({ passMs: 60 });
    loop.trigger();
    await sleep(40); // the pass is running now
    loop.trigger();
    loop.trigger();
    await loop.idle();
    expect(state.maxConcurrent).toBe(1);
    expect(state.passes).toBe(2);
    await loop.stop();
  });

  it('does not run before ready, and idle() waits for readiness', async () => {
    let ready = false;
    const { loop, state } = counter({ ready: () => ready });
    loop.trigger();
    let idle = false;
    void loop.idle().then(() => (idle = true));
    await sleep(60);
    expect(state.passes).toBe(0);
    expect(idle).toBe(false);
    ready = true;
    loop.trigger();
    await loop.idle();
    expect(state.passes).toBe(1);
    await loop.stop();
  });

  it('retries a failed pass until it succeeds', async () => {
    const { loop, state } = counter({ failTimes: 2 });
    loop.trigger();
    await loop.idle();
    expect(state.errors).toBe(2);
    expect(state.passes).toBe(3);
    await loop.stop();
  });

  it('does not postpone a pass forever under a steady stream of triggers', async () => {
    const { loop, state } = counter();
    const until = Date.now() + 300;
    while (Date.now() < until) {
      loop.trigger();
      await sleep(5);
    }
    expect(state.passes).toBeGreaterThan(1);
    await loop.stop();
  });
});
