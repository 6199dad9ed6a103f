'use client';

import type { GatewayForm, ListenerForm } from '@/lib/authoring/gateway-form';
import { validateGatewayForm } from '@/lib/authoring/form-validation';
import { useObjects } from '@/lib/queries/use-objects';
import { AddButton, FieldGroup, removeAt, SelectField, TextField } from './field';
import styles from './form.module.css';
import { NamespaceField } from './namespace-field';

const newListener: ListenerForm = {
  name: '',
  hostname: '',
  port: '80',
  protocol: 'HTTP',
  tlsMode: '',
  certificateRefs: [],
  from: 'Same',
  selector: '',
};

/** Services of pre-deployed ASM/Istio ingress gateways, as the `spec.addresses` hostnames that bind to them. */
function useIngressAddresses(context: string): string[] {
  const services = useObjects(context, 'Service');
  return (services.data?.items ?? [])
    .filter((s) => s.metadata.labels?.istio === 'ingressgateway' || s.metadata.labels?.app === 'istio-ingressgateway')
    .map((s) => `${s.metadata.name}.${s.metadata.namespace}.svc.cluster.local`);
}

/** The Gateway form: every field explains itself and is checked as it is typed. */
export function GatewayFormView({
  context,
  form,
  onChange,
}: {
  context: string;
  form: GatewayForm;
  onChange: (f: GatewayForm) => void;
}) {
  const classes = useObjects(context, 'GatewayClass');
  const secrets = useObjects(context, 'Secret', form.namespace || undefined);
  const addresses = useIngressAddresses(context);
  const problems = validateGatewayForm(form);
  const tlsSecrets = (secrets.data?.items ?? []).filter((s) => s.type === 'kubernetes.io/tls').map((s) => s.metadata.name);
  const setListener = (i: number, patch: Partial<ListenerForm>) =>
    onChange({ ...form, listeners: form.listeners.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  return (
    <div className={styles.fields}>
      <div className={styles.row}>
        <TextField
          id="gw-name"
          label="Name"
          value={form.name}
          onChange={(name) => onChange({ ...form, name })}
          error={problems.name}
          help="Unique per namespace; routes refer to the Gateway by it."
        />
        <NamespaceField
          id="gw-namespace"
          context={context}
          value={form.namespace}
          onChange={(namespace) => onChange({ ...form, namespace })}
          help="ASM keeps Gateways beside the ingress gateway, usually istio-system."
        />
        <SelectField
          id="gw-class"
          label="Gateway class"
          value={form.gatewayClassName}
          onChange={(gatewayClassName) => onChange({ ...form, gatewayClassName })}
          options={[
            { value: '', label: classes.isLoading ? 'Loading…' : 'Choose…' },
            ...(classes.data?.items ?? []).map((c) => ({ value: c.metadata.name, label: c.metadata.name })),
          ]}
          error={problems.gatewayClassName}
          help="The controller that implements this Gateway (istio on ASM)."
        />
      </div>
      <TextField
        id="gw-address"
        label="Ingress gateway address"
        value={form.address}
        onChange={(address) => onChange({ ...form, address })}
        options={addresses}
        placeholder="istio-ingressgateway.istio-system.svc.cluster.local"
        help="spec.addresses: which pre-deployed ingress gateway this Gateway binds to. ASM binds to an existing ingress gateway instead of provisioning one."
      />
      {problems.listeners ? <p className="inline-error">{problems.listeners}</p> : null}
      {form.listeners.map((l, i) => {
        const p = (k: string) => problems[`listeners.${i}.${k}`];
        const tls = l.protocol === 'HTTPS' || l.protocol === 'TLS';
        return (
          <FieldGroup
            key={i}
            label={`Listener ${i + 1}`}
            onRemove={() => onChange({ ...form, listeners: removeAt(form.listeners, i) })}
          >
            <div className={styles.row}>
              <TextField
                id={`l${i}-name`}
                label="Listener name"
                value={l.name}
                onChange={(name) => setListener(i, { name })}
                error={p('name')}
                help="Unique within the Gateway; routes pick it with sectionName."
              />
              <TextField
                id={`l${i}-hostname`}
                label="Hostname"
                value={l.hostname}
                onChange={(hostname) => setListener(i, { hostname })}
                error={p('hostname')}
                placeholder="*.aliyun.com"
                help="Filters requests by host: a domain or *.domain. Leave empty to match all hosts; * alone is not allowed."
              />
              <TextField
                id={`l${i}-port`}
                label="Port"
                inputMode="numeric"
                value={l.port}
                onChange={(port) => setListener(i, { port })}
                error={p('port')}
                help="The port the ingress gateway listens on for this listener."
              />
              <SelectField
                id={`l${i}-protocol`}
                label="Protocol"
                value={l.protocol}
                onChange={(protocol) =>
                  setListener(i, {
                    protocol,
                    ...(protocol === 'HTTPS' && !l.tlsMode ? { tlsMode: 'Terminate' } : {}),
                    ...(protocol === 'HTTP' || protocol === 'TCP' ? { tlsMode: '', certificateRefs: [] } : {}),
                  })
                }
                options={['HTTP', 'HTTPS', 'TLS', 'TCP'].map((v) => ({ value: v, label: v }))}
                error={p('protocol')}
                help="HTTP and HTTPS carry HTTPRoutes; TLS and TCP carry TLS/TCP routes."
              />
            </div>
            {tls ? (
              <div className={styles.row}>
                <SelectField
                  id={`l${i}-tls`}
                  label="TLS mode"
                  value={l.tlsMode}
                  onChange={(tlsMode) => setListener(i, { tlsMode })}
                  options={[
                    { value: 'Terminate', label: 'Terminate (decrypt at the gateway)' },
                    { value: 'Passthrough', label: 'Passthrough (to the backend)' },
                  ]}
                  error={p('tlsMode')}
                  help="Terminate: TLS ends at the ingress gateway and backends see plain HTTP."
                />
                <SelectField
                  id={`l${i}-cert`}
                  label="Certificate"
                  value={l.certificateRefs[0]?.name ?? ''}
                  onChange={(name) =>
                    setListener(i, {
                      certificateRefs: name
                        ? [{ name, namespace: l.certificateRefs[0]?.namespace ?? '' }, ...l.certificateRefs.slice(1)]
                        : l.certificateRefs.slice(1),
                    })
                  }
                  options={[
                    { value: '', label: tlsSecrets.length ? 'Choose a TLS Secret…' : 'No TLS Secret in this namespace' },
                    ...tlsSecrets.map((n) => ({ value: n, label: n })),
                  ]}
                  error={p('certificateRefs')}
                  help={
                    <>
                      A kubernetes.io/tls Secret in the Gateway&apos;s namespace. <a href="/certificates">Create one</a>.
                    </>
                  }
                />
              </div>
            ) : null}
            <div className={styles.row}>
              <SelectField
                id={`l${i}-from`}
                label="Allowed routes from"
                value={l.from}
                onChange={(from) => setListener(i, { from: from as ListenerForm['from'] })}
                options={[
                  { value: '', label: 'Same (default)' },
                  { value: 'All', label: 'All namespaces' },
                  { value: 'Same', label: 'Same namespace' },
                  { value: 'Selector', label: 'Namespaces with labels' },
                ]}
                help="Which namespaces may attach routes to this listener. All permits routes from any namespace."
              />
              {l.from === 'Selector' ? (
                <TextField
                  id={`l${i}-selector`}
                  label="Namespace labels"
                  value={l.selector}
                  onChange={(selector) => setListener(i, { selector })}
                  error={p('selector')}
                  placeholder="team=payments"
                  help="key=value pairs a namespace must carry, separated by commas."
                />
              ) : null}
            </div>
          </FieldGroup>
        );
      })}
      <AddButton
        label="Add listener"
        onAdd={() =>
          onChange({
            ...form,
            listeners: [
              ...form.listeners,
              { ...newListener, name: form.listeners.length ? `listener-${form.listeners.length + 1}` : 'default' },
            ],
          })
        }
      />
    </div>
  );
}
