import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque bearer secrets (refresh and reset tokens): 256 random bits, base64url. They carry enough
 * entropy that a plain SHA-256 is a safe way to store them (no slow hash needed), and lookups by
 * hash stay a single index probe.
 */
export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

/** The SHA-256 of a secret token: what is stored and looked up. */
export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
