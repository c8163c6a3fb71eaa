import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetPaymentProviders, PaymentProvidersResult } from '../../contracts';
import { PaymentProviders } from '../../infrastructure/providers/payment-providers';

/** Which payment providers this process can use (checkout refuses an order for another). */
@QueryHandler(GetPaymentProviders)
export class GetPaymentProvidersHandler implements IQueryHandler<GetPaymentProviders> {
  constructor(private readonly providers: PaymentProviders) {}

  execute(): Promise<PaymentProvidersResult> {
    return Promise.resolve({ providers: this.providers.names() });
  }
}
