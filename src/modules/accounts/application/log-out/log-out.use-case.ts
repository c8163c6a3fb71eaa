import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../../../../platform/messaging';
import { RefreshTokenRepository } from '../../infrastructure/refresh-token.repository';
import { hashSecretToken } from '../../infrastructure/secret-tokens';
import { LogOutEverywhereUseCase } from './log-out-everywhere.use-case';

/** Who logs out, the refresh token of the session to end, and whether to end every session. */
export interface LogOutInput {
  readonly userId: string;
  readonly refreshToken: string;
  readonly everywhere: boolean;
}

/**
 * Ends the caller's session: every refresh token of the presented token's family is revoked
 * (`everywhere` revokes all of the caller's sessions, their access tokens' admin rights included).
 * A token that is not the caller's is ignored, so logout never reveals anything about other sessions.
 */
@Injectable()
export class LogOutUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly logOutEverywhere: LogOutEverywhereUseCase,
  ) {}

  async execute(input: LogOutInput): Promise<void> {
    if (input.everywhere) return this.logOutEverywhere.execute({ userId: input.userId });
    await this.uow.run(async (tx) => {
      const token = await this.refreshTokens.findByHash(tx, hashSecretToken(input.refreshToken));
      if (token && token.userId === input.userId) await this.refreshTokens.revokeFamily(tx, token.familyId);
    });
  }
}
