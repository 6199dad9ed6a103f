import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, shellQuote } from './curl';
import type { VerificationRequest } from './types';

const base: VerificationRequest = {
  scheme: 'http',
  host: 'httpbin.aliyun.com',
  port: 80,
  method: 'GET',
  path: '/get',
  headers: {},
  gateway: 'istio-system/gateway',
  listener: 'default',
  routeKind: 'HTTPRoute',
  route: 'default/http',
  ruleIndex: 0,
  notes: [],
  needsInput: [],
};

/** What a POSIX shell makes of a command line: its argv (via printf '%s\0'). */
function argv(cmd: string): string[] {
  const out = execFileSync('sh', ['-c', cmd.replace(/^curl /, "printf '%s\\0' ")], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('curlCommand', () => {
  it('HTTP: Host header and the gateway IP, as the seed does', () => {
    expect(curlCommand(base, { address: '127.0.0.1', port: 80 })).toBe(
      "curl -i -H 'Host: httpbin.aliyun.com' 'http://127.0.0.1:80/get'",
    );
  });

  it('HTTPS: -k and --resolve, so SNI and Host carry the name', () => {
    const req = { ...base, scheme: 'https' as const, host: 'a.aliyun.com', sni: 'a.aliyun.com', port: 443, path: '/status/418' };
    expect(curlCommand(req, { address: '127.0.0.1', port: 443 })).toBe(
      "curl -k -i --resolve a.aliyun.com:443:127.0.0.1 'https://a.aliyun.com:443/status/418'",
    );
    expect(curlCommand(req, { address: '::1', port: 10443 })).toBe(
      "curl -k -i --resolve 'a.aliyun.com:10443:[::1]' 'https://a.aliyun.com:10443/status/418'",
    );
  });

  it('method, headers, HEAD as -I, empty header values, HTTP/2', () => {
    const cmd = curlCommand(
      { ...base, method: 'POST', headers: { 'x-tenant': 'blue', 'x-empty': '' }, http2: true },
      { address: '10.0.0.1', port: 80 },
    );
    expect(cmd).toBe(
      "curl -i -X POST --http2-prior-knowledge -H 'Host: httpbin.aliyun.com' -H 'x-tenant: blue' -H 'x-empty;' 'http://10.0.0.1:80/get'",
    );
    expect(curlCommand({ ...base, method: 'HEAD' }, { address: '10.0.0.1', port: 80 })).toMatch(/^curl -I -H/);
  });

  it('quotes hostile values so the shell passes them through as single arguments', () => {
    const evil = "a'; touch /tmp/pwned; echo '$(id)`id`";
    const cmd = curlCommand({ ...base, path: `/get?q=${evil}`, headers: { 'x-evil': evil } }, { address: '127.0.0.1', port: 80 });
    expect(argv(cmd)).toEqual([
      '-i',
      '-H',
      'Host: httpbin.aliyun.com',
      '-H',
      `x-evil: ${evil}`,
      `http://127.0.0.1:80/get?q=${evil}`,
    ]);
  });

  it('shellQuote leaves safe words bare and single-quotes the rest', () => {
    expect(shellQuote('a.aliyun.com:443:127.0.0.1')).toBe('a.aliyun.com:443:127.0.0.1');
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
    expect(argv(`curl ${shellQuote('$HOME *')}`)).toEqual(['$HOME *']);
  });
});
