import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../platform/http';
import { UnitOfWork } from '../../../platform/messaging';
import { PaymentOrmEntity } from '../infrastructure/payment.orm-entity';
import { paymentsRepository } from '../infrastructure/payments.repository';
import { PaymentProvider } from '../infrastructure/providers/payment-provider';
import { PaymentProviders } from '../infrastructure/providers/payment-providers';

/** Loads an order's payment with its provider, for the commands that act on an existing payment. */
@Injectable()
export class PaymentOfOrder {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly providers: PaymentProviders,
  ) {}

  find(orderId: string): Promise<PaymentOrmEntity | null> {
    return paymentsRepository.findByOrder(this.uow.reader, orderId);
  }

  providerOf(payment: PaymentOrmEntity): PaymentProvider {
    const provider = this.providers.get(payment.provider);
    // Configuration changed under a live payment: retrying (then a dead letter) is the honest outcome.
    if (!provider) throw new Error(`Payment provider "${payment.provider}" is not configured in this process`);
    return provider;
  }

  static missing(): ProblemException {
    return ProblemException.notFound('The payment of that order');
  }
}
