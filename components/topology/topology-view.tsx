'use client';

import { useCallback, useMemo, useState } from 'react';
import { ELK_NODE_LIMIT } from '@/lib/topology/layout';
import type { PickedRequest } from '@/lib/topology/pick-request';
import type { PipelineOptions } from '@/lib/topology/pipeline';
import { scopeKey } from '@/lib/topology/scope';
import { tracePath } from '@/lib/topology/trace-path';
import type { TopologyData } from '@/lib/topology/types';
import { useTopology, useTrace } from '@/lib/queries/use-topology';
import { ExportButtons } from './export-buttons';
import { FiltersBar } from './filters-bar';
import type { FrameSize } from './frame-size';
import { GraphCanvas } from './graph-canvas';
import { ScopeNotice } from './scope-notice';
import { SendForReal } from './send-for-real';
import { SidePanel } from './side-panel';
import { TopologyTable } from './topology-table';
import { useInBrowser } from './use-in-browser';
import { TraceBox } from './trace-box';
import { useLayout } from './use-layout';
import { useView } from './use-view';
import { useViewState } from './use-view-state';
import styles from './topology.module.css';

// React Flow is loaded only on this page, but with the page's own chunks (a static import), not as a
// chunk requested once the page has hydrated: that second round trip was on the way to the first paint.

const NO_OPTIONS: PipelineOptions = {};

/** The topology page body: filters, request tracing, the graph or its table, and the side panel. */
export function TopologyView({ initial, frame }: { initial: TopologyData; frame?: FrameSize }) {
  const [state, update] = useViewState();
  const inBrowser = useInBrowser();
  const options: PipelineOptions = {
    ...(state.namespace ? { namespace: state.namespace } : {}),
    ...(state.gateway ? { gateway: state.gateway } : {}),
    ...(state.hostname ? { hostname: state.hostname } : {}),
    ...(state.text ? { text: state.text } : {}),
    collapse: state.collapse,
    ...(state.focus ? { focus: state.focus } : {}),
  };
  const topology = useTopology(initial, scopeKey(options));
  const data = topology.data ?? initial;
  // A server-scoped model already is the view of these options: filtering it again would only cost time.
  const scope = data.scope?.mode === 'server' ? data.scope : undefined;
  const { view, pending: viewPending } = useView(data.model, scope ? NO_OPTIONS : options);
  const layout = useLayout(view);
  // A large graph's first frame is rendered on the server (its column layout is known there, and its viewport
  // hardly depends on the canvas size: see frame-size.ts). A small one is drawn in the browser only: its first
  // layout may come from this browser's stored ELK layouts, and its fitted viewport depends on the canvas size.
  const drawnOnServer = view.nodes.length > ELK_NODE_LIMIT && Object.keys(layout.positions).length > 0;
  const traceQuery = useMemo(
    () => (state.trace ? { url: state.trace, method: state.method ?? 'GET', headers: state.headers ?? [] } : undefined),
    [state.trace, state.method, state.headers],
  );
  const traced = useTrace(data.context, traceQuery);
  const path = useMemo(
    () => (traced.data ? tracePath(view, traced.data.decision, traced.data.noMatch) : undefined),
    [traced.data, view],
  );
  // A request picked from the graph fills the trace box (a fresh box each time, focused for review).
  const [draft, setDraft] = useState<{ n: number; q: PickedRequest }>();
  const pick = useCallback((q: PickedRequest) => setDraft((d) => ({ n: (d?.n ?? 0) + 1, q })), []);
  const select = useCallback((id: string | undefined) => update({ selected: id }), [update]);
  const focus = useCallback((id: string | undefined) => update({ focus: id, selected: id }), [update]);
  const onViewport = useCallback(
    (v: { x: number; y: number; zoom: number }) => update({ zoom: v.zoom, x: v.x, y: v.y }),
    [update],
  );
  const viewport = state.zoom !== undefined ? { zoom: state.zoom, x: state.x ?? 0, y: state.y ?? 0 } : undefined;
  const total = scope ? scope.totalNodes : data.model.nodes.length;
  const filtered = view.nodes.length < total;
  const panelTrace = !traceQuery
    ? undefined
    : traced.error
      ? { error: traced.error.message }
      : traced.data && path
        ? { path, response: traced.data }
        : { loading: true as const };

  return (
    <div className={styles.page}>
      <FiltersBar state={state} namespaces={data.namespaces} gateways={data.gateways} onChange={update} />
      <TraceBox
        key={`${state.trace ?? ''}|${state.method ?? ''}|${draft?.n ?? 0}`}
        {...(draft ? { draft: draft.q } : {})}
        {...(state.trace ? { url: state.trace } : {})}
        {...(state.method ? { method: state.method } : {})}
        {...(state.headers ? { headers: state.headers } : {})}
        onTrace={(q) => {
          // Once traced (or cleared), the URL holds the request: the picked draft has served.
          setDraft(undefined);
          update(
            q
              ? { trace: q.url, method: q.method, headers: q.headers.length ? q.headers : undefined }
              : { trace: undefined, method: undefined, headers: undefined },
          );
        }}
      />
      <div className={styles.bar}>
        <div className="tabs" role="tablist" aria-label="Topology views">
          {(['graph', 'table'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={state.tab === t}
              aria-controls={`topology-${t}`}
              className={styles.tab}
              onClick={() => update({ tab: t })}
            >
              {t === 'graph' ? 'Graph' : 'Table'}
            </button>
          ))}
        </div>
        <p className={styles.counts} role="status" aria-live="polite">
          {view.nodes.length} nodes, {view.edges.length} edges{filtered ? ` (of ${total} nodes)` : ''}
          {layout.pending || viewPending
            ? ' · laying out…'
            : layout.engine
              ? ` · ${layout.engine === 'elk' ? 'ELK' : 'column'} layout ${Math.round(layout.ms ?? 0)} ms`
              : ''}
          {topology.isPlaceholderData ? ' · reading the view…' : topology.isFetching ? ' · refreshing…' : ''}
          {state.tab === 'graph' && state.zoom !== undefined ? ` · zoom ${Math.round(state.zoom * 100)}%` : ''}
        </p>
        <ExportButtons view={view} positions={layout.positions} {...(path ? { trace: path } : {})} context={data.context} />
      </div>
      {scope ? <ScopeNotice scope={scope} /> : null}
      {topology.error ? (
        <p className="inline-error" role="alert">
          {topology.error.message}
        </p>
      ) : null}
      {layout.error ? (
        <p className="inline-error" role="alert">
          The graph could not be laid out: {layout.error}. The Table tab shows the same nodes and edges.
        </p>
      ) : null}
      <div className={styles.main}>
        <div
          id={`topology-${state.tab}`}
          role="tabpanel"
          aria-label={state.tab === 'graph' ? 'Graph' : 'Table'}
          className={state.tab === 'graph' ? styles.canvas : styles.tablePanel}
        >
          {view.nodes.length === 0 && viewPending ? (
            <p className="loading">Preparing the graph…</p>
          ) : view.nodes.length === 0 ? (
            <div className="empty-state">
              <h2>{total === 0 ? 'No Gateways, routes or Services yet' : 'Nothing matches this view'}</h2>
              {total === 0 ? (
                <p>
                  Apply the walkthrough’s gateway-http.yaml (YAML page) and enable Gateway API on the Overview page; the graph
                  fills in live.
                </p>
              ) : (
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() =>
                    update({ namespace: undefined, gateway: undefined, hostname: undefined, text: undefined, focus: undefined })
                  }
                >
                  Clear filters and focus
                </button>
              )}
            </div>
          ) : state.tab === 'graph' && !inBrowser && !drawnOnServer ? (
            <p className="loading">Loading the graph…</p>
          ) : state.tab === 'graph' ? (
            <GraphCanvas
              view={view}
              positions={layout.positions}
              {...(path ? { trace: path } : {})}
              {...(state.selected ? { selected: state.selected } : {})}
              {...(viewport ? { viewport } : {})}
              final={!layout.pending}
              {...(frame ? { frame } : {})}
              onSelect={select}
              onViewport={onViewport}
            />
          ) : (
            <TopologyTable view={view} {...(path ? { trace: path } : {})} onFocus={focus} />
          )}
        </div>
        <SidePanel
          view={view}
          {...(state.selected ? { selected: state.selected } : {})}
          {...(state.focus ? { focus: state.focus } : {})}
          {...(panelTrace ? { trace: panelTrace } : {})}
          onFocus={focus}
          onSelect={select}
          onPick={pick}
          {...(traced.data && state.trace
            ? {
                traceActions: (
                  <SendForReal
                    key={`${state.method ?? 'GET'} ${state.trace}`}
                    context={data.context}
                    response={traced.data}
                    verifyHref={`/verify?url=${encodeURIComponent(state.trace)}${state.method && state.method !== 'GET' ? `&method=${state.method}` : ''}`}
                  />
                ),
              }
            : {})}
        />
      </div>
    </div>
  );
}
