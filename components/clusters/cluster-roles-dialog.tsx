'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { setContextRoles } from '@/lib/actions/set-context-roles';
import { k8sKeys } from '@/lib/queries/keys';
import type { ContextsAnswer } from '@/lib/queries/use-contexts';
import styles from './cluster-roles-dialog.module.css';

/**
 * Marks which context is the ASM mesh instance and which are data-plane clusters, for this browser.
 * ASM serves the two from different API endpoints; on one cluster (the default) they are the same.
 */
export function ClusterRolesDialog({ answer, onClose }: { answer: ContextsAnswer | undefined; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const view = answer?.view;
  const [mesh, setMesh] = useState(view?.roles.mesh ?? '');
  const [planes, setPlanes] = useState<string[]>(view?.roles.dataPlanes ?? []);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const client = useQueryClient();
  const router = useRouter();

  useEffect(() => {
    if (ref.current && !ref.current.open) ref.current.showModal();
  }, []);

  const save = () => {
    setError(undefined);
    startTransition(async () => {
      const result = await setContextRoles({ mesh, dataPlanes: planes });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      await client.invalidateQueries({ queryKey: k8sKeys.contexts() });
      await client.invalidateQueries({ queryKey: [...k8sKeys.all, 'derived'] });
      router.refresh();
      onClose();
    });
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="roles-title" onCancel={onClose} onClose={onClose}>
      <h2 id="roles-title">Cluster roles</h2>
      <div className="dialog-body">
        <p>
          The <strong>mesh control plane</strong> holds <code>ASMMeshConfig/default</code>: the Enable Gateway API switch acts
          there. <strong>Data planes</strong> hold Gateways and routes; when a Gateway of the same namespace and name exists in
          two of them, the last applied overwrites the other, and Portico warns about it.
        </p>
        {!view ? (
          <p role="alert">The contexts could not be loaded. Close this dialog and open the context menu again.</p>
        ) : (
          <table className={`table ${styles.roles}`}>
            <thead>
              <tr>
                <th scope="col">Context</th>
                <th scope="col">Mesh control plane</th>
                <th scope="col">Data plane</th>
              </tr>
            </thead>
            <tbody>
              {view.contexts.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                    <div className="muted">{c.server}</div>
                  </th>
                  <td>
                    <input
                      type="radio"
                      name="mesh-context"
                      aria-label={`Mesh control plane: ${c.name}`}
                      checked={mesh === c.name}
                      onChange={() => setMesh(c.name)}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Data plane: ${c.name}`}
                      checked={planes.includes(c.name)}
                      onChange={(e) => setPlanes((p) => (e.target.checked ? [...p, c.name] : p.filter((x) => x !== c.name)))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {planes.length === 0 ? <p className="inline-warning">Mark at least one data-plane cluster.</p> : null}
        {error ? (
          <p role="alert" className="inline-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={save} disabled={!view || pending || planes.length === 0 || !mesh}>
          {pending ? 'Saving…' : 'Save roles'}
        </button>
      </div>
    </dialog>
  );
}
