import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../types';
import { ApiError } from '../types';
import { errorOf } from './__fixtures__/helpers';
import { applyJsonPatch } from './json-patch';

describe('applyJsonPatch (RFC 6902)', () => {
  // Appendix A examples that succeed.
  const ok: Array<[string, JsonObject, Json, JsonObject]> = [
    ['A.1 add object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { baz: 'qux', foo: 'bar' }],
    [
      'A.2 add array element',
      { foo: ['bar', 'baz'] },
      [{ op: 'add', path: '/foo/1', value: 'qux' }],
      { foo: ['bar', 'qux', 'baz'] },
    ],
    ['A.3 remove object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
    ['A.4 remove array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
    [
      'A.5 replace a value',
      { baz: 'qux', foo: 'bar' },
      [{ op: 'replace', path: '/baz', value: 'boo' }],
      { baz: 'boo', foo: 'bar' },
    ],
    [
      'A.6 move a value',
      { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } },
      [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }],
      { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } },
    ],
    [
      'A.7 move an array element',
      { foo: ['all', 'grass', 'cows', 'eat'] },
      [{ op: 'move', from: '/foo/1', path: '/foo/3' }],
      { foo: ['all', 'cows', 'eat', 'grass'] },
    ],
    [
      'A.8 test a value: success',
      { baz: 'qux', foo: ['a', 2, 'c'] },
      [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ],
      { baz: 'qux', foo: ['a', 2, 'c'] },
    ],
    [
      'A.10 add a nested member object',
      { foo: 'bar' },
      [{ op: 'add', path: '/child', value: { grandchild: {} } }],
      { foo: 'bar', child: { grandchild: {} } },
    ],
    [
      'A.11 ignore unrecognized elements',
      { foo: 'bar' },
      [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }],
      { foo: 'bar', baz: 'qux' },
    ],
    ['A.14 ~ escape ordering', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }], { '/': 9, '~1': 10 }],
    [
      'A.16 add an array value',
      { foo: ['bar'] },
      [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }],
      { foo: ['bar', ['abc', 'def']] },
    ],
    ['replace of the whole document', { a: 1 }, [{ op: 'replace', path: '', value: { b: 2 } }], { b: 2 }],
    ['copy', { a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }], { a: { b: 1 }, c: { b: 1 } }],
    ['~1 in a path addresses a key with a slash', { 'a/b': 1 }, [{ op: 'replace', path: '/a~1b', value: 2 }], { 'a/b': 2 }],
  ];
  it.each(ok)('%s', (_name, doc, ops, result) => {
    expect(applyJsonPatch(doc, ops)).toEqual(result);
  });

  const failing: Array<[string, JsonObject, Json]> = [
    ['A.9 test a value: error', { baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]],
    ['A.12 add to a nonexistent target', { foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }]],
    ['A.15 comparing strings and numbers', { '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }]],
    ['remove of a missing member', { foo: 'bar' }, [{ op: 'remove', path: '/nope' }]],
    ['replace of a missing member', { foo: 'bar' }, [{ op: 'replace', path: '/nope', value: 1 }]],
    ['index past the end', { foo: [1] }, [{ op: 'add', path: '/foo/2', value: 1 }]],
    ['leading zero index', { foo: [1, 2] }, [{ op: 'remove', path: '/foo/01' }]],
    ['unknown op', { foo: 'bar' }, [{ op: 'frobnicate', path: '/foo' }]],
    ['add without value', { foo: 'bar' }, [{ op: 'add', path: '/x' }]],
    ['move into its own child', { a: { b: {} } }, [{ op: 'move', from: '/a', path: '/a/b/c' }]],
  ];
  it.each(failing)('%s → 422 Invalid like the real server', (_name, doc, ops) => {
    const err = errorOf(() => applyJsonPatch(doc, ops));
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toBe('the server rejected our request due to an error in our request');
    expect(err.details?.causes?.[0]?.message).toBeTruthy();
  });

  it('names the failing test path in the cause', () => {
    const err = errorOf(() =>
      applyJsonPatch({ spec: { hostnames: ['a'] } }, [{ op: 'test', path: '/spec/hostnames/0', value: 'b' }]),
    );
    expect(err.details?.causes?.[0]?.message).toBe('testing value /spec/hostnames/0 failed: test failed');
  });

  it('is atomic: a failing operation leaves nothing applied (section 5)', () => {
    const doc = { a: 1 };
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/a', value: 2 },
        { op: 'test', path: '/a', value: 3 },
      ]),
    ).toThrow(ApiError);
    expect(doc).toEqual({ a: 1 });
  });

  it.each<Json>([{ op: 'add' }, 'x', [1]])('refuses a body that is not a list of operations (%j) with 400', (ops) => {
    expect(errorOf(() => applyJsonPatch({}, ops))).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('edits an HTTPRoute the way kubectl patch --type json does', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'http', namespace: 'default' },
      spec: { hostnames: ['*.aliyun.com'], rules: [{ backendRefs: [{ name: 'httpbin', port: 8000 }] }] },
    };
    const out = applyJsonPatch(route, [
      { op: 'add', path: '/spec/hostnames/-', value: 'a.aliyun.com' },
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/port', value: 8080 },
      { op: 'add', path: '/metadata/annotations', value: { 'example.com/owner': 'team-a' } },
    ]);
    expect(out.spec).toEqual({
      hostnames: ['*.aliyun.com', 'a.aliyun.com'],
      rules: [{ backendRefs: [{ name: 'httpbin', port: 8080 }] }],
    });
    expect(out.metadata).toEqual({ name: 'http', namespace: 'default', annotations: { 'example.com/owner': 'team-a' } });
  });
});
