'use client';

import { useState } from 'react';
import type { VerifyScope } from '@/lib/actions/verify-types';
import { useVerifyAll } from './use-verify-all';
import styles from './verify.module.css';

/** Scopes the panel offers, the most specific first. */
export interface ScopeOption {
  label: string;
  scope: VerifyScope;
}

const BADGE = { pass: 'badge-ok', fail: 'badge-error', error: 'badge-warning' } as const;

/** Verify all: every rule of a route, a Gateway or the cluster, with progress, cancel, results and exports. */
export function VerifyAllPanel({ scopes, context }: { scopes: ScopeOption[]; context?: string }) {
  const [choice, setChoice] = useState(0);
  const [concurrency, setConcurrency] = useState(8);
  const { state, start, cancel } = useVerifyAll(context);
  const running = state.phase === 'running';
  const counts = { pass: 0, fail: 0, error: 0 };
  for (const r of state.rows) counts[r.verdict]++;
  const scope = scopes[choice] ?? scopes[scopes.length - 1];
  return (
    <section aria-labelledby="verify-all-h" className={styles.panel}>
      <h2 id="verify-all-h">Verify all</h2>
      <div className={styles.row}>
        <label>
          Scope
          <select aria-label="Scope" value={choice} onChange={(e) => setChoice(Number(e.target.value))} disabled={running}>
            {scopes.map((s, i) => (
              <option key={s.label} value={i}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Concurrency
          <input
            type="number"
            min={1}
            max={32}
            value={concurrency}
            disabled={running}
            onChange={(e) => setConcurrency(Math.min(32, Math.max(1, Number(e.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={running || !scope}
          onClick={() => scope && start(scope.scope, concurrency)}
        >
          Verify all
        </button>
        <button type="button" className="button-quiet" disabled={!running} onClick={cancel}>
          Cancel
        </button>
      </div>
      {state.phase !== 'idle' ? (
        <div className={styles.progress}>
          <progress aria-label="Verify-all progress" max={Math.max(state.total, 1)} value={state.done} />
          <span role="status">
            {state.done} of {state.total} verified
            {state.phase === 'done' ? ` in ${((state.ms ?? 0) / 1000).toFixed(1)} s` : ''}
            {state.phase === 'cancelled' ? ' (cancelled)' : ''}: {counts.pass} pass, {counts.fail} fail, {counts.error} error
          </span>
        </div>
      ) : null}
      {state.error ? (
        <p className="inline-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.skipped.map((s) => (
        <p key={s} className="inline-warning">
          {s}
        </p>
      ))}
      {state.phase === 'idle' ? <p className="muted">No run yet: choose a scope and press Verify all.</p> : null}
      {state.run && state.phase !== 'running' ? (
        <p>
          Download:{' '}
          <a href={`/api/verify?run=${state.run}&format=json`} download="portico-verification.json">
            JSON report
          </a>{' '}
          ·{' '}
          <a href={`/api/verify?run=${state.run}&format=junit`} download="portico-verification.xml">
            JUnit XML
          </a>
        </p>
      ) : null}
      {state.rows.length > 0 ? (
        <table className="table" aria-label="Verify-all results">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">Latency</th>
              <th scope="col">Difference or error</th>
            </tr>
          </thead>
          <tbody>
            {state.rows.map((r) => (
              <tr key={r.index}>
                <td>
                  <span className={`badge ${BADGE[r.verdict]}`}>{r.verdict}</span>
                </td>
                <td>{r.name}</td>
                <td>{r.status ?? '—'}</td>
                <td>{r.latencyMs.toFixed(1)} ms</td>
                <td>{r.detail || <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : state.phase === 'running' ? (
        <p className="muted" aria-busy="true">
          Sending…
        </p>
      ) : null}
    </section>
  );
}
