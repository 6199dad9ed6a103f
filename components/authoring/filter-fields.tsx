'use client';

import type { FormProblems } from '@/lib/authoring/form-checks';
import type { FilterForm } from '@/lib/authoring/route-parts';
import type { K8sObject } from '@/lib/model/objects';
import { SelectField, TextField } from './field';
import { joinPairs, splitList, splitPairs } from './form-lists';
import { ServiceAndPort } from './service-select';

/** The settings of one filter, by type (spec: HTTPRouteFilter / GRPCRouteFilter). */
export function FilterFields(p: {
  id: string;
  filter: FilterForm;
  set: (patch: Partial<FilterForm>) => void;
  /** Problems of this filter, keyed by field (`pathValue`, `set.0.name` …). */
  problem: (key: string) => string | undefined;
  services: readonly K8sObject[];
  servicesLoading: boolean;
  routeNamespace: string;
}) {
  const { id, filter: f, set, problem } = p;
  const firstOf = (prefix: string) => problem(`${prefix}.0.name`) ?? problem(`${prefix}.1.name`) ?? problem(prefix);
  if (f.type === 'RequestHeaderModifier' || f.type === 'ResponseHeaderModifier')
    return (
      <>
        <TextField
          id={`${id}-set`}
          label="Set headers"
          value={joinPairs(f.set)}
          onChange={(v) => set({ set: splitPairs(v) })}
          placeholder="x-env=prod"
          error={firstOf('set')}
          help="name=value, replacing existing values."
        />
        <TextField
          id={`${id}-add`}
          label="Add headers"
          value={joinPairs(f.add)}
          onChange={(v) => set({ add: splitPairs(v) })}
          error={firstOf('add')}
          help="name=value, appended to existing values."
        />
        <TextField
          id={`${id}-remove`}
          label="Remove headers"
          value={f.remove.join(', ')}
          onChange={(v) => set({ remove: splitList(v) })}
          error={problem('remove')}
          help="Header names, separated by commas."
        />
      </>
    );
  if (f.type === 'RequestMirror')
    return (
      <ServiceAndPort
        id={`${id}-mirror`}
        label="Mirror Service"
        help="A copy of each request goes here; its responses are ignored."
        services={p.services}
        loading={p.servicesLoading}
        routeNamespace={p.routeNamespace}
        name={f.mirrorName}
        namespace={f.mirrorNamespace}
        port={f.mirrorPort}
        onChange={(v) => set({ mirrorName: v.name, mirrorNamespace: v.namespace, mirrorPort: v.port })}
        nameError={problem('mirrorName') ?? problem('mirrorNamespace')}
        portError={problem('mirrorPort')}
      />
    );
  if (f.type !== 'RequestRedirect' && f.type !== 'URLRewrite') return null;
  const redirect = f.type === 'RequestRedirect';
  return (
    <>
      {redirect ? (
        <SelectField
          id={`${id}-scheme`}
          label="Redirect scheme"
          value={f.scheme}
          onChange={(scheme) => set({ scheme })}
          options={[
            { value: '', label: 'Keep' },
            { value: 'https', label: 'https' },
            { value: 'http', label: 'http' },
          ]}
          help="E.g. https to force TLS."
        />
      ) : null}
      <TextField
        id={`${id}-host`}
        label={redirect ? 'Redirect hostname' : 'Rewrite hostname'}
        value={f.hostname}
        onChange={(hostname) => set({ hostname })}
        error={problem('hostname')}
        help={redirect ? "Empty keeps the request's host." : 'The Host header the backend sees; empty keeps it.'}
      />
      {redirect ? (
        <>
          <TextField
            id={`${id}-port`}
            label="Redirect port"
            inputMode="numeric"
            value={f.port}
            onChange={(port) => set({ port })}
            error={problem('port')}
            help="Empty: the scheme's well-known port."
          />
          <SelectField
            id={`${id}-status`}
            label="Status code"
            value={f.statusCode}
            onChange={(statusCode) => set({ statusCode })}
            options={[
              { value: '', label: '302 (default)' },
              { value: '301', label: '301' },
              { value: '302', label: '302' },
            ]}
            help="301 permanent, 302 temporary."
          />
        </>
      ) : null}
      <SelectField
        id={`${id}-path-type`}
        label={redirect ? 'Redirect path' : 'Rewrite path'}
        value={f.pathType}
        onChange={(pathType) => set({ pathType })}
        options={[
          { value: '', label: 'Keep the path' },
          { value: 'ReplaceFullPath', label: 'Replace the full path' },
          { value: 'ReplacePrefixMatch', label: 'Replace the matched prefix' },
        ]}
        error={problem('pathType')}
        help="Replacing the matched prefix needs exactly one PathPrefix match in the rule."
      />
      {f.pathType ? (
        <TextField
          id={`${id}-path`}
          label={f.pathType === 'ReplaceFullPath' ? 'New path' : 'New prefix'}
          value={f.pathValue}
          onChange={(pathValue) => set({ pathValue })}
          error={problem('pathValue')}
          placeholder="/v2"
          help="Starts with /."
        />
      ) : null}
    </>
  );
}

/** The problems of one filter, by its own field keys. */
export function filterProblems(problems: FormProblems, prefix: string): (key: string) => string | undefined {
  return (key) => problems[`${prefix}.${key}`];
}
