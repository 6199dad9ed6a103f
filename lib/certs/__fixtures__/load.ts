/**
 * Test fixtures made by make-fixtures.sh with the openssl CLI, and a guard for key leaks.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Passphrase of the encrypted fixture keys. */
export const PASSPHRASE = 'correct-horse';

/** A fixture file as UTF-8 text. */
export function fixture(name: string): string {
  return readFileSync(path.join(__dirname, name), 'utf8');
}

/** A fixture file as bytes. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(path.join(__dirname, name));
}

/**
 * Asserts that no form of `keyPem` appears in the JSON of `value`: not the Secret's base64 of
 * the PEM, not the PEM's base64 body (joined, or any line of it).
 */
export function expectNoKeyMaterial(value: unknown, keyPem: string): void {
  const json = JSON.stringify(value);
  const bodyLines = keyPem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));
  expect(bodyLines.length).toBeGreaterThan(0);
  expect(json).not.toContain(Buffer.from(keyPem).toString('base64'));
  expect(json).not.toContain(bodyLines.join(''));
  for (const line of bodyLines) expect(json).not.toContain(line);
}
