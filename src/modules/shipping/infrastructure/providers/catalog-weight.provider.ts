import { Injectable } from '@nestjs/common';
import { MessageBus } from '../../../../platform/messaging';
import { GetVariantSnapshots } from '../../../catalog';
import { WeightProvider } from '../../application/quote-shipping/weight-provider';

/** Catalog answers at most this many variants per query. */
const BATCH = 200;

/**
 * Variant weights from catalog's contract (`catalog.GetVariantSnapshots`). Catalog's snapshot has no
 * weight yet (stage 2 of issue 18 adds `weightGrams`); this reads it when present, so the quote
 * prices by weight as soon as catalog sends it, and counts 0 g until then.
 */
@Injectable()
export class CatalogWeightProvider implements WeightProvider {
  constructor(private readonly bus: MessageBus) {}

  async weightsOf(variantIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const weights = new Map<string, number>();
    const ids = [...new Set(variantIds)];
    for (let i = 0; i < ids.length; i += BATCH) {
      const { items } = await this.bus.query(new GetVariantSnapshots(ids.slice(i, i + BATCH)));
      for (const item of items as readonly { variantId: string; weightGrams?: number | null }[]) {
        const grams = item.weightGrams;
        if (typeof grams === 'number' && Number.isSafeInteger(grams) && grams >= 0) weights.set(item.variantId, grams);
      }
    }
    return weights;
  }
}
