import { Inject, Injectable, Logger } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config';
import { AuthenticatedUser, Role } from './authenticated-user';
import { signingKeyFor } from './signing-key';

const ALGORITHM = 'HS256';
const ROLES: readonly Role[] = ['customer', 'admin'];

/**
 * Signs and verifies short-lived access tokens. Verification needs only the configured key, so
 * every module (and every extracted process) can check tokens without asking the module that
 * issued them.
 */
@Injectable()
export class AccessTokens {
  /**
   * The key as a KeyObject made once: given a string, jsonwebtoken first tries to parse it as a
   * public key on every call, which showed up as the top crypto cost in a profile of the busiest
   * authenticated route.
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { secret, source } = signingKeyFor(config);
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
    const file = config.auth.jwtSecretFile;
    const logger = new Logger('Auth');
    if (source === 'generated') {
      logger.warn(`JWT_SECRET is not set: generated a random signing key in ${file} (development only)`);
    } else if (source === 'file') {
      logger.log(`JWT_SECRET is not set: signing tokens with the development key in ${file}`);
    }
  }

  sign(user: AuthenticatedUser, ttlSeconds = this.config.auth.accessTokenTtlSeconds): string {
    const { jwtIssuer, jwtAudience } = this.config.auth;
    const claims =
      user.sessionVersion === undefined ? { roles: user.roles } : { roles: user.roles, sv: user.sessionVersion };
    return jwt.sign(claims, this.key, {
      algorithm: ALGORITHM,
      subject: user.id,
      issuer: jwtIssuer,
      audience: jwtAudience,
      expiresIn: ttlSeconds,
    });
  }

  /** The user a token proves, or undefined when it is malformed, tampered, expired or not for us. */
  verify(token: string): AuthenticatedUser | undefined {
    const { jwtIssuer, jwtAudience } = this.config.auth;
    try {
      // The algorithm is pinned: `alg: none` or a key-confusion token never verifies.
      const claims = jwt.verify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: jwtIssuer,
        audience: jwtAudience,
      });
      if (typeof claims === 'string' || typeof claims.sub !== 'string') return undefined;
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r)) : [];
      const sessionVersion = Number.isSafeInteger(claims.sv) ? (claims.sv as number) : undefined;
      return { id: claims.sub, roles, ...(sessionVersion === undefined ? {} : { sessionVersion }) };
    } catch {
      return undefined;
    }
  }
}
