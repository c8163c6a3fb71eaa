import { ConfigError } from '../../platform/config';
import { loadPaymentsConfig } from './payments.config';

const SECRET = 'a-sandbox-webhook-secret-of-32-chars!';

describe('payments settings', () => {
  it('runs the sandbox in development and tests, with the development secret', () => {
    for (const NODE_ENV of ['development', 'test', undefined]) {
      const config = loadPaymentsConfig({ NODE_ENV });
      expect(config.sandbox.enabled).toBe(true);
      expect(config.sandbox.webhookSecret).toMatch(/^whsec_arcade/);
    }
  });

  it('leaves the sandbox off in production unless PAYMENTS_SANDBOX=enabled', () => {
    expect(loadPaymentsConfig({ NODE_ENV: 'production' }).sandbox.enabled).toBe(false);
    expect(loadPaymentsConfig({ NODE_ENV: 'development', PAYMENTS_SANDBOX: 'disabled' }).sandbox.enabled).toBe(false);
    const enabled = loadPaymentsConfig({
      NODE_ENV: 'production',
      PAYMENTS_SANDBOX: 'enabled',
      SANDBOX_WEBHOOK_SECRET: SECRET,
    });
    expect(enabled.sandbox).toMatchObject({ enabled: true, webhookSecret: SECRET });
  });

  it('refuses to start a production sandbox without a secret of its own, in one line naming the variable', () => {
    const attempts = [
      { NODE_ENV: 'production', PAYMENTS_SANDBOX: 'enabled' },
      { NODE_ENV: 'production', PAYMENTS_SANDBOX: 'enabled', SANDBOX_WEBHOOK_SECRET: 'too-short' },
      { NODE_ENV: 'production', PAYMENTS_SANDBOX: 'enabled', SANDBOX_WEBHOOK_SECRET: 's'.repeat(40) },
      {
        NODE_ENV: 'production',
        PAYMENTS_SANDBOX: 'enabled',
        SANDBOX_WEBHOOK_SECRET: 'whsec_arcade_sandbox_development_secret',
      },
    ];
    for (const env of attempts) {
      let error: unknown;
      try {
        loadPaymentsConfig(env);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe('SANDBOX_WEBHOOK_SECRET');
      expect((error as ConfigError).message.split('\n')).toHaveLength(1);
    }
    expect(() => loadPaymentsConfig({ PAYMENTS_SANDBOX: 'on' })).toThrow(/PAYMENTS_SANDBOX/);
  });

  it('reads the fraud decision settings, and refuses a probability outside (0, 1] or a review threshold above the block one', () => {
    expect(loadPaymentsConfig({}).fraud).toMatchObject({
      thresholds: { reviewProbability: 0.2, blockProbability: 0.9, rulesBlockFloor: 'review' },
      reviewDeadlineMinutes: 1440,
      reviewDefault: 'reject',
      resellableCategoryIds: [],
    });
    expect(
      loadPaymentsConfig({
        FRAUD_REVIEW_PROBABILITY: '0.05',
        FRAUD_BLOCK_PROBABILITY: '1',
        FRAUD_REVIEW_DEFAULT: 'approve',
        FRAUD_RESELLABLE_CATEGORIES: 'a, b',
      }).fraud,
    ).toMatchObject({
      thresholds: { reviewProbability: 0.05, blockProbability: 1 },
      reviewDefault: 'approve',
      resellableCategoryIds: ['a', 'b'],
    });
    for (const [name, value] of [
      ['FRAUD_REVIEW_PROBABILITY', '0'],
      ['FRAUD_REVIEW_PROBABILITY', '1.5'],
      ['FRAUD_BLOCK_PROBABILITY', 'high'],
      ['FRAUD_REVIEW_PROBABILITY', '0.95'],
    ]) {
      expect(() => loadPaymentsConfig({ [name]: value })).toThrow(ConfigError);
    }
  });
});
