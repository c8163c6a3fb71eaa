import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetShippingOptions, ShippingOptions } from '../../contracts';
import { ShippingQuotes } from './shipping-quotes';

/** `shipping.GetShippingOptions`: the priced methods for a cart going somewhere. */
@QueryHandler(GetShippingOptions)
export class GetShippingOptionsHandler implements IQueryHandler<GetShippingOptions> {
  constructor(private readonly quotes: ShippingQuotes) {}

  execute(query: GetShippingOptions): Promise<ShippingOptions> {
    return this.quotes.options(query);
  }
}
