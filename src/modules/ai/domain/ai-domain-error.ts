import { DomainError } from '../../../platform/errors';

/**
 * Every rule of the AI domain that refuses something throws an `AiDomainError` with a stable
 * `code` (kebab-case, e.g. `missing-variable`, `protected-label`). The HTTP layer maps the code to an
 * RFC 9457 problem type and a 4xx status; `details` carries the field-level facts (names, versions)
 * for the problem's extensions. A domain error is always the caller's fault, never a 5xx.
 */
export class AiDomainError extends DomainError {
  override name = 'AiDomainError';
}
