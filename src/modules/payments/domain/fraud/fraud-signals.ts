import { RiskInput } from '../risk-assessment';

/**
 * Everything the fraud model knows about one payment attempt, in the units of the field, taken
 * only from facts recorded **before** the attempt (plus the attempt's own order and payment
 * method). Each field names where the wiring will read it from: an integration event into
 * payments' own read model, or payments' own attempts — never another module's tables.
 * How each becomes a model feature (logs, flags, clipping) is in `fraud-features.ts`.
 */
export interface FraudSignals {
  /** The amount being authorized, minor units. Source: `AuthorizePayment.amount`. */
  readonly amount: number;
  /**
   * Median amount of the account's earlier **paid** orders (minor units); null before the first.
   * Source: `orders.OrderPlaced` amounts joined with payments' own authorized attempts.
   */
  readonly usualBasket: number | null;
  /** Earlier orders of the account whose payment was authorized. Same source as `usualBasket`. */
  readonly paidOrdersBefore: number;
  /**
   * Days since the account registered (fractional); null when the registration was never seen
   * (treated as brand new). Source: `accounts.UserRegistered.occurredAt`.
   */
  readonly accountAgeDays: number | null;
  /** Orders placed by the account in the last hour / day, this one excluded. Source: `orders.OrderPlaced`. */
  readonly ordersLastHour: number;
  readonly ordersLastDay: number;
  /** Payment attempts by the account in the last hour / day, this one excluded. Source: payments' own attempts. */
  readonly paymentsLastHour: number;
  readonly paymentsLastDay: number;
  /** Of those, declined by the provider or blocked by the risk check. Source: payments' own attempts. */
  readonly declinesLastHour: number;
  readonly declinesLastDay: number;
  /** Declined attempts with this payment method fingerprint, any account, last day. Source: payments' own attempts. */
  readonly cardDeclinesLastDay: number;
  /**
   * Distinct payment method fingerprints the account has used, this one included. Source: payments'
   * own attempts (the fingerprint comes from the provider: Stripe `card.fingerprint`; the sandbox
   * derives one from its token).
   */
  readonly paymentMethodsOnAccount: number;
  /** Distinct accounts that have used this fingerprint, this one included. Source: payments' own attempts. */
  readonly accountsOnPaymentMethod: number;
  /** The account has never used this fingerprint before. Source: payments' own attempts. */
  readonly paymentMethodNewToAccount: boolean;
  /** ISO 3166 alpha-2 country the order ships to. Source: `AuthorizePayment.shippingCountry` / `orders.OrderPlaced`. */
  readonly shippingCountry: string;
  /** The card's issuing country, when the provider tells it. Source: the provider's `describe(token)`. */
  readonly cardCountry: string | null;
  /**
   * Distinct accounts that shipped to this address in the last 30 days, this one included.
   * Source: `orders.OrderPlaced` shipping address, kept as a normalised hash (no address text).
   */
  readonly accountsOnShippingAddress: number;
  /** No earlier order of the account shipped to this address. Source: `orders.OrderPlaced`. */
  readonly shippingAddressNewToAccount: boolean;
  /**
   * Another account registered earlier with the same e-mail domain. Source:
   * `accounts.UserRegistered` (the domain only, never the address).
   */
  readonly emailDomainSeenBefore: boolean;
  /**
   * Share (0..1) of the basket's value in resellable high-value goods (electronics, gift cards…).
   * Source: `orders.OrderPlaced` lines × the resellable flag payments keeps per product from
   * `catalog.ProductPublished`/`ProductUpdated` categories (the category list is configuration).
   */
  readonly resellableShare: number;
  /** Hour of day (0–23) of the attempt in the shop's time zone. Source: the attempt's own time. */
  readonly hourOfDay: number;
  /** The provider's own fraud signal for the payment method. Source: the provider's `describe(token)`. */
  readonly providerRiskLevel: RiskInput['providerRiskLevel'];
}
