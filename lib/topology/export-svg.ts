/**
 * The drawn graph as a standalone SVG document (the "Export SVG" button,
 * and the source of the PNG export), from the same boxes the page draws.
 */
import { edgeCurve } from './edge-curve';
import { displayName, kindLabel } from './links';
import { ruleLines } from './node-size';
import type { Positions, ViewModel } from './types';

/** Colors of the export (light theme, so it prints well). */
const COLORS = {
  ok: '#1a7f37',
  warning: '#9a6700',
  error: '#cf222e',
  text: '#1b1f24',
  muted: '#5b6470',
  accent: '#0b63ce',
  panel: '#ffffff',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** What to emphasise: the traced path. */
export interface SvgHighlight {
  nodes?: readonly string[];
  edges?: readonly string[];
}

/** Renders the view as SVG; nodes without a position are left out. */
export function renderSvg(view: ViewModel, pos: Positions, hl: SvgHighlight = {}): string {
  const boxes = Object.entries(pos).filter(([id]) => view.nodes.some((n) => n.id === id));
  const pad = 24;
  const maxX = Math.max(0, ...boxes.map(([, b]) => b.x + b.width)) + pad;
  const maxY = Math.max(0, ...boxes.map(([, b]) => b.y + b.height)) + pad;
  const onNodes = new Set(hl.nodes ?? []);
  const onEdges = new Set(hl.edges ?? []);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${maxX + pad}" height="${maxY + pad}" viewBox="${-pad} ${-pad} ${maxX + pad} ${maxY + pad}" font-family="system-ui, sans-serif">`,
    `<rect x="${-pad}" y="${-pad}" width="${maxX + pad}" height="${maxY + pad}" fill="#f6f7f9"/>`,
  ];
  for (const e of view.edges) {
    const s = pos[e.source];
    const t = pos[e.target];
    if (!s || !t) continue;
    const curve = edgeCurve(s, t);
    const color = onEdges.has(e.id) ? COLORS.accent : e.health === 'ok' ? '#8c959f' : COLORS[e.health];
    const dash = e.kind === 'rejected' ? ' stroke-dasharray="6 4"' : '';
    const width = onEdges.has(e.id) ? 3 : 1.5;
    out.push(
      `<path d="${curve.d}" fill="none" stroke="${color}" stroke-width="${width}"${dash}><title>${esc(e.reason ?? e.kind)}</title></path>`,
    );
    if (e.kind === 'rejected' && e.reason) {
      out.push(
        `<text x="${curve.labelX}" y="${curve.labelY - 4}" font-size="11" text-anchor="middle" fill="${COLORS.error}">${esc(clip(e.reason.split(':')[0] ?? '', 40))}</text>`,
      );
    }
  }
  for (const n of view.nodes) {
    const b = pos[n.id];
    if (!b) continue;
    const stroke = onNodes.has(n.id) ? COLORS.accent : COLORS[n.health];
    out.push(`<g transform="translate(${b.x},${b.y})"><title>${esc(n.reason ?? n.health)}</title>`);
    out.push(
      `<rect width="${b.width}" height="${b.height}" rx="6" fill="${COLORS.panel}" stroke="${stroke}" stroke-width="${onNodes.has(n.id) ? 3 : 1.5}"${n.unattached ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
    out.push(`<rect width="5" height="${b.height}" rx="2" fill="${COLORS[n.health]}"/>`);
    out.push(`<text x="14" y="18" font-size="11" fill="${COLORS.muted}">${esc(kindLabel(n))}</text>`);
    out.push(
      `<text x="14" y="36" font-size="13" font-weight="600" fill="${COLORS.text}">${esc(clip(displayName(n), 30))}</text>`,
    );
    ruleLines(n).forEach((r, i) => {
      out.push(`<text x="14" y="${54 + i * 16}" font-size="11" fill="${COLORS.muted}">${esc(clip(r, 34))}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
