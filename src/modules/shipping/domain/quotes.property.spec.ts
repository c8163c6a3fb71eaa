import fc from 'fast-check';
import { PriceRule, WeightBand, priceByRule } from './price-rule';
import { CartContext, quoteMethod, quoteShipping } from './quotes';
import { ShippingMethod } from './shipping-method';
import { ShippingDomainError } from './shipping-domain-error';
import { Zone } from './zone';

/** Seeded runs (deterministic in CI); a failure prints the counterexample and its seed. */
const RUNS = { seed: 20261130, numRuns: 300 };

const currency = fc.constantFrom('EUR', 'JPY', 'KWD');
// Common prices often, so ties (same price, same estimate) are tried, not only distinct amounts.
const amount = fc.oneof(fc.constantFrom(0, 1, 490), fc.integer({ min: 0, max: 10_000_000 }));
const grams = fc.integer({ min: 0, max: 100_000 });

const bandsFor = (cur: string) =>
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 6 }), fc.boolean())
    .chain(([bounds, open]) =>
      fc
        .array(amount, { minLength: bounds.length + (open ? 1 : 0), maxLength: bounds.length + (open ? 1 : 0) })
        .map((prices): WeightBand[] => {
          const sorted = [...bounds].sort((a, b) => a - b);
          const limits: (number | null)[] = open ? [...sorted, null] : sorted;
          return limits.map((upToGrams, i) => ({ upToGrams, price: { amount: prices[i], currency: cur } }));
        }),
    );

const ruleIn = (cur: string): fc.Arbitrary<PriceRule> =>
  fc.oneof(
    amount.map((a): PriceRule => ({ kind: 'flat', price: { amount: a, currency: cur } })),
    fc.tuple(amount, fc.integer({ min: 1, max: 10_000_000 })).map(([a, t]): PriceRule => ({
      kind: 'free_above',
      price: { amount: a, currency: cur },
      threshold: { amount: t, currency: cur },
    })),
    bandsFor(cur).map((bands): PriceRule => ({ kind: 'weight_bands', bands })),
  );

const pricedCart = (cur: string) =>
  fc.record({ discountedSubtotal: amount.map((a) => ({ amount: a, currency: cur })), weightGrams: grams });

describe('rate rules at their edges (property)', () => {
  it('free_above is free exactly at the threshold and charges one minor unit below', () => {
    fc.assert(
      fc.property(currency, amount, fc.integer({ min: 1, max: 10_000_000 }), grams, (cur, price, threshold, w) => {
        const rule: PriceRule = {
          kind: 'free_above',
          price: { amount: price, currency: cur },
          threshold: { amount: threshold, currency: cur },
        };
        const at = priceByRule(rule, { discountedSubtotal: { amount: threshold, currency: cur }, weightGrams: w });
        const below = priceByRule(rule, {
          discountedSubtotal: { amount: threshold - 1, currency: cur },
          weightGrams: w,
        });
        expect(at).toEqual({ priced: true, price: { amount: 0, currency: cur } });
        expect(below).toEqual({ priced: true, price: { amount: price, currency: cur } });
      }),
      RUNS,
    );
  });

  it('a weight exactly at a band’s bound is that band’s price; one gram more is the next band or no offer', () => {
    fc.assert(
      fc.property(
        bandsFor('EUR').chain((bands) => fc.tuple(fc.constant(bands), fc.nat({ max: bands.length - 1 }))),
        ([bands, i]) => {
          const rule: PriceRule = { kind: 'weight_bands', bands };
          const bound = bands[i].upToGrams;
          if (bound === null) return; // the open band has no edge
          const at = priceByRule(rule, { discountedSubtotal: { amount: 0, currency: 'EUR' }, weightGrams: bound });
          const above = priceByRule(rule, {
            discountedSubtotal: { amount: 0, currency: 'EUR' },
            weightGrams: bound + 1,
          });
          expect(at).toEqual({ priced: true, price: bands[i].price });
          expect(above).toEqual(i + 1 < bands.length ? { priced: true, price: bands[i + 1].price } : { priced: false });
        },
      ),
      RUNS,
    );
  });

  it('zero weight is always the first band', () => {
    fc.assert(
      fc.property(bandsFor('JPY'), (bands) => {
        const zero = priceByRule(
          { kind: 'weight_bands', bands },
          { discountedSubtotal: { amount: 0, currency: 'JPY' }, weightGrams: 0 },
        );
        expect(zero).toEqual({ priced: true, price: bands[0].price });
      }),
      RUNS,
    );
  });

  it('a price is never negative and is always one of the rule’s own amounts (or 0 when free)', () => {
    fc.assert(
      fc.property(
        currency.chain((cur) => fc.tuple(ruleIn(cur), pricedCart(cur))),
        ([rule, cart]) => {
          const result = priceByRule(rule, cart);
          if (!result.priced) return expect(rule.kind).toBe('weight_bands');
          const own = rule.kind === 'weight_bands' ? rule.bands.map((b) => b.price.amount) : [rule.price.amount, 0];
          expect(result.price.amount).toBeGreaterThanOrEqual(0);
          expect(own).toContain(result.price.amount);
          expect(result.price.currency).toBe(cart.discountedSubtotal.currency);
        },
      ),
      RUNS,
    );
  });
});

const COUNTRIES = ['DE', 'FR', 'AT', 'US', 'JP'];

const zonesArb = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom('z1', 'z2', 'z3', 'z4'),
    name: fc.constantFrom('A', 'B'),
    countries: fc.subarray(COUNTRIES, { minLength: 1 }),
  }),
  { selector: (z) => z.id, maxLength: 4 },
);

/** Methods with ids `m0…`; some are cloned under another id (`c0…`), so equal offers must be ordered by id. */
const methodsArb: fc.Arbitrary<ShippingMethod[]> = fc
  .array(
    fc.record({
      zoneId: fc.constantFrom('z1', 'z2', 'z3', 'z4', 'z9'),
      name: fc.constantFrom('Standard', 'Express', 'Economy'),
      enabled: fc.boolean(),
      priceRules: fc
        .uniqueArray(currency, { minLength: 1, maxLength: 3 })
        .chain((curs) => fc.tuple(...curs.map(ruleIn))),
      estimate: fc
        .tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 }))
        .map(([a, b]) => ({ minDays: Math.min(a, b), maxDays: Math.max(a, b) })),
    }),
    { maxLength: 6 },
  )
  .chain((defs) =>
    fc
      .subarray(defs.map((def, i) => ({ ...def, id: `m${i}` })))
      .map((clones) => [
        ...defs.map((def, i) => ({ ...def, id: `m${i}` })),
        ...clones.map((clone, i) => ({ ...clone, id: `c${i}` })),
      ]),
  );

const cartArb: fc.Arbitrary<CartContext> = fc.record({
  country: fc.constantFrom(...COUNTRIES, 'BR'),
  discountedSubtotal: fc
    .tuple(amount, fc.constantFrom('EUR', 'JPY', 'KWD', 'USD'))
    .map(([a, c]) => ({ amount: a, currency: c })),
  weightGrams: grams,
});

describe('quotes (property)', () => {
  it('are the same, in the same order, whatever the order of methods and zones', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(zonesArb, methodsArb, cartArb)
          .chain(([zones, methods, cart]) =>
            fc.tuple(
              fc.constant<[Zone[], ShippingMethod[], CartContext]>([zones, methods, cart]),
              fc.shuffledSubarray(zones, { minLength: zones.length }),
              fc.shuffledSubarray(methods, { minLength: methods.length }),
            ),
          ),
        ([[zones, methods, cart], shuffledZones, shuffledMethods]) => {
          const quotes = quoteShipping(cart, methods, zones);
          expect(quoteShipping(cart, shuffledMethods, shuffledZones)).toEqual(quotes);
          expect(quoteShipping(cart, [...methods].reverse(), [...zones].reverse())).toEqual(quotes);
          for (let i = 1; i < quotes.length; i++) {
            expect(quotes[i].price.amount).toBeGreaterThanOrEqual(quotes[i - 1].price.amount);
          }
        },
      ),
      RUNS,
    );
  });

  it('offer exactly the methods a customer may choose, at the price the choice is quoted at', () => {
    fc.assert(
      fc.property(zonesArb, methodsArb, cartArb, (zones, methods, cart) => {
        const offered = new Map(quoteShipping(cart, methods, zones).map((q) => [q.methodId, q]));
        for (const method of methods) {
          const zone = zones.find((z) => z.id === method.zoneId);
          let chosen: unknown;
          try {
            chosen = quoteMethod(method.id, cart, methods, zones);
          } catch (error) {
            if (!(error instanceof ShippingDomainError)) throw error;
            chosen = undefined;
          }
          expect(chosen).toEqual(offered.get(method.id));
          if (offered.has(method.id)) {
            expect(method.enabled).toBe(true);
            expect(zone?.countries).toContain(cart.country);
            expect(offered.get(method.id)?.price.currency).toBe(cart.discountedSubtotal.currency);
            expect(offered.get(method.id)?.price.amount).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      RUNS,
    );
  });
});
