import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AccessTokens } from '../../../../platform/auth';
import { APP_CONFIG, AppConfig } from '../../../../platform/config';
import { Transaction } from '../../../../platform/messaging';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { User } from '../../domain/user';
import { RefreshTokenRepository } from '../../infrastructure/refresh-token.repository';
import { newSecretToken } from '../../infrastructure/secret-tokens';
import { UserRepository } from '../../infrastructure/user.repository';
import { SessionTokens } from '../views';

const DAY_MS = 86_400_000;

/**
 * Sessions: opening one (an access token, platform JWT, and a refresh token of the session's
 * family) and ending them all. Shared by log-in, refresh, log-out and the password changes.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /** Issues tokens for `user`, in a new session or (refresh) in the family `familyId`. */
  async open(
    tx: Transaction,
    user: Pick<User, 'id' | 'roles' | 'sessionVersion'>,
    familyId: string = uuidv7(),
  ): Promise<SessionTokens> {
    const { token, hash } = newSecretToken();
    const now = new Date();
    await this.refreshTokens.add(tx, {
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

  /**
   * Revokes every session of a user (logout everywhere, password change or reset): every live
   * refresh token, and, by bumping the session version, the admin rights of access tokens already
   * issued. Callers forget the user in the AccessStatusCache once committed.
   */
  async revokeAll(tx: Transaction, userId: string): Promise<void> {
    await this.refreshTokens.revokeAllOf(tx, userId);
    await this.users.bumpSessionVersion(tx, userId);
  }
}
