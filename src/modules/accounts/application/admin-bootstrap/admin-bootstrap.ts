import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { ProblemException } from '../../../../platform/http';
import { StartupNotes } from '../../../../platform/observability';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { UserRepository } from '../../infrastructure/user.repository';
import { EnsureAdminUseCase } from './ensure-admin.use-case';

/** The development admin's address (a reserved `.localhost` name: no mail leaves for it). */
export const DEV_ADMIN_EMAIL = 'admin@arcade.localhost';

/**
 * Makes sure there is an admin when the app starts: the one of ADMIN_EMAIL / ADMIN_PASSWORD, or
 * in development (see `devAdmin`) one with a random password that the start-up summary shows once.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
    private readonly ensureAdmin: EnsureAdminUseCase,
    private readonly users: UserRepository,
    private readonly notes: StartupNotes,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.admin) await this.configuredAdmin(this.config.admin);
    else if (this.config.devAdmin) await this.developmentAdmin();
  }

  private async configuredAdmin(admin: { email: string; password: string }): Promise<void> {
    try {
      await this.ensureAdmin.execute({ email: admin.email, password: admin.password });
    } catch (error) {
      // A weak ADMIN_PASSWORD must stop the start, with a message that says why.
      if (error instanceof ProblemException) {
        const reasons = error.problem.errors?.map((e) => e.message).join('; ') ?? error.problem.detail;
        throw new Error(`ADMIN_PASSWORD is not acceptable: ${reasons}`, { cause: error });
      }
      throw error;
    }
  }

  private async developmentAdmin(): Promise<void> {
    if (await this.users.anyAdminExists()) {
      this.notes.add('admin', 'log in as your admin (`npm run admin:create -- <email>` makes another)');
      return;
    }
    const password = randomBytes(12).toString('base64url');
    await this.ensureAdmin.execute({ email: DEV_ADMIN_EMAIL, password, name: 'Development admin' });
    this.notes.add(
      'admin',
      `${DEV_ADMIN_EMAIL}, password ${password} (created now and shown only this once; DEV_ADMIN=false turns this off)`,
    );
  }
}
