'use client';

import { manifestTemplates } from '@/lib/authoring/templates';

/** "New from example": replaces the editor text with one of the walkthrough's manifests. */
export function ExamplesMenu({ onPick }: { onPick: (yaml: string) => void }) {
  return (
    <label>
      New from example{' '}
      <select
        value=""
        onChange={(e) => {
          const t = manifestTemplates.find((x) => x.id === e.target.value);
          if (t) onPick(t.yaml);
        }}
      >
        <option value="">Choose…</option>
        {manifestTemplates.map((t) => (
          <option key={t.id} value={t.id} title={t.description}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}
