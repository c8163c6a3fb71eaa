import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, AppConfig } from '../config';
import { AuthenticatedUser, Role } from './authenticated-user';

const ALGORITHM = 'HS256';
const ROLES: readonly Role[] = ['customer', 'admin'];

/**
 * Signs and verifies short-lived access tokens. Verification needs only the configured key, so
 * every module (and every extracted process) can check tokens without asking accounts.
 */
@Injectable()
export class AccessTokens {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(user: AuthenticatedUser, ttlSeconds = this.config.auth.accessTokenTtlSeconds): string {
    const { jwtSecret, jwtIssuer, jwtAudience } = this.config.auth;
    return jwt.sign({ roles: user.roles }, jwtSecret, {
      algorithm: ALGORITHM,
      subject: user.id,
      issuer: jwtIssuer,
      audience: jwtAudience,
      expiresIn: ttlSeconds,
    });
  }

  /** The user a token proves, or undefined when it is malformed, tampered, expired or not for us. */
  verify(token: string): AuthenticatedUser | undefined {
    const { jwtSecret, jwtIssuer, jwtAudience } = this.config.auth;
    try {
      // The algorithm is pinned: `alg: none` or a key-confusion token never verifies.
      const claims = jwt.verify(token, jwtSecret, {
        algorithms: [ALGORITHM],
        issuer: jwtIssuer,
        audience: jwtAudience,
      });
      if (typeof claims === 'string' || typeof claims.sub !== 'string') return undefined;
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r)) : [];
      return { id: claims.sub, roles };
    } catch {
      return undefined;
    }
  }
}
