'use client';

import type { FilterForm, RuleForm } from '@/lib/authoring/http-route-form';
import { SelectField, TextField } from './field';
import { joinPairs, splitList, splitPairs } from './form-lists';
import styles from './form.module.css';

const empty: FilterForm = {
  type: 'RequestHeaderModifier',
  set: [],
  add: [],
  remove: [],
  scheme: '',
  hostname: '',
  statusCode: '',
};

/** A rule's filters: header modifiers and redirects are edited; other types are listed and kept. */
export function RuleFilters({ rule, r, onChange }: { rule: RuleForm; r: number; onChange: (f: FilterForm[]) => void }) {
  const set = (i: number, patch: Partial<FilterForm>) => onChange(rule.filters.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <>
      {rule.filters.map((f, i) => {
        const id = `r${r}f${i}`;
        const known = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect'].includes(f.type);
        return (
          <div key={i} className={styles.row} role="group" aria-label={`Rule ${r + 1} filter ${i + 1}`}>
            <SelectField
              id={`${id}-type`}
              label="Filter"
              value={f.type}
              onChange={(type) => set(i, { type })}
              options={[
                { value: 'RequestHeaderModifier', label: 'Modify request headers' },
                { value: 'ResponseHeaderModifier', label: 'Modify response headers' },
                { value: 'RequestRedirect', label: 'Redirect' },
              ]}
              help={
                known ? 'Applied to requests matching this rule, before the backend.' : 'Edited in the YAML tab; kept as is here.'
              }
            />
            {f.type === 'RequestRedirect' ? (
              <>
                <SelectField
                  id={`${id}-scheme`}
                  label="Redirect scheme"
                  value={f.scheme}
                  onChange={(scheme) => set(i, { scheme })}
                  options={[
                    { value: '', label: 'Keep' },
                    { value: 'https', label: 'https' },
                    { value: 'http', label: 'http' },
                  ]}
                  help="E.g. https to force TLS."
                />
                <TextField
                  id={`${id}-host`}
                  label="Redirect hostname"
                  value={f.hostname}
                  onChange={(hostname) => set(i, { hostname })}
                  help="Empty keeps the request's host."
                />
                <SelectField
                  id={`${id}-status`}
                  label="Status code"
                  value={f.statusCode}
                  onChange={(statusCode) => set(i, { statusCode })}
                  options={[
                    { value: '', label: '302 (default)' },
                    { value: '301', label: '301' },
                    { value: '302', label: '302' },
                  ]}
                  help="301 permanent, 302 temporary."
                />
              </>
            ) : known ? (
              <>
                <TextField
                  id={`${id}-set`}
                  label="Set headers"
                  value={joinPairs(f.set)}
                  onChange={(v) => set(i, { set: splitPairs(v) })}
                  placeholder="x-env=prod"
                  help="name=value, replacing existing values."
                />
                <TextField
                  id={`${id}-add`}
                  label="Add headers"
                  value={joinPairs(f.add)}
                  onChange={(v) => set(i, { add: splitPairs(v) })}
                  help="name=value, appended to existing values."
                />
                <TextField
                  id={`${id}-remove`}
                  label="Remove headers"
                  value={f.remove.join(', ')}
                  onChange={(v) => set(i, { remove: splitList(v) })}
                  help="Header names, separated by commas."
                />
              </>
            ) : null}
            <button type="button" className="button-quiet" onClick={() => onChange(rule.filters.filter((_, j) => j !== i))}>
              Remove filter {i + 1}
            </button>
          </div>
        );
      })}
      <button type="button" className="button-quiet" onClick={() => onChange([...rule.filters, empty])}>
        Add filter to rule {r + 1}
      </button>
    </>
  );
}
