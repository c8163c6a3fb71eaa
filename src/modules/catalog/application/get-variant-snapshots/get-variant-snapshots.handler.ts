import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../../../platform/http';
import { minorUnits } from '../../../../platform/messaging';
import { GetVariantSnapshots, VariantSnapshot, VariantSnapshotsResult } from '../../contracts';
import { isUuid } from '../../../../platform/ids';

const MAX_IDS = 200;

/** Variants by id with their product's title and status (exported for the bare benchmark baseline). */
export const VARIANT_SNAPSHOTS_SQL = `SELECT v.id AS "variantId", v.product_id AS "productId", v.sku, p.title || ' – ' || v.title AS title,
              v.price_amount AS amount, v.price_currency AS currency,
              greatest(v.on_hand - v.reserved, 0) AS available, p.status = 'active' AS purchasable
         FROM variants v JOIN products p ON p.id = v.product_id
        WHERE v.id = ANY($1::uuid[])`;

/** The cart's and checkout's check: one lean query, no ORM hydration (a hot path, docs/architecture.md §10). */
@QueryHandler(GetVariantSnapshots)
export class GetVariantSnapshotsHandler implements IQueryHandler<GetVariantSnapshots> {
  constructor(@InjectDataSource('catalog') private readonly db: DataSource) {}

  async execute(query: GetVariantSnapshots): Promise<VariantSnapshotsResult> {
    const ids: unknown = query.variantIds;
    if (!Array.isArray(ids) || ids.length > MAX_IDS) {
      throw ProblemException.validation([], `GetVariantSnapshots takes at most ${MAX_IDS} variant ids.`);
    }
    const known = ids.filter(isUuid);
    if (known.length === 0) return { items: [] };
    const rows = (await this.db.query(VARIANT_SNAPSHOTS_SQL, [known])) as (Omit<VariantSnapshot, 'price'> & {
      amount: string;
      currency: string;
    })[];
    return {
      items: rows.map(({ amount, currency, ...row }) => ({ ...row, price: { amount: minorUnits(amount), currency } })),
    };
  }
}
