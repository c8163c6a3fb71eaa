import isEmail from 'validator/lib/isEmail';

/** Emails are compared case-insensitively: stored and looked up trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether this is an email address by the rule sign-up applies to every account (its `@IsEmail()`
 * is validator's isEmail with the default options), for accounts made without a request: the
 * admin of ADMIN_EMAIL and of `npm run admin:create`.
 */
export function isEmailAddress(email: string): boolean {
  return isEmail(email.trim());
}
