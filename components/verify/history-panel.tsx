'use client';

import type { HistoryEntry } from './use-verify-history';
import styles from './verify.module.css';

const BADGE = { pass: 'badge-ok', fail: 'badge-error', error: 'badge-warning' } as const;

/** Before/after in one line: what changed between the two latest verifications. */
function changeText(now: HistoryEntry, before: HistoryEntry): string {
  const parts: string[] = [];
  if (now.verdict !== before.verdict) parts.push(`verdict ${before.verdict} → ${now.verdict}`);
  if (now.status !== before.status) parts.push(`status ${before.status ?? 'none'} → ${now.status ?? 'none'}`);
  if (now.differences.length !== before.differences.length)
    parts.push(`differences ${before.differences.length} → ${now.differences.length}`);
  if (now.request !== before.request) parts.push('a different request');
  return parts.length ? parts.join(', ') : 'same result as before';
}

/** Recent verifications of this route, kept in this browser, newest first. */
export function HistoryPanel({ entries, onClear }: { entries: HistoryEntry[]; onClear: () => void }) {
  const [latest, previous] = entries;
  return (
    <section aria-labelledby="history-h" className={styles.panel}>
      <h2 id="history-h">History of this route</h2>
      {entries.length === 0 ? (
        <p className="muted">No verification of this route yet in this browser. Send one to start the history.</p>
      ) : (
        <>
          {latest && previous ? (
            <p role="status">Compared with the previous verification: {changeText(latest, previous)}.</p>
          ) : null}
          <table className="table" aria-label="Verification history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Request</th>
                <th scope="col">Result</th>
                <th scope="col">Status</th>
                <th scope="col">Latency</th>
                <th scope="col">Differences</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>{new Date(e.at).toLocaleTimeString()}</td>
                  <td>
                    <code>{e.request}</code>
                  </td>
                  <td>
                    <span className={`badge ${BADGE[e.verdict]}`}>{e.verdict}</span>
                  </td>
                  <td>{e.status ?? '—'}</td>
                  <td>{e.latencyMs.toFixed(1)} ms</td>
                  <td>{e.error ?? (e.differences.map((d) => `${d.field}: ${d.expected} ≠ ${d.actual}`).join('; ') || 'none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button-quiet" onClick={onClear}>
            Clear history
          </button>
        </>
      )}
    </section>
  );
}
