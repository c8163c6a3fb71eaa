import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { RefreshTokenOrmEntity } from '../../infrastructure/refresh-token.orm-entity';
import { revokeFamily } from '../../infrastructure/refresh-tokens.sql';
import { hashSecretToken } from '../../infrastructure/secret-tokens';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { SessionIssuer } from '../sessions/session-issuer';
import { SessionTokens } from '../views';

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
export class RefreshSessionHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(refreshToken: string): Promise<SessionTokens> {
    const outcome = await this.uow.run(async (tx) => {
      const token = await tx.manager
        .getRepository(RefreshTokenOrmEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashSecretToken(refreshToken) })
        .getOne();
      if (!token || token.revokedAt !== null || token.expiresAt.getTime() <= Date.now()) return undefined;
      if (token.rotatedAt !== null) {
        await revokeFamily(tx.manager, token.familyId);
        return undefined;
      }
      const user = await tx.manager.findOneBy(UserOrmEntity, { id: token.userId });
      if (!user) return undefined;
      await tx.manager.update(RefreshTokenOrmEntity, { id: token.id }, { rotatedAt: new Date() });
      return this.sessions.issue(tx.manager, user, token.familyId);
    });
    // Thrown after the commit, so a reuse's revocation of the family is kept.
    if (!outcome) throw invalidRefreshToken();
    return outcome;
  }
}
