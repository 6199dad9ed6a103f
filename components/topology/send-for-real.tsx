'use client';

import { useState, useTransition } from 'react';
import { sendVerificationRequest } from '@/lib/actions/send-verification';
import type { VerifyOutcome } from '@/lib/actions/verify-types';
import type { TraceResponse } from '@/lib/topology/types';
import styles from './topology.module.css';

/** Props of {@link SendForReal}. */
export interface SendForRealProps {
  context: string;
  /** The traced request and the engine's decision for it. */
  response: TraceResponse;
  /** Where the full verification page opens with this request. */
  verifyHref: string;
}

function headerRecord(h: TraceResponse['request']['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    // The engine's request carries the Host as a header; a send takes it from `host` and refuses it as a header.
    if (v === undefined || k.toLowerCase() === 'host' || k === ':authority') continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/**
 * One click sends the traced request for real through its Gateway (the verification capability,
 * lib/actions/send-verification.ts) and shows whether the answer matched the engine's prediction.
 */
export function SendForReal({ context, response, verifyHref }: SendForRealProps) {
  const [busy, start] = useTransition();
  const [outcome, setOutcome] = useState<VerifyOutcome>();
  const [error, setError] = useState<string>();
  const d = response.decision;
  const q = response.request;
  if (!d.gateway) {
    return (
      <p className="muted">
        No Gateway takes this request, so there is nothing to send it through. <a href={verifyHref}>Open in Verify</a> to aim it
        at an address of your own.
      </p>
    );
  }
  const send = () => {
    setError(undefined);
    start(async () => {
      const res = await sendVerificationRequest({
        context,
        gateway: d.gateway,
        listener: d.listener ?? '',
        routeKind: d.routeKind ?? 'HTTPRoute',
        route: d.route ?? '',
        ruleIndex: d.ruleIndex ?? -1,
        ...(d.matchIndex !== undefined ? { matchIndex: d.matchIndex } : {}),
        scheme: q.scheme,
        host: q.host,
        port: q.port,
        method: q.method,
        path: q.path,
        headers: headerRecord(q.headers),
      }).catch((err: unknown) => ({
        ok: false as const,
        error: `The console did not answer: ${err instanceof Error ? err.message : String(err)}. Check that it is running, then send again.`,
      }));
      if (res.ok) setOutcome(res.value);
      else setError(res.error);
    });
  };
  const r = outcome?.report;
  const verdict = r ? (r.result.error ? 'error' : r.comparison.pass ? 'pass' : 'fail') : undefined;
  return (
    <div className={styles.sendReal} aria-label="Send for real" role="group">
      <div className={styles.panelActions}>
        <button type="button" className="button" onClick={send} disabled={busy}>
          {busy ? 'Sending…' : 'Send for real'}
        </button>
        <a className="button-quiet" href={verifyHref}>
          Open in Verify
        </a>
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {r && verdict ? (
        <div role="status" aria-label="Real response">
          <p>
            <span className={`badge badge-${verdict === 'pass' ? 'ok' : 'error'}`}>
              {verdict === 'pass' ? 'as predicted' : verdict === 'fail' ? 'differs from the prediction' : 'no response'}
            </span>{' '}
            {r.result.status !== undefined ? `HTTP ${r.result.status}` : (r.result.error ?? '')} via {outcome.target.source}
            {outcome.target.address ? ` (${outcome.target.address})` : ''} in {Math.round(r.result.timings.total)} ms
          </p>
          {r.comparison.differences.length > 0 ? (
            <ul className={styles.plain} aria-label="Differences">
              {r.comparison.differences.slice(0, 5).map((x, i) => (
                <li key={i}>
                  {x.field}: expected {x.expected}, got {x.actual}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
