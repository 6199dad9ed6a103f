'use client';

import { useEffect, useState } from 'react';
import { predictDraft } from '@/lib/actions/predict-draft';
import type { PredictionLine } from '@/lib/authoring/prediction';
import styles from './form.module.css';

const debounceMs = 400;

/**
 * What the controller will say about the draft, from the engine run on the live snapshot plus the
 * draft (server-side), refreshed shortly after the user stops typing.
 */
export function PredictionPanel({ context, text }: { context: string; text: string }) {
  const [state, setState] = useState<{ for: string; lines?: PredictionLine[]; error?: string }>({ for: '' });
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      void predictDraft({ context, yaml: text }).then((res) => {
        if (!live) return;
        setState(res.ok ? { for: text, lines: res.value } : { for: text, error: res.error });
      });
    }, debounceMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [context, text]);
  const stale = state.for !== text;
  return (
    <section className={styles.prediction} aria-label="Prediction" aria-busy={stale}>
      <h2>Prediction</h2>
      {state.error ? <p className="inline-warning">{state.error}</p> : null}
      {!state.lines && !state.error ? <p className="muted">Asking the engine…</p> : null}
      <ul>
        {(state.lines ?? []).map((l) => (
          <li key={l.text} className={styles[l.tone]}>
            {l.text}
          </li>
        ))}
      </ul>
      {stale && state.lines ? <p className="muted">Updating…</p> : null}
    </section>
  );
}
