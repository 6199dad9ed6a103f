'use client';

import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { LazyYamlDiff } from '@/components/yaml-editor/lazy';
import type { DocumentResult } from '@/lib/authoring/types';

/**
 * Shown when a write would overwrite someone else's change: what changed (live vs. this editor),
 * then "Reload and reapply" (take the live version as the new base and dry-run again) or
 * "Force (overwrite)", which asks a second time before anything is written.
 */
export function ConflictDialog(props: {
  conflicts: DocumentResult[];
  yourText: string;
  onReload: () => void;
  onForce: () => void;
  onCancel: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const first = props.conflicts[0];
  return (
    <>
      <ConfirmDialog
        open={props.conflicts.length > 0 && !confirming}
        title={first?.conflict?.reason === 'fieldManager' ? 'Another tool owns these fields' : 'Someone else changed this object'}
        confirmLabel="Reload and reapply"
        onConfirm={props.onReload}
        onCancel={props.onCancel}
      >
        {props.conflicts.map((c) => (
          <p key={c.index} className="inline-warning">
            {c.problems[0]?.message}
          </p>
        ))}
        {first?.conflict?.liveYaml ? (
          <LazyYamlDiff
            original={first.conflict.liveYaml}
            modified={props.yourText}
            label="Live object (left) and your version (right)"
            height="30vh"
          />
        ) : null}
        <button type="button" className="button-quiet" onClick={() => setConfirming(true)}>
          Force (overwrite)
        </button>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming}
        title="Overwrite the other change?"
        confirmLabel="Yes, overwrite"
        onConfirm={() => {
          setConfirming(false);
          props.onForce();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>The live version will be replaced by yours; the other change is lost (its previous version stays in the history).</p>
      </ConfirmDialog>
    </>
  );
}
