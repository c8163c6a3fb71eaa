import { Injectable, Logger } from '@nestjs/common';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { isEmailAddress, normalizeEmail } from '../../domain/email';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { SignUpHandler } from '../sign-up/sign-up.handler';

export type EnsureAdminOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * Makes sure an admin account exists for this email: creates it with the given password, or adds
 * the admin role to an existing account (whose password is left alone). Safe to run at every start.
 */
@Injectable()
export class EnsureAdminHandler {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly signUp: SignUpHandler,
  ) {}

  /** Whether any account has the admin role. */
  async anyAdminExists(): Promise<boolean> {
    const rows = (await this.uow.reader.query(`SELECT 1 FROM users WHERE 'admin' = ANY(roles) LIMIT 1`)) as unknown[];
    return rows.length > 0;
  }

  /** @throws ProblemException (validation) naming `email` or `name` when either is not one. */
  async execute(email: string, password: string, name = 'Administrator'): Promise<EnsureAdminOutcome> {
    const invalid = [
      ...(isEmailAddress(email) ? [] : [new FieldError('email', 'email must be an email')]),
      ...(/\S/.test(name) && name.length <= 100 ? [] : [new FieldError('name', 'name must be 1 to 100 characters')]),
    ];
    if (invalid.length > 0) throw ProblemException.validation(invalid);
    const normalized = normalizeEmail(email);
    const outcome = await this.uow.run(async (tx) => {
      const existing = await tx.manager.findOneBy(UserOrmEntity, { email: normalized });
      if (!existing) return 'missing' as const;
      if (existing.roles.includes('admin')) return 'unchanged' as const;
      await tx.manager.query(
        `UPDATE users SET roles = array_append(roles, 'admin'), updated_at = now() WHERE id = $1 AND NOT 'admin' = ANY(roles)`,
        [existing.id],
      );
      return 'promoted' as const;
    });
    if (outcome !== 'missing') {
      if (outcome === 'promoted') this.logger.log(`${normalized} was given the admin role`);
      return outcome;
    }
    await this.signUp.execute({ email: normalized, password, name, roles: ['admin'] });
    this.logger.log(`admin account ${normalized} created`);
    return 'created';
  }
}
