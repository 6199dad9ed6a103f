import { describe, expect, it } from 'vitest';
import { httpbinStatusFor } from './httpbin-status';

describe("httpbin's known statuses", () => {
  it('/status/N answers N', () => {
    expect(httpbinStatusFor('GET', '/status/418')).toBe(418);
    expect(httpbinStatusFor('POST', '/status/201/')).toBe(201);
  });

  it('echo endpoints answer 200 for their methods, HEAD wherever GET is served', () => {
    expect(httpbinStatusFor('GET', '/get')).toBe(200);
    expect(httpbinStatusFor('HEAD', '/get')).toBe(200);
    expect(httpbinStatusFor('DELETE', '/anything/a/b')).toBe(200);
    expect(httpbinStatusFor('post', '/post')).toBe(200);
    expect(httpbinStatusFor('GET', '/headers')).toBe(200);
    expect(httpbinStatusFor('GET', '/delay/1')).toBe(200);
  });

  it('an endpoint asked with another method answers 405', () => {
    expect(httpbinStatusFor('POST', '/get')).toBe(405);
    expect(httpbinStatusFor('GET', '/post')).toBe(405);
  });

  it('unknown paths are not predicted', () => {
    expect(httpbinStatusFor('GET', '/nope')).toBeUndefined();
    expect(httpbinStatusFor('GET', '/redirect/2')).toBeUndefined();
  });
});
