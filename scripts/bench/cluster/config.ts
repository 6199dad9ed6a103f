/** The cluster benchmark's sizes and limits. */
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { size: { type: 'string' } }, strict: false, args: process.argv.slice(2) });
/** Routes per size: small is a quick CI proof, medium the historical 5,000, large the scale issue's 10,000. */
const bySize: Record<string, number> = { small: 1_000, medium: 5_000, large: 10_000 };

/** Number of HTTPRoutes: BENCH_ROUTES, else by --size, else 5,000. */
export const N = Number(process.env.BENCH_ROUTES ?? bySize[String(values.size)] ?? 5_000);
export const ROUTES = '/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes';
export const WATCHERS = 20;
/** Every wait is bounded: a stuck server fails the bench instead of hanging it. */
export const WAIT_MS = 10_000;
