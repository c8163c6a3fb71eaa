import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '../../../../platform/ids';
import { GetUserSummary, UserSummary } from '../../contracts';
import { UserRepository } from '../../infrastructure/user.repository';

/** Who a user is, for other modules (e.g. notifications addressing an order email); null when unknown. */
@QueryHandler(GetUserSummary)
export class GetUserSummaryHandler implements IQueryHandler<GetUserSummary> {
  constructor(private readonly users: UserRepository) {}

  async execute(query: GetUserSummary): Promise<UserSummary | null> {
    if (!isUuid(query.userId)) return null;
    const user = await this.users.findById(query.userId);
    return user ? { userId: user.id, email: user.email, name: user.name } : null;
  }
}
