/**
 * The ReferenceGrant form's model and its mapping onto the YAML draft (Gateway API
 * `ReferenceGrant`): who may refer (`from`: group, kind, namespace) to what in the grant's own
 * namespace (`to`: group, kind, optional name).
 */
import type { Document } from 'yaml';
import { times } from './route-parts';
import { listLength, readString, resizeList, writeScalar } from './yaml-edit';

/** One referrer (spec: ReferenceGrantFrom; every field required, group '' is the core group). */
export interface GrantFromForm {
  group: string;
  kind: string;
  namespace: string;
}

/** One referent (spec: ReferenceGrantTo; name optional: without it every object of the kind). */
export interface GrantToForm {
  group: string;
  kind: string;
  name: string;
}

/** The ReferenceGrant form's model. */
export interface ReferenceGrantForm {
  name: string;
  namespace: string;
  from: GrantFromForm[];
  to: GrantToForm[];
}

/** Reads the form model from the draft. */
export function readReferenceGrantForm(doc: Document): ReferenceGrantForm {
  const s = (p: Array<string | number>) => readString(doc, p);
  return {
    name: s(['metadata', 'name']),
    namespace: s(['metadata', 'namespace']),
    from: times(listLength(doc, ['spec', 'from']), (i) => ({
      group: s(['spec', 'from', i, 'group']),
      kind: s(['spec', 'from', i, 'kind']),
      namespace: s(['spec', 'from', i, 'namespace']),
    })),
    to: times(listLength(doc, ['spec', 'to']), (i) => ({
      group: s(['spec', 'to', i, 'group']),
      kind: s(['spec', 'to', i, 'kind']),
      name: s(['spec', 'to', i, 'name']),
    })),
  };
}

/**
 * Sets a field the schema requires even when empty: `group: ""` names the core API group, so it is
 * written as an empty string rather than removed.
 */
function writeRequired(doc: Document, path: Array<string | number>, value: string): void {
  if (readString(doc, path) === value && doc.hasIn(path)) return;
  if (value === '') doc.setIn(path, doc.createNode(''));
  else writeScalar(doc, path, value);
}

/** Writes the form model into the draft, touching only the fields the form owns. */
export function writeReferenceGrantForm(doc: Document, f: ReferenceGrantForm): void {
  writeScalar(doc, ['metadata', 'name'], f.name);
  writeScalar(doc, ['metadata', 'namespace'], f.namespace);
  resizeList(doc, ['spec', 'from'], f.from.length);
  f.from.forEach((x, i) => {
    writeRequired(doc, ['spec', 'from', i, 'group'], x.group);
    writeScalar(doc, ['spec', 'from', i, 'kind'], x.kind);
    writeScalar(doc, ['spec', 'from', i, 'namespace'], x.namespace);
  });
  resizeList(doc, ['spec', 'to'], f.to.length);
  f.to.forEach((x, i) => {
    writeRequired(doc, ['spec', 'to', i, 'group'], x.group);
    writeScalar(doc, ['spec', 'to', i, 'kind'], x.kind);
    writeScalar(doc, ['spec', 'to', i, 'name'], x.name);
  });
}
