import { Injectable } from '@nestjs/common';
import { Role } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { toUserView, UserView } from '../views';

/**
 * Replaces a user's roles (admin only). Access tokens already issued keep their roles until they
 * expire; the next refresh carries the new ones.
 */
@Injectable()
export class SetUserRolesHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(actorId: string, userId: string, roles: readonly Role[]): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const user = await tx.manager.findOneBy(UserOrmEntity, { id: userId });
      if (!user) throw ProblemException.notFound('User');
      if (actorId === userId && user.roles.includes('admin') && !roles.includes('admin')) {
        throw ProblemException.conflict('last-admin-guard', 'You cannot remove your own admin role.');
      }
      user.roles = [...new Set(roles)];
      user.updatedAt = new Date();
      await tx.manager.update(UserOrmEntity, { id: userId }, { roles: user.roles, updatedAt: user.updatedAt });
      return toUserView(user);
    });
  }
}
