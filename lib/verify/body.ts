/**
 * Makes a response body readable: pretty JSON, text, or binary as size and a hex head.
 * Pure.
 */
import type { RenderedBody } from './types';

/** Bytes of a binary body shown as hex. */
export const HEX_HEAD_BYTES = 64;

const TEXTUAL =
  /^(text\/|application\/(json|[\w.+-]*\+json|xml|[\w.+-]*\+xml|javascript|x-www-form-urlencoded|yaml|x-yaml|grpc-web-text))/i;

function isJsonType(ct: string): boolean {
  return /^application\/(json|[\w.+-]*\+json)\b/i.test(ct);
}

/** Valid UTF-8 with no control characters except tab/CR/LF: safe to show as text. */
function looksLikeText(buf: Buffer): boolean {
  const s = buf.toString('utf8');
  if (s.includes('\uFFFD')) return false;
  return !/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(s);
}

/**
 * Renders `buf` (at most the kept bytes) given the response Content-Type.
 * @param size bytes received in total (may exceed `buf.length` when truncated).
 */
export function renderBody(buf: Buffer, contentType: string | undefined, truncated: boolean, size = buf.length): RenderedBody {
  if (size === 0) return { kind: 'empty', size: 0, truncated: false };
  const ct = contentType ?? '';
  const text = buf.toString('utf8');
  if (!truncated && (isJsonType(ct) || (!ct && /^\s*[[{]/.test(text)))) {
    try {
      const value: unknown = JSON.parse(text);
      return { kind: 'json', size, truncated, text: JSON.stringify(value, null, 2), value };
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  if (TEXTUAL.test(ct) || looksLikeText(buf)) return { kind: 'text', size, truncated, text };
  return {
    kind: 'binary',
    size,
    truncated,
    hexHead: buf
      .subarray(0, HEX_HEAD_BYTES)
      .toString('hex')
      .replace(/(..)(?!$)/g, '$1 '),
  };
}
