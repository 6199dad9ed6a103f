import { describe, expect, it } from 'vitest';
import { fieldPathsInMessage, parseFieldPath } from './field-path';
import { locateField, parseManifests } from './parse-manifests';

const twoDocs = `# first
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  listeners:
  - name: default
    hostname: '*'
    port: 80
  - name: default
    port: 81
---
apiVersion: v1
kind: Service
metadata:
  name: svc
`;

describe('parseManifests', () => {
  it('splits documents and records their first line', () => {
    const { documents } = parseManifests(twoDocs);
    expect(documents.map((d) => d.line)).toEqual([2, 14]);
    expect((documents[1]?.value as { kind: string }).kind).toBe('Service');
  });

  it('reports a syntax error with its line and column and keeps the other documents', () => {
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: [a\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n';
    const { documents } = parseManifests(text);
    expect(documents).toHaveLength(2);
    expect(documents[0]?.problems[0]?.line).toBeGreaterThanOrEqual(4);
    expect(documents[0]?.problems[0]?.column).toBeGreaterThan(0);
    expect(documents[1]?.problems).toEqual([]);
  });

  it('skips empty documents such as a trailing separator', () => {
    expect(parseManifests('---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n').documents).toHaveLength(1);
  });
});

describe('locateField', () => {
  it('places an API field cause (field.Path form) on the line of the field', () => {
    const { documents, lineCounter } = parseManifests(twoDocs);
    expect(locateField(documents[0]!, lineCounter, 'spec.listeners[0].hostname').line).toBe(9);
    expect(locateField(documents[0]!, lineCounter, 'spec.listeners[1].port').line).toBe(12);
  });

  it('falls back to the deepest existing parent for a missing field', () => {
    const { documents, lineCounter } = parseManifests(twoDocs);
    expect(locateField(documents[0]!, lineCounter, 'spec.listeners[1].tls.mode').line).toBe(11);
    expect(locateField(documents[0]!, lineCounter, 'spec.gatewayClassName').line).toBe(7 - 1);
  });

  it('points a structured-merge-diff duplicate-key error at the duplicate item', () => {
    const { documents, lineCounter } = parseManifests(twoDocs);
    const msg =
      'failed to create typed patch object (gateway.networking.k8s.io/v1, Kind=Gateway): .spec.listeners: duplicate entries for key [name="default"]';
    const [path] = fieldPathsInMessage(msg);
    expect(locateField(documents[0]!, lineCounter, path!).line).toBe(11);
  });
});

describe('parseFieldPath', () => {
  it('reads indexes, map keys and associative keys', () => {
    expect(parseFieldPath('spec.rules[2].matches[0].path.value')).toEqual(['spec', 'rules', 2, 'matches', 0, 'path', 'value']);
    expect(parseFieldPath('metadata.labels[app.kubernetes.io/name]')).toEqual(['metadata', 'labels', 'app.kubernetes.io/name']);
    expect(parseFieldPath('.spec.listeners[name="a"].port')).toEqual(['spec', 'listeners', { match: { name: 'a' } }, 'port']);
  });
});
