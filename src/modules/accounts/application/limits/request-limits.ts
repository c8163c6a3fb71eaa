import { Inject, Injectable } from '@nestjs/common';
import { clientAddressKey, Limiter, RateLimits, TooManyRequests } from '../../../../platform/limits';
import { ACCOUNTS_CONFIG, AccountsConfig, RequestLimitConfig } from '../../accounts.config';
import { normalizeEmail } from '../../domain/email';

/**
 * A limit per email (as typed, normalized; known or not, so a 429 reveals nothing about accounts)
 * and one per client address. Both count every request.
 */
export class EmailAndAddressLimit {
  private readonly perEmail: Limiter;
  private readonly perAddress: Limiter;

  constructor(limits: RateLimits, name: string, config: RequestLimitConfig) {
    const { perEmail, perAddress, windowSeconds } = config;
    this.perAddress = limits.limiter({ name: `${name}-address`, points: perAddress, windowSeconds });
    this.perEmail = limits.limiter({ name: `${name}-email`, points: perEmail, windowSeconds });
  }

  /** Counts the request; throws {@link TooManyRequests} (429, `Retry-After`) when a limit is exceeded. */
  async check(email: string, address: string): Promise<void> {
    const client = await this.perAddress.hit(clientAddressKey(address));
    if (!client.allowed) throw new TooManyRequests(client.retryAfterSeconds);
    const account = await this.perEmail.hit(normalizeEmail(email));
    if (!account.allowed) throw new TooManyRequests(account.retryAfterSeconds);
  }
}

/** The limits of the public routes that cost work or send mail without a password: sign-up and reset requests. */
@Injectable()
export class RequestLimits {
  /** Each sign-up costs one argon2 hash. */
  readonly signUp: EmailAndAddressLimit;
  /** Each reset request may send an email and creates a token. */
  readonly passwordReset: EmailAndAddressLimit;

  constructor(@Inject(ACCOUNTS_CONFIG) config: AccountsConfig, limits: RateLimits) {
    this.signUp = new EmailAndAddressLimit(limits, 'signup', config.signUpLimit);
    this.passwordReset = new EmailAndAddressLimit(limits, 'password-reset', config.passwordResetLimit);
  }
}
