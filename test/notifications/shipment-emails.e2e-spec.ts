import { v7 as uuidv7 } from 'uuid';
import { ShipmentDelivered, ShipmentDispatched } from '../../src/modules/shipping';
import { LocalEventDispatcher, toEnvelope } from '../../src/platform/messaging/testing';
import { Client, FAST_HASHING } from '../accounts/accounts-test-kit';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { deliver, orderConfirmed } from '../shipping/shipping-support';
import { decodeMail, SmtpTestServer } from './smtp-test-server';

/** "Shipped" and "delivered" emails from shipping's events, over a real SMTP server, once per parcel. */
describe('notifications: shipment emails over SMTP', () => {
  let smtp: SmtpTestServer;
  let s: Scenario;
  let customerId: string;
  const email = 'parcel@example.com';

  beforeAll(async () => {
    smtp = new SmtpTestServer();
    const url = await smtp.start();
    s = await Scenario.start({
      modules: ['accounts', 'notifications', 'shipping'],
      env: {
        ...FAST_HASHING,
        SMTP_URL: url,
        SHOP_URL: 'https://shop.example.test',
        TRACKING_URL_TEMPLATE: 'https://track.example.test/{carrier}/{trackingNumber}?order={orderId}',
      },
    });
    customerId = (await new Client(s.app).signUp(email, undefined, 'Pat')).id;
  });
  afterAll(async () => {
    await s.close();
    await smtp.stop();
  });

  const admin = () => bearer(s.app, ['admin']);
  const post = (url: string, payload?: object) =>
    s.app.inject({ method: 'POST', url, headers: admin(), ...(payload ? { payload } : {}) });
  const mailsAbout = (needle: string) => smtp.mails.filter((m) => decodeMail(m.raw).includes(needle));
  const redeliver = (event: ShipmentDispatched | ShipmentDelivered) =>
    s.app.get(LocalEventDispatcher).dispatch(toEnvelope(event));

  it('sends one "shipped" email per parcel with its tracking link, and one "delivered" email per parcel', async () => {
    const orderId = uuidv7();
    const ref = `#${orderId.replace(/-/g, '').slice(-8).toUpperCase()}`;
    await deliver(s, orderConfirmed([{ quantity: 3 }, { quantity: 1 }], orderId, customerId));
    const [whole] = (
      await s.app.inject({ method: 'GET', url: `/shipping/shipments?orderId=${orderId}`, headers: admin() })
    ).json().items as { id: string }[];
    const [rest, part] = (
      await post(`/shipping/shipments/${whole.id}/split`, { lines: [{ lineNo: 1, quantity: 2 }] })
    ).json() as { id: string }[];

    // The first parcel leaves with the sandbox carrier, which issues the tracking number.
    await post(`/shipping/shipments/${part.id}/pack`);
    const { trackingNumber } = (await post(`/shipping/shipments/${part.id}/dispatch`, { carrier: 'sandbox' })).json();
    await s.flush();
    const first = decodeMail(
      (await smtp.waitFor(email, (raw) => raw.includes(`Tracking number: ${trackingNumber}`))).raw,
    );
    expect(first).toContain(`Subject: A parcel of your order ${ref} is on its way`);
    expect(first).toContain(`A parcel of your order ${ref} (2 items) left our warehouse with sandbox.`);
    expect(first).toContain(`Track it: https://track.example.test/sandbox/${trackingNumber}?order=${orderId}`);
    expect(first).toContain(`Details: https://shop.example.test/account/orders/${orderId}`);

    // A redelivered event is dropped by the inbox: no second email.
    const dispatched = await s.waitForEvent(ShipmentDispatched, (e) => e.payload.shipmentId === part.id);
    await redeliver(dispatched);
    expect(mailsAbout(`Tracking number: ${trackingNumber}`)).toHaveLength(1);

    // The rest leaves with a carrier without webhooks; its number is URL-encoded in the link.
    await post(`/shipping/shipments/${rest.id}/pack`);
    await post(`/shipping/shipments/${rest.id}/dispatch`, { carrier: 'Parcelforce', trackingNumber: 'PF 1/2' });
    await s.flush();
    const last = decodeMail((await smtp.waitFor(email, (raw) => raw.includes('Tracking number: PF 1/2'))).raw);
    expect(last).toContain(`Subject: Your order ${ref} is on its way`);
    expect(last).toContain(`Your order ${ref} (2 items) left our warehouse with Parcelforce.`);
    expect(last).toContain(`Track it: https://track.example.test/Parcelforce/PF%201%2F2?order=${orderId}`);

    // Deliveries: the first parcel, then the last one completes the order.
    await post(`/shipping/shipments/${part.id}/deliver`);
    await s.flush();
    const { deliveredAt } = (await s.waitForEvent(ShipmentDelivered, (e) => e.payload.shipmentId === part.id)).payload;
    const one = decodeMail((await smtp.waitFor(email, (raw) => raw.includes('was delivered on'))).raw);
    expect(one).toContain(`Subject: A parcel of your order ${ref} was delivered`);
    expect(one).toContain(`A parcel of your order ${ref} (2 items) was delivered on ${deliveredAt.slice(0, 10)}.`);
    await post(`/shipping/shipments/${rest.id}/deliver`);
    await s.flush();
    const all = decodeMail(
      (await smtp.waitFor(email, (raw) => raw.includes(`Your order ${ref} (2 items) was delivered`))).raw,
    );
    expect(all).toContain(`Subject: Your order ${ref} was delivered`);

    const delivered = await s.waitForEvent(ShipmentDelivered, (e) => e.payload.shipmentId === rest.id);
    await redeliver(delivered);
    expect(mailsAbout('was delivered on')).toHaveLength(2);
    expect(smtp.mails.every((m) => m.to.includes(email))).toBe(true);
  });
});
