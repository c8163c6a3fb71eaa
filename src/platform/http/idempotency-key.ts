import { FieldError } from './problem-details';
import { ProblemException } from './problem.exception';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,255}$/;

/**
 * Validates the `Idempotency-Key` header: required, printable, at most 255 characters; a 400
 * validation problem naming the header otherwise. The stored answers live in the module's schema
 * (platform/messaging/idempotency.ts).
 */
export function requireIdempotencyKey(header: string | string[] | undefined): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key.trim() === '') {
    throw ProblemException.validation([new FieldError('Idempotency-Key', 'the Idempotency-Key header is required')]);
  }
  if (!KEY_PATTERN.test(key)) {
    throw ProblemException.validation([
      new FieldError('Idempotency-Key', 'use 1–255 characters of A–Z, a–z, 0–9, . _ : -'),
    ]);
  }
  return key;
}

/**
 * Validates an `Idempotency-Key` header that a route accepts but does not require; undefined when
 * absent. A blank key that was sent is refused like any malformed one, not taken for no key: a
 * client retrying with it would otherwise repeat the request (a refund) each time.
 */
export function optionalIdempotencyKey(header: string | string[] | undefined): string | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw ProblemException.validation([
      new FieldError('Idempotency-Key', 'use 1–255 characters of A–Z, a–z, 0–9, . _ : -, or leave the header out'),
    ]);
  }
  return key;
}
