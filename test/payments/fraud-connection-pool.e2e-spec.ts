import { paymentRow, authorize } from './payments-support';
import { Scenario } from '../support/scenario';

/**
 * The fraud check runs inside the authorization's transaction and must read everything on it: a
 * read on a second connection waits for the pool, and once every pooled connection is such a
 * transaction nothing ever frees one. After a SIGKILL and restart (a cold model cache and a burst
 * of retried AuthorizePayment commands), that held payments' whole pool "idle in transaction" and
 * the module answered nothing (test/extraction/payments-crash). A pool of one connection makes the
 * same deadlock happen with a single authorization.
 */
describe('payments authorizes with a pool of one connection (no second connection inside a transaction)', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await Scenario.start({
      modules: ['payments'],
      // 0: the live models are read on every assessment, as on the first one after a restart.
      env: { DATABASE_POOL_SIZE: '1', FRAUD_MODEL_CACHE_MS: '0', FRAUD_REVIEW_SWEEP_INTERVAL_MS: '0' },
    });
  });
  afterAll(() => s.close());

  it('records and authorizes the payment', async () => {
    const command = authorize('tok_visa');
    await s.bus.execute(command);
    expect((await paymentRow(s, command.orderId)).status).toBe('authorized');
  }, 30_000);
});
