'use client';

import { useMemo, useRef, useState } from 'react';
import { WorkspaceLoader } from '@/components/authoring/workspace-loader';
import { useDraft } from '@/components/authoring/use-draft';
import { compareTraffic, migrate, parseIstioYaml, previewEngine, previewVerdicts, renderYaml } from '@/lib/migrate';
import type { IstioObject, MigrationTarget, ServiceInfo } from '@/lib/migrate/types';
import { FindingsTable } from './findings-table';
import { IstioInput } from './istio-input';
import styles from './migrate.module.css';
import { TrafficTable } from './traffic-table';
import { VerdictList } from './verdict-list';

/** Props of {@link MigrateWorkspace}: what the server read from the cluster. */
export interface MigrateWorkspaceProps {
  context: string;
  target: MigrationTarget;
  services: ServiceInfo[];
  istioObjects?: IstioObject[];
}

/** A short stable hash, so each conversion gets its own apply draft. */
function hash(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (h * 33) ^ text.charCodeAt(i);
  return (h >>> 0).toString(36);
}

/**
 * The migration workspace: Istio YAML in (kept as a draft), Gateway API YAML out, converted as
 * the user types; findings on their lines, the engine's verdict and the traffic comparison;
 * then the normal apply flow (dry run, diff, impact, apply) on the generated text.
 */
export function MigrateWorkspace({ context, target, services, istioObjects }: MigrateWorkspaceProps) {
  const draft = useDraft(`${context}:migrate-input`, '', {});
  const [namespace, setNamespace] = useState('default');
  const [reviewing, setReviewing] = useState<string | undefined>();
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const view = useMemo(() => {
    const parsed = parseIstioYaml(draft.text, namespace || 'default');
    const result = migrate(parsed.objects, target, services);
    const findings = result.findings.map((f) => ({ ...f, line: parsed.lineOf(f.source) }));
    const preview = previewEngine(result.objects, services, target.gatewayClassName);
    return {
      parsed,
      result,
      findings,
      yaml: renderYaml(result.objects),
      verdicts: previewVerdicts(preview),
      traffic: compareTraffic(parsed.objects, preview, services),
    };
  }, [draft.text, namespace, target, services]);

  const goToLine = (line: number) => {
    const el = inputRef.current;
    if (!el) return;
    const offset =
      el.value
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + (line > 1 ? 1 : 0);
    el.focus();
    el.setSelectionRange(offset, offset);
  };

  return (
    <div>
      <div className={styles.columns}>
        <section aria-labelledby="migrate-in">
          <h2 id="migrate-in">Istio YAML</h2>
          <IstioInput
            ref={inputRef}
            text={draft.text}
            onText={draft.setText}
            namespace={namespace}
            onNamespace={setNamespace}
            istioObjects={istioObjects}
            restoredAt={draft.restoredAt}
            onDiscard={draft.discard}
          />
        </section>
        <section aria-labelledby="migrate-out">
          <h2 id="migrate-out">Gateway API YAML ({target.apiVersion})</h2>
          <pre className={styles.output} aria-label="Generated Gateway API YAML" tabIndex={0}>
            {view.result.objects.length > 0
              ? view.yaml
              : '# Paste Istio Gateway, VirtualService and DestinationRule YAML on the left.'}
          </pre>
        </section>
      </div>

      <section className={styles.section} aria-labelledby="migrate-findings">
        <h2 id="migrate-findings">What changes and what cannot be carried over</h2>
        <FindingsTable findings={view.findings} problems={view.parsed.problems} onGoToLine={goToLine} />
      </section>

      <section className={styles.section} aria-labelledby="migrate-verdict">
        <h2 id="migrate-verdict">Engine verdict</h2>
        <VerdictList verdicts={view.verdicts} />
      </section>

      <section className={styles.section} aria-labelledby="migrate-traffic">
        <h2 id="migrate-traffic">Traffic comparison</h2>
        <TrafficTable comparison={view.traffic} />
      </section>

      <section className={styles.section} aria-labelledby="migrate-apply">
        <h2 id="migrate-apply">Apply</h2>
        {reviewing === undefined ? (
          <button
            type="button"
            className="button"
            disabled={view.result.objects.length === 0}
            onClick={() => setReviewing(view.yaml)}
          >
            Review and apply
          </button>
        ) : (
          <>
            <p className="muted">
              The generated objects, in the apply flow: dry run, diff and impact first. Edit them here if needed; the Istio
              objects are left in place.
            </p>
            <button type="button" className="button-quiet" onClick={() => setReviewing(undefined)}>
              Back to the conversion
            </button>
            <WorkspaceLoader context={context} draftScope={`migrate-${hash(reviewing)}`} initialText={reviewing} />
          </>
        )}
      </section>
    </div>
  );
}
