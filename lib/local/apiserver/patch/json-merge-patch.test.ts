import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { ApiError } from '../types';
import { applyJsonMergePatch } from './json-merge-patch';

describe('applyJsonMergePatch (RFC 7386)', () => {
  it('applies the example of section 3', () => {
    const target = {
      title: 'Goodbye!',
      author: { givenName: 'John', familyName: 'Doe' },
      tags: ['example', 'sample'],
      content: 'This will be unchanged',
    };
    const patch = { title: 'Hello!', phoneNumber: '+01-123-456-7890', author: { familyName: null }, tags: ['example'] };
    expect(applyJsonMergePatch(target, patch)).toEqual({
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    });
    expect(target.author.familyName).toBe('Doe');
  });

  // Appendix A, the cases whose original is an object (the server only stores objects).
  const cases: Array<[JsonObject, Json, Json]> = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  it.each(cases)('appendix A: %j + %j', (original, patch, result) => {
    expect(applyJsonMergePatch(original, patch)).toEqual(result);
  });

  it.each<Json>([['c'], null, 'bar'])('refuses a patch that would make the object a non-object (%j) with 400', (patch) => {
    const err = (() => {
      try {
        applyJsonMergePatch({ a: 'foo' }, patch);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('patches a Service the way kubectl patch --type merge does', () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'httpbin', namespace: 'default', labels: { app: 'httpbin' } },
      spec: { ports: [{ port: 8000, targetPort: 80 }], selector: { app: 'httpbin' } },
    };
    const out = applyJsonMergePatch(svc, { metadata: { labels: { tier: 'demo' } }, spec: { ports: [{ port: 8080 }] } });
    expect(out.metadata).toEqual({ name: 'httpbin', namespace: 'default', labels: { app: 'httpbin', tier: 'demo' } });
    // Merge patch has no list semantics: the list is replaced.
    expect(out.spec).toEqual({ ports: [{ port: 8080 }], selector: { app: 'httpbin' } });
  });
});
