/**
 * The outbound guard: verification is a request-sending feature, so it may reach only
 * the addresses the console itself found for Gateways (and loopback for the local
 * cluster), never cloud metadata, link-local ranges or the console's own ports.
 * Requests carrying CR, LF or NUL are refused (header injection / request smuggling).
 */
import { isIP } from 'node:net';
import { canonicalIp, classifyIp } from './address-ranges';
import type { VerificationRequest } from './types';

/** A guard verdict: allowed, or refused with a reason a user can act on. */
export type GuardResult = { ok: true } | { ok: false; reason: string };

/** What the guard allows. */
export interface GuardPolicy {
  /** IPs the console resolved for Gateways of the connected cluster (any form; compared canonically). */
  addresses: Set<string>;
  /** Allow 127.0.0.0/8 and ::1 (the embedded local cluster's gateway listens there). */
  allowLoopback: boolean;
  /** Ports the console itself listens on: refused on loopback so it cannot call itself. */
  consolePorts: number[];
}

const refuse = (reason: string): GuardResult => ({ ok: false, reason });

/**
 * Checks one connection target. `addr` must be an IP literal: names are resolved once
 * with `resolveOnce` and the result checked here, so a DNS answer cannot change later.
 */
export function guardTarget(addr: string, port: number, allowed: GuardPolicy): GuardResult {
  if (/[\r\n\0]/.test(addr)) return refuse('address contains control characters');
  if (!Number.isInteger(port) || port < 1 || port > 65535) return refuse(`port ${port} is not a TCP port (1-65535)`);
  const ip = canonicalIp(addr);
  if (isIP(ip) === 0)
    return refuse(`"${addr}" is not an IP address: resolve it first (requests go to the resolved address only)`);
  const cls = classifyIp(ip);
  if (cls === 'metadata') return refuse(`${ip} is a cloud instance metadata address: never a gateway, always refused`);
  if (cls === 'link-local') return refuse(`${ip} is link-local (169.254.0.0/16, fe80::/10): refused`);
  if (cls === 'unspecified') return refuse(`${ip} is an unspecified address (it would reach this host): refused`);
  if (cls === 'multicast') return refuse(`${ip} is a multicast or broadcast address: refused`);
  if (cls === 'loopback') {
    if (allowed.consolePorts.includes(port)) return refuse(`${ip}:${port} is the console itself: refused`);
    if (allowed.allowLoopback) return { ok: true };
    return refuse(`${ip} is loopback and this console is not connected to the local cluster: refused`);
  }
  const known = new Set([...allowed.addresses].map(canonicalIp));
  if (!known.has(ip)) return refuse(`${ip} is not an address of a Gateway in the connected cluster: refused`);
  return { ok: true };
}

/** RFC 9110 token (method, header name). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Largest header section the guard lets through (names + values). */
export const MAX_REQUEST_HEADER_BYTES = 16 * 1024;
const MAX_HEADERS = 100;
const CONTROL = /[\r\n\0]/;

/**
 * Checks a request before it is sent: no CR/LF/NUL anywhere (header injection), method
 * and header names are tokens, the path is origin-form, the header section is bounded.
 */
export function guardRequest(req: Pick<VerificationRequest, 'method' | 'path' | 'host' | 'headers' | 'sni'>): GuardResult {
  if (CONTROL.test(req.method) || !TOKEN.test(req.method))
    return refuse(`method ${JSON.stringify(req.method)} is not an HTTP token`);
  if (CONTROL.test(req.path)) return refuse('path contains CR, LF or NUL (header injection): refused');
  if (!req.path.startsWith('/') || /[\s\x7f]/.test(req.path))
    return refuse(`path ${JSON.stringify(req.path)} must start with "/" and contain no whitespace`);
  if (CONTROL.test(req.host) || /[\s/@\\]/.test(req.host) || req.host === '')
    return refuse(`host ${JSON.stringify(req.host)} is not a host name`);
  if (req.sni !== undefined && (CONTROL.test(req.sni) || /[\s/@\\]/.test(req.sni)))
    return refuse('SNI contains invalid characters');
  const entries = Object.entries(req.headers);
  if (entries.length > MAX_HEADERS) return refuse(`more than ${MAX_HEADERS} headers`);
  let size = 0;
  for (const [name, value] of entries) {
    if (CONTROL.test(name) || CONTROL.test(value))
      return refuse(`header ${JSON.stringify(name)} contains CR, LF or NUL (header injection): refused`);
    if (!TOKEN.test(name)) return refuse(`header name ${JSON.stringify(name)} is not an HTTP token`);
    if (name.toLowerCase() === 'host') return refuse('set the Host through the request host, not as a header');
    size += name.length + value.length + 4;
  }
  if (size > MAX_REQUEST_HEADER_BYTES) return refuse(`headers exceed ${MAX_REQUEST_HEADER_BYTES} bytes`);
  return { ok: true };
}
