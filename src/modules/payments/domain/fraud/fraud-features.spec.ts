import { DEFAULT_FEATURE_SPEC, FEATURE_NAMES, toFeatureVector } from './fraud-features';
import { FraudSignals } from './fraud-signals';

const CALM_SIGNALS: FraudSignals = {
  amount: 5_000,
  usualBasket: 5_000,
  paidOrdersBefore: 4,
  accountAgeDays: 400,
  ordersLastHour: 0,
  ordersLastDay: 0,
  paymentsLastHour: 0,
  paymentsLastDay: 0,
  declinesLastHour: 0,
  declinesLastDay: 0,
  cardDeclinesLastDay: 0,
  paymentMethodsOnAccount: 1,
  accountsOnPaymentMethod: 1,
  paymentMethodNewToAccount: false,
  shippingCountry: 'DE',
  cardCountry: 'DE',
  accountsOnShippingAddress: 1,
  shippingAddressNewToAccount: false,
  emailDomainSeenBefore: true,
  resellableShare: 0,
  hourOfDay: 18,
  providerRiskLevel: 'normal',
};

const features = (signals: Partial<FraudSignals>, spec = DEFAULT_FEATURE_SPEC) => {
  const vector = toFeatureVector({ ...CALM_SIGNALS, ...signals }, spec);
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, vector[i]]));
};

describe('fraud features', () => {
  it('gives a calm, established customer no flags and a zero basket ratio', () => {
    const calm = features({});
    expect(calm).toMatchObject({
      amount_vs_usual_basket: 0,
      no_paid_order_before: 0,
      new_payment_method_on_established_account: 0,
      new_address_on_established_account: 0,
      country_mismatch: 0,
      email_domain_new: 0,
      first_order_high_amount: 0,
      log_accounts_on_payment_method: 0,
      log_accounts_on_shipping_address: 0,
      night_0_to_5: 0,
      provider_elevated: 0,
    });
    expect(calm.log_amount).toBeCloseTo(Math.log1p(5_000));
  });

  it('logs and clips the ratio to the usual basket, and sets it to 0 without a history', () => {
    expect(features({ amount: 50_000 }).amount_vs_usual_basket).toBeCloseTo(Math.log(50_100 / 5_100));
    expect(features({ amount: 10_000_000 }).amount_vs_usual_basket).toBe(5);
    expect(features({ amount: 2_000 }).amount_vs_usual_basket).toBeCloseTo(Math.log(2_100 / 5_100));
    expect(features({ amount: 1 }).amount_vs_usual_basket).toBe(-3);
    expect(features({ usualBasket: null, paidOrdersBefore: 0 })).toMatchObject({
      amount_vs_usual_basket: 0,
      no_paid_order_before: 1,
    });
  });

  it('flags a new card or address only on an account that has paid before', () => {
    const takeover = features({ paymentMethodNewToAccount: true, shippingAddressNewToAccount: true });
    expect(takeover.new_payment_method_on_established_account).toBe(1);
    expect(takeover.new_address_on_established_account).toBe(1);
    const newcomer = features({
      paymentMethodNewToAccount: true,
      shippingAddressNewToAccount: true,
      paidOrdersBefore: 0,
      usualBasket: null,
    });
    expect(newcomer.new_payment_method_on_established_account).toBe(0);
    expect(newcomer.new_address_on_established_account).toBe(0);
  });

  it('flags a first order at or above the spec’s high amount', () => {
    const first = { paidOrdersBefore: 0, usualBasket: null };
    expect(features({ ...first, amount: 50_000 }).first_order_high_amount).toBe(1);
    expect(features({ ...first, amount: 49_999 }).first_order_high_amount).toBe(0);
    const lower = { ...DEFAULT_FEATURE_SPEC, firstOrderHighAmount: 20_000 };
    expect(features({ ...first, amount: 20_000 }, lower).first_order_high_amount).toBe(1);
    expect(features({ amount: 90_000 }).first_order_high_amount).toBe(0);
  });

  it('marks card-testing sized amounts and declines on an account that never paid', () => {
    expect(features({ amount: 1_999 }).small_amount).toBe(1);
    expect(features({ amount: 2_000 }).small_amount).toBe(0);
    const newcomer = { paidOrdersBefore: 0, usualBasket: null, declinesLastDay: 3 };
    expect(features(newcomer).declines_without_paid_history).toBeCloseTo(Math.log1p(3));
    expect(features({ declinesLastDay: 3 }).declines_without_paid_history).toBe(0);
  });

  it('compresses and caps counts, so one extreme value cannot dominate', () => {
    expect(features({ accountsOnPaymentMethod: 4 }).log_accounts_on_payment_method).toBeCloseTo(Math.log1p(3));
    expect(features({ declinesLastHour: 10_000 }).log_declines_last_hour).toBeCloseTo(Math.log1p(50));
    expect(features({ accountAgeDays: null }).log_account_age_days).toBe(0);
    expect(features({ accountAgeDays: null }).account_under_a_day).toBe(1);
  });

  it('encodes countries, the hour and the provider signal', () => {
    expect(features({ cardCountry: 'FR' }).country_mismatch).toBe(1);
    expect(features({ cardCountry: null })).toMatchObject({ country_mismatch: 0, card_country_unknown: 1 });
    expect(features({ hourOfDay: 3 }).night_0_to_5).toBe(1);
    expect(features({ hourOfDay: 6 }).hour_sin).toBeCloseTo(1);
    expect(features({ hourOfDay: 0 }).hour_cos).toBeCloseTo(1);
    expect(features({ providerRiskLevel: 'highest' })).toMatchObject({ provider_highest: 1, provider_elevated: 0 });
    expect(features({ resellableShare: 1.4 }).resellable_share).toBe(1);
  });
});
