import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../../accounts.config';
import { EnsureAdminHandler } from './ensure-admin.handler';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the app starts. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
    private readonly ensureAdmin: EnsureAdminHandler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.admin) return;
    try {
      await this.ensureAdmin.execute(this.config.admin.email, this.config.admin.password);
    } catch (error) {
      // A weak ADMIN_PASSWORD must stop the start, with a message that says why.
      if (error instanceof ProblemException) {
        const reasons = error.problem.errors?.map((e) => e.message).join('; ') ?? error.problem.detail;
        throw new Error(`ADMIN_PASSWORD is not acceptable: ${reasons}`, { cause: error });
      }
      throw error;
    }
  }
}
