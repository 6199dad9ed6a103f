/**
 * Verification reports and their exports: JSON for tools, JUnit XML for CI pipelines
 * (one testcase per request, failures carrying the differences). Pure.
 */
import type { Comparison } from './compare';
import type { SendTarget, VerificationRequest, VerificationResult } from './types';

/** One verified request: what was sent, where, what came back and the verdict. */
export interface VerificationReport {
  request: VerificationRequest;
  target: SendTarget;
  result: VerificationResult;
  comparison: Comparison;
  curl: string;
}

/** pass / fail (a response that differs) / error (no response). */
export function verdictOf(r: VerificationReport): 'pass' | 'fail' | 'error' {
  if (r.result.error) return 'error';
  return r.comparison.pass ? 'pass' : 'fail';
}

/** Display name of a report's request: route, rule, method, host and path. */
export function reportName(r: VerificationReport): string {
  const q = r.request;
  const match = q.matchIndex === undefined ? '' : ` match ${q.matchIndex}`;
  return `${q.routeKind} ${q.route} rule ${q.ruleIndex}${match}: ${q.method} ${q.scheme}://${q.host}:${q.port}${q.path}`;
}

const escapeXml = (s: string): string =>
  // XML 1.0 forbids most control characters even escaped: drop them.
  s
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** JUnit XML (the Ant/Surefire dialect GitLab, Jenkins and GitHub reporters read). */
export function toJUnitXml(reports: readonly VerificationReport[], suiteName = 'portico verification'): string {
  const failures = reports.filter((r) => verdictOf(r) === 'fail').length;
  const errors = reports.filter((r) => verdictOf(r) === 'error').length;
  const total = reports.reduce((s, r) => s + r.result.timings.total, 0) / 1000;
  const cases = reports.map((r) => {
    const v = verdictOf(r);
    const attrs = `classname="${escapeXml(`${r.request.gateway}.${r.request.listener}`)}" name="${escapeXml(reportName(r))}" time="${(r.result.timings.total / 1000).toFixed(3)}"`;
    if (v === 'pass') return `  <testcase ${attrs}/>`;
    if (v === 'error')
      return `  <testcase ${attrs}>\n    <error message="${escapeXml(r.result.error ?? '')}" type="${escapeXml(r.result.errorCode ?? 'other')}">${escapeXml(r.curl)}</error>\n  </testcase>`;
    const lines = r.comparison.differences.map((d) => `${d.field}: expected ${d.expected}, got ${d.actual}`);
    return `  <testcase ${attrs}>\n    <failure message="${escapeXml(lines[0] ?? 'differs')}" type="mismatch">${escapeXml([...lines, r.curl].join('\n'))}</failure>\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${escapeXml(suiteName)}" tests="${reports.length}" failures="${failures}" errors="${errors}" skipped="0" time="${total.toFixed(3)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}

/** JSON export: a summary and every report (bodies included, as rendered). */
export function toJsonReport(reports: readonly VerificationReport[]): string {
  const summary = { total: reports.length, pass: 0, fail: 0, error: 0 };
  for (const r of reports) summary[verdictOf(r)]++;
  return JSON.stringify(
    { summary, reports: reports.map((r) => ({ verdict: verdictOf(r), name: reportName(r), ...r })) },
    null,
    2,
  );
}
