import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { UserRegistered } from '../../contracts';
import { normalizeEmail } from '../../domain/email';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { Role } from '../../../../platform/auth';
import { assertStrongPassword } from '../password-problems';
import { toUserView, UserView } from '../views';

export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  /** Only the admin bootstrap passes roles; sign-up over HTTP always makes a customer. */
  readonly roles?: readonly Role[];
}

/** Creates an account (409 when the email is taken) and publishes UserRegistered. */
@Injectable()
export class SignUpHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: SignUpInput): Promise<UserView> {
    const email = normalizeEmail(input.email);
    assertStrongPassword(input.password, 'password', { email });
    const passwordHash = await this.hasher.hash(input.password);
    const now = new Date();
    const user: UserOrmEntity = Object.assign(new UserOrmEntity(), {
      id: uuidv7(),
      email,
      name: input.name.trim(),
      passwordHash,
      roles: [...(input.roles ?? ['customer'])],
      createdAt: now,
      updatedAt: now,
    });
    return this.uow.run(async (tx) => {
      const inserted = (await tx.manager.query(
        `INSERT INTO users (id, email, name, password_hash, roles, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [user.id, user.email, user.name, user.passwordHash, user.roles, now],
      )) as unknown[];
      if (inserted.length === 0) throw ProblemException.conflict('email-taken', 'An account with this email exists.');
      tx.publish(new UserRegistered({ userId: user.id, email: user.email, name: user.name }));
      return toUserView(user);
    });
  }
}
