import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { QuoteShippingMethod, ShippingMethodQuote } from '../../contracts';
import { ShippingQuotes } from './shipping-quotes';

/** `shipping.QuoteShippingMethod`: the chosen method's price now, or why it cannot ship the cart. */
@QueryHandler(QuoteShippingMethod)
export class QuoteShippingMethodHandler implements IQueryHandler<QuoteShippingMethod> {
  constructor(private readonly quotes: ShippingQuotes) {}

  execute(query: QuoteShippingMethod): Promise<ShippingMethodQuote> {
    return this.quotes.quote(query.methodId, query, query.acceptedPrice ?? undefined);
  }
}
