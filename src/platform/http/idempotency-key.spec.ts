import { optionalIdempotencyKey, requireIdempotencyKey } from './idempotency-key';
import { ProblemException } from './problem.exception';

describe('Idempotency-Key', () => {
  it('is read when present, and optional keys may be left out', () => {
    expect(requireIdempotencyKey('k-1')).toBe('k-1');
    expect(optionalIdempotencyKey('k-1')).toBe('k-1');
    expect(optionalIdempotencyKey(undefined)).toBeUndefined();
  });

  // A client whose key came out empty (a template, an unset variable) sent it with every retry of a
  // refund: each was taken as a request without a key, and refunded again.
  it.each(['', ' ', '\t'])('refuses a blank key %j even where the key is optional (400, never "no key")', (blank) => {
    expect(() => requireIdempotencyKey(blank)).toThrow(ProblemException);
    expect(() => optionalIdempotencyKey(blank)).toThrow(ProblemException);
    expect(() => optionalIdempotencyKey([blank])).toThrow(ProblemException);
  });
});
