import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { isLiveRefreshToken } from '../../domain/session-tokens';
import { RefreshTokenRepository } from '../../infrastructure/refresh-token.repository';
import { hashSecretToken } from '../../infrastructure/secret-tokens';
import { UserRepository } from '../../infrastructure/user.repository';
import { Sessions } from '../sessions/sessions';
import { SessionTokens } from '../views';

/** The refresh token to spend. */
export interface RefreshSessionInput {
  readonly refreshToken: string;
}

function invalidRefreshToken(): ProblemException {
  return new ProblemException({
    status: 401,
    type: 'invalid-refresh-token',
    detail: 'The refresh token is unknown, expired, revoked or already used; log in again.',
  });
}

/**
 * Rotates a refresh token: the presented one is spent and a new one of the same session is issued.
 * Presenting an already rotated token means it leaked (or was replayed): the whole session dies.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: Sessions,
  ) {}

  async execute(input: RefreshSessionInput): Promise<SessionTokens> {
    const outcome = await this.uow.run(async (tx) => {
      const token = await this.refreshTokens.findByHash(tx, hashSecretToken(input.refreshToken), { lock: true });
      if (!token || !isLiveRefreshToken(token, Date.now())) return undefined;
      if (token.rotatedAt !== null) {
        await this.refreshTokens.revokeFamily(tx, token.familyId);
        return undefined;
      }
      const user = await this.users.findById(token.userId, tx);
      if (!user) return undefined;
      await this.refreshTokens.markRotated(tx, token.id, new Date());
      return this.sessions.open(tx, user, token.familyId);
    });
    // Thrown after the commit, so a reuse's revocation of the family is kept.
    if (!outcome) throw invalidRefreshToken();
    return outcome;
  }
}
