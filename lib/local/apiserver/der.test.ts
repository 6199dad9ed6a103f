/**
 * Certificate serial numbers as DER INTEGERs (X.690 §8.3.2: minimal encoding; RFC 5280 §4.1.2.2:
 * positive, at most 20 octets). OpenSSL rejects a serial with a redundant leading zero octet.
 */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serial } from './der';
import { loadOrCreateTls } from './tls';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('serial', () => {
  it('is always a minimal, positive INTEGER of at most 20 octets', () => {
    for (let i = 0; i < 5000; i++) {
      const der = serial();
      expect(der[0]).toBe(0x02);
      const len = der[1] as number;
      const value = der.subarray(2, 2 + len);
      expect(len).toBeLessThanOrEqual(20);
      expect((value[0] as number) & 0x80).toBe(0);
      // A leading zero is only allowed before an octet with the high bit set.
      if (value[0] === 0) expect((value[1] as number) & 0x80).toBe(0x80);
    }
  });

  it('generated certificates parse with OpenSSL (Node crypto)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-der-'));
    try {
      const tls = loadOrCreateTls(dir);
      expect(() => new X509Certificate(tls.caPem)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
