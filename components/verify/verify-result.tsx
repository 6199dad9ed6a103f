import type { VerifyOutcome } from '@/lib/actions/verify-types';
import { CurlBox } from './curl-box';
import { ExpectationView } from './expectation-view';
import { ResponseView } from './response-view';

/** One verification's outcome: the verdict first, then the response, then the curl command. */
export function VerifyResult({ outcome }: { outcome: VerifyOutcome }) {
  const { report } = outcome;
  return (
    <>
      <p className="muted">
        Sent to {report.target.address || '—'}
        {report.target.address ? `:${report.target.port}` : ''} ({outcome.target.source})
        {report.target.address ? '' : outcome.skipped.map((s) => `; skipped ${s.target.source}: ${s.reason}`).join('')}
      </p>
      <ExpectationView expectation={outcome.expectation} comparison={report.comparison} />
      <ResponseView result={report.result} host={report.request.host} />
      <CurlBox command={report.curl} />
    </>
  );
}
