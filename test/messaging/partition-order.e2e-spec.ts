import { ClearCart } from '../../src/modules/cart';
import { CommitStock, RestockOrder } from '../../src/modules/catalog';
import { CapturePayment } from '../../src/modules/payments';
import { ModuleDataSources } from '../../src/platform/database';
import { MessageEnvelope, OutboxRelay, toEnvelope } from '../../src/platform/messaging/testing';
import { createTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../support/wait-until';

/**
 * The relay's promise (outbox-relay.ts): messages about one thing are delivered in the order they
 * were committed. Here a checkout's confirmation (commit stock, capture, clear the cart) is still
 * being delivered when the order's cancellation commits its restock: the restock must wait for the
 * whole confirmation, not only for the message in flight when it arrived — or the cart is cleared
 * after the cancellation, and the customer's next `POST /carts` finds the old cart still open.
 */
describe('outbox delivery order within a partition, across hand-offs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: ['catalog'], env: { OUTBOX_POLL_MS: '60000' } });
  });
  afterAll(() => t.close());

  it('delivers a row committed while an earlier hand-off of its partition is mid-way after all of that hand-off', async () => {
    const orderId = '0190a000-0000-7000-8000-0000000000aa';
    const delivered: string[] = [];
    let release!: () => void;
    const firstHeld = new Promise<void>((r) => (release = r));
    let holding = false;
    const deliver = async (envelope: MessageEnvelope): Promise<void> => {
      if (envelope.type === 'catalog.CommitStock') {
        holding = true;
        await firstHeld;
      }
      delivered.push(envelope.type);
    };
    const relay = new OutboxRelay('catalog', t.app.get(ModuleDataSources).get('catalog')!, deliver, t.config.messaging);
    relay.start();
    try {
      const confirmation = [
        new CommitStock(orderId),
        new CapturePayment(orderId),
        new ClearCart('0190a000-0000-7000-8000-0000000000bb', orderId),
      ];
      relay.committed(confirmation.map(toEnvelope), true);
      await waitUntil(async () => Promise.resolve(holding));
      relay.committed([toEnvelope(new RestockOrder(orderId, 'cancelled_by_customer'))], true);
      release();
      await waitUntil(async () => Promise.resolve(delivered.length === 4));
      expect(delivered).toEqual([
        'catalog.CommitStock',
        'payments.CapturePayment',
        'cart.ClearCart',
        'catalog.RestockOrder',
      ]);
    } finally {
      release();
      await relay.stop();
    }
  });
});
