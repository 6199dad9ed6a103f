'use client';

import type { FilterForm, HTTPRouteForm, RuleForm } from '@/lib/authoring/http-route-form';
import { validateHTTPRouteForm } from '@/lib/authoring/form-validation';
import { useObjects } from '@/lib/queries/use-objects';
import { SelectField, TextField } from './field';
import { joinPairs, splitList, splitPairs } from './form-lists';
import styles from './form.module.css';
import { RuleFilters } from './rule-filters';

const newRule: RuleForm = {
  matches: [{ pathType: 'PathPrefix', pathValue: '/', method: '', headers: [] }],
  filters: [],
  backendRefs: [{ name: '', namespace: '', port: '', weight: '' }],
};

/** The HTTPRoute form: parents, hostnames and rules, each field explained and checked as typed. */
export function HTTPRouteFormView({
  context,
  form,
  onChange,
}: {
  context: string;
  form: HTTPRouteForm;
  onChange: (f: HTTPRouteForm) => void;
}) {
  const gateways = useObjects(context, 'Gateway');
  const services = useObjects(context, 'Service');
  const namespaces = useObjects(context, 'Namespace');
  const problems = validateHTTPRouteForm(form);
  const routeNs = form.namespace || 'default';
  const gatewayItems = gateways.data?.items ?? [];
  const setRule = (r: number, rule: RuleForm) => onChange({ ...form, rules: form.rules.map((x, i) => (i === r ? rule : x)) });

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
        <TextField
          id="rt-namespace"
          label="Namespace"
          value={form.namespace}
          onChange={(namespace) => onChange({ ...form, namespace })}
          options={(namespaces.data?.items ?? []).map((n) => n.metadata.name)}
          help="Backends in this namespace need no ReferenceGrant."
        />
      </div>
      {form.parentRefs.map((ref, i) => {
        const gw = gatewayItems.find((g) => g.metadata.name === ref.name && g.metadata.namespace === (ref.namespace || routeNs));
        const listeners =
          (gw?.spec as { listeners?: Array<{ name: string; port: number; hostname?: string }> } | undefined)?.listeners ?? [];
        const setRef = (patch: Partial<typeof ref>) =>
          onChange({ ...form, parentRefs: form.parentRefs.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
        return (
          <fieldset key={i} className={styles.group} aria-label={`Parent ${i + 1}`}>
            <legend>Parent {i + 1}</legend>
            <div className={styles.row}>
              <SelectField
                id={`p${i}-gateway`}
                label="Gateway"
                value={ref.name ? `${ref.namespace || routeNs}/${ref.name}` : ''}
                onChange={(v) => {
                  const [ns = '', name = ''] = v.split('/');
                  setRef({ name, namespace: ns === routeNs ? '' : ns, sectionName: '' });
                }}
                options={[
                  { value: '', label: gateways.isLoading ? 'Loading…' : 'Choose a Gateway…' },
                  ...gatewayItems.map((g) => ({
                    value: `${g.metadata.namespace}/${g.metadata.name}`,
                    label: `${g.metadata.namespace}/${g.metadata.name}`,
                  })),
                ]}
                error={problems[`parentRefs.${i}.name`]}
                help="parentRefs: the Gateway this route attaches to."
              />
              <SelectField
                id={`p${i}-listener`}
                label="Listener"
                value={ref.sectionName}
                onChange={(sectionName) => setRef({ sectionName })}
                options={[
                  { value: '', label: 'All compatible listeners' },
                  ...listeners.map((l) => ({
                    value: l.name,
                    label: `${l.name} (port ${l.port}${l.hostname ? `, ${l.hostname}` : ''})`,
                  })),
                ]}
                help="sectionName: without it, the route attaches to every listener that accepts it."
              />
              <TextField
                id={`p${i}-port`}
                label="Parent port"
                inputMode="numeric"
                value={ref.port}
                onChange={(port) => setRef({ port })}
                error={problems[`parentRefs.${i}.port`]}
                help="Optional: only listeners on this port."
              />
            </div>
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChange({ ...form, parentRefs: form.parentRefs.filter((_, j) => j !== i) })}
            >
              Remove parent {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button-quiet"
        onClick={() =>
          onChange({ ...form, parentRefs: [...form.parentRefs, { name: '', namespace: '', sectionName: '', port: '' }] })
        }
      >
        Add parent
      </button>
      <TextField
        id="rt-hostnames"
        label="Hostnames"
        value={form.hostnames.join(', ')}
        onChange={(v) => onChange({ ...form, hostnames: splitList(v) })}
        error={Object.entries(problems).find(([k]) => k.startsWith('hostnames.'))?.[1]}
        placeholder="*.aliyun.com"
        help="Host headers this route answers, separated by commas; they must overlap the listener's hostname. Empty: all hosts the listener accepts."
      />
      {form.rules.map((rule, r) => (
        <fieldset key={r} className={styles.group} aria-label={`Rule ${r + 1}`}>
          <legend>Rule {r + 1}</legend>
          {rule.matches.map((m, i) => {
            const setMatch = (patch: Partial<typeof m>) =>
              setRule(r, { ...rule, matches: rule.matches.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            const p = (k: string) => problems[`rules.${r}.matches.${i}.${k}`];
            return (
              <div key={i} className={styles.row} role="group" aria-label={`Rule ${r + 1} match ${i + 1}`}>
                <SelectField
                  id={`r${r}m${i}-type`}
                  label="Path match"
                  value={m.pathType}
                  onChange={(pathType) => setMatch({ pathType })}
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
                  onChange={(pathValue) => setMatch({ pathValue })}
                  error={p('pathValue')}
                  placeholder="/get"
                  help="Starts with /."
                />
                <SelectField
                  id={`r${r}m${i}-method`}
                  label="Method"
                  value={m.method}
                  onChange={(method) => setMatch({ method })}
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
                  onChange={(v) => setMatch({ headers: splitPairs(v) })}
                  error={p('headers.0.name')}
                  placeholder="x-env=canary"
                  help="name=value pairs, all must match (exact)."
                />
              </div>
            );
          })}
          <RuleFilters rule={rule} r={r} onChange={(filters: FilterForm[]) => setRule(r, { ...rule, filters })} />
          {rule.backendRefs.map((b, i) => {
            const p = (k: string) => problems[`rules.${r}.backendRefs.${i}.${k}`];
            const svcNs = b.namespace || routeNs;
            const svc = (services.data?.items ?? []).find((s) => s.metadata.name === b.name && s.metadata.namespace === svcNs);
            const ports = ((svc?.spec as { ports?: Array<{ port: number }> } | undefined)?.ports ?? []).map((x) =>
              String(x.port),
            );
            const setBackend = (patch: Partial<typeof b>) =>
              setRule(r, { ...rule, backendRefs: rule.backendRefs.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
            return (
              <div key={i} className={styles.row} role="group" aria-label={`Rule ${r + 1} backend ${i + 1}`}>
                <SelectField
                  id={`r${r}b${i}-service`}
                  label="Service"
                  value={b.name ? `${svcNs}/${b.name}` : ''}
                  onChange={(v) => {
                    const [ns = '', name = ''] = v.split('/');
                    setBackend({ name, namespace: ns === routeNs ? '' : ns, port: '' });
                  }}
                  options={[
                    { value: '', label: services.isLoading ? 'Loading…' : 'Choose a Service…' },
                    ...(services.data?.items ?? []).map((s) => ({
                      value: `${s.metadata.namespace}/${s.metadata.name}`,
                      label: `${s.metadata.namespace}/${s.metadata.name}`,
                    })),
                  ]}
                  error={
                    p('name') ??
                    (b.namespace && b.namespace !== routeNs
                      ? `Another namespace: a ReferenceGrant in ${b.namespace} must allow HTTPRoutes from ${routeNs}.`
                      : undefined)
                  }
                  help="backendRefs: where matching requests go. Same namespace by default; other namespaces need a ReferenceGrant."
                />
                <TextField
                  id={`r${r}b${i}-port`}
                  label="Service port"
                  inputMode="numeric"
                  value={b.port}
                  onChange={(port) => setBackend({ port })}
                  options={ports}
                  error={p('port')}
                  help="The Service port (not the container port)."
                />
                <TextField
                  id={`r${r}b${i}-weight`}
                  label="Weight"
                  inputMode="numeric"
                  value={b.weight}
                  onChange={(weight) => setBackend({ weight })}
                  error={p('weight')}
                  help="Share of traffic among this rule's backends (default 1)."
                />
              </div>
            );
          })}
          <div className={styles.row}>
            <button
              type="button"
              className="button-quiet"
              onClick={() =>
                setRule(r, {
                  ...rule,
                  matches: [...rule.matches, { pathType: 'PathPrefix', pathValue: '/', method: '', headers: [] }],
                })
              }
            >
              Add match
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() =>
                setRule(r, { ...rule, backendRefs: [...rule.backendRefs, { name: '', namespace: '', port: '', weight: '' }] })
              }
            >
              Add backend
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => onChange({ ...form, rules: form.rules.filter((_, j) => j !== r) })}
            >
              Remove rule {r + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="button-quiet" onClick={() => onChange({ ...form, rules: [...form.rules, newRule] })}>
        Add rule
      </button>
    </div>
  );
}
