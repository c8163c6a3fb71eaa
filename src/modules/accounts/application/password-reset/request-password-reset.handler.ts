import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { fillUrlTemplate } from '../../../../platform/config';
import { UnitOfWork } from '../../../../platform/messaging';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { PasswordResetRequested } from '../../contracts';
import { normalizeEmail } from '../../domain/email';
import { PasswordResetTokenOrmEntity } from '../../infrastructure/password-reset-token.orm-entity';
import { newSecretToken } from '../../infrastructure/secret-tokens';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';

/**
 * Starts a password reset; the new link revokes the user's earlier ones. The caller gets the same
 * answer at once whether or not the email is known: the lookup, the token and the event happen after
 * the response, so neither the body nor the timing tells accounts apart. The link's base URL comes
 * from configuration, never from the request.
 */
@Injectable()
export class RequestPasswordResetHandler implements BeforeApplicationShutdown {
  private readonly logger = new Logger('PasswordReset');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /** Returns immediately; the work runs in the background (and is awaited on shutdown). */
  execute(email: string): void {
    const work = this.createToken(normalizeEmail(email)).catch((error: unknown) =>
      this.logger.error({ err: error }, 'could not start a password reset'),
    );
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async createToken(email: string): Promise<void> {
    await this.uow.run(async (tx) => {
      // The user's row is locked so that two requests at once still leave one live link.
      const user = await tx.manager.findOne(UserOrmEntity, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (!user) return;
      const { token, hash } = newSecretToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + this.config.passwordResetTtlMinutes * 60_000);
      // Only the newest link works: asking again revokes every link sent before.
      await tx.manager.update(PasswordResetTokenOrmEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
      await tx.manager.insert(PasswordResetTokenOrmEntity, {
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
