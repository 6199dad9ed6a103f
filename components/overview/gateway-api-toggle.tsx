'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, useTransition } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { setGatewayApiEnabled } from '@/lib/actions/set-gateway-api-enabled';
import { ASM_GROUP } from '@/lib/model/kinds';
import type { MeshConfigCheck } from '@/lib/model/overview';
import { k8sKeys } from '@/lib/queries/keys';
import { usePermissions } from '@/lib/queries/use-permissions';

/**
 * The walkthrough's step 2: `enableGatewayAPI` in `ASMMeshConfig/default`. Optimistic: the switch
 * moves at once and moves back, with the API's reason, if the write fails.
 */
export function GatewayApiToggle({ context, mesh }: { context: string; mesh: MeshConfigCheck }) {
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [optimistic, setOptimistic] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, startTransition] = useTransition();
  const shown = optimistic ?? mesh.enabled;
  const next = !shown;
  // ASMMeshConfig is cluster-scoped: asked without a namespace, in the context the switch writes to.
  const access = usePermissions(mesh.context ?? context, '').access('update', 'asmmeshconfigs', ASM_GROUP);
  const noteId = useId();

  if (mesh.problem) {
    return (
      <p role="alert" className="inline-error">
        {mesh.problem} Check the mesh control plane in the header&apos;s context menu (Cluster roles).
      </p>
    );
  }
  if (!mesh.served) {
    return (
      <p className="muted">
        This cluster does not serve <code>ASMMeshConfig</code>, so it is not an ASM mesh instance: there is nothing to turn on
        here. On ASM, connect Portico to the mesh instance&apos;s kubeconfig to change it.
      </p>
    );
  }
  if (!mesh.exists) {
    return (
      <p className="muted">
        <code>ASMMeshConfig/default</code> does not exist yet. It is created with the ASM instance; check that this context is the
        mesh control plane.
      </p>
    );
  }

  const confirm = () => {
    setAsking(false);
    setError(undefined);
    setOptimistic(next);
    startTransition(async () => {
      const result = await setGatewayApiEnabled({
        // The switch acts on the context marked as the mesh control plane (the viewed one by default).
        context: mesh.context ?? context,
        enabled: next,
        ...(mesh.resourceVersion ? { resourceVersion: mesh.resourceVersion } : {}),
      });
      if (!result.ok) setError(result.error);
      setOptimistic(undefined);
      await client.invalidateQueries({ queryKey: k8sKeys.derived({ context, view: 'overview' }) });
    });
  };

  return (
    <div className="toggle-row">
      {mesh.context ? (
        <p className="muted">
          Mesh control plane: context <code>{mesh.context}</code>
        </p>
      ) : null}
      <button
        type="button"
        role="switch"
        aria-checked={shown}
        aria-labelledby="gateway-api-toggle-label"
        className={`switch ${shown ? 'switch-on' : ''}`}
        disabled={pending || !access.usable}
        onClick={() => setAsking(true)}
        {...accessDescribedBy(access, noteId)}
      >
        <span className="switch-knob" aria-hidden="true" />
      </button>
      <span id="gateway-api-toggle-label">Enable Gateway API</span>
      <span className="muted">
        <code>enableGatewayAPI: {String(shown)}</code>
        {pending ? ' · saving…' : ''}
      </span>
      <AccessNote id={noteId} access={access} />
      {error ? (
        <p role="alert" className="inline-error">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={next ? 'Enable Gateway API for this mesh?' : 'Disable Gateway API for this mesh?'}
        confirmLabel={next ? 'Enable' : 'Disable'}
        onConfirm={confirm}
        onCancel={() => setAsking(false)}
      >
        <p>
          This sets <code>spec.enableGatewayAPI: {String(next)}</code> in <code>ASMMeshConfig/default</code>.
        </p>
        <p>
          {next
            ? 'The control plane starts handling Gateways and routes: Gateways bound to ingress gateways get programmed and routes start receiving traffic.'
            : 'The control plane stops handling Gateway API resources: Gateways and routes are left in place but no longer programmed.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
