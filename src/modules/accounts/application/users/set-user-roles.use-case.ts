import { Injectable } from '@nestjs/common';
import { AccessStatusCache, Role } from '../../../../platform/auth';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { removesOwnAdminRole } from '../../domain/user';
import { UserRepository } from '../../infrastructure/user.repository';
import { toUserView, UserView } from '../views';

/** Who changes whose roles, and the roles the user will have. */
export interface SetUserRolesInput {
  readonly actorId: string;
  readonly userId: string;
  readonly roles: readonly Role[];
}

/**
 * Replaces a user's roles (admin only). A role taken away stops counting at once in this process and
 * within `ACCESS_STATUS_CACHE_MS` in others (the guard confirms admin tokens); a role given is carried
 * by the next refresh.
 */
@Injectable()
export class SetUserRolesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly accessStatuses: AccessStatusCache,
  ) {}

  async execute(input: SetUserRolesInput): Promise<UserView> {
    const view = await this.uow.run(async (tx) => {
      const user = await this.users.findById(input.userId, tx);
      if (!user) throw ProblemException.notFound('User');
      if (removesOwnAdminRole(input.actorId, user, input.roles)) {
        throw ProblemException.conflict('last-admin-guard', 'You cannot remove your own admin role.');
      }
      const roles = [...new Set(input.roles)];
      const updatedAt = new Date();
      await this.users.changeRoles(tx, user.id, roles, updatedAt);
      return toUserView({ ...user, roles, updatedAt });
    });
    this.accessStatuses.forget(input.userId);
    return view;
  }
}
