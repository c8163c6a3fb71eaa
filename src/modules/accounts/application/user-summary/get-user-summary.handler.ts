import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GetUserSummary, UserSummary } from '../../contracts';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { isUuid } from '../../../../platform/ids';

@QueryHandler(GetUserSummary)
export class GetUserSummaryHandler implements IQueryHandler<GetUserSummary> {
  constructor(@InjectDataSource('accounts') private readonly dataSource: DataSource) {}

  async execute(query: GetUserSummary): Promise<UserSummary | null> {
    if (!isUuid(query.userId)) return null;
    const user = await this.dataSource
      .getRepository(UserOrmEntity)
      .findOne({ where: { id: query.userId }, select: { id: true, email: true, name: true } });
    return user ? { userId: user.id, email: user.email, name: user.name } : null;
  }
}
