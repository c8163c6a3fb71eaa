import { Injectable } from '@nestjs/common';
import { columnsOf, placeholdersFor, valuesFor } from '../../../platform/database';
import { Transaction } from '../../../platform/messaging';
import { RefreshToken } from '../domain/session-tokens';

/** The columns of a refresh token: adding a field to `RefreshToken` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  userId: 'user_id',
  familyId: 'family_id',
  tokenHash: 'token_hash',
  expiresAt: 'expires_at',
  createdAt: 'created_at',
  rotatedAt: 'rotated_at',
  revokedAt: 'revoked_at',
} satisfies Record<keyof RefreshToken, string>;

interface RefreshTokenRow {
  readonly id: string;
  readonly user_id: string;
  readonly family_id: string;
  readonly token_hash: Buffer;
  readonly expires_at: Date;
  readonly created_at: Date;
  readonly rotated_at: Date | null;
  readonly revoked_at: Date | null;
}

const SELECT_TOKEN = `SELECT ${columnsOf(COLUMNS)} FROM refresh_tokens`;

/** The refresh tokens of every session (a session is a family of tokens) in the accounts schema. */
@Injectable()
export class RefreshTokenRepository {
  async add(tx: Transaction, token: RefreshToken): Promise<void> {
    await tx.manager.query(
      `INSERT INTO refresh_tokens (${columnsOf(COLUMNS)}) VALUES (${placeholdersFor(COLUMNS)})`,
      valuesFor(COLUMNS, token),
    );
  }

  /** The token of this hash, locked until `tx` ends when `lock` is set. */
  async findByHash(
    tx: Transaction,
    tokenHash: Buffer,
    options: { lock?: boolean } = {},
  ): Promise<RefreshToken | undefined> {
    const [row] = (await tx.manager.query(`${SELECT_TOKEN} WHERE token_hash = $1${options.lock ? ' FOR UPDATE' : ''}`, [
      tokenHash,
    ])) as RefreshTokenRow[];
    return row && toRefreshToken(row);
  }

  async markRotated(tx: Transaction, id: string, at: Date): Promise<void> {
    await tx.manager.query(`UPDATE refresh_tokens SET rotated_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Revokes every live token of one session (family), e.g. when a rotated token is presented again. */
  async revokeFamily(tx: Transaction, familyId: string): Promise<void> {
    await tx.manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
    ]);
  }

  /** Revokes every live token of a user (every session). */
  async revokeAllOf(tx: Transaction, userId: string): Promise<void> {
    await tx.manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [
      userId,
    ]);
  }
}

function toRefreshToken(row: RefreshTokenRow): RefreshToken {
  return {
    id: row.id,
    userId: row.user_id,
    familyId: row.family_id,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
  };
}
