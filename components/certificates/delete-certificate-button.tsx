'use client';

import { useId, useState, useTransition } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteTlsSecret } from '@/lib/actions/delete-tls-secret';
import { usePermissions } from '@/lib/queries/use-permissions';

/** Delete with a confirmation that names every listener the deletion would break. */
export function DeleteCertificateButton(props: {
  context: string;
  namespace: string;
  name: string;
  resourceVersion?: string;
  usedBy: string[];
}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, start] = useTransition();
  const access = usePermissions(props.context, props.namespace).access('delete', 'secrets', '');
  const noteId = useId();
  const confirm = () => {
    setAsking(false);
    start(async () => {
      const result = await deleteTlsSecret({
        context: props.context,
        namespace: props.namespace,
        name: props.name,
        ...(props.resourceVersion ? { resourceVersion: props.resourceVersion } : {}),
      });
      if (!result.ok) setError(result.error);
    });
  };
  return (
    <>
      <button
        type="button"
        className="button-quiet"
        onClick={() => setAsking(true)}
        disabled={pending || !access.usable}
        aria-label={`Delete ${props.namespace}/${props.name}`}
        {...accessDescribedBy(access, noteId)}
      >
        {pending ? 'Deleting…' : 'Delete'}
      </button>
      <AccessNote id={noteId} access={access} />
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={`Delete Secret ${props.namespace}/${props.name}?`}
        confirmLabel="Delete"
        onConfirm={confirm}
        onCancel={() => setAsking(false)}
      >
        {props.usedBy.length ? (
          <>
            <p>These listeners reference it and will stop serving HTTPS (ResolvedRefs False, InvalidCertificateRef):</p>
            <ul>
              {props.usedBy.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>No listener references it.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
