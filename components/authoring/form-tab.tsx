'use client';

import type { ReactNode } from 'react';
import { parseDocument, type Document } from 'yaml';
import type { FormKind } from '@/lib/authoring/form-kinds';
import { readGatewayForm, writeGatewayForm } from '@/lib/authoring/gateway-form';
import { readGRPCRouteForm, writeGRPCRouteForm } from '@/lib/authoring/grpc-route-form';
import { knownFilterTypes, readHTTPRouteForm, writeHTTPRouteForm } from '@/lib/authoring/http-route-form';
import { readReferenceGrantForm, writeReferenceGrantForm } from '@/lib/authoring/reference-grant-form';
import { filterFields } from '@/lib/authoring/route-parts';
import { schemaHasField } from '@/lib/authoring/schema-features';
import { editDraft } from '@/lib/authoring/yaml-edit';
import styles from './form.module.css';
import { GatewayFormView } from './gateway-form-view';
import { GRPCRouteFormView } from './grpc-route-form-view';
import { HTTPRouteFormView, type HTTPRouteFeatures } from './http-route-form-view';
import { PredictionPanel } from './prediction-panel';
import { ReferenceGrantFormView } from './reference-grant-form-view';
import { useEditorSchemas } from './use-editor-schemas';

export type { FormKind } from '@/lib/authoring/form-kinds';

/** The HTTPRoute fields the installed CRD has (a field is offered while the schema is unknown only if the draft uses it). */
function httpRouteFeatures(schema: object | undefined, apiVersion: string): HTTPRouteFeatures {
  const has = (path: string[]) => schemaHasField(schema, apiVersion, 'HTTPRoute', path) ?? false;
  return {
    timeouts: has(['spec', 'rules', 'timeouts']),
    filterTypes: knownFilterTypes.filter((t) => schema === undefined || has(['spec', 'rules', 'filters', filterFields[t] ?? ''])),
  };
}

/**
 * The form of a kind over the shared YAML draft: the form reads its fields from the draft and each
 * edit writes only those fields back, so the YAML tab and the form never disagree or lose text.
 */
export function FormTab(props: { kind: FormKind; context: string; text: string; onText: (t: string) => void }) {
  const schemas = useEditorSchemas(props.context);
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
  const edit =
    <F,>(write: (d: Document, f: F) => void) =>
    (f: F) =>
      props.onText(editDraft(props.text, (d) => write(d, f)));
  const common = { context: props.context };
  const view: Record<FormKind, () => ReactNode> = {
    Gateway: () => <GatewayFormView {...common} form={readGatewayForm(doc)} onChange={edit(writeGatewayForm)} />,
    HTTPRoute: () => (
      <HTTPRouteFormView
        {...common}
        form={readHTTPRouteForm(doc)}
        onChange={edit(writeHTTPRouteForm)}
        features={httpRouteFeatures(schemas.data?.schema, String(doc.get('apiVersion') ?? ''))}
      />
    ),
    GRPCRoute: () => <GRPCRouteFormView {...common} form={readGRPCRouteForm(doc)} onChange={edit(writeGRPCRouteForm)} />,
    ReferenceGrant: () => (
      <ReferenceGrantFormView {...common} form={readReferenceGrantForm(doc)} onChange={edit(writeReferenceGrantForm)} />
    ),
  };
  return (
    <div className={styles.form}>
      {view[props.kind]()}
      <PredictionPanel context={props.context} text={props.text} />
    </div>
  );
}
