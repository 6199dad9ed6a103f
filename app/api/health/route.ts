/** Liveness of the console process itself; says nothing about the cluster (that is /api/cluster). */
export function GET() {
  return Response.json({ ok: true });
}
