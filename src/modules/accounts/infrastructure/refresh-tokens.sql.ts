import { EntityManager } from 'typeorm';

/**
 * Revokes every session of a user (logout everywhere, password change or reset): every live refresh
 * token, and, by bumping the session version, the admin rights of access tokens already issued.
 * Callers forget the user in the AccessStatusCache once committed.
 */
export async function revokeAllSessionsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
    userId,
  ]);
  await manager.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [userId]);
}

/** Revokes every token of one session (family), e.g. when a rotated token is presented again. */
export async function revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
  await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
    familyId,
  ]);
}
