import { Injectable } from '@nestjs/common';
import { MessageBus } from '../../../platform/messaging';
import { GetVariantSnapshots } from '../../catalog';
import { PricedVariant } from '../domain/priced-variant';

const MAX_IDS_PER_QUERY = 200;

/** Asks catalog, through its query contract on the bus, for the current state of some variants. */
@Injectable()
export class CatalogVariants {
  constructor(private readonly bus: MessageBus) {}

  /** Variants by id; ids catalog does not know are absent from the map. */
  async lookup(variantIds: readonly string[]): Promise<Map<string, PricedVariant>> {
    const ids = [...new Set(variantIds)];
    const found = new Map<string, PricedVariant>();
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY) {
      const { items } = await this.bus.query(new GetVariantSnapshots(ids.slice(i, i + MAX_IDS_PER_QUERY)));
      for (const item of items) found.set(item.variantId, item);
    }
    return found;
  }
}
