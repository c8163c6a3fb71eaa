import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { UserRegistered } from '../../contracts';
import { normalizeEmail } from '../../domain/email';
import { AccountRole, User } from '../../domain/user';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { UserRepository } from '../../infrastructure/user.repository';
import { assertStrongPassword } from '../password-problems';
import { toUserView, UserView } from '../views';

/** A new account's details. */
export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  /** Only the admin bootstrap passes roles; sign-up over HTTP always makes a customer. */
  readonly roles?: readonly AccountRole[];
}

/**
 * Creates an account (409 `email-taken` when the email is taken) and publishes UserRegistered.
 * Shared by sign-up and the admin bootstrap.
 */
@Injectable()
export class AccountRegistration {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async register(account: NewAccount): Promise<UserView> {
    const email = normalizeEmail(account.email);
    assertStrongPassword(account.password, 'password', { email });
    const passwordHash = await this.hasher.hash(account.password);
    const now = new Date();
    const user: User = {
      id: uuidv7(),
      email,
      name: account.name.trim(),
      passwordHash,
      roles: [...(account.roles ?? ['customer'])],
      sessionVersion: 0,
      createdAt: now,
      updatedAt: now,
    };
    return this.uow.run(async (tx) => {
      if (!(await this.users.insertIfEmailFree(tx, user))) {
        throw ProblemException.conflict('email-taken', 'An account with this email exists.');
      }
      tx.publish(new UserRegistered({ userId: user.id, email: user.email, name: user.name }));
      return toUserView(user);
    });
  }
}
