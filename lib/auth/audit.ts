import 'server-only';
import fs from 'node:fs';

/** One audited mutation (issue #11): who did what to which object, and how it ended. No payloads. */
export interface AuditRecord {
  /** ISO time of the outcome. */
  time: string;
  /** Kubeconfig context the change went to (`current` when the request named none). */
  context: string;
  /** The user as the API knows them; `local` for the workstation operator. */
  user: string;
  /** Session id (not a credential), to tie several records to one sign-in. */
  session?: string;
  /** What was done, e.g. `apply`, `delete`, `sign-in`. */
  verb: string;
  /** Objects touched, `Kind namespace/name` (never their content). */
  objects: string[];
  /** `ok`, `dry-run`, `denied`, `error`. */
  result: string;
  /** HTTP-like status when it failed. */
  code?: number;
  /** Failure sentence, shortened (API messages never carry Secret data). */
  message?: string;
}

/**
 * Appends one JSON line to the audit log: PORTICO_AUDIT_LOG names a file (appended, 0600), `stdout`
 * (the default, for the container's log collector) or `off`. Never throws: a full disk must not
 * turn a successful change into a reported failure.
 */
export function writeAudit(record: AuditRecord, target = process.env.PORTICO_AUDIT_LOG?.trim() || 'stdout'): void {
  if (target === 'off') return;
  const line = `${JSON.stringify({ audit: 'portico', ...record, message: record.message?.slice(0, 300) })}\n`;
  try {
    if (target === 'stdout') process.stdout.write(line);
    else fs.appendFileSync(target, line, { mode: 0o600 });
  } catch {
    // best effort by design (see above)
  }
}
