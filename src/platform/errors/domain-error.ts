/**
 * A business rule refused something; nothing was changed. Each module extends it with its own
 * closed set of `code`s (kebab-case, e.g. `quantity-limit`), and its HTTP layer maps each code to
 * an RFC 9457 problem type and a 4xx status; `details` carries the facts (ids, limits, field
 * errors) for the problem's extensions. Always the caller's fault, never a 5xx. Plain TypeScript:
 * domain code may throw it.
 */
export abstract class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
