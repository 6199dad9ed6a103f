/**
 * Minimal edits on a YAML Document: only the paths a form owns are touched, so comments, key
 * order, quoting and every field the form does not know survive a round trip through the form.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

/** A path into a document: map keys and list indexes. */
export type YamlPath = ReadonlyArray<string | number>;

/** The plain value at a path (undefined when missing). */
export function readAt(doc: Document, path: YamlPath): unknown {
  const node = doc.getIn(path, true);
  if (node === undefined) return undefined;
  return isScalar(node) ? node.value : (node as { toJSON?: () => unknown }).toJSON?.();
}

/** The string at a path, or '' (forms show absent fields as empty). */
export function readString(doc: Document, path: YamlPath): string {
  const v = readAt(doc, path);
  return v === undefined || v === null ? '' : String(v);
}

/**
 * Sets a scalar, or deletes the field when `value` is '' or undefined. An existing scalar node is
 * updated in place, so its comment and quoting style stay; an unchanged value is not touched.
 */
export function writeScalar(doc: Document, path: YamlPath, value: string | number | boolean | undefined): void {
  const node = doc.getIn(path, true);
  if (value === undefined || value === '') {
    if (node !== undefined) doc.deleteIn(path);
    return;
  }
  if (isScalar(node)) {
    if (node.value !== value) node.value = value;
    return;
  }
  doc.setIn(path, value);
}

/** Number of items of the list at a path (0 when missing or not a list). */
export function listLength(doc: Document, path: YamlPath): number {
  const node = doc.getIn(path, true);
  return isSeq(node) ? node.items.length : 0;
}

/**
 * Makes the list at `path` hold `count` items, keeping existing items (and what the form does not
 * know inside them), adding empty maps at the end and removing items from the end. An empty list
 * removes the field.
 */
export function resizeList(doc: Document, path: YamlPath, count: number): void {
  const node = doc.getIn(path, true);
  if (count === 0) {
    if (node !== undefined) doc.deleteIn(path);
    return;
  }
  if (!isSeq(node)) {
    doc.setIn(path, doc.createNode(Array.from({ length: count }, () => ({}))));
    return;
  }
  while (node.items.length > count) node.items.pop();
  while (node.items.length < count) node.items.push(doc.createNode({}));
}

/** Sets a list of scalars, updating items in place so their comments stay. */
export function writeScalarList(doc: Document, path: YamlPath, values: readonly string[]): void {
  const node = doc.getIn(path, true);
  if (values.length === 0) {
    if (node !== undefined) doc.deleteIn(path);
    return;
  }
  if (!isSeq(node)) {
    doc.setIn(path, doc.createNode([...values]));
    return;
  }
  while (node.items.length > values.length) node.items.pop();
  values.forEach((v, i) => {
    const item = node.items[i];
    if (isScalar(item)) {
      if (item.value !== v) item.value = v;
    } else if (item === undefined) node.items.push(doc.createNode(v));
    else node.items[i] = doc.createNode(v);
  });
}

/** Removes a map at a path when it has become empty (e.g. `tls: {}` after its fields were cleared). */
export function pruneEmpty(doc: Document, path: YamlPath): void {
  const node = doc.getIn(path, true);
  if (isMap(node) && node.items.length === 0) doc.deleteIn(path);
}

/**
 * The document as text in the style of `original`: block sequences indented under their key or
 * not (`indentSeq`), as the user wrote them, so a form edit does not reformat the whole draft.
 */
export function stringifyLike(doc: Document, original: string): string {
  const flush = /^( *)[A-Za-z0-9_"'-]+:[^\S\n]*(?:#.*)?\n\1- /m.test(original);
  return doc.toString({ indentSeq: !flush, lineWidth: 0 });
}

/** Applies `edit` to the (single-document) draft text and returns the new text in the same style. */
export function editDraft(text: string, edit: (doc: Document) => void): string {
  const doc = parseDocument(text);
  edit(doc);
  return stringifyLike(doc, text);
}
