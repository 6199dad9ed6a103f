'use client';

import '@xyflow/react/dist/style.css';
import { ControlButton, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TracePath } from '@/lib/topology/trace-path';
import type { Positions, ViewModel } from '@/lib/topology/types';
import {
  edgeLayerNode,
  EdgeLayerView,
  gridLayerNode,
  GridLayerView,
  type EdgeLayerNode,
  type GridLayerNode,
} from './canvas-layers';
import { edgesIn, inArea, nodesIn, toDrawnEdges, toFlowNodes, type DrawnEdge } from './flow-elements';
import { FRAME_GUESS, initialViewport, rememberFrame, type FrameSize } from './frame-size';
import { enclosing, inView, type Rect } from './render-window';
import { OverviewMap } from './overview-map';
import { TopologyNodeView, type TopologyFlowNode } from './topology-node';
import styles from './topology.module.css';
import { useInBrowser } from './use-in-browser';
import { useRenderWindow } from './use-render-window';

/** Props of {@link GraphCanvas}. */
export interface GraphCanvasProps {
  view: ViewModel;
  positions: Positions;
  trace?: TracePath;
  selected?: string;
  viewport?: Viewport;
  /** False while `positions` are a first layout that a refined one will replace (the view is refitted then). */
  final?: boolean;
  onSelect(id: string | undefined): void;
  onViewport(v: Viewport): void;
  /**
   * The canvas size the first frame is drawn for before the browser can measure the canvas (server rendering
   * and hydration): the size this reader's canvas had last time, else a guess. The real size takes over once mounted.
   */
  frame?: FrameSize;
}

const nodeTypes = { topology: TopologyNodeView, edges: EdgeLayerView, grid: GridLayerView };

/** What is drawn: view nodes, and the edges between them. */
interface Drawn {
  nodes: TopologyFlowNode[];
  edges: DrawnEdge[];
}

type CanvasNode = TopologyFlowNode | EdgeLayerNode | GridLayerNode;

/** The nodes React Flow is given: the view's, and under them the layers that draw the grid and the edges. */
function withLayers(nodes: TopologyFlowNode[], grid: GridLayerNode | undefined, edges: EdgeLayerNode | undefined): CanvasNode[] {
  return [...(grid ? [grid] : []), ...(edges ? [edges] : []), ...nodes];
}

interface CanvasProps extends GraphCanvasProps {
  nodes: TopologyFlowNode[];
  edges: DrawnEdge[];
  /** The viewport of the first frame (server-rendered and hydrated as is). */
  first: Viewport;
  /** False on the server and while hydrating. */
  mounted: boolean;
  /** Nodes in the whole view. */
  total: number;
  /** The part of the graph the first frame shows (graph units), and the nodes and edges drawn there. */
  shows: Rect;
  firstShown: Drawn;
  /** The rectangle around every placed node, if any. */
  bounds: Rect | undefined;
}

function Canvas(p: CanvasProps) {
  const flow = useReactFlow();
  const store = useStoreApi();
  // The first frame is drawn at its viewport already, on the server and in hydration alike: React Flow's
  // viewport element reads the store's transform once, when first rendered, so it is seeded before. (What
  // React Flow's components select from the store there is its state as created: see GraphCanvas.)
  useState(() => store.setState({ transform: [p.first.x, p.first.y, p.first.zoom] }));
  // What the view was last fitted to: nothing yet, a first layout, or the final one (then never again).
  const fitted = useRef<'none' | 'first' | 'final'>(p.viewport ? 'final' : 'none');
  const moved = useRef(false);
  const frame = useRef<HTMLDivElement>(null);
  const placed = Object.keys(p.positions).length;
  const final = p.final ?? true;
  const { mounted, total } = p;
  // Until mounted (on the server and while hydrating), React Flow is given what the first frame shows only; then a
  // large graph's window around the view, a small graph whole.
  const { area, settle } = useRenderWindow(mounted && total > WINDOW_LIMIT, p.shows);
  // Each layer is built from its own inputs, so a change that leaves it alone (a selection, a live update of one node)
  // hands React Flow the same layer node, which it does not draw again.
  const { firstShown, nodes: all, edges: allEdges } = p;
  const shownNodes = useMemo(
    () => (!mounted ? firstShown.nodes : area ? nodesIn(all, area) : all),
    [mounted, area, firstShown, all],
  );
  const shownEdges = useMemo(
    () => (!mounted ? firstShown.edges : area ? edgesIn(allEdges, area) : allEdges),
    [mounted, area, firstShown, allEdges],
  );
  const edgeLayer = useMemo(() => edgeLayerNode(shownEdges), [shownEdges]);
  const grid = useMemo(() => (p.bounds ? gridLayerNode(p.bounds) : undefined), [p.bounds]);
  const nodes = useMemo(() => withLayers(shownNodes, grid, edgeLayer), [shownNodes, grid, edgeLayer]);
  const colorOf = useMemo(() => mapColors(p.view, p.trace), [p.view, p.trace]);
  // A move the reader made (a pan, the minimap, Fit view) goes into the URL, and no layout refits the view after it.
  const readerMoved = (v: Viewport): void => {
    moved.current = true;
    p.onViewport(v);
  };
  // Fits the whole graph (React Flow's own fit would fit the nodes it holds: a window, and the grid around it).
  const fit = (): void => {
    if (p.bounds) void flow.fitBounds(p.bounds, { padding: 0.05, duration: 200 }).then(() => readerMoved(flow.getViewport()));
  };
  // The minimap draws every node once more (an SVG shape each): shown once the browser is idle after the
  // first nodes are placed, so a large graph's first paint does not wait for it.
  const [mapShown, setMapShown] = useState(false);
  useEffect(() => {
    if (placed === 0 || mapShown) return;
    if (typeof window.requestIdleCallback !== 'function') {
      const t = window.setTimeout(() => setMapShown(true), MAP_DELAY_MS);
      return () => window.clearTimeout(t);
    }
    const handle = window.requestIdleCallback(() => setMapShown(true), { timeout: MAP_DELAY_MS });
    return () => window.cancelIdleCallback(handle);
  }, [placed, mapShown]);

  useEffect(() => {
    // Without a viewport in the URL, fit the first layout into view once; never so small that the
    // labels cannot be read (then start at the client's end, on the left, and let the reader pan).
    // A first (column) layout is refitted once when the refined one lands, unless the reader moved meanwhile.
    const box = frame.current?.getBoundingClientRect();
    if (box) rememberFrame(box);
    const stage = final ? 'final' : 'first';
    if (fitted.current === 'final' || fitted.current === stage || moved.current || placed === 0 || !box) return;
    const refit = fitted.current === 'first';
    fitted.current = stage;
    const next = initialViewport(p.positions, box.width, box.height);
    const now = flow.getViewport();
    // The server-rendered first frame is usually fitted already (same size): then nothing moves.
    if (next.x === now.x && next.y === now.y && next.zoom === now.zoom) return;
    void flow.setViewport(next, { duration: refit ? 240 : 0 });
    // Only the first layout decides; later layouts keep whatever the reader did.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flow, placed, final]);

  return (
    <div ref={frame} style={{ width: '100%', height: '100%' }} className={total <= SETTLE_LIMIT ? styles.settling : undefined}>
      <ReactFlow
        nodes={nodes}
        nodeTypes={nodeTypes}
        defaultViewport={p.first}
        minZoom={0.05}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, n) => p.onSelect(n.id)}
        onPaneClick={() => p.onSelect(undefined)}
        // While the view pans or zooms, the graph is its own compositing layer: each frame moves the layer instead of
        // repainting every edge and node in view (measured: 60% of frames over 25 ms → 36% on the medium mesh). Only
        // during the gesture: a layer kept at one raster scale would blur the labels once zoomed.
        onMoveStart={() => frame.current?.classList.add(MOVING)}
        // Programmatic moves (a fit, the minimap's) have no event; the reader's are reported where they are made.
        onMoveEnd={(e, v) => {
          frame.current?.classList.remove(MOVING);
          settle();
          if (e) readerMoved(v);
        }}
        proOptions={{ hideAttribution: true }}
        aria-label="Topology graph"
      >
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton onClick={fit} title="Fit view" aria-label="Fit view">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
          </ControlButton>
        </Controls>
        {mapShown && total <= 2000 ? (
          <OverviewMap positions={p.positions} bounds={p.bounds} colorOf={colorOf} onMoved={readerMoved} />
        ) : null}
      </ReactFlow>
    </div>
  );
}

/** The canvas's class while the view pans or zooms. */
const MOVING = styles.moving ?? 'moving';

/** Longest wait for an idle moment before the minimap is drawn anyway. */
const MAP_DELAY_MS = 1_000;

/** Graphs larger than this are given to React Flow a window at a time (render-window.ts). */
const WINDOW_LIMIT = 300;

/** Graphs up to ELK's size animate into a new layout; larger ones would pay for a transition per node. */
const SETTLE_LIMIT = 300;

/** The minimap's colour of each node: its health, or the traced path's (the node where the trace stops keeps its health). */
function mapColors(view: ViewModel, trace: TracePath | undefined): (id: string) => string {
  const health = new Map(view.nodes.map((n) => [n.id, n.health]));
  const onPath = new Set(trace?.nodes.filter((id) => id !== trace.stop?.nodeId));
  return (id) => {
    if (onPath.has(id)) return '#0b63ce';
    const h = health.get(id);
    return h ? { ok: '#9fb4c8', warning: '#d4a72c', error: '#cf222e' }[h] : 'transparent';
  };
}

/**
 * The first frame's viewport, and the area React Flow is told it has before it can measure its canvas. On the
 * server and while hydrating, React Flow's components read the store as it was created, at zoom 1 and no
 * offset (its transform can only be seeded after): the area is the part of the graph the canvas shows at the
 * first viewport, as seen from there, so the nodes and edges drawn first are the ones in view (and a few more);
 * `shows` is that part in graph units, which is all React Flow is given until mounted.
 */
function firstFrame(
  positions: Positions,
  viewport: Viewport | undefined,
  size: FrameSize,
): { viewport: Viewport; area: FrameSize; shows: Rect } {
  const v =
    viewport ??
    (Object.keys(positions).length > 0 ? initialViewport(positions, size.width, size.height) : { x: 0, y: 0, zoom: 1 });
  return {
    viewport: v,
    area: { width: Math.ceil((size.width - v.x) / v.zoom), height: Math.ceil((size.height - v.y) / v.zoom) },
    shows: inView([v.x, v.y, v.zoom], size.width, size.height),
  };
}

/**
 * The React Flow canvas of the topology. Everything React Flow needs to draw is known up front (positions,
 * sizes, edge curves, a canvas size, the viewport), so a large graph's first frame is rendered on the server and
 * hydrated, rather than drawn only once the page's scripts have run.
 */
export function GraphCanvas(p: GraphCanvasProps) {
  const nodes = useMemo(() => toFlowNodes(p.view, p.positions, p.trace, p.selected), [p.view, p.positions, p.trace, p.selected]);
  const edges = useMemo(() => toDrawnEdges(p.view, p.positions, p.trace), [p.view, p.positions, p.trace]);
  // Decided once, with the first positions: the store is created with them (later ones reach it through props).
  const [first] = useState(() => firstFrame(p.positions, p.viewport, p.frame ?? FRAME_GUESS));
  const mounted = useInBrowser();
  // What the first frame draws (server-rendered and hydrated): React Flow's work there grows with all it is given.
  const [firstShown] = useState(() => inArea(nodes, edges, first.shows));
  const bounds = useMemo(() => enclosing(Object.values(p.positions)), [p.positions]);
  // The store is created once, with these: later nodes reach it through the canvas's props.
  const [initialNodes] = useState(() =>
    withLayers(firstShown.nodes, bounds ? gridLayerNode(bounds) : undefined, edgeLayerNode(firstShown.edges)),
  );
  return (
    <ReactFlowProvider initialNodes={initialNodes} initialWidth={first.area.width} initialHeight={first.area.height}>
      <Canvas
        {...p}
        nodes={nodes}
        edges={edges}
        first={first.viewport}
        shows={first.shows}
        firstShown={firstShown}
        bounds={bounds}
        mounted={mounted}
        total={p.view.nodes.length}
      />
    </ReactFlowProvider>
  );
}
