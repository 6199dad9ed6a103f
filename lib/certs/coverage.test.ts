import { describe, expect, it } from 'vitest';
import { coverageReport, hostnameCoverage } from './coverage';

// RFC 6125 §6.4.3 / RFC 9525 §6.3: `*` is a whole left-most label standing for exactly one label.
describe('hostnameCoverage', () => {
  const table: Array<[sans: string[], hostname: string, covered: boolean]> = [
    [['a.aliyun.com'], 'a.aliyun.com', true],
    [['A.Aliyun.COM'], 'a.aliyun.com', true],
    [['a.aliyun.com.'], 'a.aliyun.com', true],
    [['b.aliyun.com'], 'a.aliyun.com', false],
    [['*.aliyun.com'], 'a.aliyun.com', true],
    [['*.aliyun.com'], 'aliyun.com', false],
    [['*.aliyun.com'], 'a.b.aliyun.com', false],
    [['*.b.aliyun.com'], 'a.b.aliyun.com', true],
    [['*.aliyun.com'], 'a.aliyun.com.cn', false],
    [['a.*.com'], 'a.aliyun.com', false],
    [['f*.aliyun.com'], 'foo.aliyun.com', false],
    [['*'], 'localhost', false],
    // A wildcard listener accepts any first-level name: only the same wildcard SAN serves them all.
    [['*.aliyun.com'], '*.aliyun.com', true],
    [['a.aliyun.com'], '*.aliyun.com', false],
    [['a.aliyun.com', 'b.aliyun.com'], '*.aliyun.com', false],
    [['*.b.aliyun.com'], '*.aliyun.com', false],
    [['10.0.0.1'], '10.0.0.1', true],
    [[], 'a.aliyun.com', false],
    [['a.aliyun.com'], '', false],
  ];
  it.each(table)('%j covers %s: %s', (sans, hostname, covered) => {
    expect(hostnameCoverage(sans, hostname)).toBe(covered);
  });
});

describe('coverageReport', () => {
  it('reports each listener hostname once, naming the covering SAN', () => {
    const sans = ['a.aliyun.com', '*.aliyun.com'];
    expect(coverageReport(sans, ['a.aliyun.com', 'b.aliyun.com', 'aliyun.com', '*.aliyun.com', 'A.aliyun.com'])).toEqual([
      { hostname: 'a.aliyun.com', covered: true, by: 'a.aliyun.com' },
      { hostname: 'b.aliyun.com', covered: true, by: '*.aliyun.com' },
      { hostname: 'aliyun.com', covered: false },
      { hostname: '*.aliyun.com', covered: true, by: '*.aliyun.com' },
    ]);
  });

  it('is empty without listener hostnames', () => {
    expect(coverageReport(['a.aliyun.com'], [])).toEqual([]);
  });
});
