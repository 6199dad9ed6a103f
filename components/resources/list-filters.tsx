'use client';

import { useState } from 'react';
import type { ListViewState } from '@/lib/model/list-view';

/** Text, namespace and state filters of a list; every change is written to the URL at once (the server filters the rows). */
export function ListFilters(props: {
  view: ListViewState;
  onChange: (patch: Partial<ListViewState>) => void;
  namespaces: string[];
  total: number;
  /** Objects passing the filters. */
  matched: number;
  namespaced: boolean;
}) {
  const { view, onChange } = props;
  const [text, setText] = useState(view.q);
  return (
    <div className="filters" role="search">
      <label>
        Filter
        <input
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange({ q: e.target.value });
          }}
          placeholder="name, hostname, backend…"
        />
      </label>
      {props.namespaced ? (
        <label>
          Namespace
          <select value={view.namespace} onChange={(e) => onChange({ namespace: e.target.value })}>
            <option value="">All namespaces</option>
            {props.namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        State
        <select value={view.state} onChange={(e) => onChange({ state: e.target.value })}>
          <option value="">Any state</option>
          <option value="ok">Ready</option>
          <option value="warning">Warning</option>
          <option value="error">Error</option>
          <option value="pending">No status</option>
        </select>
      </label>
      <span className="muted" role="status">
        {props.matched === props.total ? `${props.total} total` : `${props.matched} of ${props.total}`}
      </span>
    </div>
  );
}
