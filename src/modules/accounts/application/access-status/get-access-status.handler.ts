import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GetAccessStatus, UserAccessStatus } from '../../contracts';
import { isUuid } from '../../../../platform/ids';

/** One primary-key read; callers cache the answer for a few seconds (platform AccessStatusCache). */
@QueryHandler(GetAccessStatus)
export class GetAccessStatusHandler implements IQueryHandler<GetAccessStatus> {
  constructor(@InjectDataSource('accounts') private readonly dataSource: DataSource) {}

  async execute(query: GetAccessStatus): Promise<UserAccessStatus | null> {
    if (!isUuid(query.userId)) return null;
    const rows = (await this.dataSource.query(`SELECT roles, session_version FROM users WHERE id = $1`, [
      query.userId,
    ])) as { roles: string[]; session_version: number }[];
    return rows.length === 0 ? null : { roles: rows[0].roles, sessionVersion: rows[0].session_version };
  }
}
