import { v7 as uuidv7 } from 'uuid';
import { GetPaymentProviders } from '../../src/modules/payments';
import { SandboxWebhookBody } from '../../src/modules/payments/infrastructure/providers/sandbox/sandbox-webhooks';
import { signWebhook } from '../../src/platform/webhooks';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { freePort, startAppProcess } from '../support/app-process';
import { createTestDatabase } from '../support/test-database';
import { authorized, paymentRow } from './payments-support';

/** The public development secret, as anyone can read it in the source. */
const PUBLIC_SECRET = 'whsec_arcade_sandbox_development_secret';
const OWN_SECRET = 'sandbox-secret-of-this-deployment-0123456789';
const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'production-test-secret-0123456789abcdef' };

function refundedEvent(paymentId: string, charge: string | null): string {
  const body: SandboxWebhookBody = {
    id: `evt_forged_${uuidv7()}`,
    type: 'charge.refunded',
    created: Math.floor(Date.now() / 1000),
    data: { charge, paymentId, amount: 2500, capturedAmount: 2500, amountRefunded: 2500, last4: null, reason: null },
  };
  return JSON.stringify(body);
}

const deliver = (s: Scenario, payload: string, secret: string) =>
  s.app.inject({
    method: 'POST',
    url: '/payments/webhooks/sandbox',
    payload,
    headers: {
      'content-type': 'application/json',
      'sandbox-signature': signWebhook(payload, secret, Math.floor(Date.now() / 1000)),
    },
  });

describe('the sandbox is a test tool', () => {
  it('is off in production: no sandbox provider, its webhook route refuses a body signed with the public secret', async () => {
    const s = await Scenario.start({ modules: ['payments'], env: PRODUCTION });
    try {
      expect(await s.bus.query(new GetPaymentProviders())).toEqual({ providers: [] });
      const forged = await deliver(s, refundedEvent(uuidv7(), 'ch_sbx_forged'), PUBLIC_SECRET);
      expect(forged.statusCode).toBe(404);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      // Nor can the sandbox be told to send a dispute.
      const dispute = await s.app.inject({
        method: 'POST',
        url: '/payments/sandbox/disputes',
        headers: bearer(s.app, ['admin']),
        payload: { orderId: uuidv7() },
      });
      expect(dispute.statusCode).toBe(404);
      expect(dispute.headers['content-type']).toContain('application/problem+json');
    } finally {
      await s.close();
    }
  });

  it('refuses to start in production with PAYMENTS_SANDBOX=enabled and no secret of its own, in one line', async () => {
    const database = await createTestDatabase();
    try {
      // The built app as users run it (NODE_ENV=production): it must stop, not serve.
      const app = startAppProcess({ DATABASE_URL: database.url, PAYMENTS_SANDBOX: 'enabled' }, await freePort());
      expect(await app.exited()).toBe(1);
      // Its last word is the one line naming the setting (issue 16 removes Nest's trace before it).
      const lines = app.output().trim().split('\n');
      expect(lines[lines.length - 1]).toMatch(/^Invalid configuration: SANDBOX_WEBHOOK_SECRET must be set/);
    } finally {
      await database.drop();
    }
  }, 60_000);

  it('with a secret configured, refuses a webhook signed with the public secret and changes nothing', async () => {
    const s = await Scenario.start({
      modules: ['payments'],
      env: { ...PRODUCTION, PAYMENTS_SANDBOX: 'enabled', SANDBOX_WEBHOOK_SECRET: OWN_SECRET },
    });
    try {
      expect(await s.bus.query(new GetPaymentProviders())).toEqual({ providers: ['sandbox'] });
      const { orderId, paymentId } = await authorized(s);
      const payload = refundedEvent(paymentId, (await paymentRow(s, orderId)).provider_ref as string);
      const forged = await deliver(s, payload, PUBLIC_SECRET);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().type).toContain('invalid-webhook');
      expect(await paymentRow(s, orderId)).toMatchObject({ status: 'authorized', refunded_amount: 0 });
      expect((await deliver(s, payload, OWN_SECRET)).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});
