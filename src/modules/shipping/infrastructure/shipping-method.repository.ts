import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { PriceRule } from '../domain/price-rule';
import { ShippingMethod } from '../domain/shipping-method';
import { Zone } from '../domain/zone';
import { affected, queryRows } from '../../../platform/database';

/** The columns of a method: adding a field to `ShippingMethod` is a compile error here until mapped. */
const COLUMNS = {
  id: 'id',
  zoneId: 'zone_id',
  name: 'name',
  enabled: 'enabled',
  priceRules: 'price_rules',
  estimate: 'min_days, max_days',
} satisfies Record<keyof ShippingMethod, string>;

const SELECT = `SELECT ${Object.values(COLUMNS)
  .flatMap((c) => c.split(', '))
  .map((c) => `m.${c}`)
  .join(', ')} FROM methods m`;

interface MethodRow {
  readonly id: string;
  readonly zone_id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly price_rules: PriceRule[];
  readonly min_days: number;
  readonly max_days: number;
}

interface ZoneRow {
  readonly zone_id: string;
  readonly zone_name: string;
  readonly zone_countries: string[];
}

/** Shipping methods (`shipping.methods`): a zone's ways of shipping, one price rule per currency. */
@Injectable()
export class ShippingMethodRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** One method, or undefined. */
  async find(id: string): Promise<ShippingMethod | undefined> {
    const [row] = await queryRows<MethodRow>(this.uow.reader, `${SELECT} WHERE m.id = $1`, [id]);
    return row && toMethod(row);
  }

  /** A page of methods in id order after `afterId`, optionally of one zone. */
  async page(limit: number, afterId: string | null, zoneId: string | null): Promise<ShippingMethod[]> {
    const rows = await queryRows<MethodRow>(
      this.uow.reader,
      `${SELECT} WHERE ($1::uuid IS NULL OR m.id > $1) AND ($2::uuid IS NULL OR m.zone_id = $2) ORDER BY m.id LIMIT $3`,
      [afterId, zoneId, limit],
    );
    return rows.map(toMethod);
  }

  /** Whether any method is enabled at all (the shop has set shipping up). */
  /** In one statement: whether any method is enabled, and whether any exists at all (enabled or not). */
  async setup(): Promise<{ anyEnabled: boolean; anyExists: boolean }> {
    const [row] = await queryRows<{ any_enabled: boolean | null; any_exists: boolean }>(
      this.uow.reader,
      `SELECT bool_or(enabled) AS any_enabled, count(*) > 0 AS any_exists FROM methods`,
      [],
    );
    return { anyEnabled: row.any_enabled === true, anyExists: row.any_exists };
  }

  /** The method locked for a change in the caller's transaction, or undefined. */
  async lock(tx: Transaction, id: string): Promise<ShippingMethod | undefined> {
    const [row] = await queryRows<MethodRow>(tx.manager, `${SELECT} WHERE m.id = $1 FOR UPDATE`, [id]);
    return row && toMethod(row);
  }

  /** Inserts or replaces a method. The zone must exist (the foreign key holds it while the zone is locked). */
  async save(tx: Transaction, method: ShippingMethod): Promise<void> {
    await tx.manager.query(
      `INSERT INTO methods (id, zone_id, name, enabled, price_rules, min_days, max_days)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (id) DO UPDATE SET zone_id = EXCLUDED.zone_id, name = EXCLUDED.name, enabled = EXCLUDED.enabled,
         price_rules = EXCLUDED.price_rules, min_days = EXCLUDED.min_days, max_days = EXCLUDED.max_days,
         updated_at = now()`,
      [
        method.id,
        method.zoneId,
        method.name,
        method.enabled,
        JSON.stringify(method.priceRules),
        method.estimate.minDays,
        method.estimate.maxDays,
      ],
    );
  }

  /** Deletes a method; false when there was none. Shipments keep their copy of its id and name. */
  async delete(tx: Transaction, id: string): Promise<boolean> {
    return (await affected(tx.manager, `DELETE FROM methods WHERE id = $1`, [id])) > 0;
  }

  /**
   * Every method of a zone holding `country`, with those zones: what a quote for that destination
   * chooses from (disabled methods included; the domain leaves them out). One query.
   */
  async forDestination(
    country: string,
    manager: EntityManager = this.uow.reader,
  ): Promise<{ methods: ShippingMethod[]; zones: Zone[] }> {
    const rows = await queryRows<MethodRow & ZoneRow>(
      manager,
      `SELECT m.id, m.zone_id, m.name, m.enabled, m.price_rules, m.min_days, m.max_days,
              z.name AS zone_name, z.countries AS zone_countries
         FROM methods m JOIN zones z ON z.id = m.zone_id
        WHERE z.countries @> ARRAY[$1]::text[]`,
      [country],
    );
    const zones = new Map<string, Zone>();
    for (const row of rows) {
      zones.set(row.zone_id, { id: row.zone_id, name: row.zone_name, countries: row.zone_countries });
    }
    return { methods: rows.map(toMethod), zones: [...zones.values()] };
  }
}

function toMethod(row: MethodRow): ShippingMethod {
  return {
    id: row.id,
    zoneId: row.zone_id,
    name: row.name,
    enabled: row.enabled,
    priceRules: row.price_rules,
    estimate: { minDays: row.min_days, maxDays: row.max_days },
  };
}
