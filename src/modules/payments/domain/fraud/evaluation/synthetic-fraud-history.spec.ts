import { DEFAULT_FRAUD_HISTORY, generateFraudHistory } from './synthetic-fraud-history';

const small = { ...DEFAULT_FRAUD_HISTORY, accounts: 2000, days: 60, warmupDays: 30 };

describe('synthetic fraud history', () => {
  const events = generateFraudHistory(small);
  const attempts = events.flatMap((e) => (e.kind === 'attempt' ? [e] : []));

  it('is the same for the same seed and differs for another', () => {
    expect(generateFraudHistory(small)).toEqual(events);
    expect(generateFraudHistory({ ...small, seed: 43 })).not.toEqual(events);
  });

  it('is in time order, every attempt after its order and every order after its account', () => {
    const seen = new Map<string, number>();
    let last = -Infinity;
    for (const e of events) {
      expect(e.at).toBeGreaterThanOrEqual(last);
      last = e.at;
      if (e.kind === 'account') seen.set(e.account.accountId, e.at);
      if (e.kind === 'order') expect(seen.get(e.order.accountId)).toBeLessThanOrEqual(e.at);
      if (e.kind === 'attempt') expect(e.attempt.at).toBeGreaterThan(e.order.placedAt);
    }
  });

  it('plants every fraud pattern and every look-alike at a realistic base rate', () => {
    const rate = attempts.filter((a) => a.label.fraud).length / attempts.length;
    expect(rate).toBeGreaterThan(0.005);
    expect(rate).toBeLessThan(0.02);
    const kinds = new Set(attempts.map((a) => a.label.pattern ?? a.label.lookAlike));
    for (const kind of ['card_testing', 'account_takeover', 'reseller', 'shared_address', 'friendly_fraud']) {
      expect(kinds).toContain(kind);
    }
    for (const kind of ['big_spender', 'traveller', 'gift', 'expat_card', 'first_big_buy', 'mover', 'parcel_locker']) {
      expect(kinds).toContain(kind);
    }
  });

  it('gives card testing its shape: small amounts, mostly declined, cards shared across accounts', () => {
    const testing = attempts.filter((a) => a.label.pattern === 'card_testing');
    expect(Math.max(...testing.map((a) => a.attempt.amount))).toBeLessThanOrEqual(1_500);
    expect(testing.filter((a) => a.attempt.outcome === 'declined').length / testing.length).toBeGreaterThan(0.5);
    const accountsPerCard = new Map<string, Set<string>>();
    for (const a of testing) {
      const set = accountsPerCard.get(a.attempt.fingerprint) ?? new Set<string>();
      accountsPerCard.set(a.attempt.fingerprint, set.add(a.attempt.accountId));
    }
    expect(Math.max(...[...accountsPerCard.values()].map((s) => s.size))).toBeGreaterThan(1);
  });
});
