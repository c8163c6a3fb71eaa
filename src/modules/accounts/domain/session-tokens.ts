/** One refresh token of a session (a family of tokens, each rotated into the next); only its SHA-256 is kept. */
export interface RefreshToken {
  readonly id: string;
  readonly userId: string;
  readonly familyId: string;
  readonly tokenHash: Buffer;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly rotatedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** A single-use password-reset token; only its SHA-256 is kept. */
export interface PasswordResetToken {
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: Buffer;
  readonly expiresAt: Date;
  readonly createdAt: Date;
  readonly usedAt: Date | null;
}

/** Whether a refresh token may still be rotated into a new one. */
export function isLiveRefreshToken(token: RefreshToken, now: number): boolean {
  return token.revokedAt === null && token.expiresAt.getTime() > now;
}

/** Whether a reset token may still be spent. */
export function isLiveResetToken(token: PasswordResetToken, now: number): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now;
}
