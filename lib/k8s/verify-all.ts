/**
 * Verify-all on the server: every request of a scope (a route, a Gateway, the cluster),
 * sent with bounded concurrency, reported as it finishes, and kept briefly for the
 * JSON / JUnit downloads (a cancelled run keeps what finished).
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { reportName, runAll, toJsonReport, toJUnitXml, verdictOf, type VerificationReport } from '@/lib/verify';
import type { Target, VerificationRequest } from '@/lib/verify/types';
import type { VerifyAllEvent, VerifyAllRow } from '@/lib/actions/verify-types';
import type { VerifyAllInput } from './verify-input';
import { requestsInScope } from './verify-plan';
import { verifyRequest } from './verify-send';
import { gatewayTargets, guardPolicyFor, loadVerifyWorld } from './verify-targets';

interface Run {
  session: string;
  at: number;
  reports: Array<VerificationReport | undefined>;
}
const runs = new Map<string, Run>();
const MAX_RUNS = 20;
const RUN_TTL_MS = 30 * 60_000;

function keep(id: string, run: Run): void {
  for (const [k, r] of runs) if (Date.now() - r.at > RUN_TTL_MS) runs.delete(k);
  runs.set(id, run);
  while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value as string);
}

/** A finished (or cancelled) run's export, for the session that ran it; undefined when unknown or expired. */
export function exportRun(id: string, session: string, format: 'json' | 'junit'): string | undefined {
  const run = runs.get(id);
  if (!run || run.session !== session) return undefined;
  const reports = run.reports.filter((r): r is VerificationReport => r !== undefined);
  return format === 'json' ? toJsonReport(reports) : toJUnitXml(reports);
}

function rowOf(index: number, report: VerificationReport): VerifyAllRow {
  const v = verdictOf(report);
  const d = report.comparison.differences[0];
  const detail = report.result.error ?? (d ? `${d.field}: expected ${d.expected}, got ${d.actual}` : '');
  return {
    index,
    name: reportName(report),
    verdict: v,
    ...(report.result.status !== undefined ? { status: report.result.status } : {}),
    latencyMs: report.result.timings.total,
    detail,
    report,
  };
}

/** A report for a request that could not be sent as built (a regex the builder could not sample). */
function needsInputReport(req: VerificationRequest): VerificationReport {
  const error = `needs input before it can be sent: ${req.needsInput.map((n) => n.reason).join('; ')} (open it in the single verification view)`;
  return {
    request: req,
    target: { address: '', port: req.port },
    result: {
      target: { address: '', port: req.port },
      headers: {},
      timings: { dns: 0, connect: 0, tls: 0, firstByte: 0, total: 0 },
      redirects: [],
      error,
      errorCode: 'other',
    },
    comparison: {
      pass: false,
      differences: [{ field: 'request', expected: 'a request that reaches the rule', actual: error }],
      recognized: 'none',
    },
    curl: '',
  };
}

/**
 * Runs a verify-all and calls `emit` with each event (start, one result per request,
 * done). `signal` stops it (the browser's cancel button closes the stream).
 */
export async function runVerifyAll(
  input: VerifyAllInput,
  session: string,
  extraPorts: number[],
  signal: AbortSignal,
  emit: (e: VerifyAllEvent) => void,
): Promise<void> {
  const started = performance.now();
  const world = await loadVerifyWorld(input.context);
  const requests = requestsInScope(world, input.scope);
  const policy = await guardPolicyFor(world, extraPorts);
  const targets = new Map<string, Target[]>();
  const id = randomUUID();
  const run: Run = {
    session,
    at: Date.now(),
    reports: new Array<VerificationReport | undefined>(requests.length).fill(undefined),
  };
  keep(id, run);
  const skipped = requests.length === 0 ? ['no route rule in this scope is attached to an HTTP or HTTPS listener'] : [];
  emit({ type: 'start', run: id, total: requests.length, skipped });
  let done = 0;
  const outcome = await runAll(
    requests,
    async (req, index, s) => {
      let report: VerificationReport;
      if (req.needsInput.length > 0) report = needsInputReport(req);
      else {
        let t = targets.get(req.gateway);
        if (!t) targets.set(req.gateway, (t = gatewayTargets(world, req.gateway)));
        report = (
          await verifyRequest(world, policy, req, { targets: t, timeoutMs: input.timeoutMs, ...(s ? { signal: s } : {}) })
        ).report;
      }
      run.reports[index] = report;
      // A request cut short by cancel is not a result: leave it out of the table and the exports.
      if (report.result.errorCode === 'aborted') {
        run.reports[index] = undefined;
        return report;
      }
      emit({ type: 'result', done: ++done, total: requests.length, row: rowOf(index, report) });
      return report;
    },
    { concurrency: input.concurrency, signal },
  );
  emit({
    type: 'done',
    done,
    total: requests.length,
    cancelled: outcome.cancelled || signal.aborted,
    ms: Math.round(performance.now() - started),
  });
}
