'use client';

import dynamic from 'next/dynamic';

/**
 * The authoring workspace, rendered in the browser only: its draft lives in localStorage, which
 * the server cannot read, so rendering it there would only show the wrong text first.
 */
export const WorkspaceLoader = dynamic(() => import('./manifest-workspace').then((m) => m.ManifestWorkspace), {
  ssr: false,
  loading: () => <p className="muted">Loading the editor…</p>,
});
