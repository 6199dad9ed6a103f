/**
 * The curl command equivalent to a verification, as the ASM guide writes it:
 * `curl -H 'Host: …' http://IP:PORT/path` and `curl -k --resolve host:PORT:IP https://host:PORT/path`.
 * Every argument is shell-quoted, so a copied command cannot run anything else. Pure.
 */
import { isIP } from 'node:net';
import type { SendTarget, VerificationRequest } from './types';

/** Quotes one argument for POSIX shells: bare when only safe characters, else single-quoted. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const hostForUrl = (a: string): string => (isIP(a) === 6 ? `[${a}]` : a);

/** Options of {@link curlCommand}. */
export interface CurlOptions {
  /** Add `--http2` (https) or `--http2-prior-knowledge` (http); default `req.http2`. */
  http2?: boolean;
}

/** Builds the curl command sending `req` to `target`, like `sendVerification` does. */
export function curlCommand(req: VerificationRequest, target: SendTarget, opts: CurlOptions = {}): string {
  const args: string[] = ['curl'];
  if (req.scheme === 'https') args.push('-k');
  args.push(req.method === 'HEAD' ? '-I' : '-i');
  if (req.method !== 'GET' && req.method !== 'HEAD') args.push('-X', shellQuote(req.method));
  if (opts.http2 ?? req.http2) args.push(req.scheme === 'https' ? '--http2' : '--http2-prior-knowledge');
  let url: string;
  if (req.scheme === 'https') {
    // --resolve pins the name to the IP, so SNI and Host both carry the name (the seed's command).
    args.push('--resolve', shellQuote(`${req.host}:${target.port}:${hostForUrl(target.address)}`));
    url = `https://${req.host}:${target.port}${req.path}`;
  } else {
    args.push('-H', shellQuote(`Host: ${req.host}`));
    url = `http://${hostForUrl(target.address)}:${target.port}${req.path}`;
  }
  // curl drops a header given as `name:` with no value; `name;` sends it empty.
  for (const [name, value] of Object.entries(req.headers))
    args.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  args.push(`'${url.replace(/'/g, `'\\''`)}'`);
  return args.join(' ');
}
