'use client';

import { useState, useTransition } from 'react';
import { applyManifests } from '@/lib/actions/apply-manifests';
import { dryRunManifests } from '@/lib/actions/dry-run-manifests';
import type { DocumentResult, FieldProblem, ManifestsOutcome } from '@/lib/authoring/types';
import type { Draft } from './use-draft';

/** The dry run → apply state of one editor. */
export interface ManifestFlow {
  pending: boolean;
  /** The last answer, dry run or apply. */
  outcome?: ManifestsOutcome;
  /** The text the last dry run checked; Apply is offered only while the editor still holds it. */
  checkedText?: string;
  error?: string;
  problems: FieldProblem[];
  conflicts: DocumentResult[];
  dryRun: () => void;
  apply: (force?: boolean) => void;
  /** Accepts the live resourceVersions of the conflicting objects and dry-runs again. */
  reloadAndReapply: () => void;
  dismissConflicts: () => void;
}

/**
 * Runs the safe write path for an editor: a server dry run first (problems become markers, the
 * diff and the impact are shown), then the apply of exactly the text that was checked; conflicts
 * stop the write and are handed to the conflict dialog.
 */
export function useManifestFlow(context: string, draft: Draft, onApplied?: (o: ManifestsOutcome) => void): ManifestFlow {
  const [pending, start] = useTransition();
  const [outcome, setOutcome] = useState<ManifestsOutcome>();
  const [checkedText, setCheckedText] = useState<string>();
  const [error, setError] = useState<string>();
  const [conflicts, setConflicts] = useState<DocumentResult[]>([]);

  const run = (kind: 'dry' | 'apply', force = false, expected = draft.expected) =>
    start(async () => {
      setError(undefined);
      const text = draft.text;
      const input = { context, yaml: text, expected, ...(force ? { force: true } : {}) };
      const res = kind === 'dry' ? await dryRunManifests(input) : await applyManifests(input);
      if (!res.ok) {
        setError(res.error);
        setOutcome(undefined);
        return;
      }
      setOutcome(res.value);
      setConflicts(res.value.documents.filter((d) => d.conflict));
      if (kind === 'dry') setCheckedText(res.value.documents.every((d) => d.outcome !== 'failed') ? text : undefined);
      else {
        setCheckedText(undefined);
        // Keep editing from what is live now: the next save compares against these versions.
        const next = { ...expected };
        for (const d of res.value.documents)
          if (d.ref && d.resourceVersion && expected[d.ref] !== undefined) next[d.ref] = d.resourceVersion;
        if (res.value.documents.every((d) => d.outcome !== 'failed')) {
          draft.setExpected(next);
          draft.settle();
          onApplied?.(res.value);
        }
      }
    });

  return {
    pending,
    ...(outcome ? { outcome } : {}),
    ...(checkedText !== undefined ? { checkedText } : {}),
    ...(error ? { error } : {}),
    problems: outcome?.documents.flatMap((d) => d.problems) ?? [],
    conflicts,
    dryRun: () => run('dry'),
    apply: (force = false) => run('apply', force),
    reloadAndReapply: () => {
      const next = { ...draft.expected };
      for (const c of conflicts) {
        if (!c.ref || !c.conflict) continue;
        if (c.conflict.live) next[c.ref] = c.conflict.live;
        else delete next[c.ref];
      }
      draft.setExpected(next);
      setConflicts([]);
      run('dry', false, next);
    },
    dismissConflicts: () => setConflicts([]),
  };
}
