'use client';

import { useCallback, useRef, useState } from 'react';
import type { VerifyAllEvent, VerifyAllRow, VerifyScope } from '@/lib/actions/verify-types';

/** State of a verify-all run in the browser. */
export interface VerifyAllState {
  phase: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  run?: string;
  total: number;
  done: number;
  rows: VerifyAllRow[];
  skipped: string[];
  error?: string;
  ms?: number;
}

const idle: VerifyAllState = { phase: 'idle', total: 0, done: 0, rows: [], skipped: [] };

/** Starts, follows (NDJSON stream of /api/verify) and cancels verify-all runs. */
export function useVerifyAll(context?: string): {
  state: VerifyAllState;
  start: (scope: VerifyScope, concurrency: number) => void;
  cancel: () => void;
} {
  const [state, setState] = useState<VerifyAllState>(idle);
  const abort = useRef<AbortController | null>(null);

  const apply = useCallback((e: VerifyAllEvent) => {
    setState((s) => {
      if (e.type === 'start') return { ...s, run: e.run, total: e.total, skipped: e.skipped };
      if (e.type === 'result')
        return { ...s, done: e.done, total: e.total, rows: [...s.rows, e.row].sort((a, b) => a.index - b.index) };
      if (e.type === 'done') return { ...s, phase: e.cancelled ? 'cancelled' : 'done', done: e.done, ms: e.ms };
      return { ...s, phase: 'error', error: e.error };
    });
  }, []);

  const start = useCallback(
    (scope: VerifyScope, concurrency: number) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ ...idle, phase: 'running' });
      void (async () => {
        try {
          const res = await fetch('/api/verify', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ scope, concurrency, ...(context ? { context } : {}) }),
            signal: controller.signal,
          });
          if (!res.ok || !res.body) {
            const body = (await res.json().catch(() => ({}))) as { error?: string };
            apply({
              type: 'error',
              error: body.error ?? `Verify-all failed with HTTP ${res.status}: reload the page and try again.`,
            });
            return;
          }
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let nl: number;
            while ((nl = buffer.indexOf('\n')) >= 0) {
              const line = buffer.slice(0, nl).trim();
              buffer = buffer.slice(nl + 1);
              if (line) apply(JSON.parse(line) as VerifyAllEvent);
            }
          }
        } catch (err) {
          if (controller.signal.aborted) setState((s) => ({ ...s, phase: 'cancelled' }));
          else
            apply({
              type: 'error',
              error: `Verify-all stopped: ${err instanceof Error ? err.message : String(err)}. Check that the console is still running and try again.`,
            });
        }
      })();
    },
    [apply, context],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { state, start, cancel };
}
