/**
 * Multi-document YAML parsing that keeps positions, so every problem (syntax, identity, or a
 * server-side field error) can be shown on its line in the editor.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { parseFieldPath, type PathStep } from './field-path';
import type { FieldProblem } from './types';

/** One non-empty document of the input. */
export interface ParsedManifest {
  /** 0-based among non-empty documents. */
  index: number;
  /** 1-based line of the document's first content. */
  line: number;
  doc: Document.Parsed;
  /** The plain value (only when the document parsed without errors). */
  value?: unknown;
  /** Syntax errors with line and column. */
  problems: FieldProblem[];
}

/** A whole editor text, parsed. */
export interface ParsedManifests {
  documents: ParsedManifest[];
  lineCounter: LineCounter;
}

/** Parses every `---`-separated document; empty documents (a trailing `---`) are skipped. */
export function parseManifests(text: string): ParsedManifests {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: true, keepSourceTokens: false });
  const list = Array.isArray(docs) ? docs : [];
  const documents: ParsedManifest[] = [];
  for (const doc of list) {
    const hasErrors = doc.errors.length > 0;
    if (isEmpty(doc) && !hasErrors) continue;
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const problems: FieldProblem[] = doc.errors.map((e) => {
      const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
      return { message: firstLine(e.message), line: pos.line, column: pos.col };
    });
    const parsed: ParsedManifest = { index: documents.length, line: lineCounter.linePos(start).line, doc, problems };
    if (!hasErrors) parsed.value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    documents.push(parsed);
  }
  return { documents, lineCounter };
}

function isEmpty(doc: Document.Parsed): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && (c.value === null || c.value === ''));
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/**
 * The line and column of a field in a document: the deepest existing node along the path (a
 * missing field is reported where its parent is), the key of a map entry rather than its value.
 */
export function locateField(
  manifest: ParsedManifest,
  lineCounter: LineCounter,
  path: string | PathStep[],
): { line: number; column: number } {
  const steps = typeof path === 'string' ? parseFieldPath(path) : path;
  let node: unknown = manifest.doc.contents;
  let anchor: Node | undefined = isNodeLike(node) ? node : undefined;
  for (const step of steps) {
    const next = stepInto(node, step);
    if (!next) break;
    node = next.value;
    anchor = next.anchor ?? anchor;
  }
  const offset = anchor?.range?.[0] ?? manifest.doc.range[0];
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function isNodeLike(v: unknown): v is Node {
  return isMap(v) || isSeq(v) || isScalar(v);
}

function stepInto(node: unknown, step: PathStep): { value: unknown; anchor?: Node } | undefined {
  if (isMap(node) && typeof step === 'string') {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === step);
    if (!pair) return undefined;
    const key = isScalar(pair.key) ? pair.key : undefined;
    return { value: pair.value, ...(key ? { anchor: key } : {}) };
  }
  if (isSeq(node)) {
    let item: unknown;
    if (typeof step === 'number') item = node.items[step];
    else if (typeof step === 'object') {
      const hits = node.items.filter((it) => matches(it, step.match));
      item = step.last ? hits[hits.length - 1] : hits[0];
    }
    if (item === undefined) return undefined;
    return { value: item, ...(isNodeLike(item) ? { anchor: item } : {}) };
  }
  return undefined;
}

function matches(item: unknown, match: Record<string, string>): boolean {
  if (!isMap(item)) return false;
  return Object.entries(match).every(([k, v]) => {
    const val = item.get(k);
    return val !== undefined && String(val) === v;
  });
}
