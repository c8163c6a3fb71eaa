import { Command, CommandContract, Money } from '../../../platform/messaging/contracts';

/** Authorizes (holds) an order's amount, after a risk check. Idempotent by order id. Answered by `PaymentAuthorized` or `PaymentDeclined`. */
@CommandContract(
  'payments.AuthorizePayment',
  () =>
    new AuthorizePayment(
      '0190a000-0000-7000-8000-000000000001',
      '0190a000-0000-7000-8000-000000000002',
      { amount: 1999, currency: 'EUR' },
      'sandbox',
      'tok_visa',
      'DE',
    ),
  { key: (c) => c.orderId },
)
export class AuthorizePayment extends Command<void> {
  constructor(
    /** The order; the idempotency key. */
    readonly orderId: string,
    /** Who pays (used for velocity checks and access). */
    readonly customerId: string,
    /** What to hold. */
    readonly amount: Money,
    /** `sandbox` or `stripe`. */
    readonly provider: string,
    /** The provider's card token, e.g. `tok_visa`; never card data. */
    readonly token: string,
    /** ISO 3166-1 alpha-2 country of the shipping address (risk check). */
    readonly shippingCountry: string,
  ) {
    super();
  }
}
