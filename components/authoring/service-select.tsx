'use client';

import type { K8sObject } from '@/lib/model/objects';
import { SelectField, TextField } from './field';

/** The ports of Service `namespace/name` among `services`, as text for a port picker. */
export function servicePorts(services: readonly K8sObject[], namespace: string, name: string): string[] {
  const svc = services.find((s) => s.metadata.name === name && s.metadata.namespace === namespace);
  return ((svc?.spec as { ports?: Array<{ port: number }> } | undefined)?.ports ?? []).map((x) => String(x.port));
}

/**
 * A Service picker and its port, for backendRefs and mirrors: the value is the Service's
 * namespace/name; the namespace is written only when it differs from the route's (the spec's default).
 */
export function ServiceAndPort(p: {
  id: string;
  label: string;
  help: string;
  services: readonly K8sObject[];
  loading: boolean;
  routeNamespace: string;
  name: string;
  namespace: string;
  port: string;
  onChange: (v: { name: string; namespace: string; port: string }) => void;
  nameError?: string | undefined;
  portError?: string | undefined;
}) {
  const ns = p.namespace || p.routeNamespace;
  return (
    <>
      <SelectField
        id={`${p.id}-service`}
        label={p.label}
        value={p.name ? `${ns}/${p.name}` : ''}
        onChange={(v) => {
          const [namespace = '', name = ''] = v.split('/');
          p.onChange({ name, namespace: namespace === p.routeNamespace ? '' : namespace, port: '' });
        }}
        options={[
          { value: '', label: p.loading ? 'Loading…' : 'Choose a Service…' },
          ...p.services.map((s) => ({
            value: `${s.metadata.namespace}/${s.metadata.name}`,
            label: `${s.metadata.namespace}/${s.metadata.name}`,
          })),
        ]}
        error={p.nameError}
        help={p.help}
      />
      <TextField
        id={`${p.id}-port`}
        label={`${p.label} port`}
        inputMode="numeric"
        value={p.port}
        onChange={(port) => p.onChange({ name: p.name, namespace: p.namespace, port })}
        options={servicePorts(p.services, ns, p.name)}
        error={p.portError}
        help="The Service port (not the container port)."
      />
    </>
  );
}
