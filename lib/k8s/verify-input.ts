/**
 * Validation of what the browser sends to the verification endpoints. Everything the user
 * may edit is bounded here; what it may reach is decided later by the outbound guard.
 */
import 'server-only';
import { z } from 'zod';

const key = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'must be namespace/name');
const routeKind = z.enum(['HTTPRoute', 'GRPCRoute']);

/** One send: the (edited) request, the rule it came from, and an optional target override. */
export const sendInputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  gateway: key,
  listener: z.string().max(253).default(''),
  routeKind: routeKind.default('HTTPRoute'),
  route: z.union([key, z.literal('')]).default(''),
  ruleIndex: z.number().int().min(-1).max(10_000).default(-1),
  matchIndex: z.number().int().min(0).max(10_000).optional(),
  scheme: z.enum(['http', 'https']),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  method: z.string().min(1).max(32),
  path: z.string().min(1).max(8192),
  headers: z.record(z.string().max(256), z.string().max(8192)).default({}),
  target: z.string().max(300).optional(),
  followRedirects: z.boolean().optional(),
  http2: z.boolean().optional(),
});

/** Input of a send, parsed. */
export type SendInput = z.infer<typeof sendInputSchema>;

/** A verify-all run: its scope and how many requests may be in flight. */
export const verifyAllInputSchema = z.object({
  context: z.string().min(1).max(253).optional(),
  scope: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('route'), routeKind, route: key }),
    z.object({ kind: z.literal('gateway'), gateway: key }),
    z.object({ kind: z.literal('cluster') }),
  ]),
  concurrency: z.number().int().min(1).max(32).default(8),
  timeoutMs: z.number().int().min(100).max(30_000).default(10_000),
});

/** Input of a verify-all run, parsed. */
export type VerifyAllInput = z.infer<typeof verifyAllInputSchema>;

/** The issues of a failed parse, as one sentence. */
export function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
}
