import { Injectable } from '@nestjs/common';
import { RequestLimits } from '../limits/request-limits';
import { UserView } from '../views';
import { AccountRegistration } from './account-registration';

/** A sign-up as the API takes it, and the client's address (for the limits). */
export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly clientAddress: string;
}

/**
 * Creates a customer account: limited per client address and per email (429 with Retry-After,
 * each sign-up costs one argon2 hash), 409 `email-taken` when the email has an account.
 */
@Injectable()
export class SignUpUseCase {
  constructor(
    private readonly limits: RequestLimits,
    private readonly registration: AccountRegistration,
  ) {}

  async execute(input: SignUpInput): Promise<UserView> {
    await this.limits.signUp.check(input.email, input.clientAddress);
    return this.registration.register({ email: input.email, password: input.password, name: input.name });
  }
}
