'use client';

import { validateGRPCRouteForm } from '@/lib/authoring/grpc-grant-validation';
import {
  grpcFilterTypes,
  newGRPCMatch,
  type GRPCMatchForm,
  type GRPCRouteForm,
  type GRPCRuleForm,
} from '@/lib/authoring/grpc-route-form';
import { newBackend } from '@/lib/authoring/route-parts';
import { AddButton, FieldGroup, removeAt, replaceAt, SelectField, TextField } from './field';
import { BackendList } from './backend-list';
import { FilterList } from './filter-list';
import { joinPairs, splitPairs } from './form-lists';
import styles from './form.module.css';
import { GrantHint } from './grant-hint';
import { NamespaceField } from './namespace-field';
import { ParentRefsFields } from './parent-refs-fields';
import { useRouteLookups } from './route-common';

const newRule = (): GRPCRuleForm => ({ matches: [newGRPCMatch()], filters: [], backendRefs: [newBackend()] });

/** The GRPCRoute form: parents, hostnames and rules matching gRPC services and methods. */
export function GRPCRouteFormView({
  context,
  form,
  onChange,
}: {
  context: string;
  form: GRPCRouteForm;
  onChange: (f: GRPCRouteForm) => void;
}) {
  const problems = validateGRPCRouteForm(form);
  const routeNs = form.namespace || 'default';
  const lookups = useRouteLookups(context, 'GRPCRoute', routeNs, form.rules);
  const setRule = (r: number, rule: GRPCRuleForm) => onChange({ ...form, rules: replaceAt(form.rules, r, rule) });

  return (
    <div className={styles.fields}>
      <div className={styles.row}>
        <TextField
          id="rt-name"
          label="Name"
          value={form.name}
          onChange={(name) => onChange({ ...form, name })}
          error={problems.name}
          help="Unique per namespace."
        />
        <NamespaceField
          id="rt-namespace"
          context={context}
          value={form.namespace}
          onChange={(namespace) => onChange({ ...form, namespace })}
          help="Backends in this namespace need no ReferenceGrant."
        />
      </div>
      <ParentRefsFields
        context={context}
        routeNamespace={routeNs}
        parents={form.parentRefs}
        hostnames={form.hostnames}
        onParents={(parentRefs) => onChange({ ...form, parentRefs })}
        onHostnames={(hostnames) => onChange({ ...form, hostnames })}
        problems={problems}
      />
      <GrantHint needs={lookups.needs} />
      {form.rules.map((rule, r) => (
        <FieldGroup key={r} label={`Rule ${r + 1}`} onRemove={() => onChange({ ...form, rules: removeAt(form.rules, r) })}>
          {rule.matches.map((m, i) => (
            <GRPCMatchFields
              key={i}
              r={r}
              i={i}
              match={m}
              problems={problems}
              onChange={(next) => setRule(r, { ...rule, matches: replaceAt(rule.matches, i, next) })}
              onRemove={() => setRule(r, { ...rule, matches: removeAt(rule.matches, i) })}
            />
          ))}
          <AddButton label="Add match" onAdd={() => setRule(r, { ...rule, matches: [...rule.matches, newGRPCMatch()] })} />
          <FilterList
            owner={`Rule ${r + 1}`}
            id={`r${r}`}
            filters={rule.filters}
            onChange={(filters) => setRule(r, { ...rule, filters })}
            types={grpcFilterTypes}
            problems={problems}
            problemPrefix={`rules.${r}.filters`}
            services={lookups.services}
            servicesLoading={lookups.servicesLoading}
            routeNamespace={routeNs}
          />
          <BackendList
            owner={`Rule ${r + 1}`}
            id={`r${r}`}
            backends={rule.backendRefs}
            onChange={(backendRefs) => setRule(r, { ...rule, backendRefs })}
            problems={problems}
            problemPrefix={`rules.${r}.backendRefs`}
            services={lookups.services}
            servicesLoading={lookups.servicesLoading}
            routeNamespace={routeNs}
            filterTypes={grpcFilterTypes}
          />
        </FieldGroup>
      ))}
      <AddButton label="Add rule" onAdd={() => onChange({ ...form, rules: [...form.rules, newRule()] })} />
    </div>
  );
}

function GRPCMatchFields(p: {
  r: number;
  i: number;
  match: GRPCMatchForm;
  problems: Record<string, string>;
  onChange: (m: GRPCMatchForm) => void;
  onRemove: () => void;
}) {
  const { r, i, match: m } = p;
  const set = (patch: Partial<GRPCMatchForm>) => p.onChange({ ...m, ...patch });
  const err = (k: string) => p.problems[`rules.${r}.matches.${i}.${k}`];
  return (
    <FieldGroup nested label={`Rule ${r + 1} match ${i + 1}`} onRemove={p.onRemove}>
      <SelectField
        id={`r${r}m${i}-type`}
        label="Method match"
        value={m.type}
        onChange={(type) => set({ type })}
        options={[
          { value: '', label: 'Exact (default)' },
          { value: 'Exact', label: 'Exact' },
          { value: 'RegularExpression', label: 'Regular expression' },
        ]}
        help="How service and method are compared."
      />
      <TextField
        id={`r${r}m${i}-service`}
        label="gRPC service"
        value={m.service}
        onChange={(service) => set({ service })}
        error={err('service')}
        placeholder="helloworld.Greeter"
        help="The fully qualified service (package.Service). Empty: every service."
      />
      <TextField
        id={`r${r}m${i}-method`}
        label="gRPC method"
        value={m.method}
        onChange={(method) => set({ method })}
        error={err('method')}
        placeholder="SayHello"
        help="The method name. Empty: every method of the service."
      />
      <TextField
        id={`r${r}m${i}-headers`}
        label="Header matches"
        value={joinPairs(m.headers)}
        onChange={(v) => set({ headers: splitPairs(v) })}
        error={err('headers.0.name') ?? err('headers.1.name')}
        placeholder="x-env=canary"
        help="Metadata name=value pairs, all must match (exact)."
      />
    </FieldGroup>
  );
}
