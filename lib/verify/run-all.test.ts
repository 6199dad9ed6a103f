import { describe, expect, it } from 'vitest';
import { renderBody } from './body';
import { toJsonReport, toJUnitXml, verdictOf, type VerificationReport } from './report';
import { runAll } from './run-all';
import type { VerificationRequest } from './types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runAll', () => {
  it('never runs more than `concurrency` at once, keeps input order, reports progress', async () => {
    let inFlight = 0;
    let peak = 0;
    const progress: number[] = [];
    const out = await runAll(
      Array.from({ length: 10 }, (_, i) => i),
      async (n) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(5 + ((n * 7) % 10));
        inFlight--;
        return n * 2;
      },
      { concurrency: 3, onProgress: (p) => progress.push(p.done) },
    );
    expect(peak).toBe(3);
    expect(out).toEqual({ results: [0, 2, 4, 6, 8, 10, 12, 14, 16, 18], completed: 10, cancelled: false });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('cancel stops starting new items and hands the signal to in-flight sends', async () => {
    const ac = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    const run = runAll(
      Array.from({ length: 20 }, (_, i) => i),
      async (n, _i, signal) => {
        seen.push(signal);
        await sleep(20);
        return n;
      },
      { concurrency: 2, signal: ac.signal },
    );
    setTimeout(() => ac.abort(), 30);
    const out = await run;
    expect(out.cancelled).toBe(true);
    expect(out.completed).toBeLessThan(20);
    expect(out.results.filter((r) => r === undefined)).toHaveLength(20 - out.completed);
    expect(seen.every((s) => s === ac.signal)).toBe(true);
  });

  it('a throwing send becomes a result through onError', async () => {
    const out = await runAll(
      [1, 2],
      async (n) => {
        if (n === 2) throw new Error('boom');
        return 'ok';
      },
      { onError: (e) => `error: ${(e as Error).message}` },
    );
    expect(out.results).toEqual(['ok', 'error: boom']);
  });
});

const req: VerificationRequest = {
  scheme: 'http',
  host: 'httpbin.aliyun.com',
  port: 80,
  method: 'GET',
  path: '/get?a=<b>&c',
  headers: {},
  gateway: 'istio-system/gateway',
  listener: 'default',
  routeKind: 'HTTPRoute',
  route: 'default/http',
  ruleIndex: 0,
  matchIndex: 0,
  notes: [],
  needsInput: [],
};
const timings = { dns: 0, connect: 1, tls: 0, firstByte: 2, total: 12 };
const report = (over: Partial<VerificationReport>): VerificationReport => ({
  request: req,
  target: { address: '127.0.0.1', port: 80 },
  result: {
    target: { address: '127.0.0.1', port: 80 },
    status: 200,
    headers: {},
    body: renderBody(Buffer.from('{}'), 'application/json', false),
    timings,
    redirects: [],
  },
  comparison: { pass: true, differences: [], recognized: 'other' },
  curl: "curl -i -H 'Host: httpbin.aliyun.com' 'http://127.0.0.1:80/get'",
  ...over,
});

describe('exports', () => {
  const pass = report({});
  const fail = report({
    comparison: { pass: false, recognized: 'httpbin-echo', differences: [{ field: 'status', expected: '200', actual: '503' }] },
  });
  const error = report({
    result: {
      target: { address: '127.0.0.1', port: 80 },
      headers: {},
      timings,
      redirects: [],
      error: 'connection refused "x" & <y>',
      errorCode: 'refused',
    },
  });

  it('verdicts', () => {
    expect([pass, fail, error].map(verdictOf)).toEqual(['pass', 'fail', 'error']);
  });

  it('JUnit XML: counts, one testcase per request, failures with differences, escaped', () => {
    const xml = toJUnitXml([pass, fail, error]);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuite name="portico verification" tests="3" failures="1" errors="1" skipped="0" time="0.036">/,
    );
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('name="HTTPRoute default/http rule 0 match 0: GET http://httpbin.aliyun.com:80/get?a=&lt;b&gt;&amp;c"');
    expect(xml).toContain('<failure message="status: expected 200, got 503" type="mismatch">');
    expect(xml).toContain('<error message="connection refused &quot;x&quot; &amp; &lt;y&gt;" type="refused">');
    expect(xml).not.toMatch(/<b>|& /);
  });

  it('JSON: a summary and every report with its verdict', () => {
    const j = JSON.parse(toJsonReport([pass, fail, error])) as { summary: unknown; reports: Array<{ verdict: string }> };
    expect(j.summary).toEqual({ total: 3, pass: 1, fail: 1, error: 1 });
    expect(j.reports.map((r) => r.verdict)).toEqual(['pass', 'fail', 'error']);
  });
});
