import { v7 as uuidv7 } from 'uuid';
import { CommitStock, ReserveStock } from '../../src/modules/catalog';
import { bearer } from '../support/auth';
import { Scenario } from '../support/scenario';
import { createProduct } from './catalog-fixtures';

describe('GET /catalog/variants/:id/stock: stock and reservations for admins (real PostgreSQL)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await Scenario.start({ modules: ['catalog'], env: { CATALOG_RESERVATION_SWEEP_MS: '0' } });
  });
  afterAll(() => s.close());

  const unitPrice = { amount: 1000, currency: 'EUR' };

  it('shows units on hand, reserved and available, and the orders holding them until they commit', async () => {
    const product = await createProduct(s.app, { stock: 10 });
    const variantId = product.variants[0].id;
    const [first, second] = [uuidv7(), uuidv7()];
    await s.bus.execute(new ReserveStock(first, [{ variantId, quantity: 2, unitPrice }]));
    await s.bus.execute(new ReserveStock(second, [{ variantId, quantity: 3, unitPrice }]));

    const admin = bearer(s.app, ['admin']);
    const seen = await s.app.inject({ method: 'GET', url: `/catalog/variants/${variantId}/stock`, headers: admin });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toEqual({
      variantId,
      productId: product.id,
      sku: product.variants[0].sku,
      onHand: 10,
      reserved: 5,
      available: 5,
      reservations: [
        { orderId: first, quantity: 2, reservedAt: expect.any(String), expiresAt: expect.any(String) },
        { orderId: second, quantity: 3, reservedAt: expect.any(String), expiresAt: expect.any(String) },
      ],
    });

    await s.bus.execute(new CommitStock(first));
    const after = await s.app.inject({ method: 'GET', url: `/catalog/variants/${variantId}/stock`, headers: admin });
    expect(after.json()).toMatchObject({ onHand: 8, reserved: 3, available: 5, reservations: [{ orderId: second }] });
  });

  it('answers 404 for an unknown variant, 400 for a malformed id, 403 to a customer', async () => {
    const admin = bearer(s.app, ['admin']);
    const missing = await s.app.inject({ method: 'GET', url: `/catalog/variants/${uuidv7()}/stock`, headers: admin });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await s.app.inject({ method: 'GET', url: '/catalog/variants/x/stock', headers: admin })).statusCode).toBe(
      400,
    );
    const product = await createProduct(s.app, { stock: 1 });
    const customer = await s.app.inject({
      method: 'GET',
      url: `/catalog/variants/${product.variants[0].id}/stock`,
      headers: bearer(s.app),
    });
    expect(customer.statusCode).toBe(403);
  });
});
