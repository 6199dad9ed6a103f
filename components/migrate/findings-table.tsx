'use client';

import type { MigrationFinding } from '@/lib/migrate/types';
import styles from './migrate.module.css';

/** Props of {@link FindingsTable}. */
export interface FindingsTableProps {
  findings: ReadonlyArray<MigrationFinding & { line?: number }>;
  problems: ReadonlyArray<{ line: number; message: string }>;
  /** Moves the input's cursor to a line. */
  onGoToLine: (line: number) => void;
}

/** Every warning and note of the conversion, on the line of the Istio YAML it comes from. */
export function FindingsTable({ findings, problems, onGoToLine }: FindingsTableProps) {
  const rows = [
    ...problems.map((p) => ({ severity: 'error' as const, line: p.line, where: 'input', message: p.message })),
    ...findings.map((f) => ({
      severity: f.severity,
      line: f.line,
      where: `${f.source.kind} ${f.source.namespace}/${f.source.name}${f.source.path.length ? ` · ${f.source.path.join('.')}` : ''}`,
      message: f.message,
    })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (rows.length === 0) return <p className="muted">Nothing to report: every field was carried over as it is.</p>;
  return (
    <table className="table" aria-label="Conversion findings">
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Line</th>
          <th scope="col">Where</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            <td>
              <span
                className={`badge ${r.severity === 'note' ? 'badge-pending' : r.severity === 'warning' ? 'badge-warning' : 'badge-error'}`}
              >
                {r.severity}
              </span>
            </td>
            <td>
              {r.line !== undefined ? (
                <button
                  type="button"
                  className={`button-quiet ${styles.lineButton}`}
                  onClick={() => onGoToLine(r.line as number)}
                >
                  {r.line}
                </button>
              ) : (
                '—'
              )}
            </td>
            <td>{r.where}</td>
            <td>{r.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
