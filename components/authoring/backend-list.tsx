'use client';

import type { FormProblems } from '@/lib/authoring/form-checks';
import { newBackend, type BackendForm } from '@/lib/authoring/route-parts';
import type { K8sObject } from '@/lib/model/objects';
import { AddButton, FieldGroup, removeAt, replaceAt, TextField } from './field';
import { FilterList } from './filter-list';
import { ServiceAndPort } from './service-select';

/** A rule's backendRefs: Service and port, weight, and the backend's own filters. */
export function BackendList(p: {
  /** Group label of the rule, e.g. `Rule 1`. */
  owner: string;
  id: string;
  backends: BackendForm[];
  onChange: (b: BackendForm[]) => void;
  problems: FormProblems;
  /** Problem key prefix, e.g. `rules.0.backendRefs`. */
  problemPrefix: string;
  services: readonly K8sObject[];
  servicesLoading: boolean;
  routeNamespace: string;
  filterTypes: readonly string[];
}) {
  return (
    <>
      {p.backends.map((b, i) => {
        const key = `${p.problemPrefix}.${i}`;
        const label = `${p.owner} backend ${i + 1}`;
        const set = (patch: Partial<BackendForm>) => p.onChange(replaceAt(p.backends, i, { ...b, ...patch }));
        return (
          <FieldGroup key={i} nested label={label} onRemove={() => p.onChange(removeAt(p.backends, i))}>
            <ServiceAndPort
              id={`${p.id}b${i}`}
              label="Service"
              help="backendRefs: where matching requests go. Same namespace by default; other namespaces need a ReferenceGrant."
              services={p.services}
              loading={p.servicesLoading}
              routeNamespace={p.routeNamespace}
              name={b.name}
              namespace={b.namespace}
              port={b.port}
              onChange={(v) => set(v)}
              nameError={p.problems[`${key}.name`] ?? p.problems[`${key}.namespace`]}
              portError={p.problems[`${key}.port`]}
            />
            <TextField
              id={`${p.id}b${i}-weight`}
              label="Weight"
              inputMode="numeric"
              value={b.weight}
              onChange={(weight) => set({ weight })}
              error={p.problems[`${key}.weight`]}
              help="Share of traffic among this rule's backends (default 1)."
            />
            <FilterList
              owner={label}
              id={`${p.id}b${i}`}
              filters={b.filters}
              onChange={(filters) => set({ filters })}
              types={p.filterTypes}
              problems={p.problems}
              problemPrefix={`${key}.filters`}
              services={p.services}
              servicesLoading={p.servicesLoading}
              routeNamespace={p.routeNamespace}
            />
          </FieldGroup>
        );
      })}
      <AddButton label="Add backend" onAdd={() => p.onChange([...p.backends, newBackend()])} />
    </>
  );
}
