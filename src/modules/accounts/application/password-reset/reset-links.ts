import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { fillUrlTemplate } from '../../../../platform/config';
import { UnitOfWork } from '../../../../platform/messaging';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { PasswordResetRequested } from '../../contracts';
import { normalizeEmail } from '../../domain/email';
import { PasswordResetTokenRepository } from '../../infrastructure/password-reset-token.repository';
import { newSecretToken } from '../../infrastructure/secret-tokens';
import { UserRepository } from '../../infrastructure/user.repository';

/**
 * Issues password-reset links in the background, after the request was answered: the lookup, the
 * token and the event happen later, so neither the answer nor its timing tells accounts apart.
 * Work still running at shutdown is awaited. The link's base URL comes from configuration, never
 * from the request.
 */
@Injectable()
export class ResetLinks implements BeforeApplicationShutdown {
  private readonly logger = new Logger('PasswordReset');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /** Returns immediately; an unknown email gets nothing, a known one a new link (older links die). */
  issueInBackground(email: string): void {
    const work = this.issue(normalizeEmail(email)).catch((error: unknown) =>
      this.logger.error({ err: error }, 'could not start a password reset'),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async issue(email: string): Promise<void> {
    await this.uow.run(async (tx) => {
      // The user's row is locked so that two requests at once still leave one live link.
      const user = await this.users.lockByEmail(tx, email);
      if (!user) return;
      const { token, hash } = newSecretToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.config.passwordResetTtlMinutes * 60_000);
      // Only the newest link works: asking again revokes every link sent before.
      await this.resetTokens.useAllOf(tx, user.id, now);
      await this.resetTokens.add(tx, {
        id: uuidv7(),
        userId: user.id,
        tokenHash: hash,
        createdAt: now,
        expiresAt,
        usedAt: null,
      });
      tx.publish(
        new PasswordResetRequested({
          userId: user.id,
          email: user.email,
          name: user.name,
          resetUrl: fillUrlTemplate(this.config.passwordResetUrlTemplate, { token }),
          expiresAt: expiresAt.toISOString(),
        }),
      );
    });
  }
}
