import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { toUserView, UserView } from '../views';

/** Edits the caller's own profile (only the name; email, roles and password have their own ways). */
@Injectable()
export class UpdateProfileHandler {
  constructor(private readonly uow: UnitOfWork) {}

  execute(userId: string, changes: { name?: string }): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const user = await tx.manager.findOneBy(UserOrmEntity, { id: userId });
      if (!user) throw ProblemException.notFound('User');
      if (changes.name !== undefined) user.name = changes.name.trim();
      user.updatedAt = new Date();
      await tx.manager.update(UserOrmEntity, { id: userId }, { name: user.name, updatedAt: user.updatedAt });
      return toUserView(user);
    });
  }
}
