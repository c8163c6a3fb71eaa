import { Inject, Injectable } from '@nestjs/common';
import { clientAddressKey, Limiter, RateLimits, TooManyRequests } from '../../../../platform/limits';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';

/** 429 `too-many-login-attempts` with `Retry-After`. */
export class TooManyLoginAttempts extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super(
      retryAfterSeconds,
      'too-many-login-attempts',
      `Too many login attempts; try again in ${retryAfterSeconds} s.`,
    );
  }
}

/**
 * Limits login attempts three ways, in this order, each in a fixed window:
 * 1. per client address, on any accounts (spraying; every try costs an argon2 verification);
 * 2. per account *and* address: the budget of one client on one account (10 by default);
 * 3. per account from all addresses together: a much higher ceiling against distributed guessing.
 * An attempt refused by one limit is not counted by the next, so an attacker stopped at (1) or (2)
 * does not use up (3): the owner, from their own address, can still log in. The account is the email
 * as typed, known or not, so a 429 reveals nothing. A success clears (2) for that client.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAddress: Limiter;
  private readonly perAccountAndAddress: Limiter;
  private readonly perAccount: Limiter;

  constructor(@Inject(ACCOUNTS_CONFIG) config: AccountsConfig, limits: RateLimits) {
    const { perAddress, perAccountAndAddress, perAccount, windowSeconds } = config.loginThrottle;
    this.perAddress = limits.limiter({ name: 'login-address', points: perAddress, windowSeconds });
    this.perAccountAndAddress = limits.limiter({
      name: 'login-account-address',
      points: perAccountAndAddress,
      windowSeconds,
    });
    this.perAccount = limits.limiter({ name: 'login-account', points: perAccount, windowSeconds });
  }

  /** Counts the attempt; throws {@link TooManyLoginAttempts} at the first limit it exceeds. */
  async check(email: string, address: string): Promise<void> {
    const client = clientAddressKey(address);
    const limits: [Limiter, string][] = [
      [this.perAddress, client],
      [this.perAccountAndAddress, pairKey(email, client)],
      [this.perAccount, email],
    ];
    for (const [limiter, key] of limits) {
      const verdict = await limiter.hit(key);
      if (!verdict.allowed) throw new TooManyLoginAttempts(verdict.retryAfterSeconds);
    }
  }

  /** After a right password: this client's count on the account starts again. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.perAccountAndAddress.forget(pairKey(email, clientAddressKey(address)));
  }
}

// A newline cannot appear in a normalized email, so pairs never collide.
const pairKey = (email: string, client: string): string => `${email}\n${client}`;
