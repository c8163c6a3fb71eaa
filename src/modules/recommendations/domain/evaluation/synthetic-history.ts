import { PurchaseLine } from './purchase-history';

export interface SyntheticHistoryOptions {
  readonly products: number;
  /** Products of one bundle: what is bought together (the planted answer). */
  readonly bundleSize: number;
  readonly users: number;
  readonly minOrders: number;
  readonly maxOrders: number;
  /** Bundles a user is interested in. */
  readonly interestsPerUser: number;
  /** Chance that an order also holds a globally popular product unrelated to its bundle. */
  readonly noise: number;
  /** Zipf exponent of bundle and noise-product popularity (the skew that favours the baseline). */
  readonly skew: number;
  readonly seed: number;
}

export const DEFAULT_SYNTHETIC_HISTORY: SyntheticHistoryOptions = {
  products: 2000,
  bundleSize: 8,
  users: 4000,
  minOrders: 2,
  maxOrders: 6,
  interestsPerUser: 2,
  noise: 0.5,
  skew: 1,
  seed: 42,
};

/** A small, fast, seedable PRNG (mulberry32), so a generated history is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) cumulative.push((total += 1 / Math.pow(i + 1, s)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A purchase history with planted structure: products form bundles; each user is interested in a
 * few bundles (popular bundles more often) and each order takes 2–4 products of one of them, plus
 * sometimes a popular unrelated product. Orders of all users are interleaved in time.
 */
export function generatePurchaseHistory(options: SyntheticHistoryOptions = DEFAULT_SYNTHETIC_HISTORY): PurchaseLine[] {
  const random = seededRandom(options.seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const bundles = Math.floor(options.products / options.bundleSize);
  const pickBundle = zipfSampler(bundles, options.skew, random);
  const pickPopular = zipfSampler(options.products, options.skew, random);
  // Popularity ranks are shuffled over product ids so that "popular" is not "first bundle".
  const byRank = Array.from({ length: options.products }, (_, i) => i).sort(() => random() - 0.5);
  const product = (index: number) => `p${pad(index, 6)}`;

  const users = Array.from({ length: options.users }, (_, u) => ({
    id: `u${pad(u, 6)}`,
    interests: Array.from({ length: options.interestsPerUser }, () => pickBundle()),
    ordersLeft: int(options.minOrders, options.maxOrders),
  }));
  const lines: PurchaseLine[] = [];
  let orderNo = 0;
  for (let active = users; active.length > 0; active = active.filter((u) => u.ordersLeft > 0)) {
    for (const user of active) {
      const order = `o${pad(orderNo++, 8)}`;
      const bundle = user.interests[int(0, user.interests.length - 1)];
      const members = Array.from({ length: options.bundleSize }, (_, i) => bundle * options.bundleSize + i);
      const basket = new Set<number>();
      const size = int(2, 4);
      while (basket.size < size) basket.add(members[int(0, members.length - 1)]);
      if (random() < options.noise) basket.add(byRank[pickPopular()]);
      for (const p of basket) lines.push({ user: user.id, order, product: product(p) });
      user.ordersLeft--;
    }
  }
  return lines;
}
