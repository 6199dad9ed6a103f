/**
 * String formats kube-openapi checks (k8s.io/kube-openapi/pkg/validation/strfmt default registry),
 * limited to those with a clear definition; unknown formats are not checked, as in kube.
 */
import { parseIPv4, parseIPv6 } from './net';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const HOSTNAME = /^[a-zA-Z0-9]([-a-zA-Z0-9]{0,62})?(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,62})?)*\.?$/;

/** Format name → check. */
export const STRING_FORMATS: Record<string, (s: string) => boolean> = {
  // Go's net.ParseIP (used by strfmt) accepts leading zeros in IPv4? It does not since Go 1.17.
  ipv4: (s) => parseIPv4(s) !== undefined,
  ipv6: (s) => parseIPv6(s) !== undefined || (s.includes('%') && parseIPv6(s.slice(0, s.indexOf('%'))) !== undefined),
  'date-time': (s) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s.replace(' ', 'T'))),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
  uuid: (s) => UUID.test(s),
  hostname: (s) => s.length <= 255 && HOSTNAME.test(s),
  byte: (s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && s.length % 4 === 0,
  cidr: (s) => {
    const [ip, len, ...rest] = s.split('/');
    if (rest.length || ip === undefined || len === undefined || !/^\d+$/.test(len)) return false;
    if (parseIPv4(ip)) return Number(len) <= 32;
    return parseIPv6(ip) !== undefined && Number(len) <= 128;
  },
};
