import { v7 as uuidv7 } from 'uuid';
import { DEV_CARRIER_SECRET } from '../../src/modules/shipping/shipping.config';
import { signWebhook } from '../../src/platform/webhooks';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { deliver, orderConfirmed } from './shipping-support';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'production-test-secret-0123456789abcdef' };

/** The sandbox carrier fakes deliveries: in production it does not exist unless explicitly enabled. */
describe('shipping: the sandbox carrier is a test tool', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({ modules: ['shipping'], env: PRODUCTION });
  });
  afterAll(() => s.close());

  it('is off in production: its webhook route, its scans and its tracking numbers are refused', async () => {
    const payload = JSON.stringify({
      id: `evt_${uuidv7()}`,
      trackingNumber: 'SBX000000000001',
      status: 'delivered',
      occurredAt: Date.now(),
      sequence: 1,
    });
    const forged = await s.app.inject({
      method: 'POST',
      url: '/shipping/webhooks/sandbox',
      payload,
      headers: {
        'content-type': 'application/json',
        'sandbox-signature': signWebhook(payload, DEV_CARRIER_SECRET, Math.floor(Date.now() / 1000)),
      },
    });
    expect(forged.statusCode).toBe(404);
    expect(forged.headers['content-type']).toContain('application/problem+json');

    const admin = bearer(s.app, ['admin']);
    const scan = await s.app.inject({
      method: 'POST',
      url: '/shipping/sandbox/parcels/SBX000000000001/events',
      headers: admin,
      payload: { status: 'delivered' },
    });
    expect(scan.statusCode).toBe(404);

    const event = orderConfirmed([{ quantity: 1 }]);
    await deliver(s, event);
    const list = await s.app.inject({
      method: 'GET',
      url: `/shipping/shipments?orderId=${event.payload.orderId}`,
      headers: admin,
    });
    const [shipment] = list.json().items;
    await s.app.inject({ method: 'POST', url: `/shipping/shipments/${shipment.id}/pack`, headers: admin });
    const dispatch = await s.app.inject({
      method: 'POST',
      url: `/shipping/shipments/${shipment.id}/dispatch`,
      headers: admin,
      payload: { carrier: 'sandbox' },
    });
    expect(dispatch.statusCode).toBe(400);
  });
});
