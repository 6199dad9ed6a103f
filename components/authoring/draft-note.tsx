'use client';

import type { Draft } from './use-draft';

/** "Draft restored" with a way back to the server's version. */
export function DraftNote({ draft }: { draft: Draft }) {
  if (!draft.restoredAt) return null;
  return (
    <p className="inline-warning" role="status">
      Draft restored (unsaved edits from {new Date(draft.restoredAt).toLocaleString()}).{' '}
      <button type="button" className="button-quiet" onClick={draft.discard}>
        Discard draft
      </button>
    </p>
  );
}
