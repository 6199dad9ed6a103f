'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import styles from './topology.module.css';

/** Props of {@link TraceBox}. */
export interface TraceBoxProps {
  url?: string;
  method?: string;
  headers?: string[];
  /** A request picked from the graph: fills the fields (not yet traced). */
  draft?: { url: string; method: string; headers: string[] };
  onTrace(q: { url: string; method: string; headers: string[] } | undefined): void;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** The request tracing form: URL, method and headers → the engine's routing decision on the graph. */
export function TraceBox({ url, method, headers, draft, onTrace }: TraceBoxProps) {
  const [u, setU] = useState(draft?.url ?? url ?? '');
  const [m, setM] = useState(draft?.method ?? method ?? 'GET');
  const [h, setH] = useState((draft?.headers ?? headers ?? []).join('\n'));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A request picked from the graph lands here for review: put the reader on it.
    if (draft) input.current?.focus();
  }, [draft]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const lines = h
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    onTrace(u.trim() ? { url: u.trim(), method: m, headers: lines } : undefined);
  };
  return (
    <form className={styles.traceBox} onSubmit={submit} aria-label="Trace a request">
      <label className={styles.traceUrl}>
        Request URL
        <input
          ref={input}
          type="text"
          value={u}
          onChange={(e) => setU(e.target.value)}
          placeholder="http://httpbin.aliyun.com/get"
          spellCheck={false}
        />
      </label>
      <label>
        Method
        <select value={m} onChange={(e) => setM(e.target.value)}>
          {METHODS.map((x) => (
            <option key={x}>{x}</option>
          ))}
        </select>
      </label>
      <label className={styles.traceHeaders}>
        Headers (one per line)
        <textarea value={h} onChange={(e) => setH(e.target.value)} rows={1} placeholder="x-env: prod" spellCheck={false} />
      </label>
      <div className={styles.traceActions}>
        <button type="submit" className="button">
          Trace
        </button>
        {url ? (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setU('');
              onTrace(undefined);
            }}
          >
            Clear trace
          </button>
        ) : null}
      </div>
    </form>
  );
}
