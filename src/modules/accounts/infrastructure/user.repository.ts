import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { columnsOf, placeholdersFor, valuesFor } from '../../../platform/database';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { AccountRole, User } from '../domain/user';

/** The columns of a user: adding a field to `User` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  email: 'email',
  name: 'name',
  passwordHash: 'password_hash',
  roles: 'roles',
  sessionVersion: 'session_version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} satisfies Record<keyof User, string>;

interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly password_hash: string;
  readonly roles: AccountRole[];
  readonly session_version: number;
  readonly created_at: Date;
  readonly updated_at: Date;
}

const SELECT_USER = `SELECT ${columnsOf(COLUMNS)} FROM users`;

/** What a page of users may be narrowed to. */
export interface UserFilter {
  /** Only users whose id comes after this one (ids are UUIDv7: sign-up order). */
  readonly afterId?: string;
  /** Case-insensitive part of the email. */
  readonly emailContains?: string;
  readonly role?: AccountRole;
}

/** Accounts in the accounts schema (`users`). */
@Injectable()
export class UserRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** One read outside a transaction, or inside `tx` when given. */
  async findById(id: string, tx?: Transaction): Promise<User | undefined> {
    return this.one(tx?.manager ?? this.uow.reader, `${SELECT_USER} WHERE id = $1`, [id]);
  }

  /** By normalized email, outside a transaction or inside `tx` when given. */
  async findByEmail(email: string, tx?: Transaction): Promise<User | undefined> {
    return this.one(tx?.manager ?? this.uow.reader, `${SELECT_USER} WHERE email = $1`, [email]);
  }

  /** The user, locked until `tx` ends. */
  async lockById(tx: Transaction, id: string): Promise<User | undefined> {
    return this.one(tx.manager, `${SELECT_USER} WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The user of this normalized email, locked until `tx` ends. */
  async lockByEmail(tx: Transaction, email: string): Promise<User | undefined> {
    return this.one(tx.manager, `${SELECT_USER} WHERE email = $1 FOR UPDATE`, [email]);
  }

  /** Whether any account has the admin role. */
  async anyAdminExists(): Promise<boolean> {
    const rows = (await this.uow.reader.query(`SELECT 1 FROM users WHERE 'admin' = ANY(roles) LIMIT 1`)) as unknown[];
    return rows.length > 0;
  }

  /** Up to `take` users in id order (sign-up order), narrowed by `filter`. */
  async list(filter: UserFilter, take: number): Promise<User[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const condition = (sql: (placeholder: string) => string, value: unknown) => {
      values.push(value);
      where.push(sql(`$${values.length}`));
    };
    if (filter.afterId !== undefined) condition((p) => `id > ${p}`, filter.afterId);
    if (filter.emailContains !== undefined) {
      const pattern = `%${filter.emailContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      condition((p) => `email LIKE ${p}`, pattern);
    }
    if (filter.role !== undefined) condition((p) => `${p} = ANY(roles)`, filter.role);
    values.push(take);
    const sql = `${SELECT_USER} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${values.length}`;
    return ((await this.uow.reader.query(sql, values)) as UserRow[]).map(toUser);
  }

  /** Inserts the user unless its email is taken; false when it is (nothing is written). */
  async insertIfEmailFree(tx: Transaction, user: User): Promise<boolean> {
    const inserted = (await tx.manager.query(
      `INSERT INTO users (${columnsOf(COLUMNS)}) VALUES (${placeholdersFor(COLUMNS)})
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      valuesFor(COLUMNS, user),
    )) as unknown[];
    return inserted.length > 0;
  }

  async changeName(tx: Transaction, id: string, name: string, at: Date): Promise<void> {
    await tx.manager.query(`UPDATE users SET name = $2, updated_at = $3 WHERE id = $1`, [id, name, at]);
  }

  async changePasswordHash(tx: Transaction, id: string, passwordHash: string, at: Date): Promise<void> {
    await tx.manager.query(`UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1`, [
      id,
      passwordHash,
      at,
    ]);
  }

  async changeRoles(tx: Transaction, id: string, roles: readonly AccountRole[], at: Date): Promise<void> {
    await tx.manager.query(`UPDATE users SET roles = $2, updated_at = $3 WHERE id = $1`, [id, roles, at]);
  }

  /** Adds the admin role (a no-op for an admin). */
  async grantAdmin(tx: Transaction, id: string): Promise<void> {
    await tx.manager.query(
      `UPDATE users SET roles = array_append(roles, 'admin'), updated_at = now() WHERE id = $1 AND NOT 'admin' = ANY(roles)`,
      [id],
    );
  }

  /** Access tokens issued before this carry an older version: their admin rights stop counting. */
  async bumpSessionVersion(tx: Transaction, id: string): Promise<void> {
    await tx.manager.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [id]);
  }

  private async one(manager: EntityManager, sql: string, values: unknown[]): Promise<User | undefined> {
    const [row] = (await manager.query(sql, values)) as UserRow[];
    return row && toUser(row);
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    roles: row.roles,
    sessionVersion: row.session_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
