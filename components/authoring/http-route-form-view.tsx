'use client';

import { validateHTTPRouteForm } from '@/lib/authoring/form-validation';
import { newMatch, type HTTPRouteForm, type MatchForm, type RuleForm } from '@/lib/authoring/http-route-form';
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

/** What the cluster's HTTPRoute schema offers beyond the basics. */
export interface HTTPRouteFeatures {
  /** `rules[].timeouts` (standard from Gateway API v1.2). */
  timeouts: boolean;
  /** Filter types the schema has a settings field for. */
  filterTypes: readonly string[];
}

const newRule = (): RuleForm => ({
  matches: [newMatch()],
  filters: [],
  backendRefs: [newBackend()],
  timeoutRequest: '',
  timeoutBackendRequest: '',
});

/** The HTTPRoute form: parents, hostnames and rules, each field explained and checked as typed. */
export function HTTPRouteFormView({
  context,
  form,
  onChange,
  features,
}: {
  context: string;
  form: HTTPRouteForm;
  onChange: (f: HTTPRouteForm) => void;
  features: HTTPRouteFeatures;
}) {
  const problems = validateHTTPRouteForm(form);
  const routeNs = form.namespace || 'default';
  const lookups = useRouteLookups(context, 'HTTPRoute', routeNs, form.rules);
  const setRule = (r: number, rule: RuleForm) => onChange({ ...form, rules: replaceAt(form.rules, r, rule) });

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
            <MatchFields
              key={i}
              r={r}
              i={i}
              match={m}
              problems={problems}
              onChange={(next) => setRule(r, { ...rule, matches: replaceAt(rule.matches, i, next) })}
              onRemove={() => setRule(r, { ...rule, matches: removeAt(rule.matches, i) })}
            />
          ))}
          <AddButton label="Add match" onAdd={() => setRule(r, { ...rule, matches: [...rule.matches, newMatch()] })} />
          <FilterList
            owner={`Rule ${r + 1}`}
            id={`r${r}`}
            filters={rule.filters}
            onChange={(filters) => setRule(r, { ...rule, filters })}
            types={features.filterTypes}
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
            filterTypes={features.filterTypes}
          />
          {features.timeouts || rule.timeoutRequest || rule.timeoutBackendRequest ? (
            <div className={styles.row}>
              <TextField
                id={`r${r}-timeout-request`}
                label="Request timeout"
                value={rule.timeoutRequest}
                onChange={(timeoutRequest) => setRule(r, { ...rule, timeoutRequest })}
                error={problems[`rules.${r}.timeouts.request`]}
                placeholder="10s"
                help="timeouts.request: the whole request, client to response. Empty: the implementation's default."
              />
              <TextField
                id={`r${r}-timeout-backend`}
                label="Backend request timeout"
                value={rule.timeoutBackendRequest}
                onChange={(timeoutBackendRequest) => setRule(r, { ...rule, timeoutBackendRequest })}
                error={problems[`rules.${r}.timeouts.backendRequest`]}
                placeholder="2s"
                help="timeouts.backendRequest: one try to the backend; not longer than the request timeout."
              />
            </div>
          ) : null}
        </FieldGroup>
      ))}
      <AddButton label="Add rule" onAdd={() => onChange({ ...form, rules: [...form.rules, newRule()] })} />
    </div>
  );
}

function MatchFields(p: {
  r: number;
  i: number;
  match: MatchForm;
  problems: Record<string, string>;
  onChange: (m: MatchForm) => void;
  onRemove: () => void;
}) {
  const { r, i, match: m } = p;
  const set = (patch: Partial<MatchForm>) => p.onChange({ ...m, ...patch });
  const err = (k: string) => p.problems[`rules.${r}.matches.${i}.${k}`];
  const firstOf = (k: string) => err(`${k}.0.name`) ?? err(`${k}.1.name`) ?? err(`${k}.2.name`);
  return (
    <FieldGroup nested label={`Rule ${r + 1} match ${i + 1}`} onRemove={p.onRemove}>
      <SelectField
        id={`r${r}m${i}-type`}
        label="Path match"
        value={m.pathType}
        onChange={(pathType) => set({ pathType })}
        options={[
          { value: '', label: 'Any path' },
          { value: 'PathPrefix', label: 'Prefix' },
          { value: 'Exact', label: 'Exact' },
          { value: 'RegularExpression', label: 'Regular expression' },
        ]}
        help="Prefix matches whole path segments: /get matches /get/x, not /getx."
      />
      <TextField
        id={`r${r}m${i}-path`}
        label="Path"
        value={m.pathValue}
        onChange={(pathValue) => set({ pathValue })}
        error={err('pathValue')}
        placeholder="/get"
        help="Starts with /."
      />
      <SelectField
        id={`r${r}m${i}-method`}
        label="Method"
        value={m.method}
        onChange={(method) => set({ method })}
        options={['', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'].map((v) => ({
          value: v,
          label: v || 'Any method',
        }))}
        help="Only requests with this method."
      />
      <TextField
        id={`r${r}m${i}-headers`}
        label="Header matches"
        value={joinPairs(m.headers)}
        onChange={(v) => set({ headers: splitPairs(v) })}
        error={firstOf('headers')}
        placeholder="x-env=canary"
        help="name=value pairs, all must match (exact)."
      />
      <TextField
        id={`r${r}m${i}-query`}
        label="Query parameter matches"
        value={joinPairs(m.queryParams)}
        onChange={(v) => set({ queryParams: splitPairs(v) })}
        error={firstOf('queryParams')}
        placeholder="debug=1"
        help="name=value pairs, all must match (exact)."
      />
    </FieldGroup>
  );
}
