import { Injectable } from '@nestjs/common';
import { AccessStatusCache } from '../../../../platform/auth';
import { FieldError, ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { PasswordChanged } from '../../contracts';
import { PasswordHasher } from '../../infrastructure/password-hasher';
import { revokeAllSessionsOf } from '../../infrastructure/refresh-tokens.sql';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { assertStrongPassword } from '../password-problems';

/** Changes the caller's password (the current one is required) and revokes every session. */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const user = await tx.manager
        .getRepository(UserOrmEntity)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :userId', { userId })
        .getOne();
      if (!user) throw ProblemException.notFound('User');
      if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
        throw ProblemException.validation([new FieldError('currentPassword', 'the current password is wrong')]);
      }
      assertStrongPassword(newPassword, 'newPassword', { email: user.email });
      const passwordHash = await this.hasher.hash(newPassword);
      await tx.manager.update(UserOrmEntity, { id: user.id }, { passwordHash, updatedAt: new Date() });
      await revokeAllSessionsOf(tx.manager, user.id);
      tx.publish(new PasswordChanged({ userId: user.id, email: user.email, name: user.name }));
    });
    this.accessStatuses.forget(userId);
  }
}
