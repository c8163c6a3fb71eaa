import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '../../../../platform/ids';
import { GetAccessStatus, UserAccessStatus } from '../../contracts';
import { UserRepository } from '../../infrastructure/user.repository';

/** One primary-key read; callers cache the answer for a few seconds (platform AccessStatusCache). */
@QueryHandler(GetAccessStatus)
export class GetAccessStatusHandler implements IQueryHandler<GetAccessStatus> {
  constructor(private readonly users: UserRepository) {}

  async execute(query: GetAccessStatus): Promise<UserAccessStatus | null> {
    if (!isUuid(query.userId)) return null;
    const user = await this.users.findById(query.userId);
    return user ? { roles: [...user.roles], sessionVersion: user.sessionVersion } : null;
  }
}
