'use client';

import { useState } from 'react';
import { renderSvg } from '@/lib/topology/export-svg';
import type { TracePath } from '@/lib/topology/trace-path';
import type { Positions, ViewModel } from '@/lib/topology/types';

/** Props of {@link ExportButtons}. */
export interface ExportButtonsProps {
  view: ViewModel;
  positions: Positions;
  trace?: TracePath;
  context: string;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Rasterises the exported SVG at 2× on a canvas (no extra dependency: the SVG is ours). */
async function svgToPng(svg: string): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn'));
      img.src = url;
    });
    const scale = Math.min(2, 16_000 / Math.max(img.width, img.height, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.width * scale);
    canvas.height = Math.ceil(img.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser has no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image is too large'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Export the current view as PNG or SVG, and the model shown as JSON. */
export function ExportButtons({ view, positions, trace, context }: ExportButtonsProps) {
  const [error, setError] = useState<string>();
  const base = `topology-${context.replace(/[^a-z0-9-]+/gi, '_')}`;
  const svg = () => renderSvg(view, positions, { nodes: trace?.nodes ?? [], edges: trace?.edges ?? [] });
  const ready = Object.keys(positions).length > 0;
  return (
    <div role="group" aria-label="Export" style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
      <button
        type="button"
        className="button-quiet"
        disabled={!ready}
        onClick={() => download(`${base}.svg`, new Blob([svg()], { type: 'image/svg+xml' }))}
      >
        Export SVG
      </button>
      <button
        type="button"
        className="button-quiet"
        disabled={!ready}
        onClick={() => {
          setError(undefined);
          svgToPng(svg())
            .then((b) => download(`${base}.png`, b))
            .catch((e: unknown) =>
              setError(`Exporting the PNG failed: ${e instanceof Error ? e.message : String(e)}; export SVG instead.`),
            );
        }}
      >
        Export PNG
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={() =>
          download(`${base}.json`, new Blob([JSON.stringify({ context, ...view }, null, 2)], { type: 'application/json' }))
        }
      >
        Export JSON
      </button>
      {error ? (
        <span className="inline-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
