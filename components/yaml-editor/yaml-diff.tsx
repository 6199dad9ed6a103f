'use client';

import { DiffEditor } from '@monaco-editor/react';
import './monaco-setup';
import styles from './yaml-editor.module.css';

/** Side-by-side diff of two YAML texts (live vs. result), read-only. */
export function YamlDiff(props: { original: string; modified: string; label: string; height?: string }) {
  return (
    <div className={styles.frame} role="region" aria-label={props.label}>
      <DiffEditor
        height={props.height ?? '40vh'}
        language="yaml"
        original={props.original}
        modified={props.modified}
        options={{
          readOnly: true,
          originalEditable: false,
          minimap: { enabled: false },
          renderSideBySide: true,
          scrollBeyondLastLine: false,
          automaticLayout: true,
        }}
        loading={<p className="muted">Loading the diff…</p>}
      />
    </div>
  );
}
