import { describe, expect, it } from 'vitest';
import { compileHttpMatch } from './matchers';
import { modifyPath, redirectLocation, replacePrefix } from './path-modifier';

// Spec: HTTPPathModifier.replacePrefixMatch — the table in the field's documentation.
describe('ReplacePrefixMatch', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
    ['/anything', '/', '/prefix', '/prefix/anything'],
  ])('%s with prefix %s and replacement %s → %s', (path, prefix, replacement, expected) => {
    const m = compileHttpMatch({ path: { type: 'PathPrefix', value: prefix } });
    expect(replacePrefix(path, m.prefixBase, replacement)).toBe(expected);
    expect(modifyPath(path, { type: 'ReplacePrefixMatch', replacePrefixMatch: replacement }, m).path).toBe(expected);
  });
  it('is refused with a non-prefix match', () => {
    const m = compileHttpMatch({ path: { type: 'Exact', value: '/foo' } });
    expect(modifyPath('/foo', { type: 'ReplacePrefixMatch', replacePrefixMatch: '/x' }, m).error).toMatch(/PathPrefix/);
  });
});

// Spec: HTTPRequestRedirectFilter.port — well-known ports are omitted.
describe('redirectLocation', () => {
  const r = { scheme: 'http', host: 'a.example.com', path: '/p', rawQuery: '', listenerPort: 80 };
  it.each([
    [{}, r, 'http://a.example.com/p'],
    [{ scheme: 'https' as const }, r, 'https://a.example.com/p'],
    [{ scheme: 'https' as const }, { ...r, listenerPort: 8080 }, 'https://a.example.com/p'],
    [{}, { ...r, listenerPort: 8080 }, 'http://a.example.com:8080/p'],
    [{ port: 443 }, r, 'http://a.example.com:443/p'],
    [{ scheme: 'https' as const, port: 443 }, r, 'https://a.example.com/p'],
    [{ hostname: 'b.example.com' }, { ...r, rawQuery: 'x=1' }, 'http://b.example.com/p?x=1'],
    [{}, { ...r, scheme: 'https', listenerPort: 443 }, 'https://a.example.com/p'],
  ])('%j from %j → %s', (f, req, expected) => {
    expect(redirectLocation(f, req)).toBe(expected);
  });
});
