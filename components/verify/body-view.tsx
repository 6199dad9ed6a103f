import type { RenderedBody } from '@/lib/actions/verify-types';
import styles from './verify.module.css';

const sizeText = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** A response body: pretty JSON, text, or the hex head of binary content; flags truncation. */
export function BodyView({ body }: { body?: RenderedBody }) {
  if (!body || body.kind === 'empty') return <p className="muted">Empty body.</p>;
  const text = body.kind === 'json' ? JSON.stringify(body.value, null, 2) : body.kind === 'text' ? body.text : body.hexHead;
  return (
    <div>
      <p className="muted">
        {body.kind === 'binary' ? 'Binary' : body.kind === 'json' ? 'JSON' : 'Text'}, {sizeText(body.size)}
        {body.kind === 'binary' ? ' (first bytes as hex)' : ''}
      </p>
      <pre className={styles.body} tabIndex={0} aria-label="Response body">
        {text}
      </pre>
      {body.truncated ? (
        <p className="inline-warning" role="note">
          Truncated: only the first 1 MiB was kept. Run the curl command to see the whole body.
        </p>
      ) : null}
    </div>
  );
}
