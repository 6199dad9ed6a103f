'use client';

import { validateReferenceGrantForm } from '@/lib/authoring/grpc-grant-validation';
import type { GrantFromForm, GrantToForm, ReferenceGrantForm } from '@/lib/authoring/reference-grant-form';
import { GATEWAY_GROUP } from '@/lib/model/kinds';
import { AddButton, FieldGroup, removeAt, replaceAt, SelectField, TextField } from './field';
import styles from './form.module.css';
import { NamespaceField } from './namespace-field';

const fromKinds = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'Gateway'];
const toKinds = [
  { kind: 'Service', group: '' },
  { kind: 'Secret', group: '' },
];
const newFrom = (): GrantFromForm => ({ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: '' });
const newTo = (): GrantToForm => ({ group: '', kind: 'Service', name: '' });

/**
 * The ReferenceGrant form: which kinds in which namespaces (From) may refer to which objects in
 * this grant's namespace (To). Without a grant, routes cannot send traffic to Services in another
 * namespace and Gateways cannot use certificates from another namespace.
 */
export function ReferenceGrantFormView({
  context,
  form,
  onChange,
}: {
  context: string;
  form: ReferenceGrantForm;
  onChange: (f: ReferenceGrantForm) => void;
}) {
  const problems = validateReferenceGrantForm(form);
  const err = (k: string) => problems[k];
  return (
    <div className={styles.fields}>
      <div className={styles.row}>
        <TextField
          id="rg-name"
          label="Name"
          value={form.name}
          onChange={(name) => onChange({ ...form, name })}
          error={err('name')}
          help="Unique per namespace; the name does not matter to the rules."
        />
        <NamespaceField
          id="rg-namespace"
          context={context}
          value={form.namespace}
          onChange={(namespace) => onChange({ ...form, namespace })}
          error={err('namespace')}
          help="The namespace of the objects being referred to (the Services or Secrets): a grant only opens its own namespace."
        />
      </div>
      {err('from') ? <p className="inline-error">{err('from')}</p> : null}
      {form.from.map((x, i) => {
        const set = (patch: Partial<GrantFromForm>) => onChange({ ...form, from: replaceAt(form.from, i, { ...x, ...patch }) });
        return (
          <FieldGroup key={i} label={`From ${i + 1}`} onRemove={() => onChange({ ...form, from: removeAt(form.from, i) })}>
            <div className={styles.row}>
              <SelectField
                id={`rg-from${i}-kind`}
                label="Referring kind"
                value={x.kind}
                onChange={(kind) => set({ kind, group: kind === x.kind ? x.group : GATEWAY_GROUP })}
                options={fromKinds.map((k) => ({ value: k, label: k }))}
                error={err(`from.${i}.kind`)}
                help="The kind of object holding the reference (a route's backendRefs, a Gateway's certificateRefs)."
              />
              <TextField
                id={`rg-from${i}-group`}
                label="Referring group"
                value={x.group}
                onChange={(group) => set({ group })}
                error={err(`from.${i}.group`)}
                help="API group of that kind: gateway.networking.k8s.io for Gateway API kinds."
              />
              <NamespaceField
                id={`rg-from${i}-namespace`}
                label="From namespace"
                context={context}
                value={x.namespace}
                onChange={(namespace) => set({ namespace })}
                error={err(`from.${i}.namespace`)}
                help="Where the referring objects live. Required: a grant never opens to all namespaces."
              />
            </div>
          </FieldGroup>
        );
      })}
      <AddButton label="Add From" onAdd={() => onChange({ ...form, from: [...form.from, newFrom()] })} />
      {err('to') ? <p className="inline-error">{err('to')}</p> : null}
      {form.to.map((x, i) => {
        const set = (patch: Partial<GrantToForm>) => onChange({ ...form, to: replaceAt(form.to, i, { ...x, ...patch }) });
        return (
          <FieldGroup key={i} label={`To ${i + 1}`} onRemove={() => onChange({ ...form, to: removeAt(form.to, i) })}>
            <div className={styles.row}>
              <SelectField
                id={`rg-to${i}-kind`}
                label="Target kind"
                value={x.kind}
                onChange={(kind) => set({ kind, group: toKinds.find((k) => k.kind === kind)?.group ?? x.group })}
                options={toKinds.map((k) => ({ value: k.kind, label: k.kind }))}
                error={err(`to.${i}.kind`)}
                help="Service for backends, Secret for TLS certificates."
              />
              <TextField
                id={`rg-to${i}-group`}
                label="Target group"
                value={x.group}
                onChange={(group) => set({ group })}
                error={err(`to.${i}.group`)}
                help='Empty for the core group (Services, Secrets); written as group: "".'
              />
              <TextField
                id={`rg-to${i}-name`}
                label="Target name"
                value={x.name}
                onChange={(name) => set({ name })}
                error={err(`to.${i}.name`)}
                help="One object by name; empty allows every object of the kind in this namespace."
              />
            </div>
          </FieldGroup>
        );
      })}
      <AddButton label="Add To" onAdd={() => onChange({ ...form, to: [...form.to, newTo()] })} />
    </div>
  );
}
