'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { deleteObject, previewDeleteObject } from '@/lib/actions/delete-object';
import type { DeletableKind, DeletePreview } from '@/lib/model/delete';
import styles from './delete-object-button.module.css';

const listHref: Record<DeletableKind, string> = {
  Gateway: '/gateways',
  HTTPRoute: '/routes',
  GRPCRoute: '/routes?tab=grpc',
  ReferenceGrant: '/reference-grants',
};

/** What to delete, and where the user goes after: the kind's list (from a detail page) or nowhere (from a list row). */
export interface DeleteTarget {
  context: string;
  kind: DeletableKind;
  namespace: string;
  name: string;
  stay?: boolean;
}

/**
 * The confirmation of a delete, naming what else is affected (routes left without a parent, references a grant
 * permitted). Mounted only while open, so a list of rows carries one, not one per row. Two deliberate steps: it
 * opens with Cancel focused, so no single key deletes.
 */
export function DeleteObjectDialog({
  target,
  onClose,
  onPending,
}: {
  target: DeleteTarget;
  onClose: () => void;
  /** The API accepted the delete but keeps the object until its finalizers finish: this sentence says so. */
  onPending: (note: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [preview, setPreview] = useState<DeletePreview | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, startLoading] = useTransition();
  const [deleting, startDeleting] = useTransition();
  const router = useRouter();
  const titleId = useId();
  const title = `${target.kind} ${target.namespace}/${target.name}`;
  const { context, kind, namespace, name } = target;

  useEffect(() => {
    ref.current?.showModal();
    startLoading(async () => {
      const result = await previewDeleteObject({ context, kind, namespace, name });
      if (result.ok) setPreview(result.value);
      else setError(result.error);
    });
  }, [context, kind, namespace, name]);

  const confirm = () => {
    if (!preview) return;
    setError(undefined);
    startDeleting(async () => {
      const result = await deleteObject({
        context: preview.context,
        kind: preview.kind,
        namespace: preview.namespace,
        name: preview.name,
        ...(preview.resourceVersion ? { resourceVersion: preview.resourceVersion } : {}),
      });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      onClose();
      if (result.value.state === 'deleted') {
        if (!target.stay) router.push(listHref[kind]);
        return;
      }
      onPending(
        `${title} is being deleted; the API keeps it until its finalizers finish${result.value.finalizers ? ` (${result.value.finalizers.join(', ')})` : ''}.`,
      );
    });
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={onClose}>
      <h2 id={titleId}>Delete {title}?</h2>
      <div className="dialog-body">
        <p>
          This deletes <code>{title}</code> from context <code>{preview?.context ?? context}</code>. It cannot be undone.
        </p>
        {loading ? <p className="muted">Looking for objects that depend on it…</p> : null}
        {preview ? <Affected preview={preview} /> : null}
        {error ? (
          <p role="alert" className="inline-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className={`button ${styles.dangerButton}`} onClick={confirm} disabled={!preview || deleting}>
          {deleting ? 'Deleting…' : `Delete ${kind}`}
        </button>
      </div>
    </dialog>
  );
}

function Affected({ preview }: { preview: DeletePreview }) {
  if (preview.affected.length === 0) return <p>Nothing else refers to it.</p>;
  return (
    <section aria-label="Also affected">
      <p>
        <strong>Also affected ({preview.affected.length}):</strong>
      </p>
      <ul className={styles.affected}>
        {preview.affected.map((a) => (
          <li key={`${a.kind}/${a.namespace}/${a.name}/${a.effect}`}>
            {a.kind} {a.href ? <Link href={a.href}>{`${a.namespace}/${a.name}`}</Link> : `${a.namespace}/${a.name}`}: {a.effect}
          </li>
        ))}
      </ul>
    </section>
  );
}
