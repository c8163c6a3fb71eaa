import { Command, CommandContract, Money } from '../../../platform/messaging/contracts';

/**
 * What the fraud model may know of the order being paid (optional: older senders omit it). The
 * address is hashed by payments on arrival and never stored as text.
 */
export interface AuthorizePaymentOrderFacts {
  /** The shipping address as the customer entered it (normalised and hashed by payments). */
  readonly shippingAddress: {
    readonly line1: string;
    readonly line2?: string | null;
    readonly city: string;
    readonly postalCode: string;
    /** ISO 3166-1 alpha-2. */
    readonly country: string;
  };
  /** The order's lines: which products, how many, at what unit price (minor units). */
  readonly lines: readonly { readonly productId: string; readonly quantity: number; readonly unitPrice: Money }[];
}

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
      {
        shippingAddress: { line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
        lines: [
          {
            productId: '0190a000-0000-7000-8000-000000000003',
            quantity: 1,
            unitPrice: { amount: 1999, currency: 'EUR' },
          },
        ],
      },
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
    order?: AuthorizePaymentOrderFacts,
  ) {
    super();
    // Left out rather than undefined (which JSON would drop): older senders omit it.
    if (order !== undefined) this.order = order;
  }

  /** The order's address and lines for the fraud signals; absent from senders that predate them. */
  declare readonly order?: AuthorizePaymentOrderFacts;
}
