'use client';

import { useState } from 'react';
import styles from './verify.module.css';

/** The equivalent curl command, with a copy button (falls back to selecting the text). */
export function CurlBox({ command }: { command: string }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  if (!command) return null;
  return (
    <section aria-label="curl command">
      <h3>Equivalent curl command</h3>
      <pre className={styles.curl} id="curl-command" tabIndex={0}>
        {command}
      </pre>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          navigator.clipboard.writeText(command).then(
            () => setCopied('done'),
            () => setCopied('failed'),
          );
        }}
      >
        Copy curl command
      </button>{' '}
      <span role="status" className="muted">
        {copied === 'done'
          ? 'Copied.'
          : copied === 'failed'
            ? 'The browser refused the clipboard: select the command and copy it.'
            : ''}
      </span>
    </section>
  );
}
