import { guardRoute } from '@/lib/auth/guard';
import { compileRoutes, explainNoMatch, routeHttp } from '@/lib/gateway-api/routing';
import { describeError } from '@/lib/k8s/errors';
import { traceInputSchema, toHttpRequest } from '@/lib/topology/trace-request';
import type { TraceResponse } from '@/lib/topology/types';
import { engineInput } from '../topology/engine-view';

export const dynamic = 'force-dynamic';

async function trace(raw: unknown, context: string | undefined): Promise<Response> {
  const input = traceInputSchema.safeParse(raw);
  if (!input.success) {
    return Response.json(
      { message: `The trace request is not valid: ${input.error.issues.map((i) => i.message).join('; ')}` },
      { status: 400 },
    );
  }
  const parsed = toHttpRequest(input.data);
  if (!parsed.ok) return Response.json({ message: parsed.error }, { status: 400 });
  try {
    const { snapshot, status } = await engineInput(context);
    const table = compileRoutes(snapshot, status);
    const decision = routeHttp(table, parsed.request);
    const body: TraceResponse = {
      request: parsed.request,
      decision,
      ...(decision.route ? {} : { noMatch: explainNoMatch(table, parsed.request) }),
    };
    return Response.json(body);
  } catch (err) {
    return Response.json(
      { message: `Tracing the request failed: ${describeError(err)}. Check the cluster connection, then retry.` },
      { status: 502 },
    );
  }
}

/** `?url=…&method=…&h=Name: value` (repeated) → the engine's routing decision and, if nothing matched, why. */
export const GET = guardRoute(async (request: Request) => {
  const p = new URL(request.url).searchParams;
  const raw = {
    ...(p.get('url') ? { url: p.get('url') } : {}),
    ...(p.get('host') ? { host: p.get('host') } : {}),
    ...(p.get('path') ? { path: p.get('path') } : {}),
    ...(p.get('port') ? { port: p.get('port') } : {}),
    ...(p.get('scheme') ? { scheme: p.get('scheme') } : {}),
    ...(p.get('method') ? { method: p.get('method') } : {}),
    headers: p.getAll('h'),
  };
  return trace(raw, p.get('context') ?? undefined);
});

/** The same as GET with a JSON body: `{ url | host+path, method, headers }`. */
export const POST = guardRoute(async (request: Request) => {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(
      { message: 'The trace request body must be JSON, e.g. {"url":"http://httpbin.aliyun.com/get"}' },
      { status: 400 },
    );
  }
  const context = new URL(request.url).searchParams.get('context') ?? undefined;
  return trace(body, context);
});
