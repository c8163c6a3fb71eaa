import { Injectable } from '@nestjs/common';
import { minorUnits, Transaction, UnitOfWork } from '../../../platform/messaging';
import { VariantSnapshot } from '../contracts';
import { VariantForSale } from '../domain/stock';
import { queryRows } from '../../../platform/database';

/**
 * The columns of a variant snapshot, typed by the contract's `VariantSnapshot`: a field added
 * there is a compile error here (and in `toSnapshot`) until it is mapped.
 */
const SNAPSHOT_COLUMNS = {
  variantId: 'v.id AS "variantId"',
  productId: 'v.product_id AS "productId"',
  sku: 'v.sku',
  title: `p.title || ' – ' || v.title AS title`,
  price: 'v.price_amount AS amount, v.price_currency AS currency',
  available: 'greatest(v.on_hand - v.reserved, 0) AS available',
  purchasable: `p.status = 'active' AS purchasable`,
  weightGrams: 'v.weight_grams AS "weightGrams"',
  taxCategory: 'p.tax_category AS "taxCategory"',
  categoryIds: 'p.category_ids AS "categoryIds"',
} as const satisfies Record<keyof VariantSnapshot, string>;

/** Variants by id with their product's title and status (exported for the bare benchmark baseline). */
export const VARIANT_SNAPSHOTS_SQL = `SELECT ${Object.values(SNAPSHOT_COLUMNS).join(', ')}
         FROM variants v JOIN products p ON p.id = v.product_id
        WHERE v.id = ANY($1::uuid[])`;

interface SnapshotRow {
  readonly variantId: string;
  readonly productId: string;
  readonly sku: string;
  readonly title: string;
  readonly amount: string | number;
  readonly currency: string;
  readonly available: number;
  readonly purchasable: boolean;
  readonly weightGrams: number | null;
  readonly taxCategory: string | null;
  readonly categoryIds: string[];
}

interface ForSaleRow {
  readonly id: string;
  readonly product_id: string;
  readonly sku: string;
  readonly available: number;
  readonly purchasable: boolean;
  readonly price_amount: string | number;
  readonly price_currency: string;
}

/**
 * What buyers need to know of variants, right now: the cart's and checkout's check (a hot path,
 * docs/architecture.md §10: one lean query, no ORM hydration) and a reservation's look-up.
 */
@Injectable()
export class VariantRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Snapshots of the variants with these ids (all UUIDs), outside any transaction; unknown ids are left out. */
  async snapshots(ids: readonly string[]): Promise<VariantSnapshot[]> {
    const rows = await queryRows<SnapshotRow>(this.uow.reader, VARIANT_SNAPSHOTS_SQL, [ids]);
    return rows.map(toSnapshot);
  }

  /**
   * The variants with these ids as a reservation checks them, in `tx`, by id: locked (in id order,
   * the lock order of every stock write) until `tx` ends, so what is available stays available.
   */
  async forSale(tx: Transaction, ids: readonly string[]): Promise<Map<string, VariantForSale>> {
    const rows = await queryRows<ForSaleRow>(
      tx.manager,
      `SELECT v.id, v.product_id, v.sku, v.on_hand - v.reserved AS available, p.status = 'active' AS purchasable,
              v.price_amount, v.price_currency
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = ANY($1::uuid[])
        ORDER BY v.id FOR UPDATE OF v`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          productId: row.product_id,
          sku: row.sku,
          available: row.available,
          purchasable: row.purchasable,
          price: { amount: minorUnits(row.price_amount), currency: row.price_currency },
        },
      ]),
    );
  }
}

function toSnapshot(row: SnapshotRow): VariantSnapshot {
  return {
    variantId: row.variantId,
    productId: row.productId,
    sku: row.sku,
    title: row.title,
    price: { amount: minorUnits(row.amount), currency: row.currency },
    available: row.available,
    purchasable: row.purchasable,
    weightGrams: row.weightGrams,
    taxCategory: row.taxCategory,
    categoryIds: row.categoryIds,
  };
}
