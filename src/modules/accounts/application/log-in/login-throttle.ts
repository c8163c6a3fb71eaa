import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { AttemptCounter } from '../../domain/login-attempts';

/** 429 with `Retry-After` (the platform's problem filter writes the header). */
export class TooManyLoginAttempts extends ProblemException {
  constructor(readonly retryAfterSeconds: number) {
    super({
      status: 429,
      type: 'too-many-login-attempts',
      detail: `Too many login attempts; try again in ${retryAfterSeconds} s.`,
    });
  }
}

/**
 * Limits login attempts per account (the email as typed, known or not, so a 429 reveals nothing)
 * and per client address. Every attempt counts; a success clears the account's count.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: AttemptCounter;
  private readonly perAddress: AttemptCounter;

  constructor(@Inject(ACCOUNTS_CONFIG) config: AccountsConfig) {
    const { perAccount, perAddress, windowSeconds } = config.loginThrottle;
    this.perAccount = new AttemptCounter(perAccount, windowSeconds * 1000);
    this.perAddress = new AttemptCounter(perAddress, windowSeconds * 1000);
  }

  /** Counts the attempt; throws {@link TooManyLoginAttempts} when either limit is exceeded. */
  check(email: string, address: string): void {
    const account = this.perAccount.hit(email);
    const client = this.perAddress.hit(address);
    if (!account.allowed || !client.allowed) {
      throw new TooManyLoginAttempts(Math.max(account.retryAfterSeconds, client.retryAfterSeconds));
    }
  }

  succeeded(email: string): void {
    this.perAccount.reset(email);
  }
}
