import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../platform/http';
import { Payment } from '../domain/payment';
import { PaymentRepository } from '../infrastructure/payment.repository';
import { PaymentProvider } from '../infrastructure/providers/payment-provider';
import { PaymentProviders } from '../infrastructure/providers/payment-providers';

/** Loads an order's payment with its provider, for the commands that act on an existing payment. */
@Injectable()
export class PaymentOfOrder {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly providers: PaymentProviders,
  ) {}

  /** The order's payment, if it has one. */
  find(orderId: string): Promise<Payment | undefined> {
    return this.payments.findByOrder(orderId);
  }

  /** The provider that holds the payment; throws if this process no longer has it. */
  providerOf(payment: Payment): PaymentProvider {
    const provider = this.providers.get(payment.provider);
    // Configuration changed under a live payment: retrying (then a dead letter) is the honest outcome.
    if (!provider) throw new Error(`Payment provider "${payment.provider}" is not configured in this process`);
    return provider;
  }

  /** The 404 of a command about an order that has no payment. */
  static missing(): ProblemException {
    return ProblemException.notFound('The payment of that order');
  }
}
