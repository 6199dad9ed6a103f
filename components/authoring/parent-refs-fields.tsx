'use client';

import type { FormProblems } from '@/lib/authoring/form-checks';
import type { ParentForm } from '@/lib/authoring/route-parts';
import { useObjects } from '@/lib/queries/use-objects';
import { AddButton, FieldGroup, removeAt, replaceAt, SelectField, TextField } from './field';
import { splitList } from './form-lists';
import styles from './form.module.css';

/**
 * parentRefs and hostnames, shared by the route forms: a Gateway picker, then its listeners
 * (sectionName) and an optional port. Which listeners accept the route, and why not, is the
 * prediction panel's job (the engine decides, the form does not guess).
 */
export function ParentRefsFields(p: {
  context: string;
  routeNamespace: string;
  parents: ParentForm[];
  hostnames: string[];
  onParents: (parents: ParentForm[]) => void;
  onHostnames: (hostnames: string[]) => void;
  problems: FormProblems;
}) {
  const gateways = useObjects(p.context, 'Gateway');
  const items = gateways.data?.items ?? [];
  return (
    <>
      {p.parents.map((ref, i) => {
        const gw = items.find(
          (g) => g.metadata.name === ref.name && g.metadata.namespace === (ref.namespace || p.routeNamespace),
        );
        const listeners =
          (gw?.spec as { listeners?: Array<{ name: string; port: number; hostname?: string }> } | undefined)?.listeners ?? [];
        const setRef = (patch: Partial<ParentForm>) => p.onParents(replaceAt(p.parents, i, { ...ref, ...patch }));
        return (
          <FieldGroup key={i} label={`Parent ${i + 1}`} onRemove={() => p.onParents(removeAt(p.parents, i))}>
            <div className={styles.row}>
              <SelectField
                id={`p${i}-gateway`}
                label="Gateway"
                value={ref.name ? `${ref.namespace || p.routeNamespace}/${ref.name}` : ''}
                onChange={(v) => {
                  const [ns = '', name = ''] = v.split('/');
                  setRef({ name, namespace: ns === p.routeNamespace ? '' : ns, sectionName: '' });
                }}
                options={[
                  { value: '', label: gateways.isLoading ? 'Loading…' : 'Choose a Gateway…' },
                  ...items.map((g) => ({
                    value: `${g.metadata.namespace}/${g.metadata.name}`,
                    label: `${g.metadata.namespace}/${g.metadata.name}`,
                  })),
                ]}
                error={p.problems[`parentRefs.${i}.name`]}
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
                error={p.problems[`parentRefs.${i}.port`]}
                help="Optional: only listeners on this port."
              />
            </div>
          </FieldGroup>
        );
      })}
      <AddButton
        label="Add parent"
        onAdd={() => p.onParents([...p.parents, { name: '', namespace: '', sectionName: '', port: '' }])}
      />
      <TextField
        id="rt-hostnames"
        label="Hostnames"
        value={p.hostnames.join(', ')}
        onChange={(v) => p.onHostnames(splitList(v))}
        error={Object.entries(p.problems).find(([k]) => k.startsWith('hostnames.'))?.[1]}
        placeholder="*.aliyun.com"
        help="Host headers this route answers, separated by commas; they must overlap the listener's hostname. Empty: all hosts the listener accepts."
      />
    </>
  );
}
