import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { UserRepository } from '../../infrastructure/user.repository';
import { toUserView, UserView } from '../views';

/** Whose profile. */
export interface GetProfileInput {
  readonly userId: string;
}

/** The caller's own profile. */
@Injectable()
export class GetProfileUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(input: GetProfileInput): Promise<UserView> {
    const user = await this.users.findById(input.userId);
    if (!user) throw ProblemException.notFound('User');
    return toUserView(user);
  }
}
