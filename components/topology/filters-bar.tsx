'use client';

import { useEffect, useState } from 'react';
import type { TopologyViewState } from '@/lib/topology/view-state';
import styles from './topology.module.css';

/** Props of {@link FiltersBar}. */
export interface FiltersBarProps {
  state: TopologyViewState;
  namespaces: string[];
  gateways: string[];
  onChange(patch: Partial<TopologyViewState>): void;
}

/** A text input that writes to the URL after typing pauses (the URL is the state; this keeps typing smooth). */
function DebouncedInput({
  label,
  value,
  placeholder,
  onCommit,
}: {
  label: string;
  value: string;
  placeholder: string;
  onCommit(v: string): void;
}) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The URL changed from outside (back button, a link): show it.
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === value) return;
    const t = setTimeout(() => onCommit(draft), 250);
    return () => clearTimeout(t);
  }, [draft, value, onCommit]);
  return (
    <label>
      {label}
      <input type="search" value={draft} placeholder={placeholder} onChange={(e) => setDraft(e.target.value)} />
    </label>
  );
}

/** Namespace, Gateway, hostname and text filters, rule collapsing and focus; all of them live in the URL. */
export function FiltersBar({ state, namespaces, gateways, onChange }: FiltersBarProps) {
  return (
    <div className="filters" role="search" aria-label="Topology filters">
      <label>
        Namespace
        <select value={state.namespace ?? ''} onChange={(e) => onChange({ namespace: e.target.value || undefined })}>
          <option value="">All namespaces</option>
          {namespaces.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <label>
        Gateway
        <select value={state.gateway ?? ''} onChange={(e) => onChange({ gateway: e.target.value || undefined })}>
          <option value="">All Gateways</option>
          {gateways.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      <DebouncedInput
        label="Hostname"
        value={state.hostname ?? ''}
        placeholder="httpbin.aliyun.com"
        onCommit={(v) => onChange({ hostname: v || undefined })}
      />
      <DebouncedInput
        label="Search"
        value={state.text ?? ''}
        placeholder="name, match, reason"
        onCommit={(v) => onChange({ text: v || undefined })}
      />
      <label className={styles.check}>
        <input type="checkbox" checked={state.collapse} onChange={(e) => onChange({ collapse: e.target.checked })} />
        Collapse rules into routes
      </label>
      {state.focus ? (
        <button type="button" className="button-quiet" onClick={() => onChange({ focus: undefined })}>
          Clear focus
        </button>
      ) : null}
    </div>
  );
}
