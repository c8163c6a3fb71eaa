import { FieldError, ProblemException } from '../../../platform/http';
import { passwordWeakness } from '../domain/password-policy';

/** Throws a 400 naming `field` when the password breaks the policy. */
export function assertStrongPassword(password: string, field: string, owner: { email?: string } = {}): void {
  const weakness = passwordWeakness(password, owner);
  if (weakness !== undefined) {
    throw ProblemException.validation([new FieldError(field, weakness)], 'The password is too weak.');
  }
}
