'use client';

import type { Target } from '@/lib/actions/verify-types';
import type { Draft } from './draft';
import styles from './verify.module.css';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** The built request, every part editable before sending, and where it will go. */
export function RequestEditor(props: {
  draft: Draft;
  onChange: (d: Draft) => void;
  wildcard?: string;
  targets: Target[];
  notes: string[];
  busy: boolean;
  onSend: () => void;
}) {
  const { draft, onChange, wildcard } = props;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => onChange({ ...draft, [k]: v });
  const suffix = wildcard?.slice(1);
  const label = suffix && draft.host.endsWith(suffix) ? draft.host.slice(0, -suffix.length) : '';
  return (
    <form
      className={styles.form}
      aria-label="Request"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend();
      }}
    >
      <div className={styles.row}>
        <label>
          Scheme
          <select
            aria-label="Scheme"
            value={draft.scheme}
            onChange={(e) => set('scheme', e.target.value === 'https' ? 'https' : 'http')}
          >
            <option value="http">http</option>
            <option value="https">https</option>
          </select>
        </label>
        <label>
          Method
          <select aria-label="Method" value={draft.method} onChange={(e) => set('method', e.target.value)}>
            {(METHODS.includes(draft.method) ? METHODS : [draft.method, ...METHODS]).map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        {wildcard ? (
          <div className={styles.field}>
            <label htmlFor="verify-wildcard">Wildcard label</label>
            <input
              id="verify-wildcard"
              value={label}
              size={10}
              aria-describedby="wildcard-help"
              onChange={(e) => set('host', `${e.target.value}${suffix ?? ''}`)}
            />
            <span id="wildcard-help" className="muted">
              replaces * in {wildcard}
            </span>
          </div>
        ) : null}
        <label className={styles.grow}>
          Host
          <input value={draft.host} onChange={(e) => set('host', e.target.value)} spellCheck={false} />
        </label>
        <label>
          Port
          <input value={draft.port} inputMode="numeric" size={6} onChange={(e) => set('port', e.target.value)} />
        </label>
      </div>
      <label className={styles.block}>
        Path
        <input value={draft.path} onChange={(e) => set('path', e.target.value)} spellCheck={false} />
      </label>
      <fieldset className={styles.headers}>
        <legend>Request headers</legend>
        {draft.headers.length === 0 ? <p className="muted">No extra headers (Host comes from the host field).</p> : null}
        {draft.headers.map((h, i) => (
          <div key={i} className={styles.row}>
            <input
              aria-label={`Header ${i + 1} name`}
              value={h.name}
              onChange={(e) =>
                set(
                  'headers',
                  draft.headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)),
                )
              }
            />
            <input
              aria-label={`Header ${i + 1} value`}
              className={styles.grow}
              value={h.value}
              onChange={(e) =>
                set(
                  'headers',
                  draft.headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)),
                )
              }
            />
            <button
              type="button"
              className="button-quiet"
              onClick={() =>
                set(
                  'headers',
                  draft.headers.filter((_, j) => j !== i),
                )
              }
            >
              Remove header {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button-quiet"
          onClick={() => set('headers', [...draft.headers, { name: '', value: '' }])}
        >
          Add header
        </button>
      </fieldset>
      <div className={styles.row}>
        <div className={`${styles.field} ${styles.grow}`}>
          <label htmlFor="verify-target">Target override</label>
          <input
            id="verify-target"
            value={draft.target}
            placeholder={props.targets[0]?.address ? `discovered: ${props.targets[0].address}` : 'address[:port]'}
            aria-describedby="target-help"
            onChange={(e) => set('target', e.target.value)}
            spellCheck={false}
          />
          <span id="target-help" className="muted">
            Optional. Only addresses found for Gateways of this cluster are accepted.
          </span>
        </div>
        <label className={styles.check}>
          <input type="checkbox" checked={draft.followRedirects} onChange={(e) => set('followRedirects', e.target.checked)} />
          Follow redirects
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={draft.http2} onChange={(e) => set('http2', e.target.checked)} />
          HTTP/2
        </label>
      </div>
      {props.notes.length > 0 ? (
        <ul className={styles.notes} aria-label="How the request was built">
          {props.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <button type="submit" className="button" disabled={props.busy} aria-busy={props.busy}>
        {props.busy ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
