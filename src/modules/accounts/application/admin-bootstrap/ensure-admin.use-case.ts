import { Injectable, Logger } from '@nestjs/common';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { isEmailAddress, normalizeEmail } from '../../domain/email';
import { UserRepository } from '../../infrastructure/user.repository';
import { AccountRegistration } from '../sign-up/account-registration';

/** What ensuring an admin did. */
export type EnsureAdminOutcome = 'created' | 'promoted' | 'unchanged';

/** The admin's email, the password for a new account, and its name (default `Administrator`). */
export interface EnsureAdminInput {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
}

/**
 * Makes sure an admin account exists for this email: creates it with the given password, or adds
 * the admin role to an existing account (whose password is left alone). Safe to run at every start.
 * Driven by the start-up (AdminBootstrap) and `npm run admin:create`.
 */
@Injectable()
export class EnsureAdminUseCase {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly registration: AccountRegistration,
  ) {}

  /** @throws ProblemException (validation) naming `email` or `name` when either is not one. */
  async execute(input: EnsureAdminInput): Promise<EnsureAdminOutcome> {
    const { email, password, name = 'Administrator' } = input;
    const invalid = [
      ...(isEmailAddress(email) ? [] : [new FieldError('email', 'email must be an email')]),
      ...(/\S/.test(name) && name.length <= 100 ? [] : [new FieldError('name', 'name must be 1 to 100 characters')]),
    ];
    if (invalid.length > 0) throw ProblemException.validation(invalid);
    const normalized = normalizeEmail(email);
    const outcome = await this.uow.run(async (tx) => {
      const existing = await this.users.findByEmail(normalized, tx);
      if (!existing) return 'missing' as const;
      if (existing.roles.includes('admin')) return 'unchanged' as const;
      await this.users.grantAdmin(tx, existing.id);
      return 'promoted' as const;
    });
    if (outcome !== 'missing') {
      if (outcome === 'promoted') this.logger.log(`${normalized} was given the admin role`);
      return outcome;
    }
    await this.registration.register({ email: normalized, password, name, roles: ['admin'] });
    this.logger.log(`admin account ${normalized} created`);
    return 'created';
  }
}
