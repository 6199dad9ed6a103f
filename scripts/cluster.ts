/**
 * `npm run cluster [-- --reset] [-- --port N]`: runs the embedded local stack (API server,
 * httpbin and the Gateway API status controller) in the foreground until SIGINT/SIGTERM.
 * Data lives in $PORTICO_DATA_DIR (default `.portico`).
 */
import path from 'node:path';
import { startLocalStack } from '../lib/local/stack';

interface Args {
  reset: boolean;
  port?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { reset: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--reset') args.reset = true;
    else if (a === '--port' || a?.startsWith('--port=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port needs a port number, got ${String(v)}`);
      args.port = n;
    } else throw new Error(`Unknown argument ${String(a)} (expected --reset, --port N)`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(process.env.PORTICO_DATA_DIR ?? '.portico');
  const stack = await startLocalStack({
    dataDir,
    reset: args.reset,
    ...(args.port !== undefined ? { port: args.port } : {}),
    ...(process.env.PORTICO_GATEWAY_API_VERSION ? { gatewayApiVersion: process.env.PORTICO_GATEWAY_API_VERSION } : {}),
  });
  const rel = path.relative(process.cwd(), stack.kubeconfigPath);
  const shown = rel.startsWith('..') ? stack.kubeconfigPath : `$PWD/${rel}`;
  console.log(`Local cluster listening on ${stack.apiUrl}`);
  console.log(`export KUBECONFIG=${shown}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local cluster…`);
    stack.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
