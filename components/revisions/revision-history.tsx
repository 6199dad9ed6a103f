'use client';

import { useState } from 'react';
import { stringify } from 'yaml';
import { LazyYamlDiff } from '@/components/yaml-editor/lazy';
import { cleanObject } from '@/lib/authoring/classify';
import type { FormKind } from '@/lib/authoring/form-kinds';
import { editHref, type Revision } from '@/lib/authoring/revisions';
import type { K8sObject } from '@/lib/model/objects';
import styles from './revision-history.module.css';

/**
 * The History section of a detail page: the versions Portico recorded before each apply (author,
 * time), each with a diff against the live object and "Roll back", which opens the revision in the
 * normal edit flow (dry run, diff, impact, apply) rather than writing anything by itself.
 */
export function RevisionHistory(props: { kind: FormKind; live: K8sObject; revisions: Revision[]; error?: string }) {
  const [open, setOpen] = useState<number>();
  const ns = props.live.metadata.namespace ?? 'default';
  const name = props.live.metadata.name;
  const liveYaml = stringify(cleanObject(props.live));
  return (
    <section aria-labelledby="history-h" className={styles.history}>
      <div className={styles.head}>
        <h2 id="history-h">History</h2>
        <a className="button" href={editHref(props.kind, ns, name)}>
          Edit {props.kind}
        </a>
      </div>
      {props.error ? (
        <p className="inline-error" role="alert">
          {props.error}
        </p>
      ) : props.revisions.length === 0 ? (
        <p className="muted">No revisions recorded yet: Portico records the previous version each time it applies a change.</p>
      ) : (
        <table className="table" aria-label="Revisions">
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Replaced at</th>
              <th scope="col">Replaced by</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.revisions.map((r) => (
              <tr key={r.revision} aria-label={`Revision ${r.revision}`}>
                <td>{r.revision}</td>
                <td>{r.time ? <time dateTime={r.time}>{new Date(r.time).toLocaleString()}</time> : 'unknown'}</td>
                <td>{r.author}</td>
                <td className={styles.actions}>
                  <button
                    type="button"
                    className="button-quiet"
                    aria-expanded={open === r.revision}
                    onClick={() => setOpen(open === r.revision ? undefined : r.revision)}
                  >
                    {open === r.revision ? `Hide diff of revision ${r.revision}` : `Diff revision ${r.revision} with live`}
                  </button>
                  <a className="button-quiet" href={editHref(props.kind, ns, name, r.revision)}>
                    Roll back to revision {r.revision}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== undefined ? (
        <LazyYamlDiff
          original={props.revisions.find((r) => r.revision === open)?.yaml ?? ''}
          modified={liveYaml}
          label={`Diff of revision ${open} (left) and the live object (right)`}
          height="40vh"
        />
      ) : null}
    </section>
  );
}
