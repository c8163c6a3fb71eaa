import { Injectable } from '@nestjs/common';
import { columnsOf, placeholdersFor, valuesFor } from '../../../platform/database';
import { Transaction } from '../../../platform/messaging';
import { PasswordResetToken } from '../domain/session-tokens';

/** The columns of a reset token: adding a field to `PasswordResetToken` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  userId: 'user_id',
  tokenHash: 'token_hash',
  expiresAt: 'expires_at',
  createdAt: 'created_at',
  usedAt: 'used_at',
} satisfies Record<keyof PasswordResetToken, string>;

interface PasswordResetTokenRow {
  readonly id: string;
  readonly user_id: string;
  readonly token_hash: Buffer;
  readonly expires_at: Date;
  readonly created_at: Date;
  readonly used_at: Date | null;
}

/** Password-reset tokens in the accounts schema (`password_reset_tokens`). */
@Injectable()
export class PasswordResetTokenRepository {
  async add(tx: Transaction, token: PasswordResetToken): Promise<void> {
    await tx.manager.query(
      `INSERT INTO password_reset_tokens (${columnsOf(COLUMNS)}) VALUES (${placeholdersFor(COLUMNS)})`,
      valuesFor(COLUMNS, token),
    );
  }

  /** The token of this hash, locked until `tx` ends. */
  async lockByHash(tx: Transaction, tokenHash: Buffer): Promise<PasswordResetToken | undefined> {
    const [row] = (await tx.manager.query(
      `SELECT ${columnsOf(COLUMNS)} FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    )) as PasswordResetTokenRow[];
    return row && toPasswordResetToken(row);
  }

  /** Marks every unused token of the user used: none of the links sent so far works any more. */
  async useAllOf(tx: Transaction, userId: string, at: Date): Promise<void> {
    await tx.manager.query(`UPDATE password_reset_tokens SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL`, [
      userId,
      at,
    ]);
  }
}

function toPasswordResetToken(row: PasswordResetTokenRow): PasswordResetToken {
  return {
    id: row.id,
    userId: row.user_id,
    tokenHash: row.token_hash,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    usedAt: row.used_at,
  };
}
