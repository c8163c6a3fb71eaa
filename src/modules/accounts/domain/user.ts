/**
 * The roles an account may hold. The platform's `Role` (platform/auth) is the same set; domain code
 * may not import the platform's auth, so application/views.ts checks at compile time that the two
 * stay equal.
 */
export type AccountRole = 'customer' | 'admin';

/** An account: its identity, credentials and roles. */
export interface User {
  readonly id: string;
  /** Normalized (trimmed, lower-cased): see normalizeEmail. */
  readonly email: string;
  readonly name: string;
  /** argon2id, never shown. */
  readonly passwordHash: string;
  readonly roles: readonly AccountRole[];
  /** Bumped when every session is revoked; access tokens carry the version they were issued under. */
  readonly sessionVersion: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Whether `actorId`, changing the roles of `user` to `roles`, would take away their own admin role. */
export function removesOwnAdminRole(actorId: string, user: User, roles: readonly AccountRole[]): boolean {
  return actorId === user.id && user.roles.includes('admin') && !roles.includes('admin');
}
