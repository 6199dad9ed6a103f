import 'server-only';
import type { LineCounter } from 'yaml';
import { fieldPathsInMessage, type PathStep } from '@/lib/authoring/field-path';
import { locateField, type ParsedManifest } from '@/lib/authoring/parse-manifests';
import type { FieldProblem } from '@/lib/authoring/types';
import { describeError } from './errors';
import { K8sApiError } from './request';

/** A problem placed on the line of `field` (or of the deepest part of it that exists). */
export function problemAt(m: ParsedManifest, lc: LineCounter, field: string | PathStep[], message: string): FieldProblem {
  const pos = locateField(m, lc, field);
  return { ...(typeof field === 'string' && field ? { field } : {}), message, line: pos.line, column: pos.column };
}

/**
 * The API's answer to a write, turned into problems on the right lines: 422 `details.causes`
 * each on its field; structured-merge-diff errors (400, no causes) on the path their message
 * names; RBAC denials with the verb and resource to ask for.
 */
export function problemsFromError(
  err: unknown,
  m: ParsedManifest,
  lc: LineCounter,
  what: { verb: string; plural: string; namespace?: string },
): FieldProblem[] {
  if (!(err instanceof K8sApiError))
    return [{ message: `Could not ${what.verb} ${what.plural}: ${describeError(err)}`, line: m.line, column: 1 }];
  if (err.code === 403)
    return [
      {
        message:
          `Your credentials may not ${what.verb} ${what.plural}${what.namespace ? ` in namespace ${what.namespace}` : ''} (RBAC): ${err.message}. ` +
          // What to do, as every other RBAC refusal says (lib/k8s/error-messages.ts).
          `Ask a cluster administrator for a ${what.namespace ? 'Role and RoleBinding' : 'ClusterRole and binding'} granting "${what.verb}" on ${what.plural}${what.namespace ? ` in ${what.namespace}` : ''}, or switch to a context that has it.`,
        line: m.line,
        column: 1,
      },
    ];
  const causes = err.details?.causes ?? [];
  if (causes.length > 0) {
    return causes.map((c) =>
      c.field
        ? problemAt(m, lc, c.field, c.message ?? err.message)
        : { message: c.message ?? err.message, line: m.line, column: 1 },
    );
  }
  const paths = fieldPathsInMessage(err.message);
  if (paths[0]) return [problemAt(m, lc, paths[0], err.message)];
  return [{ message: err.message, line: m.line, column: 1 }];
}
