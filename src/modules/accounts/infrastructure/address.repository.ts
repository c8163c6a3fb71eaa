import { Injectable } from '@nestjs/common';
import { columnsOf, placeholdersFor, valuesFor } from '../../../platform/database';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { Address } from '../domain/address';

/** The columns of an address: adding a field to `Address` is a compile error here until it is mapped. */
const COLUMNS = {
  id: 'id',
  userId: 'user_id',
  name: 'name',
  line1: 'line1',
  line2: 'line2',
  city: 'city',
  postalCode: 'postal_code',
  country: 'country',
  createdAt: 'created_at',
} satisfies Record<keyof Address, string>;

interface AddressRow {
  readonly id: string;
  readonly user_id: string;
  readonly name: string;
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly postal_code: string;
  readonly country: string;
  readonly created_at: Date;
}

const SELECT_ADDRESS = `SELECT ${columnsOf(COLUMNS)} FROM addresses`;

/** Users' address books in the accounts schema (`addresses`). */
@Injectable()
export class AddressRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** A user's whole address book, oldest first (ids are UUIDv7), outside a transaction. */
  async listOf(userId: string): Promise<Address[]> {
    const rows = (await this.uow.reader.query(`${SELECT_ADDRESS} WHERE user_id = $1 ORDER BY id`, [
      userId,
    ])) as AddressRow[];
    return rows.map(toAddress);
  }

  async countOf(tx: Transaction, userId: string): Promise<number> {
    const [row] = (await tx.manager.query(`SELECT count(*)::int AS count FROM addresses WHERE user_id = $1`, [
      userId,
    ])) as { count: number }[];
    return row.count;
  }

  /** One address of this user; someone else's is `undefined`. */
  async findOf(tx: Transaction, userId: string, id: string): Promise<Address | undefined> {
    const [row] = (await tx.manager.query(`${SELECT_ADDRESS} WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ])) as AddressRow[];
    return row && toAddress(row);
  }

  async add(tx: Transaction, address: Address): Promise<void> {
    await tx.manager.query(
      `INSERT INTO addresses (${columnsOf(COLUMNS)}) VALUES (${placeholdersFor(COLUMNS)})`,
      valuesFor(COLUMNS, address),
    );
  }

  /** Writes the address's fields (its owner and creation time never change). */
  async save(tx: Transaction, address: Address): Promise<void> {
    await tx.manager.query(
      `UPDATE addresses SET name = $2, line1 = $3, line2 = $4, city = $5, postal_code = $6, country = $7 WHERE id = $1`,
      [address.id, address.name, address.line1, address.line2, address.city, address.postalCode, address.country],
    );
  }

  /** Deletes one address of this user; false when there is none (or it is someone else's). */
  async removeOf(tx: Transaction, userId: string, id: string): Promise<boolean> {
    const [, affected] = (await tx.manager.query(`DELETE FROM addresses WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ])) as [unknown[], number];
    return affected > 0;
  }
}

function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    postalCode: row.postal_code,
    country: row.country,
    createdAt: row.created_at,
  };
}
