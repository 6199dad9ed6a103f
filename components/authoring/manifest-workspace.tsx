'use client';

import { useId, useMemo, useState } from 'react';
import { AccessNote, accessDescribedBy } from '@/components/access/access-note';
import { LazyYamlEditor } from '@/components/yaml-editor/lazy';
import type { ManifestsOutcome } from '@/lib/authoring/types';
import { placeholdersIn } from '@/lib/authoring/templates';
import { applyNeeds } from '@/lib/model/apply-targets';
import { useControlAccess } from '@/lib/queries/use-permissions';
import styles from './authoring.module.css';
import { ConflictDialog } from './conflict-dialog';
import { DocumentResults } from './document-results';
import { DraftNote } from './draft-note';
import { ExamplesMenu } from './examples-menu';
import { FormTab, type FormKind } from './form-tab';
import { ImpactReport } from './impact-report';
import { useDraft } from './use-draft';
import { useEditorSchemas } from './use-editor-schemas';
import { useManifestFlow } from './use-manifest-flow';

/** Props of {@link ManifestWorkspace}. */
export interface ManifestWorkspaceProps {
  context: string;
  /** Scope of the local draft within the context, e.g. `yaml` or `edit:HTTPRoute/default/http`. */
  draftScope: string;
  initialText: string;
  /** resourceVersions of loaded objects, per `Kind/namespace/name` (edit mode). */
  initialExpected?: Record<string, string>;
  /** Offer a form for this kind beside the YAML. */
  formKind?: FormKind;
  showExamples?: boolean;
  /** Called after every document applied without failure. */
  onApplied?: (o: ManifestsOutcome) => void;
}

/**
 * One authoring surface: YAML (and, for Gateway and HTTPRoute, a form over the same draft), a
 * dry run with per-document diff and change impact, then apply, with conflicts stopped and drafts
 * kept in the browser until applied or discarded.
 */
export function ManifestWorkspace(props: ManifestWorkspaceProps) {
  const draft = useDraft(`${props.context}:${props.draftScope}`, props.initialText, props.initialExpected ?? {});
  const flow = useManifestFlow(props.context, draft, props.onApplied);
  const schemas = useEditorSchemas(props.context);
  const [tab, setTab] = useState<'form' | 'yaml'>(props.formKind ? 'form' : 'yaml');
  const placeholders = placeholdersIn(draft.text);
  // Apply is disabled, with the reason, unless the user may write every object of the text (per kind and namespace).
  const needs = useMemo(() => applyNeeds(draft.text, draft.expected), [draft.text, draft.expected]);
  const access = useControlAccess(props.context, needs);
  const accessId = useId();
  const canApply = flow.checkedText === draft.text && !flow.pending && access.usable;
  const tabs = props.formKind ? (['form', 'yaml'] as const) : (['yaml'] as const);

  return (
    <div className={styles.workspace}>
      <DraftNote draft={draft} />
      <div className={styles.toolbar}>
        {tabs.length > 1 ? (
          <div role="tablist" aria-label="Editing mode" className="tabs">
            {tabs.map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                {t === 'form' ? 'Form' : 'YAML'}
              </button>
            ))}
          </div>
        ) : null}
        {props.showExamples ? <ExamplesMenu onPick={(y) => draft.setText(y)} /> : null}
        <span className={styles.spacer} />
        <button type="button" className="button-quiet" onClick={flow.dryRun} disabled={flow.pending || draft.text.trim() === ''}>
          {flow.pending ? 'Working…' : 'Dry run'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => flow.apply()}
          disabled={!canApply}
          title={canApply ? 'Apply what the dry run checked' : 'Run a dry run of the current text first'}
          {...accessDescribedBy(access, accessId)}
        >
          Apply
        </button>
        <AccessNote id={accessId} access={access} />
      </div>
      {placeholders.length > 0 ? (
        <p className="inline-warning" role="status">
          Replace the highlighted placeholder{placeholders.length > 1 ? 's' : ''} {[...new Set(placeholders)].join(', ')} before
          applying.
        </p>
      ) : null}
      {schemas.data?.error ? <p className="inline-warning">{schemas.data.error}</p> : null}
      {schemas.error ? <p className="inline-warning">{schemas.error.message}</p> : null}
      <div role="tabpanel" aria-label={tab === 'form' ? 'Form' : 'YAML'}>
        {tab === 'form' && props.formKind ? (
          <FormTab kind={props.formKind} context={props.context} text={draft.text} onText={draft.setText} />
        ) : (
          <LazyYamlEditor
            value={draft.text}
            onChange={draft.setText}
            label="Manifest YAML"
            problems={flow.problems}
            {...(schemas.data ? { schema: schemas.data.schema, schemaKey: schemas.data.context } : {})}
          />
        )}
      </div>
      {flow.error ? (
        <p className="inline-error" role="alert">
          {flow.error}
        </p>
      ) : null}
      {flow.outcome ? (
        <div className={styles.resultGrid}>
          <DocumentResults key={JSON.stringify(flow.outcome.documents.map((d) => [d.index, d.outcome]))} outcome={flow.outcome} />
          {flow.outcome.dryRun ? (
            <ImpactReport
              {...(flow.outcome.impact ? { impact: flow.outcome.impact } : {})}
              {...(flow.outcome.impactError ? { error: flow.outcome.impactError } : {})}
            />
          ) : null}
        </div>
      ) : null}
      <ConflictDialog
        conflicts={flow.conflicts}
        yourText={draft.text}
        onReload={flow.reloadAndReapply}
        onForce={() => {
          flow.dismissConflicts();
          flow.apply(true);
        }}
        onCancel={flow.dismissConflicts}
      />
    </div>
  );
}
