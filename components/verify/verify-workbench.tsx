'use client';

import { useState, useTransition } from 'react';
import { sendVerificationRequest } from '@/lib/actions/send-verification';
import type { RuleOption, VerifyOutcome, VerifyPlan } from '@/lib/actions/verify-types';
import { EmptyState } from '@/components/ui/empty-state';
import { draftOf, editsOf, wildcardOf, type Draft } from './draft';
import { RequestEditor } from './request-editor';
import { RulePicker } from './rule-picker';
import { TargetsTable } from './targets-table';
import { VerifyResult } from './verify-result';
import { HistoryPanel } from './history-panel';
import { VerifyAllPanel, type ScopeOption } from './verify-all-panel';
import { entryOf, useVerifyHistory } from './use-verify-history';
import styles from './verify.module.css';

/** The verify page: pick a rule, edit the built request, send it, judge the answer, verify many. */
export function VerifyWorkbench(props: {
  context: string;
  rules: RuleOption[];
  selected?: string;
  plan?: VerifyPlan;
  scopes: ScopeOption[];
}) {
  const { plan } = props;
  const [index, setIndex] = useState(0);
  const request = plan?.requests[index];
  const [draft, setDraft] = useState<Draft | undefined>(request ? draftOf(request) : undefined);
  const [outcome, setOutcome] = useState<VerifyOutcome | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, startSend] = useTransition();
  const historyKey = `${props.context}:${plan?.rule ? `${plan.rule.routeKind}/${plan.rule.route}` : 'url'}`;
  const history = useVerifyHistory(historyKey);

  const send = () => {
    if (!request || !draft) return;
    const edits = editsOf(draft);
    if (!edits.ok) {
      setError(edits.error);
      return;
    }
    setError(undefined);
    startSend(async () => {
      const { target, ...rest } = edits.edits;
      const res = await sendVerificationRequest({
        context: props.context,
        gateway: request.gateway,
        listener: request.listener,
        routeKind: request.routeKind,
        route: request.route,
        ruleIndex: request.ruleIndex,
        ...(request.matchIndex !== undefined ? { matchIndex: request.matchIndex } : {}),
        ...rest,
        ...(target ? { target } : {}),
      }).catch((err: unknown) => ({
        ok: false as const,
        error: `The console did not answer: ${err instanceof Error ? err.message : String(err)}. Check that it is running, then send again.`,
      }));
      if (!res.ok) {
        setError(res.error);
        return;
      }
      setOutcome(res.value);
      history.record(entryOf(res.value));
    });
  };

  return (
    <div className={styles.layout}>
      <section aria-labelledby="build-h" className={styles.panel}>
        <h2 id="build-h">Request</h2>
        <RulePicker rules={props.rules} {...(props.selected ? { value: props.selected } : {})} />
        {!plan ? (
          <EmptyState title="No rule chosen">
            <p>
              Choose a route rule above, or open this page from a route&apos;s Verify link. Portico builds the request the rule
              promises to handle.
            </p>
          </EmptyState>
        ) : null}
        {plan?.problems.map((p) => (
          <p key={p} className="inline-error" role="alert">
            {p}
          </p>
        ))}
        {plan && plan.requests.length > 1 ? (
          <label className={styles.picker}>
            Request of this rule
            <select
              value={index}
              onChange={(e) => {
                const i = Number(e.target.value);
                setIndex(i);
                const r = plan.requests[i];
                if (r) setDraft(draftOf(r));
                setOutcome(undefined);
              }}
            >
              {plan.requests.map((r, i) => (
                <option key={i} value={i}>
                  {r.method} {r.scheme}://{r.host}:{r.port}
                  {r.path} via {r.gateway} listener {r.listener}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {request && draft ? (
          <>
            <p className="muted">
              Through Gateway {request.gateway}, listener {request.listener}
              {request.route ? `, ${request.routeKind} ${request.route} rule ${request.ruleIndex}` : ''}
            </p>
            <RequestEditor
              draft={draft}
              onChange={setDraft}
              {...(wildcardOf(request) ? { wildcard: wildcardOf(request) } : {})}
              targets={plan?.targets[request.gateway] ?? []}
              notes={[...request.notes, ...request.needsInput.map((n) => `needs input: ${n.reason}`)]}
              busy={busy}
              onSend={send}
            />
            <h3>Where it goes</h3>
            <TargetsTable targets={plan?.targets[request.gateway] ?? []} {...(outcome ? { used: outcome.target } : {})} />
          </>
        ) : null}
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="result-h" className={styles.panel} aria-busy={busy}>
        <h2 id="result-h">Result</h2>
        {busy ? <p role="status">Sending the request through the gateway…</p> : null}
        {!busy && !outcome ? (
          <p className="muted">Nothing sent yet: press Send to see the response and whether it matches the configuration.</p>
        ) : null}
        {outcome ? <VerifyResult outcome={outcome} /> : null}
      </section>
      {plan?.rule ? <HistoryPanel entries={history.entries} onClear={history.clear} /> : null}
      <VerifyAllPanel scopes={props.scopes} context={props.context} />
    </div>
  );
}
