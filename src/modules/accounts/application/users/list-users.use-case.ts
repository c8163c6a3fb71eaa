import { Injectable } from '@nestjs/common';
import { Role } from '../../../../platform/auth';
import { decodeCursor, encodeCursor, Page } from '../../../../platform/http';
import { UserRepository } from '../../infrastructure/user.repository';
import { toUserView, UserView } from '../views';

/** A page of users: its size, where it starts, and what narrows it. */
export interface ListUsersInput {
  readonly limit: number;
  readonly cursor?: string;
  /** Case-insensitive substring of the email. */
  readonly email?: string;
  readonly role?: Role;
}

/** Every user, oldest first (ids are UUIDv7, so id order is sign-up order), keyset-paginated. */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(input: ListUsersInput): Promise<Page<UserView>> {
    // A `uuid` cursor field is checked to be one (never null).
    const afterId = input.cursor === undefined ? undefined : (decodeCursor(input.cursor, { id: 'uuid' }).id as string);
    const rows = await this.users.list({ afterId, emailContains: input.email, role: input.role }, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const more = rows.length > input.limit;
    return { items: page.map(toUserView), nextCursor: more ? encodeCursor({ id: page[page.length - 1].id }) : null };
  }
}
