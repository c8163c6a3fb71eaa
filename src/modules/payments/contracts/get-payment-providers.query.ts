import { Query, QueryContract } from '../../../platform/messaging/contracts';

/** The names of the providers payments can use, e.g. `['sandbox']`. */
export interface PaymentProvidersResult {
  /** Names of the providers that can take a payment now, e.g. `["sandbox"]` or `["stripe"]`. */
  readonly providers: readonly string[];
}

/**
 * Which payment providers are configured where payments runs (checkout asks before it accepts an
 * order, so an order for a provider that cannot charge is refused up front rather than cancelled).
 */
@QueryContract('payments.GetPaymentProviders', () => new GetPaymentProviders())
export class GetPaymentProviders extends Query<PaymentProvidersResult> {}
