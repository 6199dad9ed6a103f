import { describe, expect, it } from 'vitest';
import { fixture, fixtureBytes, PASSPHRASE } from './__fixtures__/load';
import { checkKeyPair } from './key-pair';

const rsaCert = fixture('rsa-chain.pem');
const ecCert = fixture('ec-leaf.crt');

function error(r: ReturnType<typeof checkKeyPair>): string {
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('checkKeyPair: matching keys', () => {
  it('RSA key in PKCS#8 and PKCS#1 form matches the leaf of its chain', () => {
    for (const key of ['rsa-leaf.key', 'rsa-leaf.pkcs1.key']) {
      expect(checkKeyPair(rsaCert, fixture(key))).toEqual({
        ok: true,
        keyType: 'RSA 2048',
        key: { type: 'RSA', bits: 2048, label: 'RSA 2048' },
      });
    }
  });

  it('ECDSA key in PKCS#8 and SEC 1 form matches', () => {
    for (const key of ['ec-leaf.key', 'ec-leaf.sec1.key']) {
      const r = checkKeyPair(ecCert, fixture(key));
      expect(r.ok && r.keyType).toBe('EC P-256');
    }
  });

  it('Ed25519 key matches', () => {
    const r = checkKeyPair(fixture('ed25519.crt'), fixture('ed25519.key'));
    expect(r.ok && r.keyType).toBe('Ed25519');
  });
});

describe('checkKeyPair: a key for another certificate', () => {
  it('RSA: the CA key is not the leaf key', () => {
    const r = checkKeyPair(rsaCert, fixture('rsa-ca.key'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.field).toBe('key');
    expect(error(r)).toBe("The private key does not match the certificate's public key: it belongs to another certificate.");
  });

  it('ECDSA: another P-256 key', () => {
    expect(error(checkKeyPair(ecCert, fixture('ec-other.key')))).toMatch(/belongs to another certificate/);
  });

  it('different algorithms are named', () => {
    expect(error(checkKeyPair(rsaCert, fixture('ec-leaf.key')))).toMatch(/the key is EC P-256, the certificate's is RSA 2048/);
  });
});

describe('checkKeyPair: encrypted keys', () => {
  for (const name of ['rsa-leaf.enc.key', 'rsa-leaf.legacy-enc.key', 'ec-leaf.enc.key']) {
    const cert = name.startsWith('rsa') ? rsaCert : ecCert;
    it(`${name}: asks for the passphrase, refuses a wrong one, accepts the right one`, () => {
      const key = fixture(name);
      expect(error(checkKeyPair(cert, key))).toMatch(/The private key is encrypted: enter its passphrase/);
      expect(error(checkKeyPair(cert, key, 'wrong'))).toBe(
        'The passphrase does not decrypt the private key: check it and try again.',
      );
      expect(checkKeyPair(cert, key, PASSPHRASE).ok).toBe(true);
    });
  }
});

describe('checkKeyPair: wrong things in the key field', () => {
  it('a certificate', () => {
    expect(error(checkKeyPair(rsaCert, fixture('rsa-leaf.crt')))).toMatch(
      /^The private key field holds a certificate, not a private key: it belongs in the certificate field\.$/,
    );
  });

  it('a public key', () => {
    const pub =
      '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n';
    expect(error(checkKeyPair(rsaCert, pub))).toMatch(
      /^The private key field holds a public key \(PUBLIC KEY\), not a private key: expected -----BEGIN PRIVATE KEY-----\.$/,
    );
  });

  it('two keys', () => {
    expect(error(checkKeyPair(rsaCert, fixture('rsa-leaf.key') + fixture('rsa-ca.key')))).toMatch(/holds 2 private keys/);
  });

  it('a DER key', () => {
    const der = fixtureBytes('rsa-leaf.key');
    const derKey = Buffer.from(
      der
        .toString('utf8')
        .split('\n')
        .filter((l) => !l.startsWith('-----'))
        .join(''),
      'base64',
    );
    expect(error(checkKeyPair(rsaCert, derKey.toString('latin1')))).toMatch(/DER \(binary\).*openssl pkey -inform der/);
  });

  it('garbage and empty', () => {
    expect(error(checkKeyPair(rsaCert, 'my secret key'))).toMatch(/No PEM block found in the private key/);
    expect(error(checkKeyPair(rsaCert, ''))).toBe('The private key is empty: paste or upload a PEM file.');
  });

  it('reports certificate problems on the certificate field', () => {
    const r = checkKeyPair(fixture('rsa-leaf.key'), fixture('rsa-leaf.key'));
    expect(!r.ok && r.field).toBe('cert');
  });
});
