/**
 * A fresh Idempotency-Key (a random UUID): one per intended action, kept across its retries so the
 * API answers a retry as the same action.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
