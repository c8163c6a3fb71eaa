import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '../../../../platform/auth';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { toUserView, UserView } from '../views';

export interface ListUsersInput {
  readonly limit: number;
  readonly cursor?: string;
  /** Case-insensitive substring of the email. */
  readonly email?: string;
  readonly role?: Role;
}

/** Every user, oldest first (ids are UUIDv7, so id order is sign-up order), keyset-paginated. */
@Injectable()
export class ListUsersHandler {
  constructor(@InjectDataSource('accounts') private readonly dataSource: DataSource) {}

  async execute(input: ListUsersInput): Promise<Page<UserView>> {
    const query = this.dataSource.getRepository(UserOrmEntity).createQueryBuilder('u').orderBy('u.id', 'ASC');
    if (input.cursor !== undefined) {
      const { id } = decodeCursor(input.cursor, { id: 'uuid' });
      query.andWhere('u.id > :after', { after: id });
    }
    if (input.email !== undefined) {
      const pattern = `%${input.email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('u.email LIKE :pattern', { pattern });
    }
    if (input.role !== undefined) query.andWhere(':role = ANY(u.roles)', { role: input.role });
    const rows = await query.take(input.limit + 1).getMany();
    const page = rows.slice(0, input.limit);
    const more = rows.length > input.limit;
    return { items: page.map(toUserView), nextCursor: more ? encodeCursor({ id: page[page.length - 1].id }) : null };
  }
}
