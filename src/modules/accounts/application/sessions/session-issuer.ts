import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { EntityManager } from 'typeorm';
import { AccessTokens, Role } from '../../../../platform/auth';
import { APP_CONFIG, AppConfig } from '../../../../platform/config';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { RefreshTokenOrmEntity } from '../../infrastructure/refresh-token.orm-entity';
import { newSecretToken } from '../../infrastructure/secret-tokens';
import { SessionTokens } from '../views';

const DAY_MS = 86_400_000;

/** Issues an access token (platform JWT) and a new refresh token of a session (family). */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly accessTokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  async issue(
    manager: EntityManager,
    user: { id: string; roles: readonly Role[]; sessionVersion: number },
    familyId: string = uuidv7(),
  ): Promise<SessionTokens> {
    const { token, hash } = newSecretToken();
    const now = new Date();
    await manager.insert(RefreshTokenOrmEntity, {
      id: uuidv7(),
      userId: user.id,
      familyId,
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlDays * DAY_MS),
      rotatedAt: null,
      revokedAt: null,
    });
    return {
      accessToken: this.accessTokens.sign({ id: user.id, roles: user.roles, sessionVersion: user.sessionVersion }),
      refreshToken: token,
      expiresIn: this.appConfig.auth.accessTokenTtlSeconds,
      tokenType: 'Bearer',
    };
  }
}
