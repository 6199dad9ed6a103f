/**
 * The verification feature's data as the browser sees it: plain, serializable shapes shared by
 * the server (lib/k8s/verify-*, the actions, the verify-all stream) and components/verify.
 * Type-only: nothing here reaches a bundle, so the UI may import it without crossing a boundary.
 */
import type { RouteKind } from '@/lib/gateway-api/types';
import type { Comparison, Difference, Expectation, VerificationReport } from '@/lib/verify';
import type {
  CertificateSummary,
  RenderedBody,
  Target,
  TargetKind,
  Timings,
  VerificationRequest,
  VerificationResult,
} from '@/lib/verify/types';

export type {
  CertificateSummary,
  Comparison,
  Difference,
  Expectation,
  RenderedBody,
  Target,
  TargetKind,
  Timings,
  VerificationReport,
  VerificationRequest,
  VerificationResult,
};

/** A rule of a route, as the verify page's picker lists it. */
export interface RuleOption {
  routeKind: RouteKind;
  /** `namespace/name` of the route. */
  route: string;
  ruleIndex: number;
  /** e.g. `HTTPRoute default/http rule 0 (PathPrefix /get)`. */
  label: string;
}

/** What the verify page opens with: the request(s) a rule promises, and where they would go. */
export interface VerifyPlan {
  /** The rule the requests exercise; absent when built from a URL that no rule matches. */
  rule?: { routeKind: RouteKind; route: string; ruleIndex: number };
  requests: VerificationRequest[];
  /** Gateway `namespace/name` → discovered targets, in discovery order. */
  targets: Record<string, Target[]>;
  /** Why there is nothing (or less) to send, each naming the object and what to do. */
  problems: string[];
}

/** The outcome of one send, with the target path taken and the engine's prediction. */
export interface VerifyOutcome {
  report: VerificationReport;
  /** The target used (discovered, or the user's override). */
  target: Target;
  /** Targets skipped before it, with the reason (e.g. a port-forward the console does not open). */
  skipped: Array<{ target: Target; reason: string }>;
  expectation: Expectation;
  /** When the outcome was observed (ISO time), for the history. */
  at: string;
}

/** Scope of a verify-all run. */
export type VerifyScope =
  { kind: 'route'; routeKind: RouteKind; route: string } | { kind: 'gateway'; gateway: string } | { kind: 'cluster' };

/** One row of verify-all: what the table shows (the full report stays for the exports). */
export interface VerifyAllRow {
  index: number;
  name: string;
  verdict: 'pass' | 'fail' | 'error';
  status?: number;
  latencyMs: number;
  /** First difference or the error, one line. */
  detail: string;
  report: VerificationReport;
}

/** The verify-all stream, one JSON object per line (application/x-ndjson). */
export type VerifyAllEvent =
  | { type: 'start'; run: string; total: number; skipped: string[] }
  | { type: 'result'; done: number; total: number; row: VerifyAllRow }
  | { type: 'done'; done: number; total: number; cancelled: boolean; ms: number }
  | { type: 'error'; error: string };

/** Edits of a built request, as the verify page sends them back. */
export interface RequestEdits {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Address (IP or name, optional `:port`) replacing the discovered target; re-checked by the guard. */
  target?: string;
  followRedirects?: boolean;
  http2?: boolean;
}
