import { canTransition, statusAfterRefund } from './payment-status';
import { checkRefund } from './refund-rules';
import { assessRisk, RiskInput, RiskPolicy } from './risk-assessment';

const policy: RiskPolicy = {
  reviewScore: 50,
  blockScore: 80,
  highAmount: 100_000,
  veryHighAmount: 500_000,
  maxPaymentsInWindow: 5,
  maxFailedInWindow: 3,
};
const calm: RiskInput = {
  amount: 1999,
  recentPayments: 0,
  recentFailures: 0,
  shippingCountry: 'DE',
  cardCountry: 'DE',
  providerRiskLevel: 'normal',
};

describe('risk assessment', () => {
  it('allows an ordinary payment with a zero score', () => {
    expect(assessRisk(calm, policy)).toEqual({ score: 0, decision: 'allow', reasons: [] });
  });

  it('adds up the rules that fire and decides by the configured thresholds', () => {
    const review = assessRisk({ ...calm, amount: 200_000, cardCountry: 'US' }, policy);
    expect(review).toEqual({ score: 45, decision: 'allow', reasons: ['amount_high', 'country_mismatch'] });
    const flagged = assessRisk({ ...calm, amount: 600_000, cardCountry: 'us' }, policy);
    expect(flagged).toMatchObject({ score: 65, decision: 'review' });
    const blocked = assessRisk({ ...calm, recentFailures: 3, recentPayments: 6, cardCountry: 'FR' }, policy);
    expect(blocked).toEqual({
      score: 90,
      decision: 'block',
      reasons: ['velocity', 'failed_attempts', 'country_mismatch'],
    });
  });

  it('blocks what the provider rates highest risk, capping the score at 100', () => {
    expect(assessRisk({ ...calm, providerRiskLevel: 'highest', amount: 600_000 }, policy)).toMatchObject({
      score: 100,
      decision: 'block',
    });
  });

  it('ignores the country rule when the card country is unknown', () => {
    expect(assessRisk({ ...calm, cardCountry: null }, policy).reasons).toEqual([]);
  });
});

describe('payment transitions', () => {
  it('only moves forward', () => {
    expect(canTransition('pending', 'authorized')).toBe(true);
    expect(canTransition('authorized', 'captured')).toBe(true);
    expect(canTransition('captured', 'declined')).toBe(false);
    expect(canTransition('captured', 'authorized')).toBe(false);
    expect(canTransition('voided', 'authorized')).toBe(false);
    expect(canTransition('refunded', 'partially_refunded')).toBe(false);
    expect(statusAfterRefund(100, 40)).toBe('partially_refunded');
    expect(statusAfterRefund(100, 100)).toBe('refunded');
  });
});

describe('refund rules', () => {
  const captured = { status: 'captured' as const, currency: 'EUR', capturedAmount: 1000, refundedAmount: 300 };
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  it('refunds the remainder by default and any amount up to it', () => {
    expect(checkRefund(captured, null)).toEqual({ ok: true, amount: 700 });
    expect(checkRefund(captured, eur(700))).toEqual({ ok: true, amount: 700 });
  });
  it('refuses more than captured minus refunded with 422', () => {
    expect(checkRefund(captured, eur(701))).toMatchObject({ ok: false, status: 422 });
    expect(checkRefund({ ...captured, status: 'refunded', refundedAmount: 1000 }, null)).toMatchObject({ status: 422 });
  });
  it("refuses another currency than the payment's with 422", () => {
    expect(checkRefund(captured, { amount: 100, currency: 'USD' })).toMatchObject({
      ok: false,
      status: 422,
      type: 'refund-currency-mismatch',
    });
  });
  it('refuses money never captured with 409', () => {
    for (const status of ['voided', 'authorized', 'declined', 'pending', 'expired'] as const) {
      expect(checkRefund({ status, currency: 'EUR', capturedAmount: 0, refundedAmount: 0 }, null)).toMatchObject({
        ok: false,
        status: 409,
      });
    }
  });
});
