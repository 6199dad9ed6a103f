/**
 * The graph canvas's size before the browser can measure it. The first frame of a large graph is rendered on
 * the server (and hydrated as is), so its viewport and the nodes React Flow draws in it are decided for a
 * size: the size this reader's canvas had on their last visit (a cookie the canvas writes once mounted), else
 * a guess of a laptop's canvas. Once mounted, React Flow measures the real canvas and the view is fitted to it.
 */
import type { Viewport } from '@xyflow/react';
import type { Positions } from '@/lib/topology/types';

/** A canvas size in CSS pixels. */
export interface FrameSize {
  width: number;
  height: number;
}

/** The cookie holding the last canvas size (`<width>x<height>`), read by the topology page on the server. */
export const FRAME_COOKIE = 'portico.topology.frame';

/** The guess without a cookie: the canvas of a 1,366 to 1,440 px wide window (a larger one is filled once mounted). */
export const FRAME_GUESS: FrameSize = { width: 1024, height: 640 };

/** The size a cookie value says, when it is one (plausible sizes only: the value comes from the browser). */
export function parseFrameSize(value: string | undefined): FrameSize | undefined {
  const m = /^(\d{3,4})x(\d{3,4})$/.exec(value ?? '');
  if (!m) return undefined;
  const width = Number(m[1]);
  const height = Number(m[2]);
  return width >= 200 && width <= 4000 && height >= 200 && height <= 3000 ? { width, height } : undefined;
}

/** Remembers the canvas size for the next server-rendered first frame (browser only). */
export function rememberFrame(size: FrameSize): void {
  const value = `${Math.round(size.width)}x${Math.round(size.height)}`;
  if (!parseFrameSize(value) || document.cookie.includes(`${FRAME_COOKIE}=${value}`)) return;
  document.cookie = `${FRAME_COOKIE}=${value}; path=/topology; max-age=31536000; samesite=lax`;
}

const MIN_READABLE_ZOOM = 0.6;
const PAD = 24;

/** Fits the graph, but no smaller than readable: then anchored top-left (where clients enter). */
export function initialViewport(pos: Positions, width: number, height: number): Viewport {
  const boxes = Object.values(pos);
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const w = Math.max(...boxes.map((b) => b.x + b.width)) - minX;
  const h = Math.max(...boxes.map((b) => b.y + b.height)) - minY;
  const zoom = Math.min(1.1, Math.max(MIN_READABLE_ZOOM, Math.min((width - 2 * PAD) / w, (height - 2 * PAD) / h)));
  const x = w * zoom < width - 2 * PAD ? (width - w * zoom) / 2 - minX * zoom : PAD - minX * zoom;
  const y = h * zoom < height - 2 * PAD ? (height - h * zoom) / 2 - minY * zoom : PAD - minY * zoom;
  return { x, y, zoom };
}
