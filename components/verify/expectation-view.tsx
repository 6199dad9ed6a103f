import type { Comparison, Expectation } from '@/lib/actions/verify-types';

const RECOGNIZED: Record<Comparison['recognized'], string> = {
  'httpbin-echo': 'httpbin echoed the request as the backend saw it: path, method, headers and backend were checked',
  'httpbin-teapot': 'httpbin’s teapot: the status was checked',
  other: 'judged by status and response headers',
  none: 'no response to judge',
};

/** The engine's prediction next to what came back: the verdict and every difference. */
export function ExpectationView({ expectation, comparison }: { expectation: Expectation; comparison: Comparison }) {
  return (
    <section aria-label="Expectation">
      <p role="status">
        {comparison.pass ? (
          <span className="badge badge-ok">As expected</span>
        ) : (
          <span className="badge badge-error">Not as expected</span>
        )}{' '}
        <span className="muted">{RECOGNIZED[comparison.recognized]}</span>
      </p>
      <dl className="fields">
        <dt>Engine predicts</dt>
        <dd>
          {expectation.outcome}
          {expectation.status !== undefined ? `, status ${expectation.status}` : ''}
          {expectation.route ? ` by ${expectation.route} rule ${expectation.ruleIndex ?? '?'}` : ', no rule matches'}
          {expectation.backends.length ? ` → ${expectation.backends.join(' or ')}` : ''}
        </dd>
        {expectation.rewrittenPath ? (
          <>
            <dt>Rewritten path</dt>
            <dd>{expectation.rewrittenPath}</dd>
          </>
        ) : null}
        {expectation.redirectLocation ? (
          <>
            <dt>Redirect to</dt>
            <dd>{expectation.redirectLocation}</dd>
          </>
        ) : null}
      </dl>
      {comparison.differences.length > 0 ? (
        <table className="table" aria-label="Differences">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
            </tr>
          </thead>
          <tbody>
            {comparison.differences.map((d) => (
              <tr key={d.field}>
                <td>{d.field}</td>
                <td>{d.expected}</td>
                <td>{d.actual}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <details>
        <summary>How the engine decided</summary>
        <ol>
          {expectation.explanation.map((line, i) => (
            <li key={i}>
              <code>{line}</code>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
