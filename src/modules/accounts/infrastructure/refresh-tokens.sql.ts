import { EntityManager } from 'typeorm';

/** Revokes every live refresh token of a user (logout everywhere, password change or reset). */
export async function revokeAllSessionsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
    userId,
  ]);
}

/** Revokes every token of one session (family), e.g. when a rotated token is presented again. */
export async function revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
  await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
    familyId,
  ]);
}
