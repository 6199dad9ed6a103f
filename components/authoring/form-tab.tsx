'use client';

import { parseDocument } from 'yaml';
import { readGatewayForm, writeGatewayForm } from '@/lib/authoring/gateway-form';
import { readHTTPRouteForm, writeHTTPRouteForm } from '@/lib/authoring/http-route-form';
import { editDraft } from '@/lib/authoring/yaml-edit';
import styles from './form.module.css';
import { GatewayFormView } from './gateway-form-view';
import { HTTPRouteFormView } from './http-route-form-view';
import { PredictionPanel } from './prediction-panel';

/** Kinds that have a form. */
export type FormKind = 'Gateway' | 'HTTPRoute';

/**
 * The form of a kind over the shared YAML draft: the form reads its fields from the draft and each
 * edit writes only those fields back, so the YAML tab and the form never disagree or lose text.
 */
export function FormTab(props: { kind: FormKind; context: string; text: string; onText: (t: string) => void }) {
  const doc = parseDocument(props.text);
  if (doc.errors.length > 0)
    return (
      <p className="inline-error" role="alert">
        The YAML has a syntax error ({doc.errors[0]?.message.split('\n')[0]}); fix it in the YAML tab to use the form.
      </p>
    );
  const kind = doc.get('kind');
  if (kind !== props.kind)
    return (
      <p className="inline-warning" role="alert">
        The YAML holds {typeof kind === 'string' ? `a ${kind}` : 'no kind'}; this form edits a {props.kind}. Use the YAML tab.
      </p>
    );
  return (
    <div className={styles.form}>
      {props.kind === 'Gateway' ? (
        <GatewayFormView
          context={props.context}
          form={readGatewayForm(doc)}
          onChange={(f) => props.onText(editDraft(props.text, (d) => writeGatewayForm(d, f)))}
        />
      ) : (
        <HTTPRouteFormView
          context={props.context}
          form={readHTTPRouteForm(doc)}
          onChange={(f) => props.onText(editDraft(props.text, (d) => writeHTTPRouteForm(d, f)))}
        />
      )}
      <PredictionPanel context={props.context} text={props.text} />
    </div>
  );
}
