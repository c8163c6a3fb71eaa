import { Injectable } from '@nestjs/common';
import { MessageBus } from '../../../../platform/messaging';
import { GetVariantSnapshots } from '../../../catalog';
import { WeightProvider } from '../../application/quote-shipping/weight-provider';

/** Catalog answers at most this many variants per query. */
const BATCH = 200;

/**
 * Variant weights from catalog's contract (`catalog.GetVariantSnapshots`, its optional `weightGrams`).
 * A variant without a weight (null, or left out by a catalog process older than the field) counts 0 g.
 */
@Injectable()
export class CatalogWeightProvider implements WeightProvider {
  constructor(private readonly bus: MessageBus) {}

  async weightsOf(variantIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const weights = new Map<string, number>();
    const ids = [...new Set(variantIds)];
    for (let i = 0; i < ids.length; i += BATCH) {
      const { items } = await this.bus.query(new GetVariantSnapshots(ids.slice(i, i + BATCH)));
      for (const item of items) {
        const grams = item.weightGrams;
        if (typeof grams === 'number' && Number.isSafeInteger(grams) && grams >= 0) weights.set(item.variantId, grams);
      }
    }
    return weights;
  }
}
