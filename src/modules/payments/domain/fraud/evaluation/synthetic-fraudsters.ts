import { DAY_MS, HOUR_MS } from '../extract-signals';
import { AttemptLabel, Card, FraudPattern, SyntheticWorld } from './synthetic-world';
import { Shopper } from './synthetic-shoppers';

const label = (pattern: FraudPattern): AttemptLabel => ({ fraud: true, pattern, lookAlike: null });

/** A throwaway account: registered minutes to days before use, often on an e-mail domain nobody used. */
function throwaway(world: SyntheticWorld, at: number, domain?: string) {
  const { random } = world;
  const registeredAt = at - random.between(0.002, 3) * DAY_MS;
  return world.register(registeredAt, domain ?? (random.chance(0.6) ? world.commonDomain() : freshDomain(world)));
}

const freshDomain = (world: SyntheticWorld) => `${world.id('mail')}.example`;

/**
 * Card testing: a bot opens a few accounts and tries a handful of stolen cards across all of them
 * in small amounts (often on gift cards) within the hour; most attempts are declined.
 */
export function cardTestingBurst(world: SyntheticWorld, at: number): void {
  const { random } = world;
  const start = world.atHourOf(at, true);
  const domain = random.chance(0.6) ? freshDomain(world) : world.commonDomain();
  const accounts = Array.from({ length: random.int(2, 5) }, () => ({
    account: throwaway(world, start, domain),
    address: world.id('addr'),
    country: world.country(),
  }));
  const cards = Array.from({ length: random.int(3, 8) }, () => world.card(world.country(), true));
  let time = start;
  for (let n = random.int(12, 35); n > 0; n--) {
    const who = random.pick(accounts);
    time = world.purchase({
      account: who.account,
      at: time + random.between(0.5, 4) * 60_000,
      amount: random.between(100, 1_500),
      resellableShare: random.chance(0.5) ? 1 : 0,
      address: who.address,
      country: who.country,
      card: random.pick(cards),
      declined: random.chance(0.75),
      label: label('card_testing'),
    });
  }
}

/**
 * Account takeover: someone else logs into an established account and ships a basket larger than
 * its usual one, mostly resellable goods, to a new address — with a stolen card (sometimes after a
 * first one is declined) or, a third of the time, with the card saved on the account.
 */
export function accountTakeover(world: SyntheticWorld, victim: Shopper, at: number): void {
  const { random } = world;
  const country = random.chance(0.5) ? victim.country : world.otherCountry(victim.country);
  const address = world.id('addr');
  const savedCard = random.chance(0.33);
  let time = world.atHourOf(at, true);
  for (let n = savedCard ? 1 : random.int(1, 3); n > 0; n--) {
    const card: Card = savedCard
      ? victim.card
      : world.card(random.chance(0.6) ? victim.country : world.country(), true);
    time = world.purchase({
      account: victim.account,
      at: time + random.between(2, 40) * 60_000,
      amount: victim.basket * random.between(1.5, 10),
      resellableShare: random.chance(0.7) ? random.between(0.6, 1) : random.between(0, 0.5),
      address,
      country,
      card,
      declined: random.chance(n > 1 ? 0.3 : 0.1),
      label: label('account_takeover'),
    });
  }
}

/**
 * Reseller baskets: an account buys mostly high-value resellable goods with a stolen card. A third
 * are sleepers, opened weeks earlier with a couple of small ordinary orders on the same card.
 */
export function reseller(world: SyntheticWorld, at: number): void {
  const { random } = world;
  const sleeper = random.chance(0.35);
  let time = world.atHourOf(at, true);
  const account = sleeper ? throwaway(world, time - random.between(10, 60) * DAY_MS) : throwaway(world, time);
  const country = world.country();
  const address = world.id('addr');
  const card = world.card(random.chance(0.8) ? country : world.country(), true);
  const purchase = { account, address, country, card, label: label('reseller') };
  if (sleeper) {
    for (let n = random.int(1, 2); n > 0; n--) {
      const warmUp = world.atHourOf(account.registeredAt + random.between(1, 8) * DAY_MS);
      world.purchase({
        ...purchase,
        at: warmUp,
        amount: random.logNormal(4_000, 0.5),
        resellableShare: 0,
        declined: false,
      });
    }
  }
  for (let n = random.int(1, 3); n > 0; n--) {
    world.purchase({
      ...purchase,
      at: time,
      amount: random.logNormal(60_000, 0.6),
      resellableShare: random.between(0.7, 1),
      declined: random.chance(0.15),
    });
    time = world.atHourOf(time + random.between(1, 10) * DAY_MS, true);
  }
}

/** A drop address: several new accounts, each with its own stolen card, ship there within weeks. */
export function sharedAddressRing(world: SyntheticWorld, at: number): void {
  const { random } = world;
  const address = world.id('addr');
  const country = world.country();
  let reused: Card | undefined;
  for (let n = random.int(4, 9); n > 0; n--) {
    const time = world.atHourOf(at + random.between(0, 21) * DAY_MS, true);
    const account = throwaway(world, time);
    const card: Card = reused && random.chance(0.3) ? reused : world.card(world.country(), true);
    reused = card;
    for (let k = random.int(1, 2); k > 0; k--) {
      world.purchase({
        account,
        at: time + (k - 1) * random.between(1, 48) * HOUR_MS,
        amount: random.logNormal(30_000, 0.5),
        resellableShare: random.between(0.3, 1),
        address,
        country,
        card,
        declined: random.chance(0.15),
        label: label('shared_address'),
      });
    }
  }
}
