import { Injectable } from '@nestjs/common';
import { ModelPrice } from '../../domain/model-price-table';
import { PriceRepository } from '../../infrastructure/price.repository';

/** How long the gateway prices from its copy of the table before reading it again, in milliseconds. */
const PRICE_TABLE_TTL_MS = 30_000;

/** The price table as the gateway reads it: in memory, reloaded after an edit here or after 30 s. */
@Injectable()
export class PriceTable {
  private rows: readonly ModelPrice[] | null = null;
  private loadedAt = 0;
  private loading: Promise<readonly ModelPrice[]> | null = null;

  constructor(private readonly prices: PriceRepository) {}

  async current(): Promise<readonly ModelPrice[]> {
    if (this.rows && Date.now() - this.loadedAt < PRICE_TABLE_TTL_MS) return this.rows;
    this.loading ??= this.prices
      .all()
      .then((rows) => {
        this.rows = rows;
        this.loadedAt = Date.now();
        return rows;
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  invalidate(): void {
    this.rows = null;
  }
}
