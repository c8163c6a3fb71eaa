import { DAY_MS, extractSignals, HOUR_MS } from './extract-signals';
import { AttemptContext, AttemptFact, FraudHistory, OrderFact } from './fraud-history';

const now = Date.UTC(2025, 5, 10, 2, 30); // 02:30 UTC
const ago = (ms: number) => now - ms;

const order = (
  orderId: string,
  accountId: string,
  placedAt: number,
  amount: number,
  address = 'addr-home',
): OrderFact => ({
  orderId,
  accountId,
  placedAt,
  amount,
  resellableAmount: 0,
  shippingAddress: address,
  shippingCountry: 'DE',
});

const attempt = (
  o: OrderFact,
  fingerprint: string,
  outcome: AttemptFact['outcome'],
  at = o.placedAt + 2000,
): AttemptFact => ({
  orderId: o.orderId,
  accountId: o.accountId,
  at,
  amount: o.amount,
  fingerprint,
  cardCountry: 'DE',
  providerRiskLevel: 'normal',
  outcome,
});

/** Alice: 100 days old, three paid orders at home with card A, a decline 30 minutes ago. */
function aliceHistory(): FraudHistory {
  const history = new FraudHistory()
    .addAccount({ accountId: 'alice', registeredAt: ago(100 * DAY_MS), emailDomain: 'gmail.com' })
    .addAccount({ accountId: 'bob', registeredAt: ago(300 * DAY_MS), emailDomain: 'GMAIL.com' })
    .addAccount({ accountId: 'carol', registeredAt: ago(5 * DAY_MS), emailDomain: 'rare.example' });
  const paid = [order('o1', 'alice', ago(60 * DAY_MS), 4_000), order('o2', 'alice', ago(20 * DAY_MS), 6_000)];
  const recent = order('o3', 'alice', ago(2 * HOUR_MS), 5_000);
  const declined = order('o4', 'alice', ago(30 * 60_000), 9_000);
  for (const o of [...paid, recent]) history.addOrder(o).addAttempt(attempt(o, 'card-a', 'authorized'));
  history.addOrder(declined).addAttempt(attempt(declined, 'card-a', 'declined'));
  // Carol shipped to the address Alice now uses, 10 days ago and (outside the window) 40 days ago,
  // and Bob paid with the card Alice now uses.
  const carols = order('c1', 'carol', ago(10 * DAY_MS), 20_000, 'addr-drop');
  history.addOrder(carols).addAttempt(attempt(carols, 'card-b', 'declined', ago(10 * DAY_MS)));
  history.addOrder(order('x1', 'dave', ago(40 * DAY_MS), 1_000, 'addr-drop'));
  const bobs = order('b1', 'bob', ago(3 * HOUR_MS), 2_000, 'addr-bob');
  history.addOrder(bobs).addAttempt(attempt(bobs, 'card-b', 'declined'));
  return history;
}

const aliceNow: AttemptContext = {
  order: { ...order('o5', 'alice', ago(5_000), 30_000, 'addr-drop'), resellableAmount: 24_000, shippingCountry: 'de' },
  at: now,
  fingerprint: 'card-b',
  cardCountry: 'fr',
  providerRiskLevel: 'elevated',
};

describe('fraud signals from a hand-made history', () => {
  it('computes every signal of an established account paying with a new card to a new, shared address', () => {
    expect(extractSignals(aliceHistory(), aliceNow)).toEqual({
      amount: 30_000,
      usualBasket: 5_000,
      paidOrdersBefore: 3,
      accountAgeDays: 100,
      ordersLastHour: 1,
      ordersLastDay: 2,
      paymentsLastHour: 1,
      paymentsLastDay: 2,
      declinesLastHour: 1,
      declinesLastDay: 1,
      cardDeclinesLastDay: 1,
      paymentMethodsOnAccount: 2,
      accountsOnPaymentMethod: 3,
      paymentMethodNewToAccount: true,
      shippingCountry: 'DE',
      cardCountry: 'FR',
      accountsOnShippingAddress: 2,
      shippingAddressNewToAccount: true,
      emailDomainSeenBefore: true,
      resellableShare: 0.8,
      hourOfDay: 2,
      providerRiskLevel: 'elevated',
    });
  });

  it('looks only at facts before the attempt, and never counts the attempt’s own order', () => {
    const history = aliceHistory();
    const before = extractSignals(history, aliceNow);
    const later = order('o9', 'alice', now + 60_000, 99_000, 'addr-drop');
    history
      .addOrder(aliceNow.order) // the order being paid is already in the read model
      .addOrder(later)
      .addAttempt(attempt(later, 'card-b', 'authorized'))
      .addAttempt({ ...attempt(aliceNow.order, 'card-b', 'declined'), at: now }) // this very attempt
      .addAccount({ accountId: 'eve', registeredAt: now + 1, emailDomain: 'rare.example' });
    expect(extractSignals(history, aliceNow)).toEqual(before);
  });

  it('counts a payment as the usual basket only once it was authorized, and takes the median', () => {
    const history = new FraudHistory().addAccount({
      accountId: 'u',
      registeredAt: ago(DAY_MS),
      emailDomain: 'x.example',
    });
    const amounts = [1_000, 9_000, 3_000, 50_000];
    amounts.forEach((amount, i) => {
      const o = order(`o${i}`, 'u', ago((10 - i) * HOUR_MS), amount);
      history.addOrder(o).addAttempt(attempt(o, 'card', i === 3 ? 'declined' : 'authorized'));
    });
    const signals = extractSignals(history, { ...aliceNow, order: order('new', 'u', ago(1000), 2_000) });
    expect(signals).toMatchObject({ usualBasket: 3_000, paidOrdersBefore: 3, ordersLastDay: 4, declinesLastDay: 1 });
  });

  it('treats an account whose registration was never seen as brand new with an unseen domain', () => {
    const signals = extractSignals(new FraudHistory(), { ...aliceNow, order: order('g1', 'ghost', ago(1000), 500) });
    expect(signals).toMatchObject({
      accountAgeDays: null,
      emailDomainSeenBefore: false,
      usualBasket: null,
      paidOrdersBefore: 0,
      paymentMethodsOnAccount: 1,
      accountsOnPaymentMethod: 1,
      accountsOnShippingAddress: 1,
      paymentMethodNewToAccount: true,
      shippingAddressNewToAccount: true,
    });
  });

  it('reads the hour in the shop’s time zone and the address window from the options', () => {
    const signals = extractSignals(aliceHistory(), aliceNow, { utcOffsetMinutes: -180, addressWindowMs: 60 * DAY_MS });
    expect(signals.hourOfDay).toBe(23);
    expect(signals.accountsOnShippingAddress).toBe(3); // Dave's order 40 days ago now counts
  });
});
