import { Injectable } from '@nestjs/common';
import { Transaction, UnitOfWork } from '../../../platform/messaging';
import { ModelPrice } from '../domain/model-price-table';
import { queryRows } from '../../../platform/database';

interface PriceRow {
  id: string;
  model_name: string;
  match_pattern: string;
  effective_from: Date;
  currency: string;
  input_micros: string;
  output_micros: string;
  cached_input_micros: string | null;
  cache_write_micros: string | null;
  reasoning_micros: string | null;
  source: 'default' | 'admin';
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

/** A price row as stored, with who added it. */
export type StoredModelPrice = ModelPrice & { readonly note: string | null; readonly createdBy: string | null };

/** The model price table (`ai.model_prices`): rows are never changed, a new price is a new row. */
@Injectable()
export class PriceRepository {
  constructor(private readonly uow: UnitOfWork) {}

  async all(): Promise<StoredModelPrice[]> {
    const rows = await queryRows<PriceRow>(this.uow.reader, `SELECT * FROM model_prices ORDER BY effective_from, id`);
    return rows.map(toPrice);
  }

  async insert(tx: Transaction, price: StoredModelPrice): Promise<void> {
    const p = price.prices;
    await tx.manager.query(
      `INSERT INTO model_prices (id, model_name, match_pattern, effective_from, currency, input_micros, output_micros,
         cached_input_micros, cache_write_micros, reasoning_micros, source, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        price.id,
        price.modelName,
        price.matchPattern,
        price.effectiveFrom,
        price.currency,
        p.input,
        p.output,
        p.cachedInput ?? null,
        p.cacheWrite ?? null,
        p.reasoning ?? null,
        price.source,
        price.note,
        price.createdBy,
      ],
    );
  }
}

const n = (v: string | null): number | undefined => (v === null ? undefined : Number(v));

function toPrice(row: PriceRow): StoredModelPrice {
  return {
    id: row.id,
    modelName: row.model_name,
    matchPattern: row.match_pattern,
    effectiveFrom: row.effective_from,
    currency: row.currency,
    prices: {
      input: Number(row.input_micros),
      output: Number(row.output_micros),
      ...(row.cached_input_micros !== null ? { cachedInput: n(row.cached_input_micros) } : {}),
      ...(row.cache_write_micros !== null ? { cacheWrite: n(row.cache_write_micros) } : {}),
      ...(row.reasoning_micros !== null ? { reasoning: n(row.reasoning_micros) } : {}),
    },
    source: row.source,
    note: row.note,
    createdBy: row.created_by,
  };
}
