/**
 * How the console's server process runs Node, in one place: `npm start` (scripts/start.ts), the UI benchmarks
 * (scripts/bench/ui/console.ts) and the container image (the Dockerfile's CMD, kept equal by console-node.test.ts).
 */

/**
 * V8 heap settings of the console server. The console keeps a live copy of the cluster for as long as it runs
 * (the large benchmark mesh: 52,000 objects, ~80 MB of heap) and computes over all of it in bursts (the engine's
 * status, the topology model). V8's defaults suit short-lived processes: a young generation of up to 3 × 16 MB,
 * and an old generation allowed to grow to several times its live size before the next full collection, so
 * every burst of garbage on top of a large live cache became resident memory V8 kept: 540-610 MB at the large
 * size, against a budget of 400 MB. Measured on the large mesh (BENCHMARKS.md, "Console UI"):
 * - `--max-semi-space-size=2`: a young generation of at most 6 MB; short-lived garbage still dies young.
 * - `--heap-growing-percent=20`: a full collection once the old generation grew 20% past its live size.
 * Peak memory with every page of the large mesh opened: 540-610 MB with V8's defaults, 397 MB with 4 MB and 30%,
 * 370 MB with these. The cost is CPU in allocation-heavy bursts: computing the large mesh's topology model takes
 * ~40% more CPU (more full collections while it runs); requests that read the cache are not affected.
 * Both flags are V8's own and stable across Node releases; console-node.test.ts checks this Node accepts them.
 */
export const CONSOLE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--heap-growing-percent=20'];

/** Arguments for `node` that start the production console with Next on host:port. */
export function nextStartArgs(host: string, port: number): string[] {
  return [...CONSOLE_V8_FLAGS, require.resolve('next/dist/bin/next'), 'start', '-H', host, '-p', String(port)];
}
