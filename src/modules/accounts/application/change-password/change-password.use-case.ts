import { Injectable } from '@nestjs/common';
import { AccessStatusCache } from '../../../../platform/auth';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PasswordChanged } from '../../contracts';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { UserRepository } from '../../infrastructure/user.repository';
import { assertStrongPassword } from '../password-problems';
import { Sessions } from '../sessions/sessions';

/** Whose password, the current one (required) and the new one. */
export interface ChangePasswordInput {
  readonly userId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
}

/** Changes the caller's password (the current one is required) and revokes every session. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: Sessions,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(input: ChangePasswordInput): Promise<void> {
    await this.uow.run(async (tx) => {
      const user = await this.users.lockById(tx, input.userId);
      if (!user) throw ProblemException.notFound('User');
      if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
        throw ProblemException.validation([new FieldError('currentPassword', 'the current password is wrong')]);
      }
      assertStrongPassword(input.newPassword, 'newPassword', { email: user.email });
      const passwordHash = await this.hasher.hash(input.newPassword);
      await this.users.changePasswordHash(tx, user.id, passwordHash, new Date());
      await this.sessions.revokeAll(tx, user.id);
      tx.publish(new PasswordChanged({ userId: user.id, email: user.email, name: user.name }));
    });
    this.accessStatuses.forget(input.userId);
  }
}
