import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UnitOfWork } from '../../../../platform/messaging';
import { UserRepository } from '../../infrastructure/user.repository';
import { toUserView, UserView } from '../views';

/** Whose profile, and the fields that change (only the name, today). */
export interface UpdateProfileInput {
  readonly userId: string;
  readonly name?: string;
}

/** Edits the caller's own profile (only the name; email, roles and password have their own ways). */
@Injectable()
export class UpdateProfileUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
  ) {}

  execute(input: UpdateProfileInput): Promise<UserView> {
    return this.uow.run(async (tx) => {
      const user = await this.users.findById(input.userId, tx);
      if (!user) throw ProblemException.notFound('User');
      const name = input.name !== undefined ? input.name.trim() : user.name;
      const updatedAt = new Date();
      await this.users.changeName(tx, user.id, name, updatedAt);
      return toUserView({ ...user, name, updatedAt });
    });
  }
}
