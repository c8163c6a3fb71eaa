import { DAY_MS } from '../extract-signals';
import { AccountFact } from '../fraud-history';
import { AttemptLabel, Card, LEGITIMATE, LookAlike, SyntheticWorld } from './synthetic-world';

/** A legitimate customer: what the fraud patterns need to know to take one over. */
export interface Shopper {
  readonly account: AccountFact;
  readonly home: string;
  readonly country: string;
  /** Median basket, minor units. */
  readonly basket: number;
  /** The card saved on the account when the shopper started. */
  readonly card: Card;
}

type Habit = 'ordinary' | LookAlike;
const HABITS: readonly Habit[] = [
  'ordinary',
  'big_spender',
  'traveller',
  'gift',
  'expat_card',
  'first_big_buy',
  'mover',
  'parcel_locker',
];
const HABIT_WEIGHTS = [62, 5, 7, 8, 5, 5, 4, 4];
/** Chargebacks from real customers ("friendly fraud"): fraud labels no signal can see. */
const FRIENDLY_FRAUD = 0.0015;

/**
 * Legitimate customers: most are ordinary; the rest have a habit the seven rules (or a naive
 * model) misread. Big spenders buy €1,000+ baskets all the time, travellers ship to hotels abroad
 * and expats pay with a foreign card, gift buyers send larger baskets to a friend's new address,
 * movers switch to a new address (often with a new card), parcel-locker users share one address
 * with many strangers, and some new accounts start with one big electronics order. Everyone
 * sometimes gets a decline and retries (half the time with another card), renews a card, or places
 * a few orders within the hour.
 */
export function generateShoppers(
  world: SyntheticWorld,
  count: number,
  ordersPerMonth: number,
  periodStart: number,
): Shopper[] {
  const { random } = world;
  const shoppers: Shopper[] = [];
  const lockers = Array.from({ length: Math.max(3, Math.round(count / 300)) }, () => world.id('addr'));
  for (let i = 0; i < count; i++) {
    const registeredAt = random.chance(0.7)
      ? periodStart - random.between(1, 1000) * DAY_MS
      : random.between(world.start, world.end);
    const domain = random.chance(0.12) ? `corp-${random.int(1, 900)}.example` : world.commonDomain();
    const account = world.register(registeredAt, domain);
    const household = shoppers.length > 0 && random.chance(0.08) ? random.pick(shoppers) : undefined;
    const country = household?.country ?? world.country();
    const habit = HABITS[random.weighted(HABIT_WEIGHTS)];
    const shopper: Shopper = {
      account,
      country,
      home: household?.home ?? world.id('addr'),
      basket: habit === 'big_spender' ? random.logNormal(120_000, 0.5) : random.logNormal(5_000, 0.6),
      card: world.card(habit === 'expat_card' ? world.otherCountry(country) : country, false),
    };
    shoppers.push(shopper);
    shop(world, shopper, habit, ordersPerMonth, random.pick(lockers));
  }
  return shoppers;
}

function shop(world: SyntheticWorld, shopper: Shopper, habit: Habit, ordersPerMonth: number, locker: string): void {
  const { random } = world;
  const from = Math.max(world.start, shopper.account.registeredAt);
  const times = Array.from({ length: random.poisson((ordersPerMonth * (world.end - from)) / (30 * DAY_MS)) }, () =>
    world.atHourOf(random.between(from, world.end)),
  ).sort((a, b) => a - b);
  if (habit === 'first_big_buy') times.unshift(world.atHourOf(from + random.between(0, 2) * DAY_MS));
  let renewal = random.chance(0.25) ? random.between(from, world.end) : Infinity;
  const moving = habit === 'mover' ? random.between(from, world.end) : Infinity;
  let card = shopper.card;
  let home = shopper.home;
  const lookAlike = habit === 'ordinary' ? null : habit;

  times.forEach((time, index) => {
    if (time < from || time >= world.end) return;
    let amount = shopper.basket * random.logNormal(1, 0.45);
    if (time >= renewal) {
      card = world.card(card.cardCountry!, false); // the old card expired: a new fingerprint
      renewal = Infinity;
    }
    if (time >= moving && home === shopper.home) {
      home = world.id('addr');
      if (random.chance(0.5)) card = world.card(card.cardCountry!, false);
      amount *= random.between(1.5, 4);
    }
    let share = resellableShare(world, habit === 'big_spender' ? 0.4 : 0.1);
    let address = habit === 'parcel_locker' && random.chance(0.6) ? locker : home;
    let country = shopper.country;
    if (habit === 'first_big_buy' && index === 0) {
      amount = random.between(40_000, 150_000);
      share = random.between(0.8, 1);
    } else if (habit === 'traveller' && random.chance(0.3)) {
      address = world.id('addr');
      country = world.otherCountry(shopper.country);
    } else if (habit === 'gift' && random.chance(0.3)) {
      address = world.id('addr');
      country = random.chance(0.8) ? shopper.country : world.otherCountry(shopper.country);
      amount *= random.between(1.5, 3);
    }
    const label = (): AttemptLabel =>
      random.chance(FRIENDLY_FRAUD)
        ? { fraud: true, pattern: 'friendly_fraud', lookAlike }
        : { ...LEGITIMATE, lookAlike };
    const buy = { account: shopper.account, amount, resellableShare: share, address, country };
    const declined = random.chance(0.03);
    let at = world.purchase({ ...buy, at: time, card, declined, label: label() });
    if (declined && random.chance(0.6)) {
      // A retry a few minutes later, half the time with another card that then stays.
      if (random.chance(0.5))
        card = world.card(random.chance(0.9) ? card.cardCountry! : world.otherCountry(country), false);
      const retry = at + random.between(2, 15) * 60_000;
      at = world.purchase({ ...buy, at: retry, card, declined: random.chance(0.1), label: label() });
    }
    for (let extra = random.chance(0.02) ? random.int(1, 3) : 0; extra > 0; extra--) {
      const small = { ...buy, amount: random.logNormal(2_500, 0.5), card, declined: random.chance(0.03) };
      at = world.purchase({ ...small, at: at + random.between(3, 20) * 60_000, label: label() });
    }
  });
}

/** Most baskets hold no resellable goods; some a few; a share of them mostly such goods. */
function resellableShare(world: SyntheticWorld, highChance: number): number {
  const { random } = world;
  if (random.chance(highChance)) return random.between(0.7, 1);
  return random.chance(0.25) ? random.between(0.05, 0.6) : 0;
}
