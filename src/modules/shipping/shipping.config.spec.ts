import { ConfigError } from '../../platform/config';
import { loadShippingConfig } from './shipping.config';

describe('shipping settings', () => {
  const secret = 'a-shipping-sandbox-secret-of-32-characters-or-more';

  it('runs the sandbox carrier outside production, with the public development secret', () => {
    expect(loadShippingConfig({ NODE_ENV: 'development' }).sandbox).toMatchObject({
      enabled: true,
      webhookDelivery: true,
    });
    expect(loadShippingConfig({ NODE_ENV: 'test' }).sandbox).toMatchObject({ enabled: true, webhookDelivery: false });
  });

  it('turns the sandbox carrier off in production unless enabled, and then requires a secret of its own', () => {
    expect(loadShippingConfig({ NODE_ENV: 'production' }).sandbox.enabled).toBe(false);
    expect(() => loadShippingConfig({ NODE_ENV: 'production', SHIPPING_SANDBOX: 'enabled' })).toThrow(ConfigError);
    expect(
      loadShippingConfig({
        NODE_ENV: 'production',
        SHIPPING_SANDBOX: 'enabled',
        SHIPPING_SANDBOX_WEBHOOK_SECRET: secret,
      }).sandbox,
    ).toMatchObject({ enabled: true, webhookSecret: secret });
  });

  it('refuses a short or public secret and malformed numbers, naming the variable', () => {
    for (const env of [
      { SHIPPING_SANDBOX_WEBHOOK_SECRET: 'short' },
      { SHIPPING_SANDBOX_WEBHOOK_SECRET: 'ab'.repeat(20) },
      { SHIPPING_SANDBOX_WEBHOOK_SECRET: 'whsec_arcade_shipping_sandbox_development' },
      { SHIPPING_WEBHOOK_TOLERANCE_SECONDS: '0' },
      { SHIPPING_SANDBOX: 'yes' },
    ]) {
      expect(() => loadShippingConfig(env)).toThrow(ConfigError);
    }
  });
});
