'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import { deleteObject, previewDeleteObject } from '@/lib/actions/delete-object';
import type { DeletableKind, DeletePreview } from '@/lib/model/delete';
import { kinds } from '@/lib/model/kinds';
import { usePermissions } from '@/lib/queries/use-permissions';
import styles from './delete-object-button.module.css';

const listHref: Record<DeletableKind, string> = {
  Gateway: '/gateways',
  HTTPRoute: '/routes',
  GRPCRoute: '/routes?tab=grpc',
  ReferenceGrant: '/reference-grants',
};

/**
 * Delete with a confirmation that names what else is affected (routes left without a parent, references a
 * grant permitted). Two deliberate steps: the dialog opens with Cancel focused, so no single key deletes.
 */
export function DeleteObjectButton(props: {
  context: string;
  kind: DeletableKind;
  namespace: string;
  name: string;
  /**
   * A list row's action: named for its object, its reason (when disabled) a tooltip and for screen readers only,
   * and the list stays open after the delete (the watch removes the row).
   */
  inRow?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<DeletePreview | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  const [loading, startLoading] = useTransition();
  const [deleting, startDeleting] = useTransition();
  const router = useRouter();
  const title = `${props.kind} ${props.namespace}/${props.name}`;
  // Disabled, with the reason beside it, for a user who may not delete it; the API's 403 still shows if forced.
  const access = usePermissions(props.context, props.namespace).access(
    'delete',
    kinds[props.kind].plural,
    kinds[props.kind].group,
  );
  const noteId = useId();
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const start = () => {
    setOpen(true);
    setError(undefined);
    setPreview(undefined);
    startLoading(async () => {
      const result = await previewDeleteObject({
        context: props.context,
        kind: props.kind,
        namespace: props.namespace,
        name: props.name,
      });
      if (result.ok) setPreview(result.value);
      else setError(result.error);
    });
  };

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
      if (result.value.state === 'deleted') {
        setOpen(false);
        if (!props.inRow) router.push(listHref[props.kind]);
        return;
      }
      setOpen(false);
      setNote(
        `${title} is being deleted; the API keeps it until its finalizers finish${result.value.finalizers ? ` (${result.value.finalizers.join(', ')})` : ''}.`,
      );
    });
  };

  return (
    <>
      <button
        type="button"
        className={`button-quiet ${styles.danger}`}
        onClick={start}
        disabled={!access.usable}
        {...accessDescribedBy(access, noteId)}
        {...(props.inRow ? { 'aria-label': `Delete ${title}`, ...(access.text ? { title: access.text } : {}) } : {})}
      >
        Delete
      </button>
      {props.inRow ? (
        <span className="visually-hidden">
          <AccessNote id={noteId} access={access} />
        </span>
      ) : (
        <AccessNote id={noteId} access={access} />
      )}
      {note ? (
        <p role="status" className="inline-warning">
          {note}
        </p>
      ) : null}
      <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={() => setOpen(false)}>
        <h2 id={titleId}>Delete {title}?</h2>
        <div className="dialog-body">
          <p>
            This deletes <code>{title}</code> from context <code>{preview?.context ?? props.context}</code>. It cannot be undone.
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
          <button type="button" className="button-quiet" onClick={() => setOpen(false)} autoFocus>
            Cancel
          </button>
          <button type="button" className={`button ${styles.dangerButton}`} onClick={confirm} disabled={!preview || deleting}>
            {deleting ? 'Deleting…' : `Delete ${props.kind}`}
          </button>
        </div>
      </dialog>
    </>
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
