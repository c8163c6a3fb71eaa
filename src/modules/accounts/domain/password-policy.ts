import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why a password is refused, or undefined when it is acceptable. Length counts characters (code
 * points), and the whole password is hashed: nothing is truncated.
 */
export function passwordWeakness(password: string, owner: { email?: string; name?: string } = {}): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) return 'password is one of the most common passwords; choose another';
  if (new Set(password).size === 1) return 'password must not repeat a single character';
  const email = owner.email?.trim().toLowerCase();
  if (email && (folded === email || folded === email.split('@')[0])) return 'password must not be your email';
  return undefined;
}
