/**
 * One-click verification, server side: build the request a route rule promises to
 * handle, find where the Gateway listens, guard the outbound connection, send it like
 * `curl --resolve`, and compare the answer with the routing engine's prediction.
 *
 * ```ts
 * const reqs = buildRequestsForRule(snapshot, status, 'HTTPRoute', 'default/http', 0);
 * const targets = discoverTargets(gateway, ingressService, { inCluster: false });
 * const ip = await resolveAndGuard(targets[0].address, port, policy);      // resolve once
 * const result = await sendVerification(reqs[0], { address: ip.address, port });
 * const verdict = compare(predict(compileRoutes(snapshot, status), reqs[0], ip.address), result);
 * ```
 */
import 'server-only';

export type {
  CertificateSummary,
  NeedsInput,
  RenderedBody,
  SendErrorCode,
  SendTarget,
  Target,
  TargetKind,
  Timings,
  VerificationRequest,
  VerificationResult,
} from './types';
export { buildRequestsForRule, HTTPBIN_PATH_SAMPLES, type BuildOptions } from './build-requests';
export type { HostOptions } from './match-values';
export { sampleForRegex } from '@/lib/gateway-api/routing/regex-sample';
export {
  discoverTargets,
  parseLocalPorts,
  targetPort,
  boundServiceKey,
  LOCAL_PORTS_ANNOTATION,
  type DiscoverOptions,
  type IngressService,
} from './discover-targets';
export { guardTarget, guardRequest, MAX_REQUEST_HEADER_BYTES, type GuardPolicy, type GuardResult } from './guard';
export { canonicalIp, classifyIp, type RangeClass } from './address-ranges';
export { resolveOnce, resolveAndGuard, type Resolved, type LookupFn, type GuardedAddress } from './resolve';
export { sendVerification, describeError, MAX_REDIRECTS, type SendOptions } from './send';
export { renderBody, HEX_HEAD_BYTES } from './body';
export { predict, type Expectation } from './predict';
export { compare, type Comparison, type Difference } from './compare';
export { parseHttpbinEcho, isTeapot, TEAPOT_MARK, type HttpbinEcho } from './httpbin-echo';
export { curlCommand, shellQuote, type CurlOptions } from './curl';
export { runAll, type RunAllOptions, type RunAllOutcome, type RunProgress } from './run-all';
export { toJUnitXml, toJsonReport, verdictOf, reportName, type VerificationReport } from './report';
