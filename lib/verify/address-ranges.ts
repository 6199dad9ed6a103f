/**
 * Classification of IP addresses the verification guard refuses or treats specially.
 * Pure (node:net's BlockList does no I/O).
 */
import { BlockList, isIP } from 'node:net';

/** Canonical form: brackets dropped, lower-case, IPv4-mapped IPv6 unwrapped, zone id dropped. */
export function canonicalIp(addr: string): string {
  let a = addr.trim().toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  if (isIP(a) === 6) {
    // Expand and re-compress through URL parsing so `0:0::1` and `::1` compare equal.
    try {
      return new URL(`http://[${a}]/`).hostname.slice(1, -1);
    } catch {
      return a;
    }
  }
  return a;
}

/** Cloud instance metadata endpoints: credentials live there (SSRF's classic prize). */
const METADATA = new BlockList();
METADATA.addAddress('169.254.169.254'); // AWS, GCP, Azure, OpenStack
METADATA.addAddress('100.100.100.200'); // Alibaba Cloud ECS metadata
METADATA.addAddress('fd00:ec2::254', 'ipv6'); // AWS IMDS over IPv6
METADATA.addAddress('169.254.170.2'); // AWS ECS task metadata

const LINK_LOCAL = new BlockList();
LINK_LOCAL.addSubnet('169.254.0.0', 16);
LINK_LOCAL.addSubnet('fe80::', 10, 'ipv6');

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8);
LOOPBACK.addAddress('::1', 'ipv6');

const UNSPECIFIED = new BlockList();
UNSPECIFIED.addSubnet('0.0.0.0', 8); // "this network": connecting to 0.0.0.0 reaches local services
UNSPECIFIED.addAddress('::', 'ipv6');

/** Why an address falls in a special range, or undefined. */
export type RangeClass = 'metadata' | 'link-local' | 'loopback' | 'unspecified' | 'multicast';

const MULTICAST = new BlockList();
MULTICAST.addSubnet('224.0.0.0', 4);
MULTICAST.addSubnet('255.255.255.255', 32);
MULTICAST.addSubnet('ff00::', 8, 'ipv6');

/** Classifies a canonical IP literal (see {@link canonicalIp}). */
export function classifyIp(ip: string): RangeClass | undefined {
  const family = isIP(ip);
  if (family === 0) return undefined;
  const type = family === 6 ? 'ipv6' : 'ipv4';
  if (METADATA.check(ip, type)) return 'metadata';
  if (LINK_LOCAL.check(ip, type)) return 'link-local';
  if (UNSPECIFIED.check(ip, type)) return 'unspecified';
  if (MULTICAST.check(ip, type)) return 'multicast';
  if (LOOPBACK.check(ip, type)) return 'loopback';
  return undefined;
}
