import { Injectable } from '@nestjs/common';
import { AccessStatusCache } from '../../../../platform/auth';
import { UnitOfWork } from '../../../../platform/messaging';
import { RefreshTokenOrmEntity } from '../../infrastructure/refresh-token.orm-entity';
import { revokeAllSessionsOf, revokeFamily } from '../../infrastructure/refresh-tokens.sql';
import { hashSecretToken } from '../../infrastructure/secret-tokens';

/**
 * Ends the caller's session: every refresh token of the presented token's family is revoked
 * (`everywhere` revokes all of the caller's sessions, their access tokens' admin rights included).
 * A token that is not the caller's is ignored, so logout never reveals anything about other sessions.
 */
@Injectable()
export class LogOutHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(userId: string, refreshToken: string, everywhere: boolean): Promise<void> {
    if (everywhere) return this.everywhere(userId);
    await this.uow.run(async (tx) => {
      const token = await tx.manager.findOneBy(RefreshTokenOrmEntity, { tokenHash: hashSecretToken(refreshToken) });
      if (token && token.userId === userId) await revokeFamily(tx.manager, token.familyId);
    });
  }

  /** Ends every session of the user (`POST /accounts/logout-all`). */
  async everywhere(userId: string): Promise<void> {
    await this.uow.run((tx) => revokeAllSessionsOf(tx.manager, userId));
    this.accessStatuses.forget(userId);
  }
}
