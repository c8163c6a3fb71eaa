import { Injectable } from '@nestjs/common';
import { AccessStatusCache, Role } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { toUserView, UserView } from '../views';

/**
 * Replaces a user's roles (admin only). A role taken away stops counting at once in this process and
 * within `ACCESS_STATUS_CACHE_MS` in others (the guard confirms admin tokens); a role given is carried
 * by the next refresh.
 */
@Injectable()
export class SetUserRolesHandler {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(actorId: string, userId: string, roles: readonly Role[]): Promise<UserView> {
    const view = await this.uow.run(async (tx) => {
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
    this.accessStatuses.forget(userId);
    return view;
  }
}
