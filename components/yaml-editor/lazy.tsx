'use client';

import dynamic from 'next/dynamic';

/**
 * Monaco is loaded only where it is used and only in the browser: these lazy wrappers are what
 * the rest of the console imports, so no other page downloads the editor.
 */
export const LazyYamlEditor = dynamic(() => import('./yaml-editor').then((m) => m.YamlEditor), {
  ssr: false,
  loading: () => <p className="muted">Loading the editor…</p>,
});

/** Lazy {@link import('./yaml-diff').YamlDiff}. */
export const LazyYamlDiff = dynamic(() => import('./yaml-diff').then((m) => m.YamlDiff), {
  ssr: false,
  loading: () => <p className="muted">Loading the diff…</p>,
});
