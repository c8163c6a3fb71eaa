import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../platform/messaging';
import { RefreshTokenOrmEntity } from '../../infrastructure/refresh-token.orm-entity';
import { revokeAllSessionsOf, revokeFamily } from '../../infrastructure/refresh-tokens.sql';
import { hashSecretToken } from '../../infrastructure/secret-tokens';

/**
 * Ends the caller's session: every refresh token of the presented token's family is revoked
 * (`everywhere` revokes all of the caller's sessions). A token that is not the caller's is ignored,
 * so logout never reveals anything about other sessions.
 */
@Injectable()
export class LogOutHandler {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(userId: string, refreshToken: string, everywhere: boolean): Promise<void> {
    await this.uow.run(async (tx) => {
      if (everywhere) return revokeAllSessionsOf(tx.manager, userId);
      const token = await tx.manager.findOneBy(RefreshTokenOrmEntity, { tokenHash: hashSecretToken(refreshToken) });
      if (token && token.userId === userId) await revokeFamily(tx.manager, token.familyId);
    });
  }
}
