'use client';

import { memo, useId, useState } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import type { DeletableKind } from '@/lib/model/delete';
import type { ControlAccess } from '@/lib/model/permissions';
import { kinds } from '@/lib/model/kinds';
import { usePermissions } from '@/lib/queries/use-permissions';
import styles from './delete-object-button.module.css';
import { DeleteObjectDialog, type DeleteTarget } from './delete-object-dialog';

/**
 * A detail page's Delete: disabled with the reason beside it for a user who may not delete the object (the API's 403
 * still shows if forced), then the confirmation; afterwards the kind's list.
 */
export function DeleteObjectButton(props: { context: string; kind: DeletableKind; namespace: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState<string | undefined>(undefined);
  const access = usePermissions(props.context, props.namespace).access(
    'delete',
    kinds[props.kind].plural,
    kinds[props.kind].group,
  );
  const noteId = useId();
  return (
    <>
      <button
        type="button"
        className={`button-quiet ${styles.danger}`}
        onClick={() => setOpen(true)}
        disabled={!access.usable}
        {...accessDescribedBy(access, noteId)}
      >
        Delete
      </button>
      <AccessNote id={noteId} access={access} />
      {note ? (
        <p role="status" className="inline-warning">
          {note}
        </p>
      ) : null}
      {open ? <DeleteObjectDialog target={props} onClose={() => setOpen(false)} onPending={setNote} /> : null}
    </>
  );
}

/**
 * A list row's Delete: named for its object, its reason (when disabled) a tooltip and for screen readers. The list
 * reads the permission once per namespace and owns the one confirmation dialog, so a row stays light to mount while
 * scrolling.
 */
export const RowDeleteButton = memo(function RowDeleteButton({
  target,
  access,
  onDelete,
}: {
  target: DeleteTarget;
  access: ControlAccess;
  onDelete: (target: DeleteTarget) => void;
}) {
  const noteId = `delete-note-${target.namespace}-${target.name}`;
  return (
    <>
      <button
        type="button"
        className={`button-quiet ${styles.danger}`}
        onClick={() => onDelete(target)}
        disabled={!access.usable}
        aria-label={`Delete ${target.kind} ${target.namespace}/${target.name}`}
        {...(access.text ? { title: access.text } : {})}
        {...accessDescribedBy(access, noteId)}
      >
        Delete
      </button>
      {access.text ? (
        <span className="visually-hidden">
          <AccessNote id={noteId} access={access} />
        </span>
      ) : null}
    </>
  );
});
