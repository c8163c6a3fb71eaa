import { DAY_MS } from '../extract-signals';
import { SeededRandom } from './seeded-random';
import { accountTakeover, cardTestingBurst, reseller, sharedAddressRing } from './synthetic-fraudsters';
import { generateShoppers } from './synthetic-shoppers';
import { HistoryEvent, SyntheticWorld } from './synthetic-world';

export interface SyntheticFraudHistoryOptions {
  readonly seed: number;
  /** Legitimate accounts. */
  readonly accounts: number;
  /** Days of history that are scored (and split into train / calibration / test). */
  readonly days: number;
  /** Days of history before those, replayed into the read model only (payments' backfill). */
  readonly warmupDays: number;
  /** Mean orders per legitimate account per 30 days. */
  readonly ordersPerAccountPerMonth: number;
  /**
   * Fraud volume relative to the defaults: per 8,000 accounts and 120 days, 10 card-testing bursts,
   * 80 account takeovers, 90 resellers and 12 drop-address rings (≈ 1 % of attempts).
   */
  readonly fraudIntensity: number;
  /** Epoch ms where the scored period begins. */
  readonly periodStart: number;
}

export const DEFAULT_FRAUD_HISTORY: SyntheticFraudHistoryOptions = {
  seed: 42,
  accounts: 8000,
  days: 120,
  warmupDays: 60,
  ordersPerAccountPerMonth: 1.2,
  fraudIntensity: 1,
  periodStart: Date.UTC(2025, 0, 1),
};

/**
 * A labelled history of accounts, orders and payment attempts, in time order (ties: accounts,
 * then orders, then attempts), with planted fraud patterns among legitimate shoppers and their
 * rule-confusing look-alikes. The same options give the same history.
 */
export function generateFraudHistory(options: SyntheticFraudHistoryOptions = DEFAULT_FRAUD_HISTORY): HistoryEvent[] {
  const random = new SeededRandom(options.seed);
  const start = options.periodStart - options.warmupDays * DAY_MS;
  const end = options.periodStart + options.days * DAY_MS;
  const world = new SyntheticWorld(random, start, end);
  const shoppers = generateShoppers(world, options.accounts, options.ordersPerAccountPerMonth, options.periodStart);

  const scale = (options.accounts / 8000) * (options.days / 120) * options.fraudIntensity;
  const count = (base: number) => Math.max(1, Math.round(base * scale));
  const when = () => random.between(options.periodStart - options.warmupDays * DAY_MS * 0.5, end - DAY_MS);
  for (let i = count(10); i > 0; i--) cardTestingBurst(world, when());
  for (let i = count(90); i > 0; i--) reseller(world, when());
  for (let i = count(12); i > 0; i--) sharedAddressRing(world, when());
  for (let i = count(80); i > 0; i--) {
    const at = when();
    const established = shoppers.filter((s) => s.account.registeredAt < at - 90 * DAY_MS);
    if (established.length > 0) accountTakeover(world, random.pick(established), at);
  }
  const rank = { account: 0, order: 1, attempt: 2 };
  return world.events.filter((e) => e.at < end).sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind]);
}
