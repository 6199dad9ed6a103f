import { describe, expect, it } from 'vitest';
import { originProblem, ownOrigin } from './origin';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('own origin', () => {
  it('is the Host the request was addressed to, with the request URL scheme', () => {
    expect(ownOrigin(h({ host: '127.0.0.1:3000' }), 'http://localhost:3000/x', false)).toBe('http://127.0.0.1:3000');
  });
  it('follows X-Forwarded-Host/Proto only behind a trusted proxy', () => {
    const headers = h({ host: 'portico:3000', 'x-forwarded-host': 'portico.example.com', 'x-forwarded-proto': 'https' });
    expect(ownOrigin(headers, 'http://portico:3000/', true)).toBe('https://portico.example.com');
    expect(ownOrigin(headers, 'http://portico:3000/', false)).toBe('http://portico:3000');
  });
});

describe('origin check of mutations', () => {
  const own = 'http://127.0.0.1:3000';
  it('accepts the console itself', () => {
    expect(originProblem(h({ origin: own }), own, [])).toBeUndefined();
  });
  it('refuses a missing or opaque Origin (Next.js itself only warns)', () => {
    expect(originProblem(h({}), own, [])).toMatch(/no Origin/);
    expect(originProblem(h({ origin: 'null' }), own, [])).toMatch(/no Origin/);
  });
  it('refuses another site, another port of the same host, and a look-alike host', () => {
    expect(originProblem(h({ origin: 'https://evil.example' }), own, [])).toMatch(/not from https:\/\/evil.example/);
    expect(originProblem(h({ origin: 'http://127.0.0.1:3001' }), own, [])).toBeDefined();
    expect(originProblem(h({ origin: 'http://127.0.0.1:3000.evil.example' }), own, [])).toBeDefined();
    expect(originProblem(h({ origin: 'not a url' }), own, [])).toMatch(/malformed/);
  });
  it('accepts an origin configured as allowed', () => {
    expect(originProblem(h({ origin: 'https://portico.example.com' }), own, ['https://portico.example.com'])).toBeUndefined();
  });
});
