import { FraudSignals } from './fraud-signals';

/**
 * Bumped whenever a feature is added, removed, reordered or transformed differently: a stored
 * model trained on another feature set is refused (`parseFraudModel`), never silently misread.
 */
export const FEATURE_SET = 'fraud-features/1';

/** Settings of the transforms that a trained model carries with it. */
export interface FeatureSpec {
  /** A first paid order at or above this amount (minor units) sets `first_order_high_amount`. */
  readonly firstOrderHighAmount: number;
  /** An amount below this (minor units) sets `small_amount`: the size card testers try cards with. */
  readonly smallAmount: number;
}

export const DEFAULT_FEATURE_SPEC: FeatureSpec = { firstOrderHighAmount: 50_000, smallAmount: 2_000 };

/** ln(1 + min(count, cap)): counts matter most at the low end, and one outlier cannot dominate. */
const logCount = (value: number, cap: number) => Math.log1p(Math.min(Math.max(value, 0), cap));
const flag = (condition: boolean) => (condition ? 1 : 0);
const clip = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const established = (s: FraudSignals) => s.paidOrdersBefore > 0;

/**
 * The model's inputs, in order, each a transform of {@link FraudSignals}. Flags are 0/1, counts
 * are log-compressed and capped, ratios are logged and clipped; standardisation happens in the
 * model (its stored means and scales).
 */
export const FRAUD_FEATURES: readonly {
  readonly name: string;
  readonly value: (s: FraudSignals, spec: FeatureSpec) => number;
}[] = [
  { name: 'log_amount', value: (s) => Math.log1p(Math.max(s.amount, 0)) },
  { name: 'small_amount', value: (s, spec) => flag(s.amount < spec.smallAmount) },
  {
    name: 'amount_vs_usual_basket',
    value: (s) => (s.usualBasket === null ? 0 : clip(Math.log((s.amount + 100) / (s.usualBasket + 100)), -3, 5)),
  },
  { name: 'no_paid_order_before', value: (s) => flag(!established(s)) },
  { name: 'log_paid_orders_before', value: (s) => logCount(s.paidOrdersBefore, 100) },
  { name: 'log_account_age_days', value: (s) => logCount(s.accountAgeDays ?? 0, 3650) },
  { name: 'account_under_a_day', value: (s) => flag((s.accountAgeDays ?? 0) < 1) },
  { name: 'log_orders_last_hour', value: (s) => logCount(s.ordersLastHour, 50) },
  { name: 'log_orders_last_day', value: (s) => logCount(s.ordersLastDay, 100) },
  { name: 'log_payments_last_hour', value: (s) => logCount(s.paymentsLastHour, 50) },
  { name: 'log_payments_last_day', value: (s) => logCount(s.paymentsLastDay, 100) },
  { name: 'log_declines_last_hour', value: (s) => logCount(s.declinesLastHour, 50) },
  { name: 'log_declines_last_day', value: (s) => logCount(s.declinesLastDay, 100) },
  {
    name: 'declines_without_paid_history',
    value: (s) => (established(s) ? 0 : logCount(s.declinesLastDay, 100)),
  },
  { name: 'log_card_declines_last_day', value: (s) => logCount(s.cardDeclinesLastDay, 100) },
  { name: 'log_payment_methods_on_account', value: (s) => logCount(s.paymentMethodsOnAccount - 1, 50) },
  { name: 'log_accounts_on_payment_method', value: (s) => logCount(s.accountsOnPaymentMethod - 1, 50) },
  {
    name: 'new_payment_method_on_established_account',
    value: (s) => flag(s.paymentMethodNewToAccount && established(s)),
  },
  {
    name: 'country_mismatch',
    value: (s) => flag(s.cardCountry !== null && s.cardCountry !== s.shippingCountry),
  },
  { name: 'card_country_unknown', value: (s) => flag(s.cardCountry === null) },
  { name: 'log_accounts_on_shipping_address', value: (s) => logCount(s.accountsOnShippingAddress - 1, 50) },
  {
    name: 'new_address_on_established_account',
    value: (s) => flag(s.shippingAddressNewToAccount && established(s)),
  },
  { name: 'email_domain_new', value: (s) => flag(!s.emailDomainSeenBefore) },
  {
    name: 'first_order_high_amount',
    value: (s, spec) => flag(!established(s) && s.amount >= spec.firstOrderHighAmount),
  },
  { name: 'resellable_share', value: (s) => clip(s.resellableShare, 0, 1) },
  { name: 'hour_sin', value: (s) => Math.sin((2 * Math.PI * s.hourOfDay) / 24) },
  { name: 'hour_cos', value: (s) => Math.cos((2 * Math.PI * s.hourOfDay) / 24) },
  { name: 'night_0_to_5', value: (s) => flag(s.hourOfDay < 6) },
  { name: 'provider_elevated', value: (s) => flag(s.providerRiskLevel === 'elevated') },
  { name: 'provider_highest', value: (s) => flag(s.providerRiskLevel === 'highest') },
];

export const FEATURE_NAMES: readonly string[] = FRAUD_FEATURES.map((f) => f.name);

/** The feature vector of one attempt, in {@link FEATURE_NAMES} order. */
export function toFeatureVector(signals: FraudSignals, spec: FeatureSpec): Float64Array {
  const vector = new Float64Array(FRAUD_FEATURES.length);
  for (let i = 0; i < FRAUD_FEATURES.length; i++) vector[i] = FRAUD_FEATURES[i].value(signals, spec);
  return vector;
}
