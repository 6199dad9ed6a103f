/**
 * `/status/{codes}`: httpbin's status endpoint, including its special bodies and headers
 * (the RFC 2324 teapot, redirect targets, authentication challenges).
 */

/** A complete, small response. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/**
 * The teapot exactly as the ASM walkthrough shows `curl https://a.aliyun.com/status/418` printing it;
 * the seed's proof of TLS termination compares against this text.
 */
export const TEAPOT = [
  '-=[ teapot ]=-',
  '',
  '       _...._',
  "     .'  _ _ `.",
  '    | ."` ^ `". _,',
  '    \\_;`"---"`|//',
  '      |       ;/',
  '      \\_     _/',
  '        `"""`',
  '',
].join('\n');

// Flask's default response type, which httpbin keeps for non-JSON status bodies.
const HTML = 'text/html; charset=utf-8';

/**
 * Picks one code from httpbin's syntax: `418`, `200,500` (uniform) or `200:0.9,500:0.1` (weighted).
 * Returns undefined when any part is not a valid code or weight, which httpbin answers with 400.
 */
export function chooseStatus(spec: string, random: () => number = Math.random): number | undefined {
  const choices: Array<{ code: number; weight: number }> = [];
  for (const part of spec.split(',')) {
    const [codeText, weightText] = part.split(':');
    const code = Number(codeText);
    const weight = weightText === undefined ? 1 : Number(weightText);
    if (!/^\d{3}$/.test(codeText?.trim() ?? '') || !Number.isFinite(weight) || weight < 0) return undefined;
    choices.push({ code, weight });
  }
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let point = random() * total;
  for (const c of choices) {
    point -= c.weight;
    if (point < 0) return c.code;
  }
  return choices[choices.length - 1]?.code;
}

/** The response httpbin gives for one status code, with its special cases. */
export function statusReply(code: number): Reply {
  const headers: Record<string, string> = { 'content-type': HTML };
  if (code === 418) {
    return { status: 418, headers: { ...headers, 'x-more-info': 'http://tools.ietf.org/html/rfc2324' }, body: TEAPOT };
  }
  if ([301, 302, 303, 305, 307].includes(code)) headers.location = '/redirect/1';
  if (code === 304) return { status: code, headers: {}, body: '' };
  if (code === 401) headers['www-authenticate'] = 'Basic realm="Fake Realm"';
  if (code === 407) headers['proxy-authenticate'] = 'Basic realm="Fake Realm"';
  return { status: code, headers, body: '' };
}
