/** Short text for route matches and filters, as the rule tables and the topology show them. */
import type { HTTPRouteFilter, HTTPRouteMatch } from '@/lib/gateway-api/types';

export function matchText(m: HTTPRouteMatch): string {
  const parts: string[] = [];
  if (m.path) parts.push(`${m.path.type ?? 'PathPrefix'} ${m.path.value ?? '/'}`);
  if (m.method) parts.push(m.method);
  for (const h of m.headers ?? []) parts.push(`header ${h.name}${h.type === 'RegularExpression' ? ' ~ ' : ' = '}${h.value}`);
  for (const q of m.queryParams ?? []) parts.push(`query ${q.name}${q.type === 'RegularExpression' ? ' ~ ' : ' = '}${q.value}`);
  return parts.join(', ') || 'PathPrefix /';
}

export function filterText(f: HTTPRouteFilter): string {
  switch (f.type) {
    case 'RequestRedirect': {
      const r = f.requestRedirect;
      return `redirect ${r?.statusCode ?? 302}${r?.scheme ? ` ${r.scheme}://` : ''}${r?.hostname ?? ''}${r?.port ? `:${r.port}` : ''}${r?.path ? ` ${r.path.type} ${r.path.replaceFullPath ?? r.path.replacePrefixMatch ?? ''}` : ''}`;
    }
    case 'URLRewrite':
      return `rewrite${f.urlRewrite?.hostname ? ` host ${f.urlRewrite.hostname}` : ''}${f.urlRewrite?.path ? ` ${f.urlRewrite.path.type} ${f.urlRewrite.path.replaceFullPath ?? f.urlRewrite.path.replacePrefixMatch ?? ''}` : ''}`;
    case 'RequestMirror':
      return `mirror to ${f.requestMirror?.backendRef.name ?? '?'}`;
    case 'RequestHeaderModifier':
    case 'ResponseHeaderModifier': {
      const m = f.type === 'RequestHeaderModifier' ? f.requestHeaderModifier : f.responseHeaderModifier;
      const ops = [
        ...(m?.set ?? []).map((h) => `set ${h.name}`),
        ...(m?.add ?? []).map((h) => `add ${h.name}`),
        ...(m?.remove ?? []).map((h) => `remove ${h}`),
      ];
      return `${f.type === 'RequestHeaderModifier' ? 'request' : 'response'} headers: ${ops.join(', ')}`;
    }
    default:
      return f.type;
  }
}
