'use client';

import type { FormProblems } from '@/lib/authoring/form-checks';
import { newFilter, type FilterForm } from '@/lib/authoring/route-parts';
import type { K8sObject } from '@/lib/model/objects';
import { AddButton, FieldGroup, removeAt, replaceAt, SelectField } from './field';
import { FilterFields, filterProblems } from './filter-fields';

/** What each filter type does, in the form's words. */
export const filterLabels: Record<string, string> = {
  RequestHeaderModifier: 'Modify request headers',
  ResponseHeaderModifier: 'Modify response headers',
  RequestRedirect: 'Redirect',
  URLRewrite: 'Rewrite URL',
  RequestMirror: 'Mirror to another Service',
};

/**
 * A rule's or a backend's filters: the types in `types` are edited; other types (ExtensionRef,
 * CORS, or types the cluster's Gateway API version lacks) are listed and kept as they are.
 */
export function FilterList(p: {
  /** Group label of the owner, e.g. `Rule 1` or `Rule 1 backend 2`. */
  owner: string;
  id: string;
  filters: FilterForm[];
  onChange: (f: FilterForm[]) => void;
  types: readonly string[];
  problems: FormProblems;
  /** Problem key prefix of the list, e.g. `rules.0.filters`. */
  problemPrefix: string;
  services: readonly K8sObject[];
  servicesLoading: boolean;
  routeNamespace: string;
}) {
  const options = p.types.map((t) => ({ value: t, label: filterLabels[t] ?? t }));
  return (
    <>
      {p.filters.map((f, i) => {
        const id = `${p.id}f${i}`;
        const known = p.types.includes(f.type);
        const problem = filterProblems(p.problems, `${p.problemPrefix}.${i}`);
        return (
          <FieldGroup key={i} nested label={`${p.owner} filter ${i + 1}`} onRemove={() => p.onChange(removeAt(p.filters, i))}>
            <SelectField
              id={`${id}-type`}
              label="Filter"
              value={f.type}
              onChange={(type) => p.onChange(replaceAt(p.filters, i, { ...newFilter(type), ...keepHeaders(f, type) }))}
              options={options}
              error={problem('type')}
              help={known ? 'Applied in order to matching requests.' : 'Edited in the YAML tab; kept as is here.'}
            />
            {known ? (
              <FilterFields
                id={id}
                filter={f}
                set={(patch) => p.onChange(replaceAt(p.filters, i, { ...f, ...patch }))}
                problem={problem}
                services={p.services}
                servicesLoading={p.servicesLoading}
                routeNamespace={p.routeNamespace}
              />
            ) : null}
          </FieldGroup>
        );
      })}
      <AddButton
        label={`Add filter to ${p.owner.charAt(0).toLowerCase()}${p.owner.slice(1)}`}
        onAdd={() => p.onChange([...p.filters, newFilter(p.types[0])])}
      />
    </>
  );
}

// Switching between request and response header modifiers keeps the headers typed so far.
function keepHeaders(f: FilterForm, type: string): Partial<FilterForm> {
  const headerTypes = ['RequestHeaderModifier', 'ResponseHeaderModifier'];
  return headerTypes.includes(f.type) && headerTypes.includes(type) ? { set: f.set, add: f.add, remove: f.remove } : {};
}
