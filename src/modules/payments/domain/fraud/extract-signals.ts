import { AttemptContext, AttemptFact, FraudHistory } from './fraud-history';
import { FraudSignals } from './fraud-signals';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface SignalOptions {
  /** Shop time zone as an offset from UTC in minutes (hour-of-day signal). Default 0. */
  readonly utcOffsetMinutes?: number;
  /** How far back a shipping address counts its accounts, ms. Default 30 days. */
  readonly addressWindowMs?: number;
}

/**
 * The signals of one attempt from the history **strictly before** `context.at`; the attempt's own
 * order is excluded from the counts even when the history already holds it.
 */
export function extractSignals(
  history: FraudHistory,
  context: AttemptContext,
  options: SignalOptions = {},
): FraudSignals {
  const { order, at } = context;
  const accountId = order.accountId;
  const before = <T>(items: readonly T[] | undefined, time: (item: T) => number): T[] =>
    (items ?? []).filter((item) => time(item) < at);

  const earlierOrders = before(history.ordersByAccount.get(accountId), (o) => o.placedAt).filter(
    (o) => o.orderId !== order.orderId,
  );
  const paidBasket = earlierOrders.filter((o) => (history.paidAt.get(o.orderId) ?? Infinity) < at).map((o) => o.amount);
  const attempts = before(history.attemptsByAccount.get(accountId), (a) => a.at).filter(
    (a) => a.orderId !== order.orderId,
  );
  const lastHour = attempts.filter((a) => a.at >= at - HOUR_MS);
  const lastDay = attempts.filter((a) => a.at >= at - DAY_MS);
  const cardAttempts = before(history.attemptsByFingerprint.get(context.fingerprint), (a) => a.at);
  const addressWindow = options.addressWindowMs ?? 30 * DAY_MS;
  const addressOrders = before(history.ordersByAddress.get(order.shippingAddress), (o) => o.placedAt).filter(
    (o) => o.placedAt >= at - addressWindow,
  );
  const account = history.accounts.get(accountId);
  const registered = account && account.registeredAt <= at ? account : undefined;
  const hour = Math.floor((at + (options.utcOffsetMinutes ?? 0) * 60_000) / HOUR_MS);

  return {
    amount: order.amount,
    usualBasket: paidBasket.length > 0 ? median(paidBasket) : null,
    paidOrdersBefore: paidBasket.length,
    accountAgeDays: registered ? (at - registered.registeredAt) / DAY_MS : null,
    ordersLastHour: earlierOrders.filter((o) => o.placedAt >= at - HOUR_MS).length,
    ordersLastDay: earlierOrders.filter((o) => o.placedAt >= at - DAY_MS).length,
    paymentsLastHour: lastHour.length,
    paymentsLastDay: lastDay.length,
    declinesLastHour: lastHour.filter(declined).length,
    declinesLastDay: lastDay.filter(declined).length,
    cardDeclinesLastDay: cardAttempts.filter((a) => a.at >= at - DAY_MS && declined(a)).length,
    paymentMethodsOnAccount: new Set([...attempts.map((a) => a.fingerprint), context.fingerprint]).size,
    accountsOnPaymentMethod: new Set([...cardAttempts.map((a) => a.accountId), accountId]).size,
    paymentMethodNewToAccount: !attempts.some((a) => a.fingerprint === context.fingerprint),
    shippingCountry: order.shippingCountry.toUpperCase(),
    cardCountry: context.cardCountry?.toUpperCase() ?? null,
    accountsOnShippingAddress: new Set([...addressOrders.map((o) => o.accountId), accountId]).size,
    shippingAddressNewToAccount: !earlierOrders.some((o) => o.shippingAddress === order.shippingAddress),
    emailDomainSeenBefore: registered
      ? (history.accountsByEmailDomain.get(registered.emailDomain.toLowerCase()) ?? []).some(
          (other) => other.accountId !== accountId && other.registeredAt < at,
        )
      : false,
    resellableShare: order.amount > 0 ? Math.min(1, Math.max(0, order.resellableAmount / order.amount)) : 0,
    hourOfDay: ((hour % 24) + 24) % 24,
    providerRiskLevel: context.providerRiskLevel,
  };
}

const declined = (attempt: AttemptFact) => attempt.outcome === 'declined';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
