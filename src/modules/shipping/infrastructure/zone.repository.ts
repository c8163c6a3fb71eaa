import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { Zone } from '../domain/zone';
import { affected, queryRows, selectList } from '../../../platform/database';

/** The columns of a zone: adding a field to `Zone` is a compile error here until mapped. */
const COLUMNS = { id: 'id', name: 'name', countries: 'countries' } satisfies Record<keyof Zone, string>;

interface ZoneRow {
  readonly id: string;
  readonly name: string;
  readonly countries: string[];
}

/** Shipping zones (`shipping.zones`): named sets of destination countries. */
@Injectable()
export class ZoneRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** One zone, or undefined. */
  async find(id: string): Promise<Zone | undefined> {
    const [row] = await queryRows<ZoneRow>(this.uow.reader, `SELECT ${selectList(COLUMNS)} FROM zones WHERE id = $1`, [
      id,
    ]);
    return row && toZone(row);
  }

  /** A page of zones in id order (UUIDv7: creation order), after `afterId`. */
  async page(limit: number, afterId: string | null): Promise<Zone[]> {
    const rows = await queryRows<ZoneRow>(
      this.uow.reader,
      `SELECT ${selectList(COLUMNS)} FROM zones WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map(toZone);
  }

  /** The zone locked for a change in the caller's transaction, or undefined. */
  async lock(tx: Transaction, id: string): Promise<Zone | undefined> {
    const [row] = await queryRows<ZoneRow>(
      tx.manager,
      `SELECT ${selectList(COLUMNS)} FROM zones WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && toZone(row);
  }

  /** Inserts or replaces a zone. */
  async save(tx: Transaction, zone: Zone): Promise<void> {
    await tx.manager.query(
      `INSERT INTO zones (id, name, countries) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, countries = EXCLUDED.countries, updated_at = now()`,
      [zone.id, zone.name, zone.countries],
    );
  }

  /** Deletes a zone that no method uses; false when it is gone or still has methods. */
  async deleteUnused(tx: Transaction, id: string): Promise<boolean> {
    const count = await affected(
      tx.manager,
      `DELETE FROM zones WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM methods WHERE zone_id = $1)`,
      [id],
    );
    return count > 0;
  }
}

function toZone(row: ZoneRow): Zone {
  return { id: row.id, name: row.name, countries: row.countries };
}
