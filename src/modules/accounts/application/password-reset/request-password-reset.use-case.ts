import { Injectable } from '@nestjs/common';
import { RequestLimits } from '../limits/request-limits';
import { ResetLinks } from './reset-links';

/** The email the link is for (known or not), and the client's address (for the limits). */
export interface RequestPasswordResetInput {
  readonly email: string;
  readonly clientAddress: string;
}

/**
 * Starts a password reset: limited per client address and per email (429 with Retry-After), then
 * answers at once, the same whether or not the email is known; the link is issued in the background.
 */
@Injectable()
export class RequestPasswordResetUseCase {
  constructor(
    private readonly limits: RequestLimits,
    private readonly links: ResetLinks,
  ) {}

  async execute(input: RequestPasswordResetInput): Promise<void> {
    await this.limits.passwordReset.check(input.email, input.clientAddress);
    this.links.issueInBackground(input.email);
  }
}
